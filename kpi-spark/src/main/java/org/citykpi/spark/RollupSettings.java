package org.citykpi.spark;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.citykpi.Period;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Readings;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Series;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.TimeStamps;
import org.citykpi.observe.YearGrid;
import org.jspecify.annotations.Nullable;

/**
 * What a roll-up on the executors needs, as text that travels with the tasks: the coverage rule,
 * the statistics, the zone and the time-stamp convention, each read back through the core's own
 * parsers. Also the rows of the roll-up results.
 */
final class RollupSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The columns of {@code citykpi rollup}'s CSV. */
    static final StructType SCHEMA = new StructType()
            .add("entity", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("property", DataTypes.StringType, false)
            .add("statistic", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, true)
            .add("status", DataTypes.StringType, false)
            .add("detail", DataTypes.StringType, false)
            .add("n_valid", DataTypes.LongType, false)
            .add("n_expected", DataTypes.LongType, false)
            .add("capture_pct", DataTypes.DoubleType, false);

    /** The CSV's columns and the result's unit (null when unknown), which a city's mean needs. */
    static final StructType WITH_UNIT = SCHEMA.add("unit", DataTypes.StringType, true);

    final String rule;
    final List<String> statistics;
    final String zone;
    final String stamps;

    RollupSettings(CoverageRule rule, List<Statistic> statistics, ZoneId zone, TimeStamps stamps) {
        this.rule = rule.name();
        List<String> names = new ArrayList<>();
        for (Statistic s : statistics) {
            names.add(s.name());
        }
        this.statistics = List.copyOf(names);
        this.zone = zone.getId();
        this.stamps = stamps.name();
    }

    /** Returns the rule a name gives: {@code eu}, {@code eea}, {@code none} or a percentage. */
    static CoverageRule rule(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "eu", "eea", "none" -> CoverageRule.named(n);
            default -> CoverageRule.minCapture(name);
        };
    }

    ZoneId zone() {
        return ZoneId.of(zone);
    }

    /** Returns the roll-up of one year with these settings. */
    Rollup rollup(int year) {
        List<Statistic> stats = new ArrayList<>();
        for (String s : statistics) {
            stats.add(Statistic.parse(s));
        }
        return Rollup.create(YearGrid.of(year, zone()))
                .withRule(rule(rule))
                .withTimeStamps(TimeStamps.valueOf(stamps))
                .withStatistics(stats);
    }

    /**
     * Sorts a group's readings into a series, refusing duplicates: two readings of one station and
     * property at one time fail the job, as {@code citykpi rollup} rejects them by default.
     */
    static Series series(Readings r, String station, String property, @Nullable String unit) {
        int dup = r.duplicates();
        if (dup > 0) {
            throw new InputRowException("station " + InputRowException.quote(station) + ", property "
                    + InputRowException.quote(property) + ": " + dup + " reading(s) at a time that already has one"
                    + " (expected one reading per station, property and time)");
        }
        return r.finish(station, property, unit);
    }

    /** Returns the row of a result: the CSV's columns, then the unit. */
    static Row row(RollupResult r) {
        OptionalDouble v = r.value();
        return RowFactory.create(
                r.entity(),
                r.period().label(),
                r.property(),
                r.statistic().name(),
                v.isPresent() ? v.getAsDouble() : null,
                r.status().word(),
                r.detail(),
                r.nValid(),
                r.nExpected(),
                r.capturePct(),
                r.unit().orElse(null));
    }

    /** Reads a station's result back from its row (for a city's mean). */
    static RollupResult result(Row row) {
        boolean ok = "ok".equals(row.getString(5));
        return new RollupResult(
                row.getString(0),
                row.getString(2),
                Period.parse(row.getString(1)),
                Statistic.parse(row.getString(3)),
                row.isNullAt(4) ? OptionalDouble.empty() : OptionalDouble.of(row.getDouble(4)),
                ok ? RollupResult.Status.OK : RollupResult.Status.INSUFFICIENT_COVERAGE,
                row.getString(6),
                row.getLong(7),
                row.getLong(8),
                row.isNullAt(10) ? Optional.empty() : Optional.of(row.getString(10)),
                List.of());
    }
}
