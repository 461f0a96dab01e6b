/**
 * The CityKPI calculators on Apache Spark: KPIs over a long-format {@code Dataset<Row>} ({@link
 * org.citykpi.spark.SparkKpis}) and uncertainty runs of a composite index spread over executors
 * ({@link org.citykpi.spark.SparkUncertainty}), with the results of one JVM bit for bit.
 */
@NullMarked
package org.citykpi.spark;

import org.jspecify.annotations.NullMarked;
