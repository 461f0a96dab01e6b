package org.citykpi.score;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The U4SSC score of one value against its target: attainment in percent of target, points 1–4,
 * or why it is not scored. Immutable.
 *
 * @param attainment attainment in percent (empty where the formula is undefined)
 * @param points points 1–4 (empty where not scored)
 * @param reason why not scored, or how an edge case was scored; empty for an ordinary score
 */
public record KpiScore(OptionalDouble attainment, OptionalInt points, String reason) {
    /** Validates the fields. */
    public KpiScore {
        requireNonNull(attainment, "attainment");
        requireNonNull(points, "points");
        reason = reason == null ? "" : reason;
    }

    static KpiScore notScored(String reason) {
        return new KpiScore(OptionalDouble.empty(), OptionalInt.empty(), reason);
    }

    /** Returns true when the value earned points. */
    public boolean isScored() {
        return points.isPresent();
    }

    /** Returns the band label of the points ({@code 0-33}, {@code 33-66}, {@code 66-95}, {@code 95+}). */
    public Optional<String> band() {
        return points.isPresent() ? Optional.of(U4sscScoring.band(points.getAsInt())) : Optional.empty();
    }
}
