/**
 * JSON forms of catalogs, datasets, targets and results, each with a {@code "format"} version
 * field. Jackson is used without default typing and with limits on nesting and string length.
 */
package org.citykpi.io.json;
