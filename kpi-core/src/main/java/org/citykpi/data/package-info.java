/**
 * The columnar dataset: values of variables for (entity, period) rows, one primitive column per
 * variable with a presence mask, and the builder that fills it from observations or rows.
 */
package org.citykpi.data;
