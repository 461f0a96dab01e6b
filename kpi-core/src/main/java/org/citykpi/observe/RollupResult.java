package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;

/**
 * One value of a roll-up: a statistic of one property for one station (or city) and period, or
 * why there is none, with the counts its coverage rule was judged on — one row of {@code citykpi
 * rollup}.
 *
 * <p>{@code nValid} and {@code nExpected} count hours, or days for {@linkplain
 * Statistic.Kind#countsDays() day-based statistics}, against the calendar ({@link YearGrid}); for a
 * {@code daily_mean} they count the hours of that day; for a city they count stations (used, of
 * all). Immutable and thread-safe.
 *
 * @param entity the station, or the city
 * @param property the observed property
 * @param period the year, or the date of a {@code daily_mean}
 * @param statistic the statistic
 * @param value the value when {@code status} is {@code OK}, else empty
 * @param status {@code OK} or {@code INSUFFICIENT_COVERAGE}
 * @param detail empty, or why there is no value ({@code capture 72.6 % < 90 %}); for a city, how
 *     many stations were used
 * @param nValid valid hours, days or stations
 * @param nExpected hours or days of the calendar, or stations
 * @param unit the unit of the value, when known ({@code %} for capture, {@code days} for counts of
 *     days, else the unit of the readings)
 * @param contributions for a city: each station's result and whether it was used; for a station:
 *     empty
 */
public record RollupResult(
        String entity,
        String property,
        Period period,
        Statistic statistic,
        OptionalDouble value,
        Status status,
        String detail,
        long nValid,
        long nExpected,
        Optional<String> unit,
        List<Contribution> contributions) {

    /** Whether a result has its value. */
    public enum Status {
        /** The value passed its coverage rule. */
        OK("ok"),
        /** Too few valid hours, days or stations for the rule: no value. */
        INSUFFICIENT_COVERAGE("insufficient_coverage");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        /** {@return the status as the outputs write it: {@code ok} or {@code insufficient_coverage}} */
        public String word() {
            return word;
        }
    }

    /**
     * A station's part in a city's value.
     *
     * @param station the station
     * @param value its value (in the city's unit) when it has one
     * @param status its status
     * @param detail its detail
     * @param nValid its valid hours or days
     * @param nExpected its expected hours or days
     * @param used whether the city's value includes it
     * @param weight its weight in the city's mean (1 for a plain mean)
     */
    public record Contribution(
            String station,
            OptionalDouble value,
            Status status,
            String detail,
            long nValid,
            long nExpected,
            boolean used,
            double weight) {

        /**
         * Checks the parts.
         *
         * @param station the station
         * @param value its value when it has one
         * @param status its status
         * @param detail its detail
         * @param nValid its valid hours or days
         * @param nExpected its expected hours or days
         * @param used whether the city's value includes it
         * @param weight its weight, finite and not negative
         * @throws IllegalArgumentException if the weight is negative or not finite
         */
        public Contribution {
            requireNonNull(station, "station");
            requireNonNull(value, "value");
            requireNonNull(status, "status");
            requireNonNull(detail, "detail");
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight is negative or not finite: " + weight);
            }
        }

        /** {@return {@code 100 × nValid / nExpected}, 0 when nothing was expected} */
        public double capturePct() {
            return nExpected == 0 ? 0 : 100.0 * nValid / nExpected;
        }
    }

    /**
     * Checks the parts and copies the contributions.
     *
     * @param entity the station or city, not blank
     * @param property the observed property
     * @param period the period
     * @param statistic the statistic
     * @param value present and finite exactly when {@code status} is {@code OK}
     * @param status the status
     * @param detail the detail (empty for none)
     * @param nValid not negative
     * @param nExpected not negative
     * @param unit the unit, if known
     * @param contributions the stations of a city (copied)
     * @throws IllegalArgumentException if the value disagrees with the status, is not finite, or a
     *     count is negative
     */
    public RollupResult {
        requireNonNull(entity, "entity");
        requireNonNull(property, "property");
        requireNonNull(period, "period");
        requireNonNull(statistic, "statistic");
        requireNonNull(value, "value");
        requireNonNull(status, "status");
        requireNonNull(detail, "detail");
        requireNonNull(unit, "unit");
        contributions = List.copyOf(contributions);
        if (value.isPresent() != (status == Status.OK)) {
            throw new IllegalArgumentException("a value is given exactly when the status is ok");
        }
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("value is not finite: " + value.getAsDouble());
        }
        if (nValid < 0 || nExpected < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** {@return {@code 100 × nValid / nExpected}, the {@code capture_pct} column; 0 when nothing was expected} */
    public double capturePct() {
        return nExpected == 0 ? 0 : 100.0 * nValid / nExpected;
    }
}
