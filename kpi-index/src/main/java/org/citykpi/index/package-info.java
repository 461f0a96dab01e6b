/**
 * Composite indices with COINr-compatible semantics: a hierarchy of indicators and aggregates, a
 * pipeline of swappable steps, statistics, and uncertainty and sensitivity analysis.
 *
 * <p>The definitions of an analysis (data, hierarchy, pipeline, methods, uncertain inputs) and a
 * batch of its runs are serializable, so that runs can be spread over the workers of a cluster.
 * Reading one checks it again through its constructor or factory; the serial form is for moving
 * values between JVMs of the same CityKPI version (such as to Spark executors), not for storage.
 *
 * @serial exclude
 */
package org.citykpi.index;
