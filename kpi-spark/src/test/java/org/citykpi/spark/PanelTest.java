package org.citykpi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.score.U4sscScoring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A synthetic panel of 1 million long rows ({@link Panel}: 7,030 entity-periods, 91 indicators,
 * every cause): Spark's result equals the single-JVM engine's bit for bit for 1, 2, 7 and 64
 * partitions, with the rows in generated order or shuffled.
 */
class PanelTest {
    static final int ENTITY_PERIODS = 7030;

    static Catalog catalog;
    static List<Cells> expected;
    /** The rows, made once by Spark and kept in memory for every partitioning. */
    static Dataset<Row> rows;

    @BeforeAll
    static void computeInOneJvm() {
        catalog = Panel.catalog();
        Results results = Engine.create(catalog).evaluate(Panel.dataset(ENTITY_PERIODS));
        expected = Cells.of(U4sscScoring.score(results, Panel.targets()));
        rows = Panel.rows(LocalSpark.session(), ENTITY_PERIODS).persist(StorageLevel.MEMORY_ONLY());
    }

    @AfterAll
    static void release() {
        rows.unpersist();
    }

    @Test
    void thePanelHasAMillionRowsAndEveryCause() {
        long n = Panel.rowCount(ENTITY_PERIODS);
        assertTrue(n >= 1_000_000 && n < 1_010_000, n + " rows");
        assertEquals(n, rows.count());
        Map<String, Integer> statuses = new HashMap<>();
        for (Cells c : expected) {
            statuses.merge(c.status(), 1, Integer::sum);
        }
        for (String s :
                List.of("ok", "reported", "missing_input", "division_by_zero", "invalid_input", "out_of_range")) {
            assertTrue(statuses.getOrDefault(s, 0) > 0, s + " in " + statuses);
        }
        assertTrue(expected.stream().anyMatch(c -> c.points() != null), "some cells are scored");
    }

    @ParameterizedTest
    @CsvSource({"1, false", "2, true", "7, false", "64, true"})
    void sparkEqualsOneJvm(int partitions, boolean shuffled) {
        List<Row> out = SparkKpis.create(catalog)
                .withTargets(Panel.targets())
                .withPartitions(partitions)
                .compute(shuffled ? rows.orderBy(functions.rand(7)) : rows)
                .collectAsList();
        Cells.assertSameCells(expected, out, partitions + " partitions" + (shuffled ? ", shuffled" : ""));
    }
}
