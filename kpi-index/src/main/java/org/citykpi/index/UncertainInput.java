package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
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
public sealed interface UncertainInput extends Serializable {
    /** {@return the input's name, used in results} */
    String name();

    /** {@return the number of alternatives n, at least 1} */
    int alternatives();

    /**
     * Returns a pipeline with the alternative that {@code u} picks applied.
     *
     * @param p the pipeline of the run so far (the nominal one with the earlier inputs applied)
     * @param h the hierarchy, whose weights noisy weights start from
     * @param u the run's design value for this input, in [0, 1)
     * @return {@code p} with alternative {@link #pick pick(u)} applied
     */
    Pipeline apply(Pipeline p, Hierarchy h, double u);

    /**
     * Returns the alternative that {@code u} selects.
     *
     * @param u a design value in [0, 1); values outside are clamped
     * @return {@code ⌊u·n⌋}, from 0 to n − 1
     */
    default int pick(double u) {
        int n = alternatives();
        return Math.min(n - 1, Math.max(0, (int) Math.floor(u * n)));
    }

    /**
     * The normaliser is one of {@code options}.
     *
     * @param name the input's name, used in results
     * @param options the n alternatives, at least one; u picks {@code options.get(⌊u·n⌋)}
     */
    record NormaliserChoice(String name, List<Normaliser> options) implements UncertainInput {
        /**
         * Requires at least one option, and copies the list.
         *
         * @param name the input's name
         * @param options the alternatives
         * @throws IllegalArgumentException if {@code options} is empty
         */
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

    /**
     * The aggregator is one of {@code options}.
     *
     * @param name the input's name, used in results
     * @param options the n alternatives, at least one; u picks {@code options.get(⌊u·n⌋)}
     */
    record AggregatorChoice(String name, List<Aggregator> options) implements UncertainInput {
        /**
         * Requires at least one option, and copies the list.
         *
         * @param name the input's name
         * @param options the alternatives
         * @throws IllegalArgumentException if {@code options} is empty
         */
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

    /**
     * The imputation is one of {@code options}.
     *
     * @param name the input's name, used in results
     * @param options the n alternatives, at least one; u picks {@code options.get(⌊u·n⌋)}
     */
    record ImputerChoice(String name, List<Imputer> options) implements UncertainInput {
        /**
         * Requires at least one option, and copies the list.
         *
         * @param name the input's name
         * @param options the alternatives
         * @throws IllegalArgumentException if {@code options} is empty
         */
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

    /**
     * The outlier treatment is one of {@code options} (e.g. winsorisation limits).
     *
     * @param name the input's name, used in results
     * @param options the n alternatives, at least one; u picks {@code options.get(⌊u·n⌋)}
     */
    record TreatmentChoice(String name, List<Treatment> options) implements UncertainInput {
        /**
         * Requires at least one option, and copies the list.
         *
         * @param name the input's name
         * @param options the alternatives
         * @throws IllegalArgumentException if {@code options} is empty
         */
        public TreatmentChoice {
            requireNonNull(name, "name");
            options = List.copyOf(nonEmpty(options));
        }

        /**
         * Returns a choice among COINr-style winsorisation (limits |skew| 2 and kurtosis 3.5, log
         * fallback) with each of the given numbers of points.
         *
         * @param name the input's name
         * @param winmax the most points winsorised, one alternative per value, each 0 or more
         * @return the choice
         * @throws IllegalArgumentException if no value is given or one is negative
         */
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

    /**
     * Noisy weights at the given levels: one of {@code sets} sets drawn from {@code seed}.
     *
     * @param name the input's name, used in results
     * @param levels the levels whose nodes' weights are made noisy (1 for the indicators); not empty
     * @param noise the noise factor in [0, 1]: each weight w becomes {@code w + U(−1, 1)·noise·w}
     * @param sets the number of weight sets to pick from, at least 1
     * @param seed the seed the sets are drawn from (set k from its own stream)
     */
    record WeightNoise(String name, List<Integer> levels, double noise, int sets, long seed) implements UncertainInput {
        /**
         * Requires levels, a noise factor in [0, 1] and at least one set.
         *
         * @param name the input's name
         * @param levels the levels whose weights are made noisy
         * @param noise the noise factor
         * @param sets the number of weight sets
         * @param seed the seed the sets are drawn from
         * @throws IllegalArgumentException if {@code levels} is empty, {@code noise} outside [0, 1]
         *     or {@code sets} below 1
         */
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
