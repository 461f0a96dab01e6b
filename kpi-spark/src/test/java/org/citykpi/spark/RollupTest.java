package org.citykpi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.citykpi.observe.CityMean;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.TimeStamps;
import org.citykpi.observe.YearGrid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Roll-ups of a year and a bit of hourly readings at six stations ({@link Hourly}) on Spark equal
 * the single-JVM roll-up, done the way {@code citykpi rollup --stations} does it (every year with
 * readings, every series, then the cities in station order), bit for bit, for 1, 2, 7 and 64
 * partitions and shuffled readings; the SQL functions give the same values.
 */
class RollupTest {
    static final List<Statistic> STATISTICS = List.of(
            Statistic.parse("mean"),
            Statistic.parse("capture"),
            Statistic.parse("min"),
            Statistic.parse("max"),
            Statistic.parse("hourly_p99.8"),
            Statistic.parse("daily_p90.4"),
            Statistic.parse("days_above:40"),
            Statistic.parse("max_daily_8h"),
            Statistic.parse("days_8h_above:45"),
            Statistic.parse("daily_mean"));
    static final Map<String, String> CITY_OF = Map.of("S00", "Alpha", "S01", "Alpha", "S02", "Alpha", "S04", "Beta");
    static final Map<String, Double> WEIGHTS = Map.of("S00", 2.0, "S01", 1.0, "S02", 0.5, "S04", 1.0);

    static List<Hourly.Reading> readings;
    static Map<Key, RollupResult> expected;
    static Dataset<Row> input;

    record Key(String entity, String period, String property, String statistic) {}

    static Key key(RollupResult r) {
        return new Key(
                r.entity(), r.period().label(), r.property(), r.statistic().name());
    }

    @BeforeAll
    static void rollUpInOneJvm() {
        readings = Hourly.readings(6);
        Observations obs = Hourly.observations(readings);
        SortedSet<Integer> years = Rollup.years(obs, ZoneOffset.UTC, TimeStamps.START);
        assertEquals(List.of(2022, 2023), List.copyOf(years));
        List<RollupResult> st = new ArrayList<>();
        for (int y : years) {
            st.addAll(Rollup.create(YearGrid.of(y, ZoneOffset.UTC))
                    .withRule(CoverageRule.EU)
                    .withStatistics(STATISTICS)
                    .run(obs));
        }
        List<RollupResult> all = new ArrayList<>(st);
        for (String c : List.of("Alpha", "Beta")) {
            List<RollupResult> part = new ArrayList<>();
            Map<String, Double> w = new LinkedHashMap<>();
            for (RollupResult r : st) {
                if (c.equals(CITY_OF.get(r.entity()))) {
                    part.add(r);
                    w.put(r.entity(), WEIGHTS.get(r.entity()));
                }
            }
            all.addAll(CityMean.combine(c, part, w));
        }
        expected = new HashMap<>();
        for (RollupResult r : all) {
            expected.put(key(r), r);
        }
        assertEquals(all.size(), expected.size());
        input = Hourly.rows(LocalSpark.session(), readings).persist(StorageLevel.MEMORY_ONLY());
    }

    @AfterAll
    static void release() {
        input.unpersist();
    }

    @Test
    void theReadingsMakeEveryOutcome() {
        long ok = expected.values().stream()
                .filter(r -> r.status() == RollupResult.Status.OK)
                .count();
        assertTrue(ok > 0 && ok < expected.size(), ok + " of " + expected.size());
        // a city mixes µg/m³ and ppb of no2: converted, not left out
        RollupResult alpha = expected.get(new Key("Alpha", "2022", "no2", "capture"));
        assertTrue(alpha.detail().contains("of 3 stations"), alpha.detail());
    }

    static void assertSame(List<Row> rows, String what) {
        Map<Key, RollupResult> left = new HashMap<>(expected);
        for (Row row : rows) {
            Key k = new Key(row.getString(0), row.getString(1), row.getString(2), row.getString(3));
            RollupResult want = left.remove(k);
            if (want == null) {
                fail(what + ": unexpected or repeated row " + row);
            }
            Double v = row.isNullAt(4) ? null : row.getDouble(4);
            Double wantV = want.value().isPresent() ? want.value().getAsDouble() : null;
            assertEquals(Cells.bits(wantV), Cells.bits(v), what + ": value of " + k);
            assertEquals(want.status().word(), row.getString(5), what + ": status of " + k);
            assertEquals(want.detail(), row.getString(6), what + ": detail of " + k);
            assertEquals(want.nValid(), row.getLong(7), what + ": n_valid of " + k);
            assertEquals(want.nExpected(), row.getLong(8), what + ": n_expected of " + k);
            assertEquals(
                    Double.doubleToRawLongBits(want.capturePct()), Double.doubleToRawLongBits(row.getDouble(9)), what);
        }
        assertTrue(
                left.isEmpty(),
                what + ": rows missing, e.g. " + left.keySet().stream().limit(3).toList());
    }

    @ParameterizedTest
    @CsvSource({"1, false", "2, true", "7, false", "64, true"})
    void sparkEqualsOneJvm(int partitions, boolean shuffled) {
        Dataset<Row> in = shuffled ? input.orderBy(functions.rand(11)) : input;
        Dataset<Row> out = SparkRollups.create(CoverageRule.EU, STATISTICS)
                .withStations(CITY_OF, WEIGHTS)
                .rollup(in.repartition(partitions));
        assertEquals(SparkRollups.resultSchema(), out.schema());
        assertSame(out.collectAsList(), partitions + " partitions" + (shuffled ? ", shuffled" : ""));
    }

    @Test
    void sqlFunctionsGiveTheSameValues() {
        SparkRollups.register(LocalSpark.session());
        input.createOrReplaceTempView("readings");
        List<Row> rows = LocalSpark.session()
                .sql("SELECT station, property, citykpi_annual_mean(time, value, valid, 'eu') AS m,"
                        + " citykpi_rollup(time, value, valid, 'hourly_p99.8', 'eu', 2023, 'UTC') AS p"
                        + " FROM readings WHERE year(time) = 2023 GROUP BY station, property")
                .collectAsList();
        assertEquals(12, rows.size());
        for (Row r : rows) {
            for (String[] c : new String[][] {{"m", "mean"}, {"p", "hourly_p99.8"}}) {
                Row s = r.getStruct(r.fieldIndex(c[0]));
                RollupResult want = expected.get(new Key(r.getString(0), "2023", r.getString(1), c[1]));
                Double wantV = want.value().isPresent() ? want.value().getAsDouble() : null;
                assertEquals(Cells.bits(wantV), Cells.bits(s.isNullAt(0) ? null : s.getDouble(0)), c[1]);
                assertEquals(want.status().word(), s.getString(1));
                assertEquals(want.detail(), s.getString(2));
                assertEquals(want.nValid(), s.getLong(3));
                assertEquals(want.nExpected(), s.getLong(4));
            }
        }
    }
}
