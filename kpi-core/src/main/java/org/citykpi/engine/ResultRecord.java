package org.citykpi.engine;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.Period;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;

/**
 * One row of results as writers present it: the outcome for one entity, period and indicator (or
 * indicator part {@code <id>/<part>}), with its target and U4SSC score where there is one.
 * Immutable and thread-safe.
 *
 * @param entity entity code
 * @param period reporting period
 * @param kpi indicator id, or {@code <id>/<part>} for a part of a multi-part indicator
 * @param name indicator (or part) name
 * @param unit unit of the value
 * @param result value or cause
 * @param formula the formula as text (empty for a reported-only indicator)
 * @param target the target applied, if any
 * @param attainment U4SSC attainment in percent of target, if scored
 * @param points U4SSC points 1–4, if scored
 */
public record ResultRecord(
        String entity,
        Period period,
        String kpi,
        String name,
        String unit,
        KpiResult result,
        String formula,
        Optional<Target> target,
        OptionalDouble attainment,
        OptionalInt points) {

    /** Validates the fields. */
    public ResultRecord {
        requireNonNull(entity, "entity");
        requireNonNull(period, "period");
        requireNonNull(kpi, "kpi");
        name = name == null ? "" : name;
        unit = unit == null ? "" : unit;
        requireNonNull(result, "result");
        formula = formula == null ? "" : formula;
        requireNonNull(target, "target");
        requireNonNull(attainment, "attainment");
        requireNonNull(points, "points");
    }

    /** Returns the U4SSC band label ({@code 0-33}, {@code 33-66}, {@code 66-95}, {@code 95+}), if scored. */
    public Optional<String> band() {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        switch (points.getAsInt()) {
            case 1:
                return Optional.of("0-33");
            case 2:
                return Optional.of("33-66");
            case 3:
                return Optional.of("66-95");
            default:
                return Optional.of("95+");
        }
    }
}
