package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One uncertain choice in an index pipeline, driven by a number {@code u} in [0, 1) from the
 * sampling design. Discrete choices pick alternative {@code ⌊u·n⌋} of n (equal-width bins, as
 * COINr's {@code cut(u, n)}).
 *
 * <ul>
 *   <li>{@link NormaliserChoice}, {@link AggregatorChoice}, {@link ImputerChoice}, {@link
 *       TreatmentChoice}: the pipeline's default step is replaced by one of the alternatives.
 *   <li>{@link WeightNoise}: {@code sets} weight sets are drawn once from {@code seed}, each weight
 *       of the chosen levels becoming {@code w + U(−1, 1)·noise·w} (COINr {@code
 *       get_noisy_weights}); u picks one set.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface UncertainInput {
    /** Returns the input's name, used in results. */
    String name();

    /** Returns the number of alternatives. */
    int alternatives();

    /** Returns {@code p} with alternative {@code ⌊u·n⌋} applied. */
    Pipeline apply(Pipeline p, Hierarchy h, double u);

    /** Returns the alternative index that {@code u} selects. */
    default int pick(double u) {
        int n = alternatives();
        return Math.min(n - 1, Math.max(0, (int) Math.floor(u * n)));
    }

    /** The normaliser is one of {@code options}. */
    record NormaliserChoice(String name, List<Normaliser> options) implements UncertainInput {
        /** Requires at least one option. */
        public NormaliserChoice {
            requireNonNull(name, "name");
            options = List.copyOf(nonEmpty(options));
        }

        @Override
        public int alternatives() {
            return options.size();
        }

        @Override
        public Pipeline apply(Pipeline p, Hierarchy h, double u) {
            return p.withNormaliser(options.get(pick(u)));
        }
    }

    /** The aggregator is one of {@code options}. */
    record AggregatorChoice(String name, List<Aggregator> options) implements UncertainInput {
        /** Requires at least one option. */
        public AggregatorChoice {
            requireNonNull(name, "name");
            options = List.copyOf(nonEmpty(options));
        }

        @Override
        public int alternatives() {
            return options.size();
        }

        @Override
        public Pipeline apply(Pipeline p, Hierarchy h, double u) {
            return p.withAggregator(options.get(pick(u)));
        }
    }

    /** The imputation is one of {@code options}. */
    record ImputerChoice(String name, List<Imputer> options) implements UncertainInput {
        /** Requires at least one option. */
        public ImputerChoice {
            requireNonNull(name, "name");
            options = List.copyOf(nonEmpty(options));
        }

        @Override
        public int alternatives() {
            return options.size();
        }

        @Override
        public Pipeline apply(Pipeline p, Hierarchy h, double u) {
            return p.withImputer(options.get(pick(u)));
        }
    }

    /** The outlier treatment is one of {@code options} (e.g. winsorisation limits). */
    record TreatmentChoice(String name, List<Treatment> options) implements UncertainInput {
        /** Requires at least one option. */
        public TreatmentChoice {
            requireNonNull(name, "name");
            options = List.copyOf(nonEmpty(options));
        }

        /** Returns a choice among COINr-style winsorisation with each of the given limits. */
        public static TreatmentChoice winsorisationLimits(String name, int... winmax) {
            List<Treatment> t = new ArrayList<>();
            for (int w : winmax) {
                t.add(new Treatment.Winsorise(w, 2, 3.5, true));
            }
            return new TreatmentChoice(name, t);
        }

        @Override
        public int alternatives() {
            return options.size();
        }

        @Override
        public Pipeline apply(Pipeline p, Hierarchy h, double u) {
            return p.withTreatment(options.get(pick(u)));
        }
    }

    /** Noisy weights at the given levels: one of {@code sets} sets drawn from {@code seed}. */
    record WeightNoise(String name, List<Integer> levels, double noise, int sets, long seed) implements UncertainInput {
        /** Requires levels, a noise factor in [0, 1] and at least one set. */
        public WeightNoise {
            requireNonNull(name, "name");
            levels = List.copyOf(levels);
            if (levels.isEmpty() || !(noise >= 0 && noise <= 1) || sets < 1) {
                throw new IllegalArgumentException("weight noise needs levels, a noise factor in [0, 1] and sets ≥ 1");
            }
        }

        @Override
        public int alternatives() {
            return sets;
        }

        @Override
        public Pipeline apply(Pipeline p, Hierarchy h, double u) {
            int k = pick(u);
            // set k is drawn from its own stream so that it does not depend on the other sets
            SplittableRandom rnd = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (k + 1));
            Map<String, Double> w = new HashMap<>(p.weights());
            for (Node n : h.nodes()) {
                if (levels.contains(n.level())) {
                    double base = w.getOrDefault(n.code(), n.weight());
                    w.put(n.code(), base + (2 * rnd.nextDouble() - 1) * noise * base);
                }
            }
            return p.withWeights(w);
        }
    }

    private static <T> List<T> nonEmpty(List<T> l) {
        if (l.isEmpty()) {
            throw new IllegalArgumentException("an uncertain input needs at least one alternative");
        }
        return l;
    }
}
