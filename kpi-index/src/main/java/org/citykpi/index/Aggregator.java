package org.citykpi.index;

import java.io.Serializable;
import java.util.Locale;

/**
 * Combines the children of one aggregate into its score, unit by unit (Copeland: over all units of
 * a period at once). Weights are the children's raw weights, renormalised per unit over the
 * children that unit has ({@code wᵢ / Σ_present w}).
 *
 * <p>Formulas (COINr 1.1.14, {@code docs/reference/composite-methods.md} §3.3) and edge cases:
 *
 * <ul>
 *   <li>{@link Arithmetic}: {@code Σ (wᵢ/Σw)·xᵢ}, as COINr's {@code a_amean} computes it (the
 *       weights rescaled to sum to 1 first; on paper {@code Σ wᵢxᵢ / Σ wᵢ}, rounded otherwise).
 *   <li>{@link Geometric}: {@code exp(Σ wᵢ ln xᵢ / Σ wᵢ)}; a child value ≤ 0 → {@link
 *       IndexException} naming it (min-max to [0, 100] always produces a 0: use {@code
 *       minmax:1,100}).
 *   <li>{@link Harmonic}: {@code Σ wᵢ / Σ (wᵢ/xᵢ)}; a child value ≤ 0 → {@link IndexException}
 *       (COINr rejects only zeros; a negative value makes the harmonic mean meaningless).
 *   <li>{@link Generalised}: {@code (Σ wᵢxᵢᵖ / Σ wᵢ)^(1/p)}, p ≠ 0; missing children are skipped
 *       like in the other means (COINr returns NA when any child is missing: bug 2 of {@code
 *       docs/reference/composite-methods.md} §4); a negative child, or a zero with {@code p < 0} →
 *       {@link IndexException}.
 *   <li>{@link Copeland}: for each pair of units of a period, {@code o_jk = (Σ wᵢ[x_ji > x_ki] + ½
 *       Σ wᵢ[x_ji = x_ki]) / Σ wᵢ} over the children both units have; score {@code Σ_k sign(o_jk −
 *       ½)}. A negative weight → {@link IndexException}. Deviations from COINr: its Copeland fails
 *       when called through {@code Aggregate} (bug 1 of {@code docs/reference/composite-methods.md}
 *       §4); and it drops comparisons with a missing value without renormalising, then sets {@code
 *       o_kj = 1 − o_jk}, which makes scores depend on unit order when data are missing; we
 *       renormalise over the shared children, so {@code o_kj = 1 − o_jk} holds exactly.
 * </ul>
 *
 * <p>Every sum (of weighted values, logs, reciprocals, powers, and of the weights) is compensated
 * (Knuth's two-sum, in child order): R's {@code sum()} accumulates in extended precision, so a plain
 * double sum would round differently in the last bit and can split units that COINr ranks as tied,
 * or tie units it separates (e.g. 0.3 + 0.54 + 0.92 = 1.7600000000000002 plainly, 1.76 in R).
 *
 * <p>A unit with no child present, or whose present weights sum to 0, gets a missing score. With a
 * minimum coverage c, a unit whose share of present children is below c gets a missing score
 * (COINr's {@code dat_thresh}, strict {@code <}). For Copeland the threshold applies after the
 * comparisons, as COINr applies {@code dat_thresh} to the aggregate: every unit with a child takes
 * part, so removing a unit's score does not change the others'.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Aggregator extends Serializable {
    /** Weighted arithmetic mean (the default). */
    record Arithmetic() implements Aggregator {
        @Override
        public String text() {
            return "arithmetic";
        }
    }

    /** Weighted geometric mean. */
    record Geometric() implements Aggregator {
        @Override
        public String text() {
            return "geometric";
        }
    }

    /** Weighted harmonic mean. */
    record Harmonic() implements Aggregator {
        @Override
        public String text() {
            return "harmonic";
        }
    }

    /**
     * Weighted generalised (power) mean of order p.
     *
     * @param p the order: finite and not 0 (p = 1 is the arithmetic mean, p = −1 the harmonic one)
     */
    record Generalised(double p) implements Aggregator {
        /**
         * Rejects p = 0 (use {@link Geometric}) and non-finite p.
         *
         * @param p the order: finite and not 0
         * @throws IllegalArgumentException if p is 0 or not finite
         */
        public Generalised {
            if (p == 0 || !Double.isFinite(p)) {
                throw new IllegalArgumentException(
                        "generalised mean needs a finite p other than 0 (p = 0 is geometric)");
            }
        }

        @Override
        public String text() {
            return "generalised:" + Methods.num(p);
        }
    }

    /** Copeland outranking score. */
    record Copeland() implements Aggregator {
        @Override
        public String text() {
            return "copeland";
        }
    }

    /**
     * Returns COINr's default aggregator.
     *
     * @return the weighted arithmetic mean
     */
    static Aggregator defaults() {
        return new Arithmetic();
    }

    /**
     * Parses {@code arithmetic}, {@code geometric}, {@code harmonic}, {@code generalised:p} and
     * {@code copeland} (the {@code citykpi index --aggregate} syntax; COINr's names {@code amean},
     * {@code gmean}, {@code hmean}, {@code genmean:p} are accepted too).
     *
     * @param text the method, any case, surrounding blanks ignored; p written with '.' as decimal
     *     separator
     * @return the aggregator it names
     * @throws IllegalArgumentException naming the accepted forms, for an unknown name, a missing,
     *     extra or non-finite parameter, or p = 0
     */
    static Aggregator parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String name = t;
        double[] p = new double[0];
        int colon = t.indexOf(':');
        if (colon >= 0) {
            name = t.substring(0, colon);
            p = Methods.numbers(t.substring(colon + 1), text);
        }
        if (name.equals("generalised") || name.equals("generalized") || name.equals("genmean")) {
            return new Generalised(Methods.param(p, 0, 1, text));
        }
        if (p.length > 0) {
            throw new IllegalArgumentException("aggregator '" + name + "' takes no parameter: '" + text + "'");
        }
        switch (name) {
            case "arithmetic":
            case "amean":
                return new Arithmetic();
            case "geometric":
            case "gmean":
                return new Geometric();
            case "harmonic":
            case "hmean":
                return new Harmonic();
            case "copeland":
                return new Copeland();
            default:
                throw new IllegalArgumentException("unknown aggregator '" + text
                        + "' (expected arithmetic, geometric, harmonic, generalised:p or copeland)");
        }
    }

    /**
     * Returns the text form accepted by {@link #parse}, e.g. {@code generalised:2}.
     *
     * @return the canonical name, with its parameter after a colon if it has one; {@code
     *     parse(text())} gives an equal aggregator
     */
    String text();
}
