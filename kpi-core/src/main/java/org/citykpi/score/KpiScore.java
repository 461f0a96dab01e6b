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
    /**
     * Validates the fields.
     *
     * @param attainment attainment in percent (empty where the formula is undefined)
     * @param points points 1–4 (empty where not scored)
     * @param reason why not scored, or how an edge case was scored; empty for an ordinary score
     *     (null is read as empty)
     * @throws IllegalArgumentException if {@code points} is present and not 1 to 4
     */
    public KpiScore {
        requireNonNull(attainment, "attainment");
        requireNonNull(points, "points");
        reason = reason == null ? "" : reason;
        if (points.isPresent()) {
            Band.ofPoints(points.getAsInt()); // throws for points outside 1–4
        }
    }

    static KpiScore notScored(String reason) {
        return new KpiScore(OptionalDouble.empty(), OptionalInt.empty(), reason);
    }

    /** {@return true when the value earned points, false when it is not scored} */
    public boolean isScored() {
        return points.isPresent();
    }

    /** {@return the band of the points, or empty when not scored} */
    public Optional<Band> band() {
        return points.isPresent() ? Optional.of(Band.ofPoints(points.getAsInt())) : Optional.empty();
    }
}
