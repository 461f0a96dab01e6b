package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Describes one node of an index hierarchy: an indicator (level 1) or an aggregate (level 2 and
 * above), as one row of a COINr {@code iMeta} table. {@link Hierarchy} checks that the nodes fit
 * together (unique codes, each parent exactly one level up).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the node's code (COINr's {@code iCode}): not blank, unique within a hierarchy
 * @param name the display name (the code when none is given)
 * @param level 1 for an indicator, 2 or more for an aggregate
 * @param parent the code of the aggregate one level up that this node belongs to; empty only for a
 *     top-level node
 * @param direction {@code +1} when higher is better, {@code -1} when lower is better; applied to
 *     indicators only. COINr ignores the direction of aggregates (COINr issue #66); so do we, and
 *     {@link Hierarchy} rejects an aggregate with direction {@code -1} so that it cannot be
 *     silently ignored
 * @param weight the raw weight within the parent's group, any finite number, negative included
 *     (COINr accepts them too); only the ratios between siblings matter
 * @param target the target in the indicator's own unit, read only by the distance-to-target
 *     normaliser; empty when there is none
 * @param goalposts the goalposts, read only by the goalpost normaliser; empty when there are none
 * @param capAtTarget whether the distance-to-target normaliser cuts scores beyond the target (above
 *     1) to 1
 * @param denominator the code of the data column that the denominate step divides this indicator
 *     by (e.g. population); empty when it is not divided
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
        Optional<String> denominator)
        implements Serializable {

    /**
     * Validates the fields; see the class comment for their meaning.
     *
     * @param code the node's code, not blank
     * @param name the display name
     * @param level 1 for an indicator, 2 or more for an aggregate
     * @param parent the code of the aggregate one level up; empty for a top-level node
     * @param direction {@code +1} (higher is better) or {@code -1} (lower is better)
     * @param weight the raw weight within the parent's group, finite
     * @param target the target for distance to target, finite if present
     * @param goalposts the goalposts for goalpost normalisation, if any
     * @param capAtTarget whether distance-to-target scores are cut at 1
     * @param denominator the code of the column this indicator is divided by, if any
     * @throws IllegalArgumentException if the code is blank, the level below 1, the direction not
     *     ±1, or the weight or target not finite
     */
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

    /**
     * Returns an indicator (level 1) with weight 1 and no target, goalposts or denominator.
     *
     * @param code the indicator's code, also used as its name; not blank
     * @param parent the code of the aggregate it belongs to, or null for a framework of indicators
     *     only (no aggregate above them)
     * @param direction {@code +1} when higher is better, {@code -1} when lower is better
     * @return the indicator
     * @throws IllegalArgumentException if the code is blank or the direction is not ±1
     */
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

    /**
     * Returns an aggregate with weight 1 and direction {@code +1}.
     *
     * @param code the aggregate's code, also used as its name; not blank
     * @param level its level, 2 or more (its children are one level below)
     * @param parent the code of the aggregate one level up, or null for a top node (the index)
     * @return the aggregate
     * @throws IllegalArgumentException if the code is blank or the level is below 1
     */
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

    /**
     * Returns a copy with another weight.
     *
     * @param w the raw weight within the parent's group, finite
     * @return this node with weight {@code w}
     * @throws IllegalArgumentException if {@code w} is not finite
     */
    public Node withWeight(double w) {
        return new Node(code, name, level, parent, direction, w, target, goalposts, capAtTarget, denominator);
    }

    /**
     * Returns a copy with another name.
     *
     * @param n the display name
     * @return this node named {@code n}
     */
    public Node withName(String n) {
        return new Node(code, n, level, parent, direction, weight, target, goalposts, capAtTarget, denominator);
    }

    /**
     * Returns a copy with a target and whether distance-to-target scores are capped at 1.
     *
     * @param t the target in the indicator's own unit, finite
     * @param cap whether scores beyond the target (above 1) are cut to 1
     * @return this node with target {@code t}
     * @throws IllegalArgumentException if {@code t} is not finite
     */
    public Node withTarget(double t, boolean cap) {
        return new Node(
                code, name, level, parent, direction, weight, OptionalDouble.of(t), goalposts, cap, denominator);
    }

    /**
     * Returns a copy with goalposts.
     *
     * @param g the goalposts for the goalpost normaliser
     * @return this node with goalposts {@code g}
     */
    public Node withGoalposts(Goalposts g) {
        return new Node(code, name, level, parent, direction, weight, target, Optional.of(g), capAtTarget, denominator);
    }

    /**
     * Returns a copy that is divided by the denominator {@code d} in the denominate step.
     *
     * @param d the code of the data column to divide by (a denominator of the {@link IndexData})
     * @return this node divided by {@code d}
     */
    public Node withDenominator(String d) {
        return new Node(code, name, level, parent, direction, weight, target, goalposts, capAtTarget, Optional.of(d));
    }

    // The serial form of a node: its components, an absent one as null, read back through the constructor.
    private record SerialForm(
            String code,
            String name,
            int level,
            @Nullable String parent,
            int direction,
            double weight,
            @Nullable Double target,
            @Nullable Goalposts goalposts,
            boolean capAtTarget,
            @Nullable String denominator)
            implements Serializable {
        private Object readResolve() throws InvalidObjectException {
            try {
                return new Node(
                        code,
                        name,
                        level,
                        Optional.ofNullable(parent),
                        direction,
                        weight,
                        target == null ? OptionalDouble.empty() : OptionalDouble.of(target),
                        Optional.ofNullable(goalposts),
                        capAtTarget,
                        Optional.ofNullable(denominator));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw SerialForms.invalid("node", e);
            }
        }
    }

    private Object writeReplace() {
        return new SerialForm(
                code,
                name,
                level,
                parent.orElse(null),
                direction,
                weight,
                target.isPresent() ? target.getAsDouble() : null,
                goalposts.orElse(null),
                capAtTarget,
                denominator.orElse(null));
    }

    /**
     * Returns whether this node is an indicator.
     *
     * @return true at level 1, false for an aggregate
     */
    public boolean isIndicator() {
        return level == 1;
    }

    /**
     * Holds goalposts in natural units: a unit at {@code lower} scores 0 and one at {@code upper}
     * scores {@code scale} when higher is better; the reverse when lower is better.
     *
     * @param lower the worst value for a positive indicator (the best for a negative one), in the
     *     indicator's unit; finite
     * @param upper the best value for a positive indicator (the worst for a negative one); finite and
     *     not equal to {@code lower}
     * @param scale the factor applied to the score in [0, 1] (e.g. 100); finite
     * @param truncate whether a score outside [0, 1] (a value beyond a post) is clamped to it before
     *     scaling (COINr's {@code trunc2posts})
     */
    public record Goalposts(double lower, double upper, double scale, boolean truncate) implements Serializable {
        /**
         * Rejects non-finite posts and equal posts.
         *
         * @param lower the worst value for a positive indicator
         * @param upper the best value for a positive indicator
         * @param scale the factor applied to the score
         * @param truncate whether scores are clamped to [0, 1] before scaling
         * @throws IllegalArgumentException if a post or the scale is not finite, or the posts are
         *     equal
         */
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
