/**
 * U4SSC scoring: attainment of each KPI against its target, points and bands, held column by
 * column for whole results, and the roll-up of points to categories, sub-dimensions and dimensions.
 */
package org.citykpi.score;
