package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Map;

/**
 * Says how an index is built: the steps denominate → impute → screen → treat → normalise →
 * aggregate, each a value that can be swapped, with per-node overrides. {@link #defaults()} is
 * COINr's plain pipeline: min-max to [0, 100] and the weighted arithmetic mean, nothing else.
 *
 * <p>Immutable and thread-safe; {@code equals} compares every step, which is how a rebuild finds
 * the first step that changed.
 *
 * @param denominate whether to divide each indicator that names a denominator by it (a zero or
 *     missing denominator gives a missing value)
 * @param imputer how missing indicator values are filled ({@link Imputer.None}: not at all)
 * @param screenThreshold the share of present indicators, in [0, 1], a unit-period needs to be kept
 *     (COINr {@code Screen} "byNA"); 0 keeps all
 * @param treatment how outliers are treated before normalisation ({@link Treatment.None}: not at
 *     all)
 * @param normaliser the normaliser of every indicator without an override
 * @param normalisers normaliser overrides by indicator code; may be empty
 * @param aggregator the aggregator of every aggregate without an override
 * @param aggregators aggregator overrides by aggregate code; may be empty
 * @param weights raw weight overrides by node code (finite), otherwise the hierarchy's; may be
 *     empty
 * @param minCoverage the share of present children, in [0, 1], a unit needs for an aggregate to
 *     have a score (COINr's {@code dat_thresh}); 0 needs one child
 * @param coverage minimum-coverage overrides by aggregate code, each in [0, 1]; may be empty
 * @param scope for panel data, whether normalisation statistics are taken per period or over all
 *     periods pooled; imputation, screening, treatment, aggregation and ranks are always per period
 *     (as COINr on a purse)
 */
