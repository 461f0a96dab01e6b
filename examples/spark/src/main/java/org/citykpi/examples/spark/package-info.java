/**
 * The {@code citykpi compute} and {@code citykpi rollup} commands as a Spark application
 * ({@link org.citykpi.examples.spark.SparkApp}), packaged as {@code kpi-spark.jar}. No module
 * descriptor, as kpi-spark: Spark's jars have no valid module name to require.
 */
@NullMarked
package org.citykpi.examples.spark;

import org.jspecify.annotations.NullMarked;
