package org.citykpi.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one embedded Spark session of the test suite: {@code local[2]} (two executor threads, as
 * the build machine has two cores), no UI, few shuffle partitions, its warehouse under {@code
 * target/}. Shared by every test class (surefire runs them in one JVM), since starting Spark
 * takes seconds; stopped when the JVM exits.
 */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("citykpi-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config(
                            "spark.sql.warehouse.dir",
                            Path.of("target", "spark-warehouse")
                                    .toAbsolutePath()
                                    .toString())
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
