package org.citykpi.examples.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.YearGrid;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;
import org.citykpi.score.U4sscScoring;
import org.citykpi.spark.SparkKpis;
import org.citykpi.spark.SparkRollups;

/**
 * Times the same work in one JVM and on Spark {@code local[2]} in one run, and prints both with
 * their ratio: the question is how much Spark costs on one machine over the single-JVM library
 * (the budget: within 3×, Spark's fixed costs aside), and how that changes with partitions.
 *
 * <ul>
 *   <li>{@code kpis N [P]}: 91 U4SSC-shaped indicators over {@code N} entity-periods of 150
 *       variables (5 % missing, a few zero denominators), long rows already in memory (a Java array
 *       of rows on one side, a cached {@code Dataset<Row>} on the other) → every result row with
 *       its text (one JVM: {@code Dataset.Builder}, {@code Engine}, {@code U4sscScoring}, each
 *       cell's fields read; Spark: {@link SparkKpis}, written to the no-op sink).
 *   <li>{@code rollup S [P]}: a year of hourly readings of {@code S} stations × 5 properties
 *       ({@code S = 1000}: 43.8 million), already in memory → annual mean and capture under the EU
 *       rule and a city mean (one JVM: {@code Observations.Builder}, {@code Rollup}, {@code
 *       CityMean}; Spark: {@link SparkRollups} for year 2023).
 * </ul>
 *
 * {@code P} is the number of shuffle partitions (default 4). Spark's fixed costs (session start,
 * the first job's code generation) are left out by a warm-up run on a small input; each side runs
 * {@code runs} times (default 1), the median is reported.
 *
 * <pre>
 * java -Xmx12g [Spark's --add-opens options] -cp "$(cat spark.cp):examples/spark/target/kpi-spark.jar" \
 *     org.citykpi.examples.spark.SparkBenchmark kpis 1000000 4
 * </pre>
 */
public final class SparkBenchmark {
    static final int VARIABLES = 150;
    static final String[] PROPERTIES = {"pm25", "pm10", "no2", "o3", "so2"};

    private SparkBenchmark() {}

    /**
     * Runs one benchmark (see the class comment).
     *
     * @param args {@code kpis N [P]} or {@code rollup S [P]}
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SparkBenchmark kpis ENTITY_PERIODS [PARTITIONS] | rollup STATIONS [PARTITIONS]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[1]);
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("citykpi-benchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(partitions))
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        System.out.println(
                args[0].equals("kpis") ? kpis(spark, n, partitions, WARM_UP) : rollup(spark, n, partitions, 20));
        spark.stop();
    }

    // ---------------------------------------------------------------------------------------------
    // KPIs

    /** 91 indicators with the formula shapes of the U4SSC catalog over 150 variables (seed 91). */
    static Catalog catalog() {
        SplittableRandom rnd = new SplittableRandom(91);
        Catalog.Builder b = Catalog.builder("bench", "1");
        for (int v = 0; v < VARIABLES; v++) {
            b.variable(Variable.of("v" + v, "count").withRange(0, Double.POSITIVE_INFINITY));
        }
        for (int k = 0; k < 91; k++) {
            String f = switch (k % 7) {
                case 0, 1 -> "100 * " + v(rnd) + " / " + v(rnd);
                case 2 -> "100000 * " + v(rnd) + " / " + v(rnd);
                case 3 -> "100 * (" + v(rnd) + " + " + v(rnd) + " + " + v(rnd) + ") / " + v(rnd);
                case 4 -> k > 7 ? "100 - K" + (k - 4) : v(rnd) + " - " + v(rnd);
                case 5 -> "if(" + v(rnd) + " > 0, 1, 0)";
                default -> "sum(" + v(rnd) + ", " + v(rnd) + ", " + v(rnd) + ", " + v(rnd) + ") / " + v(rnd);
            };
            b.indicator(Indicator.of("K" + k, "indicator " + k, "%", Direction.HIGHER, f));
        }
        return b.build();
    }

    private static String v(SplittableRandom rnd) {
        return "v" + rnd.nextInt(VARIABLES);
    }

