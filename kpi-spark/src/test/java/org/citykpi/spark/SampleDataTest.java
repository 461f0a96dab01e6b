package org.citykpi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.citykpi.Variable;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.score.U4sscScoring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample city data of examples/data with the bundled U4SSC catalog and the sample targets:
 * Spark's result equals the single-JVM result (the way {@code citykpi compute} reads and computes
 * it) bit for bit, for 1, 2, 7 and 64 partitions, rows in file order or shuffled.
 */
class SampleDataTest {
    static final Path DATA = Path.of("..", "examples", "data");

    static Catalog catalog;
    static TargetSet targets;
    static final Map<String, String> UNITS = new HashMap<>();
    static final Map<String, List<Cells>> EXPECTED = new HashMap<>();

    @BeforeAll
    static void readCatalogAndTargets() throws Exception {
        catalog = CatalogJson.u4ssc();
        // as citykpi compute reads data: against the catalog's units
        for (Variable v : catalog.variables()) {
            if (!v.unit().isEmpty()) {
                UNITS.put(v.id(), v.unit());
            }
        }
        for (Indicator i : catalog.indicators()) {
            if (!i.unit().isEmpty()) {
                UNITS.putIfAbsent(i.id(), i.unit());
            }
        }
        TargetsReader.Result t = TargetsReader.read(DATA.resolve("sample-targets.csv"), catalog);
        assertTrue(t.problems().isEmpty(), t.problems().toString());
        targets = t.targets();
    }

    /** Returns the single-JVM cells of one data file, computed once. */
    static synchronized List<Cells> expected(String file) throws Exception {
        List<Cells> cells = EXPECTED.get(file);
        if (cells == null) {
            ReadResult read =
                    DataReader.create(ReadOptions.defaults().withUnits(UNITS)).read(List.of(DATA.resolve(file)));
            assertEquals(0, read.rowsRejected(), read.summary());
            Results results = Engine.create(catalog).evaluate(read.dataset());
            cells = Cells.of(U4sscScoring.score(results, targets));
            EXPECTED.put(file, cells);
        }
        return cells;
    }

    @ParameterizedTest
    @CsvSource({
        "sample-city.csv, 1, false",
        "sample-city.csv, 2, false",
        "sample-city.csv, 7, false",
        "sample-city.csv, 64, false",
        "sample-city.csv, 1, true",
        "sample-city.csv, 2, true",
        "sample-city.csv, 7, true",
        "sample-city.csv, 64, true",
        "sample-cities.csv, 1, false",
        "sample-cities.csv, 7, true",
        "sample-cities.csv, 64, true"
    })
    void sparkEqualsOneJvm(String file, int partitions, boolean shuffled) throws Exception {
        List<Cells> want = expected(file);
        Dataset<Row> input = LocalSpark.session()
                .read()
                .option("header", "true")
                .schema("entity string, period string, variable string, value double")
                .csv(DATA.resolve(file).toString());
        Dataset<Row> rows = shuffled ? input.orderBy(functions.rand(20261203)) : input;
        List<Row> out = SparkKpis.create(catalog)
                .withTargets(targets)
                .withPartitions(partitions)
                .withChunkRows(3)
                .compute(rows)
                .collectAsList();
        assertTrue(want.size() > 90, "cells of " + file);
        Cells.assertSameCells(want, out, file + ", " + partitions + " partitions" + (shuffled ? ", shuffled" : ""));
    }
}
