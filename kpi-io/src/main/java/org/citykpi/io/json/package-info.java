/**
 * JSON forms of catalogs, datasets, results, scores, progress, composite indices and uncertainty
 * analyses, each with a {@code "format"} version field. Jackson is used without default typing and
 * with limits on nesting and string length.
 */
package org.citykpi.io.json;
