package org.citykpi.examples.spark;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;
import org.citykpi.io.csv.ResultsCsvWriter;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.TimeStamps;
import org.citykpi.spark.InputRowException;
import org.citykpi.spark.SparkKpis;
import org.citykpi.spark.SparkRollups;
import org.jspecify.annotations.Nullable;

/**
 * {@code citykpi compute} and {@code citykpi rollup} as a Spark application, for data on a
 * cluster's file system or object store:
 *
 * <pre>
 * spark-submit --class org.citykpi.examples.spark.SparkApp kpi-spark.jar compute \
 *     --data s3a://bucket/cities/*.csv --catalog u4ssc --targets targets.csv --out s3a://bucket/kpis
 * spark-submit --class org.citykpi.examples.spark.SparkApp kpi-spark.jar rollup \
 *     --observations s3a://bucket/air/2023/*.csv --rule eu --statistic mean --city Geneva --out air.csv
 * </pre>
 *
 * <p>{@code compute} reads long CSV files ({@code entity,period,variable,value}, with a header and
 * the command's synonyms {@code city|uCode|GeoCode}, {@code year|Time|TIME_PERIOD}, {@code
 * indicator|kpi|Series}, {@code OBS_VALUE}; other columns are not read) or Parquet files ({@code
 * .parquet}) with those columns; {@code rollup} reads observations CSV ({@code
 * station,time,property,value[,unit][,valid]} and their synonyms, see {@link ReadingsCsv}). The catalog, the targets and the station
 * table are read on the driver (kpi-io). Output: {@code --out FILE.csv} writes one CSV file on the
 * driver's file system with the rows in the command's order, byte for byte the command's output
 * for the compute rows; any other {@code --out} is a directory written by Spark ({@code --format
 * csv}, the default, with the command's number formatting, or {@code parquet}).
 *
 * <p>Without a master from {@code spark-submit} ({@code spark.master}), the application runs on
 * {@code local[*]}. Exit codes as the command's: 0 done, 1 a data error stopped the job (the
 * message names the row), 2 bad usage, 3 an input cannot be read.
 */
public final class SparkApp {
    static final int OK = 0;
    static final int DATA_ERROR = 1;
    static final int USAGE = 2;
    static final int UNREADABLE = 3;

    static final String USAGE_TEXT = String.join(
            "\n",
            "usage: SparkApp compute --data PATH... [--catalog u4ssc|FILE] [--targets FILE] --out PATH",
            "                        [--format csv|parquet] [--partitions N]",
            "       SparkApp rollup --observations PATH... [--rule eu|eea|none] [--min-capture PCT] [--year Y]",
            "                        [--statistic NAME]... [--city NAME | --stations MAP.csv] [--zone ZONE]",
            "                        [--time-stamps start|end] --out PATH [--format csv|parquet]");

    private SparkApp() {}