public record Pipeline(
        boolean denominate,
        Imputer imputer,
        double screenThreshold,
        Treatment treatment,
        Normaliser normaliser,
        Map<String, Normaliser> normalisers,
        Aggregator aggregator,
        Map<String, Aggregator> aggregators,
        Map<String, Double> weights,
        double minCoverage,
        Map<String, Double> coverage,
        Scope scope)
        implements Serializable {

    /** Where normalisation statistics are taken for panel data. */
    public enum Scope {
        /** Each period on its own (COINr's {@code Normalise(purse, global = FALSE)}). */
        PER_PERIOD,
        /**
         * All periods pooled, so that scores compare over time: the default, as COINr's {@code
         * Normalise(purse)} ({@code global = TRUE}).
         */
        POOLED
    }

    /**
     * Validates the shares and weights, and copies the maps.
     *
     * @param denominate whether to divide indicators by their denominators
     * @param imputer how missing values are filled
     * @param screenThreshold the share of present indicators a unit-period needs, in [0, 1]
     * @param treatment how outliers are treated
     * @param normaliser the default normaliser
     * @param normalisers normaliser overrides by indicator code
     * @param aggregator the default aggregator
     * @param aggregators aggregator overrides by aggregate code
     * @param weights weight overrides by node code, finite
     * @param minCoverage the share of present children an aggregate needs, in [0, 1]
     * @param coverage minimum-coverage overrides by aggregate code, each in [0, 1]
     * @param scope where panel statistics are taken
     * @throws IllegalArgumentException if a share is outside [0, 1] or a weight is not finite
     */
    public Pipeline {
        requireNonNull(imputer, "imputer");
        requireNonNull(treatment, "treatment");
        requireNonNull(normaliser, "normaliser");
        requireNonNull(aggregator, "aggregator");
        requireNonNull(scope, "scope");
        normalisers = Map.copyOf(normalisers);
        aggregators = Map.copyOf(aggregators);
        weights = Map.copyOf(weights);
        coverage = Map.copyOf(coverage);
        checkShare(screenThreshold, "screen threshold");
        checkShare(minCoverage, "minimum coverage");
        for (Map.Entry<String, Double> e : coverage.entrySet()) {
            checkShare(e.getValue(), "minimum coverage of " + e.getKey());
        }
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " is not finite");
            }
        }
    }

    private static void checkShare(double v, String what) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + v);
        }
    }

    /**
     * Returns COINr's plain pipeline.
     *
     * @return min-max to [0, 100] and the weighted arithmetic mean over all periods pooled; no
     *     denominating, imputation, screening, treatment, overrides or minimum coverage
     */
    public static Pipeline defaults() {
        return new Pipeline(
                false,
                new Imputer.None(),
                0,
                new Treatment.None(),
                Normaliser.defaults(),
                Map.of(),
                Aggregator.defaults(),
                Map.of(),
                Map.of(),
                0,
                Map.of(),
                Scope.POOLED);
    }

    /**
     * Returns a copy that denominates or not.
     *
     * @param d whether to divide each indicator that names a denominator by it
     * @return this pipeline with that setting
     */
    public Pipeline withDenominate(boolean d) {
        Copy c = new Copy(this);
        c.denominate = d;
        return c.build();
    }

    /**
     * Returns a copy with another imputer.
     *
     * @param i how missing indicator values are filled
     * @return this pipeline with imputer {@code i}
     */
    public Pipeline withImputer(Imputer i) {
        Copy c = new Copy(this);
        c.imputer = i;
        return c.build();
    }

    /**
     * Returns a copy with another screening threshold.
     *
     * @param s the share of present indicators, in [0, 1], a unit-period needs to be kept; 0 keeps
     *     all
     * @return this pipeline with threshold {@code s}
     * @throws IllegalArgumentException if {@code s} is outside [0, 1]
     */
    public Pipeline withScreenThreshold(double s) {
        Copy c = new Copy(this);
        c.screenThreshold = s;
        return c.build();
    }

    /**
     * Returns a copy with another treatment.
     *
     * @param t how outliers are treated before normalisation
     * @return this pipeline with treatment {@code t}
     */
    public Pipeline withTreatment(Treatment t) {
        Copy c = new Copy(this);
        c.treatment = t;
        return c.build();
    }

    /**
     * Returns a copy with another default normaliser.
     *
     * @param n the normaliser of every indicator without an override
     * @return this pipeline with default normaliser {@code n}
     */
    public Pipeline withNormaliser(Normaliser n) {
        Copy c = new Copy(this);
        c.normaliser = n;
        return c.build();
    }

    /**
     * Returns a copy with per-indicator normaliser overrides.
     *
     * @param byIndicator the normalisers by indicator code, replacing the earlier overrides; empty
     *     for none
     * @return this pipeline with these overrides
     */
    public Pipeline withNormalisers(Map<String, Normaliser> byIndicator) {
        Copy c = new Copy(this);
        c.normalisers = byIndicator;
        return c.build();
    }

    /**
     * Returns a copy with another default aggregator.
     *
     * @param a the aggregator of every aggregate without an override
     * @return this pipeline with default aggregator {@code a}
     */
    public Pipeline withAggregator(Aggregator a) {
        Copy c = new Copy(this);
        c.aggregator = a;
        return c.build();
    }

    /**
     * Returns a copy with per-aggregate aggregator overrides.
     *
     * @param byNode the aggregators by aggregate code, replacing the earlier overrides; empty for
     *     none
     * @return this pipeline with these overrides
     */
    public Pipeline withAggregators(Map<String, Aggregator> byNode) {
        Copy c = new Copy(this);
        c.aggregators = byNode;
        return c.build();
    }

    /**
     * Returns a copy with weight overrides.
     *
     * @param byNode raw weights by node code (finite), replacing the earlier overrides; nodes not
     *     named keep the hierarchy's weight; empty for none
     * @return this pipeline with these overrides
     * @throws IllegalArgumentException if a weight is not finite
     */
    public Pipeline withWeights(Map<String, Double> byNode) {
        Copy c = new Copy(this);
        c.weights = byNode;
        return c.build();
    }

    /**
     * Returns a copy with another minimum coverage for every aggregate without an override.
     *
     * @param minimum the share of present children, in [0, 1], a unit needs for a score; 0 needs one
     *     child
     * @return this pipeline with that minimum
     * @throws IllegalArgumentException if {@code minimum} is outside [0, 1]
     */
    public Pipeline withMinCoverage(double minimum) {
        Copy c = new Copy(this);
        c.minCoverage = minimum;
        return c.build();
    }

    /**
     * Returns a copy with minimum-coverage overrides by aggregate.
     *
     * @param byNode the minimum share of present children, in [0, 1], by aggregate code, replacing
     *     the earlier overrides; empty for none
     * @return this pipeline with these overrides
     * @throws IllegalArgumentException if a share is outside [0, 1]
     */
    public Pipeline withCoverage(Map<String, Double> byNode) {
        Copy c = new Copy(this);
        c.coverage = byNode;
        return c.build();
    }

    /**
     * Returns a copy with another panel scope.
     *
     * @param s whether normalisation statistics are taken per period or pooled
     * @return this pipeline with scope {@code s}
     */
    public Pipeline withScope(Scope s) {
        Copy c = new Copy(this);
        c.scope = s;
        return c.build();
    }

    /**
     * Returns the normaliser used for an indicator.
     *
     * @param code the indicator's code
     * @return its override, else the default normaliser
     */
    public Normaliser normaliserFor(String code) {
        return normalisers.getOrDefault(code, normaliser);
    }

    /**
     * Returns the aggregator used for an aggregate.
     *
     * @param code the aggregate's code
     * @return its override, else the default aggregator
     */
    public Aggregator aggregatorFor(String code) {
        return aggregators.getOrDefault(code, aggregator);
    }

    /**
     * Returns the minimum coverage used for an aggregate.
     *
     * @param code the aggregate's code
     * @return its override, else {@link #minCoverage()}: a share in [0, 1]
     */
    public double coverageFor(String code) {
        return coverage.getOrDefault(code, minCoverage);
    }

    /** Returns the first step at which {@code other} differs from this pipeline. */
    Step firstDifference(Pipeline other) {
        if (denominate != other.denominate) {
            return Step.DENOMINATE;
        }
        if (!imputer.equals(other.imputer)) {
            return Step.IMPUTE;
        }
        if (Double.compare(screenThreshold, other.screenThreshold) != 0) {
            return Step.SCREEN;
        }
        if (!treatment.equals(other.treatment)) {
            return Step.TREAT;
        }
        if (!normaliser.equals(other.normaliser) || !normalisers.equals(other.normalisers) || scope != other.scope) {
            return Step.NORMALISE;
        }
        if (!aggregator.equals(other.aggregator)
                || !aggregators.equals(other.aggregators)
                || !weights.equals(other.weights)
                || Double.compare(minCoverage, other.minCoverage) != 0
                || !coverage.equals(other.coverage)) {
            return Step.AGGREGATE;
        }
        return Step.NONE;
    }

    /** The steps in order; {@code NONE} means nothing changed. */
    enum Step {
        DENOMINATE,
        IMPUTE,
        SCREEN,
        TREAT,
        NORMALISE,
        AGGREGATE,
        NONE
    }

    /** The steps of a pipeline, to change one of them in a {@code with…} method. */
    private static final class Copy {
        boolean denominate;
        Imputer imputer;
        double screenThreshold;
        Treatment treatment;
        Normaliser normaliser;
        Map<String, Normaliser> normalisers;
        Aggregator aggregator;
        Map<String, Aggregator> aggregators;
        Map<String, Double> weights;
        double minCoverage;
        Map<String, Double> coverage;
        Scope scope;

        Copy(Pipeline p) {
            denominate = p.denominate;
            imputer = p.imputer;
            screenThreshold = p.screenThreshold;
            treatment = p.treatment;
            normaliser = p.normaliser;
            normalisers = p.normalisers;
            aggregator = p.aggregator;
            aggregators = p.aggregators;
            weights = p.weights;
            minCoverage = p.minCoverage;
            coverage = p.coverage;
            scope = p.scope;
        }

        Pipeline build() {
            return new Pipeline(
                    denominate,
                    imputer,
                    screenThreshold,
                    treatment,
                    normaliser,
                    normalisers,
                    aggregator,
                    aggregators,
                    weights,
                    minCoverage,
                    coverage,
                    scope);
        }
    }
}
