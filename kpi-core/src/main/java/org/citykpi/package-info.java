/**
 * The vocabulary of CityKPI: entities, periods and variables that every other package speaks in,
 * and the one way numbers are written and summed ({@link org.citykpi.Numbers}, {@link
 * org.citykpi.Sum}). No file formats and no formulas live here.
 */
package org.citykpi;
