package org.citykpi.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.citykpi.observe.CityMean;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Readings;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Series;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.TimeStamps;
import org.citykpi.observe.Units;
import org.jspecify.annotations.Nullable;
import scala.Tuple4;

/**
 * Rolls sensor readings up into daily and annual statistics on Apache Spark, as {@code citykpi
 * rollup} does: per station and, when asked, per city; the same rows bit for bit, whatever the
 * partitioning and the order of the readings.
 *
 * <p>Input: a {@code Dataset<Row>} of readings with the columns {@code station}, {@code property}
 * (text), {@code time} (a timestamp, or epoch milliseconds as a long), {@code value} (numeric), and
 * optionally {@code valid} (boolean; absent or null: valid) and {@code unit} (text). Property names
 * and units are taken as given (kpi-io's readers normalise them: {@code PM2.5} → {@code pm25}). A
 * reading without a value is skipped, as the command skips it.
 *
 * <p>How: one aggregation groups the readings by station and property into the core's mergeable
 * {@link Readings} state ({@link #readings()}, a typed Spark {@code Aggregator}: partial states
 * merge map-side and after the shuffle in any order, and sort into the same series); the years are
 * every year with readings (or the one asked for), found over all series as the command finds them;
 * each series is rolled up for each year on the executors ({@link Rollup}); a second aggregation
 * groups station results by city, property, statistic and period, and combines them in station
 * order ({@link CityMean}).
 *
 * <p>Output ({@link #resultSchema()}): the columns of the command's CSV, {@code
 * entity,period,property,statistic,value,status,detail,n_valid,n_expected,capture_pct}, station rows
 * and then (in another partition) city rows, in no particular order within each.
 *
 * <p>Data errors fail the job with an {@link InputRowException}: two readings of one station and
 * property at the same time (the command's default {@code --duplicates error}), a valid reading
 * whose value is not finite, an empty time, station or property, units of one series that are not
 * the same unit.
 *
 * <p>For SQL and PySpark, {@link #register} adds aggregate functions such as {@code
 * citykpi_annual_mean(time, value, valid, 'eu')}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SparkRollups {
    private final CoverageRule rule;
    private final List<Statistic> statistics;
    private final ZoneId zone;
    private final TimeStamps stamps;
    private final @Nullable Integer year;
    private final @Nullable String city;
    private final Map<String, String> cityOf;
    private final Map<String, Double> weights;

    private SparkRollups(
            CoverageRule rule,
            List<Statistic> statistics,
            ZoneId zone,
            TimeStamps stamps,
            @Nullable Integer year,
            @Nullable String city,
            Map<String, String> cityOf,
            Map<String, Double> weights) {
        this.rule = rule;
        this.statistics = List.copyOf(statistics);
        this.zone = zone;
        this.stamps = stamps;
        this.year = year;
        this.city = city;
        this.cityOf = Collections.unmodifiableMap(new TreeMap<>(cityOf));
        this.weights = Collections.unmodifiableMap(new TreeMap<>(weights));
    }

    /**
     * Returns a roll-up with the command's defaults: time stamps at the start of their interval, the
     * calendar in UTC, every year with readings, stations only.
     *
     * @param rule the annual coverage gate ({@link CoverageRule#EU}, {@link CoverageRule#EEA},
     *     {@link CoverageRule#NONE} or {@link CoverageRule#minCapture})
     * @param statistics the statistics, in the order of the results, at least one
     * @return the roll-up
     * @throws IllegalArgumentException if there is no statistic
     */
    public static SparkRollups create(CoverageRule rule, List<Statistic> statistics) {
        requireNonNull(rule, "rule");
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException("no statistic to compute");
        }
        return new SparkRollups(rule, statistics, ZoneId.of("UTC"), TimeStamps.START, null, null, Map.of(), Map.of());
    }

    /**
     * Returns a copy whose calendar days and years are those of {@code z} ({@code --zone}).
     *
     * @param z the zone, such as {@code Europe/Paris}
     * @return this roll-up in zone {@code z}
     */
    public SparkRollups withZone(ZoneId z) {
        return new SparkRollups(rule, statistics, requireNonNull(z, "zone"), stamps, year, city, cityOf, weights);
    }

    /**
     * Returns a copy that reads time stamps as marking the start or the end of their interval
     * ({@code --time-stamps}).
     *
     * @param s the convention
     * @return this roll-up with convention {@code s}
     */
    public SparkRollups withTimeStamps(TimeStamps s) {
        return new SparkRollups(rule, statistics, zone, requireNonNull(s, "stamps"), year, city, cityOf, weights);
    }

    /**
     * Returns a copy that rolls up one year only ({@code --year}); readings outside it are not used.
     *
     * @param y the year, 1 to 9999
     * @return this roll-up of year {@code y}
     * @throws IllegalArgumentException if the year is out of range
     */
    public SparkRollups withYear(int y) {
        if (y < 1 || y > 9999) {
            throw new IllegalArgumentException("year out of range 1..9999: " + y);
        }
        return new SparkRollups(rule, statistics, zone, stamps, y, city, cityOf, weights);
    }

    /**
     * Returns a copy that also combines every station into one city ({@code --city}): the mean of
     * the stations that pass.
     *
     * @param name the city's name, not blank
     * @return this roll-up with a city row per property, statistic and period
     * @throws IllegalArgumentException if the name is blank
     */
    public SparkRollups withCity(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("city name is blank");
        }
        return new SparkRollups(rule, statistics, zone, stamps, year, name.strip(), Map.of(), Map.of());
    }

    /**
     * Returns a copy that also combines stations into cities by a station table ({@code
     * --stations}): each city's value is the mean, or with weights the weighted mean, of its
     * stations that pass.
     *
     * @param cities the city of each station; a station in no city is rolled up but used by none
     * @param stationWeights each station's weight, finite and not negative; empty for plain means
     * @return this roll-up with city rows
     * @throws IllegalArgumentException if weights are given but a station of the table has none
     */
    public SparkRollups withStations(Map<String, String> cities, Map<String, Double> stationWeights) {
        if (!stationWeights.isEmpty() && !stationWeights.keySet().containsAll(cities.keySet())) {
            throw new IllegalArgumentException("a station of the table has no weight");
        }
        return new SparkRollups(rule, statistics, zone, stamps, year, null, cities, stationWeights);
    }

    /**
     * Returns the columns of the result, those of {@code citykpi rollup}'s CSV in the same order.
     *
     * @return {@code entity, period, property, statistic} (text), {@code value} (double, null when
     *     the status is {@code insufficient_coverage}), {@code status, detail} (text), {@code n_valid,
     *     n_expected} (long), {@code capture_pct} (double)
     */
    public static StructType resultSchema() {
        return RollupSettings.SCHEMA;
    }

    /**
     * Returns the aggregator that collects a group's readings into the core's mergeable state, for
     * use in one's own aggregations ({@code functions.udaf(SparkRollups.readings(),
     * SparkRollups.readingsInput())}); its result is the state, to {@link Readings#finish finish}
     * into a series.
     *
     * @return a typed aggregator of (epoch milliseconds, value, valid); a null value is no reading,
     *     a null flag means valid
     */
    public static org.apache.spark.sql.expressions.Aggregator<scala.Tuple3<Long, Double, Boolean>, Readings, Readings>
            readings() {
        return new ReadingsAggregator();
    }

    /**
     * Returns the input encoder of {@link #readings()}.
     *
     * @return the encoder of (epoch milliseconds, value, valid)
     */
    public static org.apache.spark.sql.Encoder<scala.Tuple3<Long, Double, Boolean>> readingsInput() {
        return ReadingsAggregator.input();
    }

    /**
     * Registers the roll-up aggregate functions for SQL (and PySpark's {@code F.expr} / {@code
     * spark.sql}), each returning a struct {@code (value, status, detail, n_valid, n_expected,
     * capture_pct)} for its group:
     *
     * <ul>
     *   <li>{@code citykpi_rollup(time, value, valid, statistic, rule, year, zone)}: any statistic
     *       but {@code daily_mean} (one row per day: use {@link #rollup}) of one year in a zone;
     *   <li>{@code citykpi_annual_mean(time, value, valid, rule)}: the annual mean in UTC of the
     *       year the group's readings fall in (they must fall in one year: group by year too).
     * </ul>
     *
     * The statistic, rule, year and zone are literal arguments, the same in every row of a group.
     * Time stamps mark the start of their interval.
     *
     * @param spark the session whose SQL gets the functions
     */
    public static void register(SparkSession spark) {
        RollupFunction.register(spark);
    }

    /**
     * Rolls {@code readings} up (see the class comment for the columns).
     *
     * @param readings one reading per row
     * @return one row per station (and city), property, period and statistic, with the columns of
     *     {@link #resultSchema()}; without {@link #withYear} the readings are aggregated and the
     *     years found when this is called (the series are then kept in executor storage, as a local
     *     checkpoint, until the result is no longer referenced), otherwise all is lazy
     * @throws IllegalArgumentException if a column is missing or of the wrong type
     */
    public Dataset<Row> rollup(Dataset<Row> readings) {
        requireNonNull(readings, "readings");
        RollupSettings settings = new RollupSettings(rule, statistics, zone, stamps);
        Dataset<Tuple4<String, String, Readings, String>> series = series(readings);
        SortedSet<Integer> years = new TreeSet<>();
        if (year != null) {
            years.add(year);
        } else {
            // Every series is rolled up for every year any series has readings in, as the command
            // does: the years are found first, over the series kept in executor storage (released
            // with the result) so that the readings are aggregated once.
            series = series.localCheckpoint(true);
            years.addAll(series.flatMap(new Years(settings), Encoders.INT())
                    .distinct()
                    .collectAsList());
        }
        Dataset<Row> stations =
                series.flatMap(new Stations(settings, List.copyOf(years)), Encoders.row(RollupSettings.WITH_UNIT));
        Dataset<Row> out = stations;
        if (city != null || !cityOf.isEmpty()) {
            Map<String, String> of = new LinkedHashMap<>(cityOf);
            Dataset<Row> cities = stations.groupByKey(new CityKey(city, of), Encoders.STRING())
                    .flatMapGroups(new Cities(city, of, weights), Encoders.row(RollupSettings.WITH_UNIT));
            out = stations.union(cities);
        }
        return out.drop("unit");
    }

    /**
     * Returns one row per station and property: the names, the readings' state and the units the
     * readings name (sorted, separated by NUL; empty for none).
     */
    private static Dataset<Tuple4<String, String, Readings, String>> series(Dataset<Row> readings) {
        StructType schema = readings.schema();
        Column station = text(schema, "station");
        Column property = text(schema, "property");
        Column time = time(schema);
        Column value = column(schema, "value");
        DataType vt = schema.fields()[schema.fieldIndex(name(schema, "value"))].dataType();
        if (!(vt instanceof org.apache.spark.sql.types.NumericType)) {
            throw new IllegalArgumentException(
                    "column 'value' is " + vt.simpleString() + " (expected a numeric column)");
        }
        Column valid = has(schema, "valid") ? column(schema, "valid").cast(DataTypes.BooleanType) : lit(true);
        Column unit = has(schema, "unit")
                ? column(schema, "unit").cast(DataTypes.StringType)
                : lit(null).cast(DataTypes.StringType);
        Dataset<Row> prepared = readings.select(
                station.as("station"),
                property.as("property"),
                time.as("millis"),
                value.cast(DataTypes.DoubleType).as("value"),
                valid.as("valid"),
                unit.as("unit"));
        Dataset<Row> packed = prepared.mapPartitions(new PackedReadings(), Encoders.row(PackedReadings.RECORD));
        return packed.groupBy(col("station"), col("property"))
                .agg(
                        functions
                                .udaf(new PackedReadings.Merge(), Encoders.BINARY())
                                .apply(col("cells"))
                                .as("readings"),
                        functions
                                .concat_ws("\u0000", functions.array_sort(functions.collect_set(col("unit"))))
                                .as("units"))
                .as(Encoders.tuple(
                        Encoders.STRING(),
                        Encoders.STRING(),
                        Encoders.javaSerialization(Readings.class),
                        Encoders.STRING()));
    }

    private static boolean has(StructType schema, String want) {
        for (StructField f : schema.fields()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(want)) {
                return true;
            }
        }
        return false;
    }

    private static String name(StructType schema, String want) {
        for (StructField f : schema.fields()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(want)) {
                return f.name();
            }
        }
        List<String> names = new ArrayList<>();
        for (StructField f : schema.fields()) {
            names.add(f.name());
        }
        throw new IllegalArgumentException("the readings have no column '" + want
                + "' (expected the columns station, time, property, value[, valid][, unit]; found "
                + String.join(", ", names) + ")");
    }

    private static Column column(StructType schema, String want) {
        return col("`" + name(schema, want).replace("`", "``") + "`");
    }

    private static Column text(StructType schema, String want) {
        return column(schema, want).cast(DataTypes.StringType);
    }

    /** Returns the time as epoch milliseconds: a timestamp's, or a long taken as such. */
    private static Column time(StructType schema) {
        String n = name(schema, "time");
        DataType t = schema.fields()[schema.fieldIndex(n)].dataType();
        Column c = col("`" + n.replace("`", "``") + "`");
        if (t.equals(DataTypes.TimestampType)) {
            return functions.unix_millis(c);
        }
        if (t.equals(DataTypes.LongType)) {
            return c;
        }
        throw new IllegalArgumentException("column '" + n + "' is " + t.simpleString()
                + " (expected a timestamp, or epoch milliseconds as a long)");
    }

    /** Returns the series of a group, checking its names and units. */
    static Series seriesOf(Tuple4<String, String, Readings, String> group) {
        String station = group._1();
        String property = group._2();
        if (station == null || station.isBlank() || property == null || property.isBlank()) {
            throw new InputRowException(
                    "readings of station " + (station == null ? "null" : InputRowException.quote(station))
                            + ", property " + (property == null ? "null" : InputRowException.quote(property))
                            + ": the station or property is empty (expected a station id and a property name)");
        }
        String unit = null;
        for (String u : group._4().split("\u0000", -1)) {
            if (u.isBlank()) {
                continue;
            }
            if (unit == null) {
                unit = u;
            } else if (!Units.same(unit, u)) {
                throw new InputRowException("station " + InputRowException.quote(station) + ", property "
                        + InputRowException.quote(property) + ": readings in " + InputRowException.quote(unit)
                        + " and in " + InputRowException.quote(u) + " (expected one unit per station and property)");
            }
        }
        return RollupSettings.series(group._3(), station, property, unit);
    }

    /** The years in which a series has readings, placed as the roll-up places them. */
    static final class Years implements FlatMapFunction<Tuple4<String, String, Readings, String>, Integer> {
        private static final long serialVersionUID = 1L;
        private final RollupSettings settings;

        Years(RollupSettings settings) {
            this.settings = settings;
        }

        @Override
        public Iterator<Integer> call(Tuple4<String, String, Readings, String> group) {
            Series s = seriesOf(group);
            Observations.Builder b = Observations.builder();
            for (int i = 0; i < s.size(); i++) {
                b.add(s.station(), s.property(), s.time(i), s.value(i), s.valid(i), null, i);
            }
            return Rollup.years(b.build(), settings.zone(), TimeStamps.valueOf(settings.stamps))
                    .iterator();
        }
    }

    /** The results of a series in every year, with their unit. */
    static final class Stations implements FlatMapFunction<Tuple4<String, String, Readings, String>, Row> {
        private static final long serialVersionUID = 1L;
        private final RollupSettings settings;
        private final List<Integer> years;

        Stations(RollupSettings settings, List<Integer> years) {
            this.settings = settings;
            this.years = years;
        }

        @Override
        public Iterator<Row> call(Tuple4<String, String, Readings, String> group) {
            Series s = seriesOf(group);
            List<Row> out = new ArrayList<>();
            for (int y : years) {
                for (RollupResult r : settings.rollup(y).series(s)) {
                    out.add(RollupSettings.row(r));
                }
            }
            return out.iterator();
        }
    }

    /** The city of a station's result, or "" for a station in no city. */
    static final class CityKey implements MapFunction<Row, String> {
        private static final long serialVersionUID = 1L;
        private final @Nullable String city;
        private final Map<String, String> cityOf;

        CityKey(@Nullable String city, Map<String, String> cityOf) {
            this.city = city;
            this.cityOf = cityOf;
        }

        @Override
        public String call(Row row) {
            if (city != null) {
                return city;
            }
            return cityOf.getOrDefault(row.getString(0), "");
        }
    }

    /** A city's results from its stations' results, taken in station order. */
    static final class Cities implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;
        private final @Nullable String city;
        private final Map<String, String> cityOf;
        private final Map<String, Double> weights;

        Cities(@Nullable String city, Map<String, String> cityOf, Map<String, Double> weights) {
            this.city = city;
            this.cityOf = cityOf;
            this.weights = weights;
        }

        @Override
        public Iterator<Row> call(String name, Iterator<Row> rows) {
            if (name.isEmpty()) {
                return Collections.emptyIterator();
            }
            List<RollupResult> stations = new ArrayList<>();
            while (rows.hasNext()) {
                stations.add(RollupSettings.result(rows.next()));
            }
            // The command combines the stations in the order it rolled them up: by year, then
            // station (then property); a city's value sums them in that order.
            stations.sort((a, b) -> {
                int c = a.period().compareTo(b.period());
                return c != 0 ? c : a.entity().compareTo(b.entity());
            });
            Map<String, Double> w = new LinkedHashMap<>();
            if (city == null && !weights.isEmpty()) {
                for (Map.Entry<String, String> e : cityOf.entrySet()) {
                    if (e.getValue().equals(name)) {
                        w.put(e.getKey(), weights.get(e.getKey()));
                    }
                }
            }
            List<Row> out = new ArrayList<>();
            for (RollupResult r : CityMean.combine(name, stations, w)) {
                out.add(RollupSettings.row(r));
            }
            return out.iterator();
        }
    }
}
