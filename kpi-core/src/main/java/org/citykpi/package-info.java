/**
 * The vocabulary of CityKPI: entities, periods and variables that every other package speaks in.
 * No file formats and no computation live here.
 */
package org.citykpi;