    /** Mixes a row number into 64 well-spread bits (SplitMix64's finaliser). */
    static long mix(long i) {
        long z = (i + 1) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Whether slot {@code i} (entity-period {@code i / 150}, variable {@code i % 150}) has a value: 95 %. */
    static boolean present(long i) {
        return Math.floorMod(mix(i), 20) != 0;
    }

    /** The value of slot {@code i}: 0.5 % zeros, else a count up to a million. */
    static double value(long i) {
        long h = mix(i ^ 0x5DEECE66DL);
        return Math.floorMod(h, 200) == 0 ? 0 : 1 + Math.floorMod(h >>> 8, 1_000_000);
    }

    static String entity(long ep) {
        return "city-" + (1_000_000 + ep / 5);
    }

    static String period(long ep) {
        return Integer.toString(2019 + (int) (ep % 5));
    }

    /** Entity-periods of the warm-up runs (JIT, Spark's code generation and class loading). */
    static final int WARM_UP = 20_000;

    /**
     * Times the KPIs both ways after warm-ups of {@code warmUp} entity-periods; returns the report
     * line.
     */
    static String kpis(SparkSession spark, int entityPeriods, int partitions, int warmUp) {
        Catalog catalog = catalog();
        System.out.printf(
                Locale.ROOT, "kpis: %,d entity-periods × %d variables, 91 indicators%n", entityPeriods, VARIABLES);
        oneJvmKpis(catalog, warmUp);
        long oneJvm = oneJvmKpis(catalog, entityPeriods);
        long oneJvmCpu = lastCpu;
        System.gc();
        sparkKpis(spark, catalog, warmUp, partitions);
        long onSpark = sparkKpis(spark, catalog, entityPeriods, partitions);
        return report("kpis", entityPeriods + " entity-periods", partitions, oneJvm, onSpark, oneJvmCpu, lastCpu);
    }

    /** The Spark side: the same rows made and cached (not timed), then the timed computation. */
    static long sparkKpis(SparkSession spark, Catalog catalog, int entityPeriods, int partitions) {
        long slots = (long) entityPeriods * VARIABLES;
        UserDefinedFunction present =
                functions.udf((UDF1<Long, Boolean>) SparkBenchmark::present, DataTypes.BooleanType);
        UserDefinedFunction value = functions.udf((UDF1<Long, Double>) SparkBenchmark::value, DataTypes.DoubleType);
        UserDefinedFunction entity = functions.udf((UDF1<Long, String>) SparkBenchmark::entity, DataTypes.StringType);
        UserDefinedFunction period = functions.udf((UDF1<Long, String>) SparkBenchmark::period, DataTypes.StringType);
        Dataset<Row> ids = spark.range(slots).toDF("id");
        Column epCol = functions.floor(col("id").divide(VARIABLES)).cast(DataTypes.LongType);
        Dataset<Row> input = ids.filter(present.apply(col("id")))
                .select(
                        entity.apply(epCol).as("entity"),
                        period.apply(epCol).as("period"),
                        functions
                                .concat(
                                        functions.lit("v"),
                                        col("id").mod(VARIABLES).cast(DataTypes.StringType))
                                .as("variable"),
                        value.apply(col("id")).as("value"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        input.count();
        long onSpark = time(() -> {
            SparkKpis.create(catalog)
                    .withPartitions(partitions)
                    .compute(input)
                    .write()
                    .format("noop")
                    .mode("overwrite")
                    .save();
            return 0L;
        });
        input.unpersist();
        return onSpark;
    }

    /** The one-JVM side: the long rows as columns in memory (not timed), then the timed work. */
    static long oneJvmKpis(Catalog catalog, int entityPeriods) {
        long slots = (long) entityPeriods * VARIABLES;
        // one JVM: the long rows as columns in memory, then dataset → engine → scores → every cell read
        int rows = 0;
        for (long i = 0; i < slots; i++) {
            rows += present(i) ? 1 : 0;
        }
        int[] ep = new int[rows];
        short[] var = new short[rows];
        double[] val = new double[rows];
        int k = 0;
        for (long i = 0; i < slots; i++) {
            if (present(i)) {
                ep[k] = (int) (i / VARIABLES);
                var[k] = (short) (i % VARIABLES);
                val[k] = value(i);
                k++;
            }
        }
        String[] entities = new String[entityPeriods];
        Period[] periods = new Period[entityPeriods];
        for (int e = 0; e < entityPeriods; e++) {
            entities[e] = entity(e);
            periods[e] = Period.parse(period(e));
        }
        System.out.printf(Locale.ROOT, "  %,d long rows%n", rows);
        long oneJvm = time(() -> {
            org.citykpi.data.Dataset.Builder b = org.citykpi.data.Dataset.builder();
            int[] varIds = new int[VARIABLES];
            for (int v = 0; v < VARIABLES; v++) {
                varIds[v] = b.variable("v" + v);
            }
            int lastEp = -1;
            int e = -1;
            int p = -1;
            for (int r = 0; r < ep.length; r++) {
                if (ep[r] != lastEp) {
                    lastEp = ep[r];
                    e = b.entity(entities[lastEp]);
                    p = b.period(periods[lastEp]);
                }
                b.add(e, p, varIds[var[r]], val[r], -1);
            }
            Results res = Engine.create(catalog).evaluate(b.build());
            return readAll(U4sscScoring.score(res, TargetSet.empty()));
        });
        return oneJvm;
    }

    /** Reads every field of every cell, as a writer would; returns a checksum so that nothing is skipped. */
    static long readAll(Scores s) {
        long h = 0;
        for (ScoredResult r : s.cells()) {
            h += r.entity().length()
                    + r.period().label().length()
                    + r.kpi().length()
                    + r.name().length()
                    + r.unit().length()
                    + r.result().status().length()
                    + (r.points().isPresent() ? 1 : 0);
        }
        return h;
    }

    // ---------------------------------------------------------------------------------------------
    // Roll-ups

    /** Times the roll-up both ways after warm-ups of {@code warmUp} stations; returns the report line. */
    static String rollup(SparkSession spark, int stations, int partitions, int warmUp) {
        System.out.printf(
                Locale.ROOT,
                "rollup: %,d stations × 5 properties × 8,760 hours = %,d readings%n",
                stations,
                stations * 5L * 8760);
        oneJvmRollup(warmUp);
        long oneJvm = oneJvmRollup(stations);
        long oneJvmCpu = lastCpu;
        System.gc();
        sparkRollup(spark, warmUp, partitions);
        long onSpark = sparkRollup(spark, stations, partitions);
        return report("rollup", stations * 5L * 8760 + " readings", partitions, oneJvm, onSpark, oneJvmCpu, lastCpu);
    }

    static final List<Statistic> STATISTICS = List.of(Statistic.MEAN, Statistic.parse("capture"));

    /** The one-JVM side: readings added from memory to the store, rolled up, combined into a city. */
    static long oneJvmRollup(int stations) {
        YearGrid grid = YearGrid.of(2023);
        long hours = grid.hours();
        long readings = stations * 5L * hours;
        long start = grid.startMillis();
        String[] names = new String[stations];
        for (int s = 0; s < stations; s++) {
            names[s] = "st" + s;
        }
        return time(() -> {
            Observations.Builder b = Observations.builder();
            for (long i = 0; i < readings; i++) {
                long series = i / hours;
                b.add(
                        names[(int) (series / 5)],
                        PROPERTIES[(int) (series % 5)],
                        start + (i % hours) * 3_600_000L,
                        reading(i),
                        valid(i),
                        "µg/m³",
                        i);
            }
            List<RollupResult> st = Rollup.create(grid)
                    .withRule(CoverageRule.EU)
                    .withStatistics(STATISTICS)
                    .run(b.build());
            List<RollupResult> all = new ArrayList<>(st);
            all.addAll(org.citykpi.observe.CityMean.combine("City", st));
            return (long) all.size();
        });
    }

    /** The Spark side: the same readings made and cached (not timed), then the timed roll-up. */
    static long sparkRollup(SparkSession spark, int stations, int partitions) {
        YearGrid grid = YearGrid.of(2023);
        long hours = grid.hours();
        long readings = stations * 5L * hours;
        long start = grid.startMillis();
        UserDefinedFunction value = functions.udf((UDF1<Long, Double>) SparkBenchmark::reading, DataTypes.DoubleType);
        UserDefinedFunction valid = functions.udf((UDF1<Long, Boolean>) SparkBenchmark::valid, DataTypes.BooleanType);
        Column series = functions.floor(col("id").divide(hours)).cast(DataTypes.LongType);
        Column property = functions.element_at(
                functions.array(
                        functions.lit("pm25"),
                        functions.lit("pm10"),
                        functions.lit("no2"),
                        functions.lit("o3"),
                        functions.lit("so2")),
                series.mod(5).plus(1).cast(DataTypes.IntegerType));
        Dataset<Row> input = spark.range(readings)
                .toDF("id")
                .select(
                        functions
                                .concat(
                                        functions.lit("st"),
                                        series.divide(5)
                                                .cast(DataTypes.LongType)
                                                .cast(DataTypes.StringType))
                                .as("station"),
                        property.as("property"),
                        col("id").mod(hours).multiply(3_600_000L).plus(start).as("time"),
                        value.apply(col("id")).as("value"),
                        valid.apply(col("id")).as("valid"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        input.count();
        SparkRollups r =
                SparkRollups.create(CoverageRule.EU, STATISTICS).withYear(2023).withCity("City");
        long onSpark = time(() -> {
            r.rollup(input).write().format("noop").mode("overwrite").save();
            return 0L;
        });
        input.unpersist();
        return onSpark;
    }

    static double reading(long i) {
        long h = mix(i);
        return 5 + (h >>> 11) * 0x1.0p-53 * 40;
    }

    static boolean valid(long i) {
        return Math.floorMod(mix(i ^ 77), 50) != 0;
    }

    // ---------------------------------------------------------------------------------------------

    /** Work whose result is kept, so that the JIT cannot drop it. */
    interface Work {
        long run();
    }

    static long sink;

    /** CPU time of the work just timed, every thread of the process (Spark's included), nanoseconds. */
    static long lastCpu;

    static long time(Work w) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        sink += w.run();
        long t = System.nanoTime() - t0;
        lastCpu = os.getProcessCpuTime() - c0;
        return t;
    }

    static String report(
            String what, String size, int partitions, long oneJvm, long onSpark, long oneJvmCpu, long sparkCpu) {
        return String.format(
                Locale.ROOT,
                "%s, %s: one JVM %.2f s (CPU %.2f s), Spark local[2] with %d partitions %.2f s (CPU %.2f s):"
                        + " ratio %.2f (CPU %.2f)",
                what,
                size,
                oneJvm / 1e9,
                oneJvmCpu / 1e9,
                partitions,
                onSpark / 1e9,
                sparkCpu / 1e9,
                (double) onSpark / oneJvm,
                (double) sparkCpu / oneJvmCpu);
    }
}
