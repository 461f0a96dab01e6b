package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.catalog.Direction;

/**
 * Says what a series is assessed against: the direction of improvement, an optional quantified
 * target and the period it is due, the base period, an optional natural limit, and whether the
 * indicator is a yes/no indicator. Immutable and thread-safe.
 *
 * <p>Defaults follow the 2030 Agenda (confirmed in the Statistics Canada / Open SDG methodology):
 * base period 2015, target period 2030.
 *
 * <ul>
 *   <li>{@link Direction#TARGET} (a goldilocks or parity indicator) needs a target; the series is
 *       then folded around it before assessment (see {@link ProgressMethod}) and assessed as
 *       lower-is-better towards the target.
 *   <li>{@code limit} is a natural limit in the desired direction (100 for a percentage that should
 *       rise, 0 for one that should fall). Statistics Canada shrinks its no-target thresholds near
 *       it; UNSD counts a latest value within 1 point of a target that equals it as achieved.
 *   <li>{@code binary}: values are 0 (no) or 1 (yes); without a target, the target is 1 when higher
 *       is better and 0 when lower is better.
 * </ul>
 *
 * @param direction which way the indicator improves
 * @param target target value, if quantified (finite)
 * @param targetPeriod period by which the target is due
 * @param basePeriod period from which progress is measured; its start year is used, and the first
 *     later observation when that year has none
 * @param limit natural limit in the desired direction, if any (finite)
 * @param binary whether the indicator is a yes/no indicator
 */
public record ProgressGoal(
        Direction direction,
        OptionalDouble target,
        Period targetPeriod,
        Period basePeriod,
        OptionalDouble limit,
        boolean binary) {

    /** The default base period, 2015 (adoption of the 2030 Agenda). */
    public static final Period DEFAULT_BASE = Period.year(2015);

    /** The default target period, 2030. */
    public static final Period DEFAULT_TARGET_PERIOD = Period.year(2030);

    /**
     * Validates that the numbers are finite. A target period that does not come after the base
     * period is accepted here; assessing then gives {@code unable_to_assess}.
     *
     * @param direction which way the indicator improves
     * @param target target value, if quantified (finite)
     * @param targetPeriod period by which the target is due
     * @param basePeriod period from which progress is measured
     * @param limit natural limit in the desired direction, if any (finite)
     * @param binary whether the indicator is a yes/no indicator
     * @throws IllegalArgumentException if the target or the limit is NaN or infinite
     */
    public ProgressGoal {
        requireNonNull(direction, "direction");
        requireNonNull(target, "target");
        requireNonNull(targetPeriod, "targetPeriod");
        requireNonNull(basePeriod, "basePeriod");
        requireNonNull(limit, "limit");
        if (target.isPresent() && !Double.isFinite(target.getAsDouble())) {
            throw new IllegalArgumentException("target is not finite: " + target.getAsDouble());
        }
        if (limit.isPresent() && !Double.isFinite(limit.getAsDouble())) {
            throw new IllegalArgumentException("limit is not finite: " + limit.getAsDouble());
        }
    }

    /**
     * Returns a goal without a target.
     *
     * @param direction which way the indicator improves
     * @return the goal with base period 2015, target period 2030, no limit, not yes/no
     */
    public static ProgressGoal of(Direction direction) {
        return new ProgressGoal(
                direction, OptionalDouble.empty(), DEFAULT_TARGET_PERIOD, DEFAULT_BASE, OptionalDouble.empty(), false);
    }

    /**
     * Returns a goal with a quantified target.
     *
     * @param direction which way the indicator improves
     * @param target target value, finite, in the indicator's unit
     * @param targetPeriod period by which the target is due
     * @return the goal with base period 2015, no limit, not yes/no
     * @throws IllegalArgumentException if {@code target} is NaN or infinite
     */
    public static ProgressGoal of(Direction direction, double target, Period targetPeriod) {
        return of(direction).withTarget(target, targetPeriod);
    }

    /**
     * Returns the goal of a target from a target file.
     *
     * @param direction which way the indicator improves
     * @param target the target: its value, its period (2030 if none) and its baseline period (the
     *     base period; 2015 if none); its baseline value is not used
     * @return the goal, without a limit, not yes/no
     */
    public static ProgressGoal of(Direction direction, Target target) {
        requireNonNull(target, "target");
        ProgressGoal g =
                of(direction).withTarget(target.value(), target.period().orElse(DEFAULT_TARGET_PERIOD));
        return target.baselinePeriod().map(g::withBasePeriod).orElse(g);
    }

    /**
     * Returns this goal with another target.
     *
     * @param value target value, finite, in the indicator's unit
     * @param period period by which it is due
     * @return a copy of this goal with that target and target period
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public ProgressGoal withTarget(double value, Period period) {
        return new ProgressGoal(direction, OptionalDouble.of(value), period, basePeriod, limit, binary);
    }

    /** {@return a copy of this goal without a target value (the target period is kept)} */
    public ProgressGoal withoutTarget() {
        return new ProgressGoal(direction, OptionalDouble.empty(), targetPeriod, basePeriod, limit, binary);
    }

    /**
     * Returns this goal with the target due at another time.
     *
     * @param period period by which the target is due
     * @return a copy of this goal with that target period
     */
    public ProgressGoal withTargetPeriod(Period period) {
        return new ProgressGoal(direction, target, period, basePeriod, limit, binary);
    }

    /**
     * Returns this goal measured from another base period.
     *
     * @param period period from which progress is measured (its start year)
     * @return a copy of this goal with that base period
     */
    public ProgressGoal withBasePeriod(Period period) {
        return new ProgressGoal(direction, target, targetPeriod, period, limit, binary);
    }

    /**
     * Returns this goal with a natural limit.
     *
     * @param value the limit in the desired direction (100 for a percentage that should rise, 0 for
     *     one that should fall), finite
     * @return a copy of this goal with that limit
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public ProgressGoal withLimit(double value) {
        return new ProgressGoal(direction, target, targetPeriod, basePeriod, OptionalDouble.of(value), binary);
    }

    /** {@return a copy of this goal for a yes/no indicator (values 0 or 1)} */
    public ProgressGoal asBinary() {
        return new ProgressGoal(direction, target, targetPeriod, basePeriod, limit, true);
    }
}
