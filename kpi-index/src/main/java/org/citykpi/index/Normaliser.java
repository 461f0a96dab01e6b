package org.citykpi.index;

import java.io.Serializable;
import java.util.Locale;

/**
 * Puts indicators on a common scale, with the indicator's direction applied first: every method
 * works on {@code x' = d·x} ({@code d = ±1}), so a higher score is always better. Statistics (min,
 * max, mean, sd, ranks) are taken per indicator over the units present in one normalisation group
 * (one period, or all periods pooled); missing values stay missing.
 *
 * <p>Formulas (COINr 1.1.14, {@code docs/reference/composite-methods.md} §3.2) and edge cases:
 *
 * <ul>
 *   <li>{@link MinMax}: {@code (x' − min)/(max − min)·(u − l) + l}. Constant indicator → {@link
 *       IndexException} (COINr: NaN with a warning).
 *   <li>{@link ZScore}: {@code (x' − mean)/sd·s + m}, sample sd. Constant → {@link IndexException}.
 *   <li>{@link Goalposts}: from the node's goalposts in natural units: {@code (x − L)/(U − L)} for
 *       d = +1, {@code (U − x)/(U − L)} for d = −1, clamped to [0,1] if asked, times the scale.
 *       Missing goalposts → {@link IndexException}.
 *   <li>{@link DistanceToTarget}: from the node's target T, COINr's {@code (x' − min x')/(T' −
 *       min x')} with {@code T' = d·T}: {@code (x − min)/(T − min)} for d = +1, {@code (max −
 *       x)/(max − T)} for d = −1 (computed on x' and T', in COINr's order), capped at 1 if the
 *       node says so. T equal to the worst value → {@link IndexException}.
 *   <li>{@link TargetAnchored}: 100 at the node's target T, 0 at the worst goalpost (COINr's
 *       goalpost semantics: the node's {@code lower} post when higher is better, {@code upper}
 *       when lower is better; the other post is not used) or, without goalposts, at the worst value
 *       observed W: {@code (x − W)/(T − W)·100} for d = +1, {@code (W − x)/(W − T)·100} for d = −1,
 *       clamped to [0, 100] (a value beyond the target scores 100, one beyond the worst post 0).
 *       With goalposts a score does not depend on the other units. No target, or a goalpost that
 *       is not worse than the target → {@link IndexException}; when the worst value observed
 *       already meets the target, every unit scores 100.
 *   <li>{@link Rank}: rank of x', ties share the lowest rank, higher value → higher rank number.
 *       {@link Borda}: rank − 1. {@link PercentRank}: {@code (rank − 1)/(n − 1)}; a single value
 *       → {@link IndexException}.
 *   <li>{@link DistanceToMax}: COINr's {@code 1 − (max − x')/(max − min)} (min-max to [0,1], in
 *       COINr's order of operations, which rounds differently and decides near-ties).
 *   <li>{@link FractionOfMax}: {@code x/max} for d = +1. For d = −1 COINr computes {@code
 *       x'/max(x') = x/min(x)}, which rewards the worst unit (bug 4 of {@code
 *       docs/reference/composite-methods.md} §4); we compute the fraction of the best value {@code
 *       min/x} instead, which needs every value above 0.
 *   <li>{@link Scaled}: {@code (x − l)/(u − l)·100} with (l, u) in natural units, reversed for d
 *       = −1 ({@code (u − x)/(u − l)·100}); no clamping. COINr does not reverse hand-given bounds
 *       (bug 5 of {@code docs/reference/composite-methods.md} §4); we do.
 *   <li>{@link DistanceToReference}: COINr's {@code n_dist2ref}, {@code 1 − (x'ref − x')/(x'ref −
 *       min x')} with x'ref the reference unit's value in the same group (COINr's {@code iref},
 *       named by unit code); the reference unit scores 1, the worst 0, better units above 1 (not
 *       capped). The unit missing, or holding the worst value → {@link IndexException}; with panel
 *       data the periods must be normalised one by one.
 *   <li>{@link None}: {@code x'} (the direction is applied, as for every normaliser, so higher is
 *       always better downstream).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Normaliser extends Serializable {
    /**
     * Min-max scaling to [lower, upper]; COINr's default is [0, 100].
     *
     * @param lower the score of the worst unit (finite)
     * @param upper the score of the best unit (finite and not equal to {@code lower}; below it, the
     *     best unit gets the lowest score)
     */
    record MinMax(double lower, double upper) implements Normaliser {
        /**
         * Rejects non-finite or equal bounds.
         *
         * @param lower the score of the worst unit
         * @param upper the score of the best unit
         * @throws IllegalArgumentException if a bound is not finite or the two are equal
         */
        public MinMax {
            checkRange(lower, upper, "minmax");
        }

        @Override
        public String text() {
            return "minmax:" + Methods.num(lower) + "," + Methods.num(upper);
        }
    }

    /**
     * Z-score scaled to the given mean and standard deviation.
     *
     * @param mean the score of a unit at the indicator's mean (finite; 0 for plain z-scores)
     * @param sd the score difference of one standard deviation (finite, above 0; 1 for plain
     *     z-scores)
     */
    record ZScore(double mean, double sd) implements Normaliser {
        /**
         * Rejects non-finite values and sd ≤ 0.
         *
         * @param mean the score of a unit at the indicator's mean
         * @param sd the score difference of one standard deviation
         * @throws IllegalArgumentException if either is not finite or {@code sd} is not above 0
         */
        public ZScore {
            if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd <= 0) {
                throw new IllegalArgumentException("zscore needs a finite mean and an sd above 0");
            }
        }

        @Override
        public String text() {
            return "zscore:" + Methods.num(mean) + "," + Methods.num(sd);
        }
    }

    /** Goalposts read from each indicator's node. */
    record Goalposts() implements Normaliser {
        @Override
        public String text() {
            return "goalposts";
        }
    }

    /** Distance to the target read from each indicator's node. */
    record DistanceToTarget() implements Normaliser {
        @Override
        public String text() {
            return "dist2targ";
        }
    }

    /**
     * Target-anchored scores in [0, 100]: 100 at each indicator's target, 0 at its worst goalpost or,
     * without goalposts, at the worst value observed (the distance-to-target normalisation of the
     * OECD's localised SDG framework and the SDSN's SDG Index; {@code docs/composite-index.md}).
     */
    record TargetAnchored() implements Normaliser {
        @Override
        public String text() {
            return "target";
        }
    }

    /** Rank, ties share the lowest rank. */
    record Rank() implements Normaliser {
        @Override
        public String text() {
            return "rank";
        }
    }

    /** Percentile rank in [0, 1]. */
    record PercentRank() implements Normaliser {
        @Override
        public String text() {
            return "prank";
        }
    }

    /** Borda score: rank − 1. */
    record Borda() implements Normaliser {
        @Override
        public String text() {
            return "borda";
        }
    }

    /** Min-max to [0, 1], COINr's {@code n_dist2max}. */
    record DistanceToMax() implements Normaliser {
        @Override
        public String text() {
            return "dist2max";
        }
    }

    /** Fraction of the best value. */
    record FractionOfMax() implements Normaliser {
        @Override
        public String text() {
            return "fracmax";
        }
    }

    /**
     * Linear scaling between fixed bounds, times 100.
     *
     * @param lower the value, in the indicator's unit, that scores 0 when higher is better (100 when
     *     lower is better); finite
     * @param upper the value that scores 100 when higher is better (0 when lower is better); finite
     *     and not equal to {@code lower}
     */
    record Scaled(double lower, double upper) implements Normaliser {
        /**
         * Rejects non-finite or equal bounds.
         *
         * @param lower the value that scores 0 when higher is better
         * @param upper the value that scores 100 when higher is better
         * @throws IllegalArgumentException if a bound is not finite or the two are equal
         */
        public Scaled {
            checkRange(lower, upper, "scaled");
        }

        @Override
        public String text() {
            return "scaled:" + Methods.num(lower) + "," + Methods.num(upper);
        }
    }

    /**
     * Distance to a reference unit's value, COINr's {@code n_dist2ref}.
     *
     * @param unit the code of the reference unit (kept as given; not blank)
     */
    record DistanceToReference(String unit) implements Normaliser {
        /**
         * Rejects a blank unit code.
         *
         * @param unit the code of the reference unit
         * @throws IllegalArgumentException if {@code unit} is blank
         */
        public DistanceToReference {
            if (unit.isBlank()) {
                throw new IllegalArgumentException("dist2ref needs a unit code, e.g. dist2ref:AUT");
            }
        }

        @Override
        public String text() {
            return "dist2ref:" + unit;
        }
    }

    /** No scaling: the values with the direction applied ({@code d·x}). */
    record None() implements Normaliser {
        @Override
        public String text() {
            return "none";
        }
    }

    /**
     * Returns COINr's default normaliser.
     *
     * @return min-max to [0, 100]
     */
    static Normaliser defaults() {
        return new MinMax(0, 100);
    }

    /**
     * Parses {@code minmax[:l,u]}, {@code zscore[:m,s]}, {@code goalposts}, {@code dist2targ},
     * {@code target}, {@code dist2ref:UNIT},
     * {@code rank}, {@code prank}, {@code borda}, {@code dist2max}, {@code fracmax}, {@code
     * scaled:l,u} and {@code none} (the {@code citykpi index --normalise} syntax).
     *
     * @param text the method, any case, surrounding blanks ignored; numbers written with '.' as
     *     decimal separator
     * @return the normaliser it names ({@code minmax} alone is [0, 100], {@code zscore} alone is
     *     mean 0 and sd 1)
     * @throws IllegalArgumentException naming the accepted forms, for an unknown name, parameters
     *     that are missing, extra, not finite or out of range
     */
    static Normaliser parse(String text) {
        String stripped = text.strip();
        if (stripped.toLowerCase(Locale.ROOT).startsWith("dist2ref:")) {
            // the unit code keeps its case
            return new DistanceToReference(
                    stripped.substring("dist2ref:".length()).strip());
        }
        String t = stripped.toLowerCase(Locale.ROOT);
        String name = t;
        double[] p = new double[0];
        int colon = t.indexOf(':');
        if (colon >= 0) {
            name = t.substring(0, colon);
            p = Methods.numbers(t.substring(colon + 1), text);
        }
        switch (name) {
            case "minmax":
                return p.length == 0 ? defaults() : new MinMax(Methods.param(p, 0, 2, text), p[1]);
            case "zscore":
                return p.length == 0 ? new ZScore(0, 1) : new ZScore(Methods.param(p, 0, 2, text), p[1]);
            case "scaled":
                return new Scaled(Methods.param(p, 0, 2, text), p[1]);
            default:
                break;
        }
        if (p.length > 0) {
            throw new IllegalArgumentException("normaliser '" + name + "' takes no parameters: '" + text + "'");
        }
        switch (name) {
            case "goalposts":
                return new Goalposts();
            case "dist2targ":
                return new DistanceToTarget();
            case "target":
                return new TargetAnchored();
            case "rank":
                return new Rank();
            case "prank":
                return new PercentRank();
            case "borda":
                return new Borda();
            case "dist2max":
                return new DistanceToMax();
            case "fracmax":
                return new FractionOfMax();
            case "none":
                return new None();
            default:
                throw new IllegalArgumentException("unknown normaliser '" + text
                        + "' (expected minmax[:l,u], zscore[:m,s], goalposts, dist2targ, target, dist2ref:UNIT, rank,"
                        + " prank,"
                        + " borda,"
                        + " dist2max, fracmax, scaled:l,u or none)");
        }
    }

    /**
     * Returns the text form accepted by {@link #parse}, e.g. {@code minmax:0,100}.
     *
     * @return the canonical name, with its parameters after a colon if it has any; {@code
     *     parse(text())} gives an equal normaliser
     */
    String text();

    private static void checkRange(double lower, double upper, String what) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower == upper) {
            throw new IllegalArgumentException(
                    what + " needs two different finite bounds, got " + lower + ", " + upper);
        }
    }
}
