package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;

/**
 * Reports the outcome of assessing one series by one {@link ProgressMethod}: the method itself
 * (with its parameters), the observations used, the target, the method's own number and its
 * verdict. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@code measure} is empty when the method has no number for this case (unable to assess,
 *       a yes/no indicator, a target already achieved, or a required change of exactly zero, which
 *       would make the number infinite).
 *   <li>{@code score} is the Statistics Canada score in [−5, 5] used by {@link ProgressAggregate};
 *       empty for every other method and whenever Statistics Canada cannot assess.
 *   <li>{@code reason} says why the method could not assess ({@code unable_to_assess}), or which
 *       edge rule was applied (a zero replaced, a base year moved, values folded); empty if none.
 *   <li>base and latest values are the observed values, before any goldilocks fold.
 * </ul>
 *
 * @param method the method that produced this result
 * @param basePeriod period of the base observation, if one was found
 * @param baseValue value observed in the base period
 * @param latestPeriod period of the latest observation used, if any
 * @param latestValue value observed in the latest period
 * @param target the target value, if the goal had one
 * @param targetPeriod the period by which the target is due
 * @param measure the method's number (ratio of growth rates, index, gap), finite
 * @param category the verdict
 * @param score the Statistics Canada score in [−5, 5], finite
 * @param reason why the method could not assess, or a note on an edge rule; never null
 */
public record ProgressResult(
        ProgressMethod method,
        Optional<Period> basePeriod,
        OptionalDouble baseValue,
        Optional<Period> latestPeriod,
        OptionalDouble latestValue,
        OptionalDouble target,
        Period targetPeriod,
        OptionalDouble measure,
        ProgressCategory category,
        OptionalDouble score,
        String reason) {

    /**
     * Validates that numbers are finite and that an {@code unable_to_assess} result says why.
     *
     * @param method the method that produced this result
     * @param basePeriod period of the base observation, if one was found
     * @param baseValue value observed in the base period, finite; empty without a base observation
     * @param latestPeriod period of the latest observation used, if any
     * @param latestValue value observed in the latest period, finite; empty without one
     * @param target the target value, if the goal had one (finite)
     * @param targetPeriod the period by which the target is due
     * @param measure the method's number (ratio of growth rates, index, gap), finite; empty when the
     *     method has none for this case
     * @param category the verdict
     * @param score the Statistics Canada score in [−5, 5], finite; empty for the other methods
     * @param reason why the method could not assess, or a note on an edge rule; empty if none, and
     *     not blank for {@code unable_to_assess}
     * @throws IllegalArgumentException if a number is NaN or infinite, or an {@code
     *     unable_to_assess} result gives no reason
     */
    public ProgressResult {
        requireNonNull(method, "method");
        requireNonNull(basePeriod, "basePeriod");
        requireNonNull(baseValue, "baseValue");
        requireNonNull(latestPeriod, "latestPeriod");
        requireNonNull(latestValue, "latestValue");
        requireNonNull(target, "target");
        requireNonNull(targetPeriod, "targetPeriod");
        requireNonNull(measure, "measure");
        requireNonNull(category, "category");
        requireNonNull(score, "score");
        requireNonNull(reason, "reason");
        for (OptionalDouble d : new OptionalDouble[] {baseValue, latestValue, target, measure, score}) {
            if (d.isPresent() && !Double.isFinite(d.getAsDouble())) {
                throw new IllegalArgumentException("not finite: " + d.getAsDouble());
            }
        }
        if (category == ProgressCategory.UNABLE_TO_ASSESS && reason.isBlank()) {
            throw new IllegalArgumentException("unable_to_assess needs a reason");
        }
    }

    /**
     * Returns the result of a series that could not be assessed.
     *
     * @param method the method that was asked
     * @param goal the goal it was asked to assess against (its target and target period are kept)
     * @param reason why, in words; not blank
     * @return {@code unable_to_assess} without observations, measure or score
     * @throws IllegalArgumentException if {@code reason} is blank
     */
    public static ProgressResult unableToAssess(ProgressMethod method, ProgressGoal goal, String reason) {
        return new ProgressResult(
                method,
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                goal.target(),
                goal.targetPeriod(),
                OptionalDouble.empty(),
                ProgressCategory.UNABLE_TO_ASSESS,
                OptionalDouble.empty(),
                reason);
    }

    /** {@return whether the method reached a verdict: any category but {@code unable_to_assess}} */
    public boolean assessed() {
        return category != ProgressCategory.UNABLE_TO_ASSESS;
    }
}
