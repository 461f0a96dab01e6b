/**
 * FIWARE NGSI-LD output: results as Smart Data Models {@code KeyPerformanceIndicator} entities,
 * normalized or keyValues.
 */
package org.citykpi.io.ngsi;
