/**
 * Indicators and catalogs: definitions with formulas, units, directions and sources, checked when
 * a catalog is built (unknown variables, duplicate ids, cycles).
 */
package org.citykpi.catalog;