    /**
     * Runs the application and exits with its code.
     *
     * @param args {@code compute} or {@code rollup} and their options (see the class comment)
     */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        SparkSession.active().stop();
        System.exit(code);
    }

    /** An input that cannot be read at all: its message says where and why. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /** A bad command line: the message, then the usage. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Runs one command in the active (or a new) Spark session, leaving the session open.
     *
     * @param args the command and its options
     * @param out where a summary goes
     * @param err where errors go
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command");
            }
            Map<String, List<String>> opts = options(args);
            return switch (args[0]) {
                case "compute" -> compute(session(), opts, out, err);
                case "rollup" -> rollup(session(), opts, out);
                default -> throw new UsageException("unknown command '" + args[0] + "' (expected compute or rollup)");
            };
        } catch (UsageException e) {
            err.println("kpi-spark: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (DataFormatException | Unreadable e) {
            err.println(e.getMessage());
            return UNREADABLE;
        } catch (IOException e) {
            err.println("kpi-spark: cannot read or write (" + e.getMessage() + ")");
            return UNREADABLE;
        } catch (Exception e) {
            // Spark's job failures (SparkException) are checked exceptions thrown undeclared.
            InputRowException bad = inputError(e);
            if (bad != null) {
                err.println("kpi-spark: " + bad.getMessage());
                return DATA_ERROR;
            }
            if (e instanceof IllegalArgumentException) {
                err.println("kpi-spark: " + e.getMessage());
                return USAGE;
            }
            String m = e.getMessage();
            err.println("kpi-spark: "
                    + (m == null ? e.toString() : m.lines().findFirst().orElse(m)));
            return UNREADABLE;
        }
    }

    /** Returns the data error a failed job carries, if it failed on one. */
    static @Nullable InputRowException inputError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputRowException bad) {
                return bad;
            }
        }
        return null;
    }

    private static SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("citykpi");
        if (!new SparkConf().contains("spark.master")) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    /** Reads {@code --name value...} options; a name may repeat, and takes the values up to the next name. */
    static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        List<String> values = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                values = m.computeIfAbsent(a, k -> new ArrayList<>());
            } else if (values == null) {
                throw new UsageException("'" + a + "' is not an option");
            } else {
                values.add(a);
            }
        }
        for (Map.Entry<String, List<String>> e : m.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new UsageException(e.getKey() + " needs a value");
            }
        }
        return m;
    }

    private static List<String> all(Map<String, List<String>> opts, String name, boolean required) {
        List<String> v = opts.get(name);
        if (v == null) {
            if (required) {
                throw new UsageException(name + " is required");
            }
            return List.of();
        }
        return v;
    }

    private static @Nullable String one(Map<String, List<String>> opts, String name) {
        List<String> v = opts.get(name);
        if (v == null) {
            return null;
        }
        if (v.size() != 1) {
            throw new UsageException(name + " takes one value, not " + v.size());
        }
        return v.get(0);
    }

    private static void allow(Map<String, List<String>> opts, String... names) {
        List<String> known = List.of(names);
        for (String n : opts.keySet()) {
            if (!known.contains(n)) {
                throw new UsageException("unknown option " + n);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // compute

    private static int compute(SparkSession spark, Map<String, List<String>> opts, PrintStream out, PrintStream err)
            throws IOException {
        allow(opts, "--data", "--catalog", "--targets", "--out", "--format", "--partitions");
        List<String> data = all(opts, "--data", true);
        String outPath = required(opts, "--out");
        String format = format(opts);
        String catalogName = one(opts, "--catalog");
        Catalog catalog = CatalogJson.load(catalogName == null ? "u4ssc" : catalogName);
        TargetSet targets = TargetSet.empty();
        boolean targetErrors = false;
        String targetsFile = one(opts, "--targets");
        if (targetsFile != null) {
            TargetsReader.Result t = TargetsReader.read(Path.of(targetsFile), catalog);
            for (Problem p : t.problems()) {
                err.println(p);
            }
            targetErrors = t.hasErrors();
            targets = t.targets();
        }
        String partitions = one(opts, "--partitions");
        SparkKpis kpis = SparkKpis.create(catalog).withTargets(targets);
        if (partitions != null) {
            kpis = kpis.withPartitions(positive("--partitions", partitions));
        }
        Dataset<Row> results = kpis.compute(longData(spark, data));
        long rows;
        if (outPath.endsWith(".csv")) {
            rows = writeComputeCsv(results, catalog, Path.of(outPath));
        } else {
            write(results, format, outPath);
            rows = -1;
        }
        out.println("kpi-spark: compute wrote " + (rows >= 0 ? rows + " rows to " : "") + outPath);
        return targetErrors ? DATA_ERROR : OK;
    }

    private static String required(Map<String, List<String>> opts, String name) {
        String v = one(opts, name);
        if (v == null) {
            throw new UsageException(name + " is required");
        }
        return v;
    }

    private static String format(Map<String, List<String>> opts) {
        String f = one(opts, "--format");
        f = f == null ? "csv" : f.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("parquet")) {
            throw new UsageException("--format: unknown format '" + f + "' (expected csv or parquet)");
        }
        return f;
    }

    private static int positive(String name, String v) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + ": not a positive whole number '" + v + "'");
    }

    /** Reads long data: Parquet files as they are, CSV files by their header (every column as text). */
    static Dataset<Row> longData(SparkSession spark, List<String> paths) {
        List<String> parquet = new ArrayList<>();
        List<String> csv = new ArrayList<>();
        for (String p : paths) {
            (p.endsWith(".parquet") ? parquet : csv).add(p);
        }
        Dataset<Row> all = null;
        if (!csv.isEmpty()) {
            Dataset<Row> text = spark.read().option("header", "true").csv(csv.toArray(new String[0]));
            all = text.select(
                    col(name(text, "entity", "city", "ucode", "geocode")).as("entity"),
                    col(name(text, "period", "year", "time", "time_period")).as("period"),
                    col(name(text, "variable", "indicator", "kpi", "series")).as("variable"),
                    number().apply(col(name(text, "value", "obs_value"))).as("value"));
        }
        if (!parquet.isEmpty()) {
            Dataset<Row> p = spark.read().parquet(parquet.toArray(new String[0]));
            Dataset<Row> cols = p.select(
                    col(name(p, "entity")).cast(DataTypes.StringType).as("entity"),
                    col(name(p, "period")).cast(DataTypes.StringType).as("period"),
                    col(name(p, "variable")).cast(DataTypes.StringType).as("variable"),
                    col(name(p, "value")).cast(DataTypes.DoubleType).as("value"));
            all = all == null ? cols : all.unionByName(cols);
        }
        return java.util.Objects.requireNonNull(all, "data");
    }

    /**
     * Returns the column of {@code ds} named {@code want} or one of its synonyms (the long CSV's, as
     * the command matches them: ignoring case, blanks and a byte-order mark), quoted for {@code col}.
     */
    static String name(Dataset<Row> ds, String want, String... synonyms) {
        List<String> accepted = new ArrayList<>(List.of(synonyms));
        accepted.add(0, want);
        List<String> names = new ArrayList<>();
        for (String a : accepted) {
            for (StructField f : ds.schema().fields()) {
                if (f.name()
                        .replace("\uFEFF", "")
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(a)) {
                    return "`" + f.name().replace("`", "``") + "`";
                }
            }
        }
        for (StructField f : ds.schema().fields()) {
            names.add(f.name());
        }
        throw new Unreadable("kpi-spark: the data has no column " + String.join("|", accepted) + " (found "
                + String.join(", ", names) + ")");
    }

    /**
     * Parses a number as the command does: a decimal number with an optional exponent, blanks
     * around it ignored; empty text is no value; anything else fails the job naming the text.
     */
    static UserDefinedFunction number() {
        return functions.udf((UDF1<String, Double>) SparkApp::parse, DataTypes.DoubleType);
    }

    static @Nullable Double parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (!t.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            throw new InputRowException("not a number '" + cut(text) + "' (use '.' as decimal separator)");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new InputRowException("number out of range '" + cut(text) + "' (expected a finite number)");
        }
        return v;
    }

    private static String cut(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }

    /** Writes the results as one CSV file in the command's row order; returns the number of rows. */
    static long writeComputeCsv(Dataset<Row> results, Catalog catalog, Path file) throws IOException {
        Map<String, Integer> order = new HashMap<>();
        for (String o : catalog.outputs()) {
            order.put(o, order.size());
        }
        UserDefinedFunction index =
                functions.udf((UDF1<String, Integer>) k -> order.getOrDefault(k, -1), DataTypes.IntegerType);
        UserDefinedFunction start =
                functions.udf((UDF1<String, Long>) p -> Period.parse(p).start().toEpochDay(), DataTypes.LongType);
        UserDefinedFunction end =
                functions.udf((UDF1<String, Long>) p -> Period.parse(p).end().toEpochDay(), DataTypes.LongType);
        // The command sorts entities by String.compareTo: the order of their UTF-16 code units.
        Dataset<Row> sorted = results.orderBy(
                functions.encode(col("entity"), "UTF-16BE"),
                start.apply(col("period")),
                end.apply(col("period")),
                index.apply(col("kpi")));
        long n = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ResultsCsvWriter.writeHeader(w);
            for (Iterator<Row> it = sorted.toLocalIterator(); it.hasNext(); n++) {
                Row r = it.next();
                ResultsCsvWriter.writeRow(
                        w,
                        r.getString(0),
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        optional(r, 4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        optional(r, 8),
                        optional(r, 9),
                        r.isNullAt(10) ? OptionalInt.empty() : OptionalInt.of(r.getInt(10)));
            }
        }
        return n;
    }

    private static OptionalDouble optional(Row r, int i) {
        return r.isNullAt(i) ? OptionalDouble.empty() : OptionalDouble.of(r.getDouble(i));
    }

    /**
     * Writes a directory: Parquet with the typed columns, or CSV files (a header in each) whose
     * numbers are written as the command writes them.
     */
    static void write(Dataset<Row> results, String format, String dir) {
        if (format.equals("parquet")) {
            results.write().mode("errorifexists").parquet(dir);
            return;
        }
        UserDefinedFunction text =
                functions.udf((UDF1<Double, String>) v -> v == null ? null : Numbers.format(v), DataTypes.StringType);
        List<Column> cols = new ArrayList<>();
        for (StructField f : results.schema().fields()) {
            Column c = col(f.name());
            cols.add((f.dataType().equals(DataTypes.DoubleType) ? text.apply(c) : c).as(f.name()));
        }
        results.select(cols.toArray(new Column[0]))
                .write()
                .mode("errorifexists")
                .option("header", "true")
                .option("escape", "\"")
                .option("emptyValue", "")
                .option("ignoreLeadingWhiteSpace", "false")
                .option("ignoreTrailingWhiteSpace", "false")
                .csv(dir);
    }

    // ---------------------------------------------------------------------------------------------
    // rollup

    private static int rollup(SparkSession spark, Map<String, List<String>> opts, PrintStream out) throws IOException {
        allow(
                opts,
                "--observations",
                "--rule",
                "--min-capture",
                "--year",
                "--statistic",
                "--city",
                "--stations",
                "--zone",
                "--time-stamps",
                "--out",
                "--format");
        List<String> files = all(opts, "--observations", true);
        String outPath = required(opts, "--out");
        String format = format(opts);
        String ruleName = one(opts, "--rule");
        String capture = one(opts, "--min-capture");
        if (ruleName != null && capture != null) {
            throw new UsageException("--rule and --min-capture exclude each other");
        }
        CoverageRule rule = capture != null
                ? CoverageRule.minCapture(capture)
                : CoverageRule.named(ruleName == null ? "eu" : ruleName.strip().toLowerCase(Locale.ROOT));
        List<Statistic> stats = new ArrayList<>();
        for (String s : all(opts, "--statistic", false)) {
            stats.add(Statistic.parse(s));
        }
        if (stats.isEmpty()) {
            stats.add(Statistic.MEAN);
        }
        String zoneName = one(opts, "--zone");
        ZoneId zone = ZoneId.of(zoneName == null ? "UTC" : zoneName.strip());
        SparkRollups r = SparkRollups.create(rule, stats).withZone(zone);
        String stamps = one(opts, "--time-stamps");
        if (stamps != null) {
            r = r.withTimeStamps(TimeStamps.valueOf(stamps.strip().toUpperCase(Locale.ROOT)));
        }
        String year = one(opts, "--year");
        if (year != null) {
            r = r.withYear(positive("--year", year));
        }
        String city = one(opts, "--city");
        String stationsFile = one(opts, "--stations");
        if (city != null && stationsFile != null) {
            throw new UsageException("--city and --stations exclude each other");
        }
        List<String> cityOrder = new ArrayList<>();
        if (city != null) {
            r = r.withCity(city);
            cityOrder.add(city.strip());
        } else if (stationsFile != null) {
            StationTable t = StationTable.read(Path.of(stationsFile));
            r = r.withStations(t.cityOf(), t.weights());
            cityOrder.addAll(t.cities());
        }
        Dataset<Row> results = r.rollup(ReadingsCsv.read(spark, files, zoneName == null ? null : zone));
        long rows;
        if (outPath.endsWith(".csv")) {
            rows = RollupCsv.write(results, stats, cityOrder, Path.of(outPath));
        } else {
            write(results, format, outPath);
            rows = -1;
        }
        out.println("kpi-spark: rollup wrote " + (rows >= 0 ? rows + " rows to " : "") + outPath);
        return OK;
    }

    /** A writer that buffers, for the CSV files written on the driver. */
    static Writer file(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }
}
