package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Describes one node of an index hierarchy: an indicator (level 1) or an aggregate (level 2 and
 * above), as one row of a COINr {@code iMeta} table.
 *
 * <ul>
 *   <li>{@code parent} is empty only for top-level nodes; a parent sits exactly one level up
 *       (checked by {@link Hierarchy}).
 *   <li>{@code direction} is {@code +1} (higher is better) or {@code -1} (lower is better); it is
 *       applied to indicators only. COINr ignores the direction of aggregates (its issue #66); so do
 *       we, and {@link Hierarchy} rejects an aggregate with direction {@code -1} so that it cannot
 *       be silently ignored.
 *   <li>{@code weight} is the raw weight within the parent's group; only ratios between siblings
 *       matter. Any finite value is accepted, negative included (COINr accepts them too).
 *   <li>{@code target}, {@code goalposts}, {@code capAtTarget} and {@code denominator} are only read
 *       by the distance-to-target and goalpost normalisers and by the denominate step.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public record Node(
        String code,
        String name,
        int level,
        Optional<String> parent,
        int direction,
        double weight,
        OptionalDouble target,
        Optional<Goalposts> goalposts,
        boolean capAtTarget,
        Optional<String> denominator) {

    /** Validates the fields; see the class comment. */
    public Node {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        requireNonNull(parent, "parent");
        requireNonNull(target, "target");
        requireNonNull(goalposts, "goalposts");
        requireNonNull(denominator, "denominator");
        if (code.isBlank()) {
            throw new IllegalArgumentException("a node needs a code");
        }
        if (level < 1) {
            throw new IllegalArgumentException("node '" + code + "': level " + level + " (expected 1 or more)");
        }
        if (direction != 1 && direction != -1) {
            throw new IllegalArgumentException("node '" + code + "': direction " + direction + " (expected 1 or -1)");
        }
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("node '" + code + "': weight " + weight + " (expected a finite number)");
        }
        if (target.isPresent() && !Double.isFinite(target.getAsDouble())) {
            throw new IllegalArgumentException("node '" + code + "': target is not finite");
        }
    }

    /** Returns an indicator (level 1) with weight 1 and no target, goalposts or denominator. */
    public static Node indicator(String code, @Nullable String parent, int direction) {
        return new Node(
                code,
                code,
                1,
                Optional.ofNullable(parent),
                direction,
                1,
                OptionalDouble.empty(),
                Optional.empty(),
                false,
                Optional.empty());
    }

    /** Returns an aggregate at {@code level} with weight 1; {@code parent} may be null at the top. */
    public static Node aggregate(String code, int level, @Nullable String parent) {
        return new Node(
                code,
                code,
                level,
                Optional.ofNullable(parent),
                1,
                1,
                OptionalDouble.empty(),
                Optional.empty(),
                false,
                Optional.empty());
    }

    /** Returns a copy with another weight. */
    public Node withWeight(double w) {
        return new Node(code, name, level, parent, direction, w, target, goalposts, capAtTarget, denominator);
    }

    /** Returns a copy with another name. */
    public Node withName(String n) {
        return new Node(code, n, level, parent, direction, weight, target, goalposts, capAtTarget, denominator);
    }

    /** Returns a copy with a target and whether distance-to-target scores are capped at 1. */
    public Node withTarget(double t, boolean cap) {
        return new Node(
                code, name, level, parent, direction, weight, OptionalDouble.of(t), goalposts, cap, denominator);
    }

    /** Returns a copy with goalposts. */
    public Node withGoalposts(Goalposts g) {
        return new Node(code, name, level, parent, direction, weight, target, Optional.of(g), capAtTarget, denominator);
    }

    /** Returns a copy that is divided by the denominator {@code d} in the denominate step. */
    public Node withDenominator(String d) {
        return new Node(code, name, level, parent, direction, weight, target, goalposts, capAtTarget, Optional.of(d));
    }

    /** Returns true for an indicator (level 1). */
    public boolean isIndicator() {
        return level == 1;
    }

    /**
     * Holds goalposts in natural units: {@code lower} is the worst and {@code upper} the best value
     * for a positive indicator (the reverse for a negative one), {@code scale} multiplies the score
     * and {@code truncate} clamps it to [0, 1] before scaling (COINr {@code trunc2posts}).
     */
    public record Goalposts(double lower, double upper, double scale, boolean truncate) {
        /** Rejects non-finite posts and equal posts. */
        public Goalposts {
            if (!Double.isFinite(lower) || !Double.isFinite(upper) || !Double.isFinite(scale)) {
                throw new IllegalArgumentException("goalposts must be finite");
            }
            if (lower == upper) {
                throw new IllegalArgumentException("goalposts are equal (" + lower + "); they must differ");
            }
        }
    }
}
