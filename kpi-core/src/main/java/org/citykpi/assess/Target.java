package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.citykpi.Period;

/**
 * Gives a target value for one indicator, optionally with the period by which it should be met, a
 * baseline, and where the target comes from. Immutable and thread-safe.
 *
 * @param kpi indicator id (or part id {@code <id>/<part>})
 * @param value target value, finite
 * @param period period by which the target should be met, if any
 * @param baseline baseline value, if any (finite)
 * @param baselinePeriod period of the baseline, if any
 * @param source where the target comes from (publication, URL), empty if not given
 */
public record Target(
        String kpi,
        double value,
        Optional<Period> period,
        Optional<Double> baseline,
        Optional<Period> baselinePeriod,
        String source) {

    /**
     * Validates that the value (and baseline) are finite.
     *
     * @param kpi indicator id (or part id {@code <id>/<part>})
     * @param value target value, finite
     * @param period period by which the target should be met, if any
     * @param baseline baseline value, if any (finite)
     * @param baselinePeriod period of the baseline, if any
     * @param source where the target comes from (publication, URL), empty if not given (null is
     *     read as empty)
     * @throws IllegalArgumentException if the value or the baseline is NaN or infinite
     */
    public Target {
        requireNonNull(kpi, "kpi");
        requireNonNull(period, "period");
        requireNonNull(baseline, "baseline");
        requireNonNull(baselinePeriod, "baselinePeriod");
        source = source == null ? "" : source;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("target for " + kpi + " is not finite: " + value);
        }
        if (baseline.isPresent() && !Double.isFinite(baseline.get())) {
            throw new IllegalArgumentException("baseline for " + kpi + " is not finite: " + baseline.get());
        }
    }

    /**
     * Returns a target with a value only.
     *
     * @param kpi indicator id (or part id {@code <id>/<part>})
     * @param value target value, finite, in the indicator's unit
     * @return the target, without period, baseline or source
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static Target of(String kpi, double value) {
        return new Target(kpi, value, Optional.empty(), Optional.empty(), Optional.empty(), "");
    }

    /**
     * Returns a target with a value, the period it is due and its source.
     *
     * @param kpi indicator id (or part id {@code <id>/<part>})
     * @param value target value, finite, in the indicator's unit
     * @param period period by which the target should be met
     * @param source where the target comes from (publication, URL), or empty
     * @return the target, without baseline
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static Target of(String kpi, double value, Period period, String source) {
        return new Target(kpi, value, Optional.of(period), Optional.empty(), Optional.empty(), source);
    }
}
