package org.citykpi.spark;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.citykpi.observe.Readings;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.TimeStamps;
import org.jspecify.annotations.Nullable;

/**
 * The roll-up as SQL aggregate functions: {@code citykpi_rollup(time, value, valid, statistic,
 * rule, year, zone)} and {@code citykpi_annual_mean(time, value, valid, rule)}. Each collects its
 * group's readings into the core's mergeable {@link Readings} state together with its parameters
 * (literal arguments: every row of a group must give the same ones), and finishes into one struct
 * {@code (value, status, detail, n_valid, n_expected, capture_pct)}, the columns of {@code citykpi
 * rollup}'s CSV that describe a value.
 */
final class RollupFunction {
    /** The struct each function returns. */
    static final StructType OUT = new StructType()
            .add("value", DataTypes.DoubleType, true)
            .add("status", DataTypes.StringType, false)
            .add("detail", DataTypes.StringType, false)
            .add("n_valid", DataTypes.LongType, false)
            .add("n_expected", DataTypes.LongType, false)
            .add("capture_pct", DataTypes.DoubleType, false);

    private static final StructType GENERAL_IN = new StructType()
            .add("time", DataTypes.TimestampType)
            .add("value", DataTypes.DoubleType)
            .add("valid", DataTypes.BooleanType)
            .add("statistic", DataTypes.StringType)
            .add("rule", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("zone", DataTypes.StringType);

    private static final StructType MEAN_IN = new StructType()
            .add("time", DataTypes.TimestampType)
            .add("value", DataTypes.DoubleType)
            .add("valid", DataTypes.BooleanType)
            .add("rule", DataTypes.StringType);

    private RollupFunction() {}

    static void register(SparkSession spark) {
        spark.udf().register("citykpi_rollup", functions.udaf(new Function(true), Encoders.row(GENERAL_IN)));
        spark.udf().register("citykpi_annual_mean", functions.udaf(new Function(false), Encoders.row(MEAN_IN)));
    }

    /**
     * The readings of a group and the parameters its rows gave. Public because Spark's Java
     * serialization encoder takes public classes only.
     */
    public static final class Buffer implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The group's readings, the core's mergeable state. */
        Readings readings = Readings.create();

        /** The statistic's name; null until a row gave it. */
        @Nullable
        String statistic;

        /** The coverage rule's name; null until a row gave it. */
        @Nullable
        String rule;

        /** The year asked for; 0 for the year of the readings. */
        int year;

        /** The zone's id; null until a row gave it. */
        @Nullable
        String zone;

        /** Takes the parameters of a row, or checks them against those taken before. */
        void parameters(String statistic, String rule, int year, String zone) {
            if (this.statistic == null) {
                this.statistic = statistic;
                this.rule = rule;
                this.year = year;
                this.zone = zone;
            } else if (!this.statistic.equals(statistic)
                    || !Objects.equals(this.rule, rule)
                    || this.year != year
                    || !Objects.equals(this.zone, zone)) {
                throw new InputRowException("the statistic, rule, year or zone changes within a group ("
                        + this.statistic + ", " + this.rule + ", " + this.year + ", " + this.zone + " and "
                        + statistic + ", " + rule + ", " + year + ", " + zone
                        + "; expected literal arguments, the same for every row)");
            }
        }
    }

    /** One of the two functions: with every parameter, or the annual mean of the readings' year. */
    static final class Function extends Aggregator<Row, Buffer, Row> {
        private static final long serialVersionUID = 1L;
        private final boolean general;

        Function(boolean general) {
            this.general = general;
        }

        @Override
        public Buffer zero() {
            return new Buffer();
        }

        @Override
        public Buffer reduce(Buffer b, Row in) {
            String name = general ? "citykpi_rollup" : "citykpi_annual_mean";
            for (int i = 3; i < in.length(); i++) {
                if (in.isNullAt(i)) {
                    throw new InputRowException(name + ": argument " + (i + 1) + " is null (expected "
                            + (general ? "statistic, rule, year and zone" : "a rule such as 'eu'") + ")");
                }
            }
            if (general) {
                b.parameters(in.getString(3), in.getString(4), in.getInt(5), in.getString(6));
            } else {
                b.parameters("mean", in.getString(3), 0, "UTC");
            }
            Long millis = null;
            if (!in.isNullAt(0)) {
                Object t = in.get(0);
                millis = t instanceof Instant i ? i.toEpochMilli() : ((java.sql.Timestamp) t).getTime();
            }
            ReadingsAggregator.add(
                    b.readings,
                    millis,
                    in.isNullAt(1) ? null : in.getDouble(1),
                    in.isNullAt(2) ? null : in.getBoolean(2));
            return b;
        }

        @Override
        public Buffer merge(Buffer a, Buffer b) {
            if (b.statistic != null) {
                a.parameters(b.statistic, Objects.requireNonNull(b.rule), b.year, Objects.requireNonNull(b.zone));
            }
            a.readings.merge(b.readings);
            return a;
        }

        @Override
        public @Nullable Row finish(Buffer b) {
            if (b.statistic == null || b.readings.size() == 0) {
                return null; // no reading with a value
            }
            Statistic stat = Statistic.parse(b.statistic);
            if (stat.kind() == Statistic.Kind.DAILY_MEAN) {
                throw new InputRowException("daily_mean gives one row per day, not one value per group (use"
                        + " SparkRollups.rollup for daily means)");
            }
            int year = b.year != 0 ? b.year : yearOf(b.readings);
            RollupSettings settings = new RollupSettings(
                    RollupSettings.rule(Objects.requireNonNull(b.rule)),
                    List.of(stat),
                    ZoneId.of(Objects.requireNonNull(b.zone)),
                    TimeStamps.START);
            RollupResult r = settings.rollup(year)
                    .series(RollupSettings.series(b.readings, "station", "property", null))
                    .get(0);
            OptionalDouble v = r.value();
            return RowFactory.create(
                    v.isPresent() ? v.getAsDouble() : null,
                    r.status().word(),
                    r.detail(),
                    r.nValid(),
                    r.nExpected(),
                    r.capturePct());
        }

        /** The UTC year of every reading of the group; they must share one. */
        private static int yearOf(Readings r) {
            org.citykpi.observe.Series s = RollupSettings.series(r, "station", "property", null);
            int first = Instant.ofEpochMilli(s.time(0)).atZone(ZoneOffset.UTC).getYear();
            int last = Instant.ofEpochMilli(s.time(s.size() - 1))
                    .atZone(ZoneOffset.UTC)
                    .getYear();
            if (first != last) {
                throw new InputRowException("citykpi_annual_mean: the readings of a group span " + first + " to " + last
                        + " (expected one year: group by year(time) too, or call citykpi_rollup with a year)");
            }
            return first;
        }

        @Override
        public Encoder<Buffer> bufferEncoder() {
            return Encoders.javaSerialization(Buffer.class);
        }

        @Override
        public Encoder<Row> outputEncoder() {
            return Encoders.row(OUT);
        }
    }
}
