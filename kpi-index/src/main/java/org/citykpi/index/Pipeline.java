package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * Says how an index is built: the steps denominate → impute → screen → treat → normalise →
 * aggregate, each a value that can be swapped, with per-node overrides. {@link #defaults()} is
 * COINr's plain pipeline: min-max to [0, 100] and the weighted arithmetic mean, nothing else.
 *
 * <ul>
 *   <li>{@code denominate}: divide each indicator that names a denominator by it (a zero or missing
 *       denominator gives a missing value).
 *   <li>{@code screenThreshold}: keep a unit-period only if its share of present indicators is at
 *       least this (COINr {@code Screen} "byNA"); 0 keeps all.
 *   <li>{@code normalisers} / {@code aggregators}: overrides by indicator / aggregate code.
 *   <li>{@code weights}: weight overrides by node code (otherwise the hierarchy's).
 *   <li>{@code minCoverage}: COINr's {@code dat_thresh}; {@code coverage} overrides it by aggregate.
 *   <li>{@code scope}: for panel data, whether treatment and normalisation statistics are taken per
 *       period or over all periods pooled. Aggregation and ranks are always per period.
 * </ul>
 *
 * <p>Immutable and thread-safe; {@code equals} compares every step, which is how a rebuild finds
 * the first step that changed.
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
        Scope scope) {

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

    /** Validates and copies the maps. */
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

    /** Returns COINr's plain pipeline: min-max [0, 100], arithmetic mean, nothing else. */
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

    /** Returns a copy that denominates or not. */
    public Pipeline withDenominate(boolean d) {
        Copy c = new Copy(this);
        c.denominate = d;
        return c.build();
    }

    /** Returns a copy with another imputer. */
    public Pipeline withImputer(Imputer i) {
        Copy c = new Copy(this);
        c.imputer = i;
        return c.build();
    }

    /** Returns a copy with another screening threshold. */
    public Pipeline withScreenThreshold(double s) {
        Copy c = new Copy(this);
        c.screenThreshold = s;
        return c.build();
    }

    /** Returns a copy with another treatment. */
    public Pipeline withTreatment(Treatment t) {
        Copy c = new Copy(this);
        c.treatment = t;
        return c.build();
    }

    /** Returns a copy with another default normaliser. */
    public Pipeline withNormaliser(Normaliser n) {
        Copy c = new Copy(this);
        c.normaliser = n;
        return c.build();
    }

    /** Returns a copy with per-indicator normaliser overrides. */
    public Pipeline withNormalisers(Map<String, Normaliser> byIndicator) {
        Copy c = new Copy(this);
        c.normalisers = byIndicator;
        return c.build();
    }

    /** Returns a copy with another default aggregator. */
    public Pipeline withAggregator(Aggregator a) {
        Copy c = new Copy(this);
        c.aggregator = a;
        return c.build();
    }

    /** Returns a copy with per-aggregate aggregator overrides. */
    public Pipeline withAggregators(Map<String, Aggregator> byNode) {
        Copy c = new Copy(this);
        c.aggregators = byNode;
        return c.build();
    }

    /** Returns a copy with weight overrides. */
    public Pipeline withWeights(Map<String, Double> byNode) {
        Copy c = new Copy(this);
        c.weights = byNode;
        return c.build();
    }

    /** Returns a copy with another minimum coverage for every aggregate. */
    public Pipeline withMinCoverage(double minimum) {
        Copy c = new Copy(this);
        c.minCoverage = minimum;
        return c.build();
    }

    /** Returns a copy with minimum-coverage overrides by aggregate. */
    public Pipeline withCoverage(Map<String, Double> byNode) {
        Copy c = new Copy(this);
        c.coverage = byNode;
        return c.build();
    }

    /** Returns a copy with another panel scope. */
    public Pipeline withScope(Scope s) {
        Copy c = new Copy(this);
        c.scope = s;
        return c.build();
    }

    /** Returns the normaliser used for indicator {@code code}. */
    public Normaliser normaliserFor(String code) {
        return normalisers.getOrDefault(code, normaliser);
    }

    /** Returns the aggregator used for aggregate {@code code}. */
    public Aggregator aggregatorFor(String code) {
        return aggregators.getOrDefault(code, aggregator);
    }

    /** Returns the minimum coverage used for aggregate {@code code}. */
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
        if (!treatment.equals(other.treatment) || (scope != other.scope && !(treatment instanceof Treatment.None))) {
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
