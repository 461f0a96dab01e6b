package org.citykpi.examples.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The benchmark harness runs both sides on tiny inputs and reports finite, positive times. */
class SparkBenchmarkTest {
    static final Pattern LINE = Pattern.compile(
            ".*: one JVM ([0-9.]+) s \\(CPU [0-9.]+ s\\), Spark local\\[2\\] with 2 partitions ([0-9.]+) s.*");

    static void assertReport(String line) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(Double.parseDouble(m.group(1)) > 0 && Double.parseDouble(m.group(2)) > 0, line);
    }

    @Test
    void bothSidesRunAndAreTimed() {
        SparkSession spark = SparkSession.builder().getOrCreate();
        assertReport(SparkBenchmark.kpis(spark, 300, 2, 50));
        assertReport(SparkBenchmark.rollup(spark, 2, 2, 1));
        // the generator: 95 % of slots have a value, 0.5 % of values are 0
        int present = 0;
        int zeros = 0;
        for (long i = 0; i < 100_000; i++) {
            present += SparkBenchmark.present(i) ? 1 : 0;
            zeros += SparkBenchmark.value(i) == 0 ? 1 : 0;
        }
        assertTrue(present > 94_500 && present < 95_500, present + " present");
        assertTrue(zeros > 400 && zeros < 600, zeros + " zeros");
    }
}
