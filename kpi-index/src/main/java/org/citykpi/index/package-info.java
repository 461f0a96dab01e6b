/**
 * Composite indices with COINr-compatible semantics: a hierarchy of indicators and aggregates, a
 * pipeline of swappable steps, statistics, and uncertainty and sensitivity analysis.
 */
package org.citykpi.index;
