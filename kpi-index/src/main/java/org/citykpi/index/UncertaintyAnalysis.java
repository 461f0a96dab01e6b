package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Runs uncertainty and sensitivity analyses of an index: each run applies the uncertain inputs to
 * the nominal pipeline and rebuilds the index from the first step that changed (steps before it
 * are shared between runs that agree on them), then ranks the target node.
 *
 * <ul>
 *   <li>{@link #run}: Monte Carlo over {@code runs} rows of U(0,1)^d; rank statistics per unit.
 *   <li>{@link #sensitivity}: Saltelli design A, B, A_B^i ({@code N·(d + 2)} runs); the output is
 *       the mean absolute rank shift {@code y = mean_u |rank(u) − nominal(u)|}; {@code Si =
 *       mean(y_B·(y_ABi − y_A))/V}, {@code STi = Σ(y_A − y_ABi)²/(2N·V)}, V the sample variance of
 *       y over A and B together (as COINr); bootstrap 5–95 % intervals over the N design rows.
 * </ul>
 *
 * <p>Reproducible: the design is drawn sequentially from the seed before any run, runs are split
 * into fixed chunks and each writes only its own slot, so results do not depend on the number of
 * threads. The same holds across machines: {@link #design}, {@link #runs(double[][], int, int)}
 * and {@link #combine} split one Monte Carlo analysis into ranges of runs and put it back together
 * with the result of {@link #run}. A run that fails (e.g. a geometric mean over a zero) is reported, not hidden: Monte
 * Carlo statistics leave it out; the sensitivity analysis drops its design row.
 *
 * <p>Immutable and thread-safe. Serializable (to ship it to the workers of a cluster, such as Spark
 * executors): the serial form is the index, the nominal pipeline, the inputs, the target and the
 * thread count, checked again when read as {@link #create} and {@link #withTarget} check them.
 */
public final class UncertaintyAnalysis implements Serializable {
    private static final int CHUNK = 8;

    private final CompositeIndex index;
    private final Pipeline nominal;
    private final List<UncertainInput> inputs;
    private final String target;
    private final int threads;

    private UncertaintyAnalysis(
            CompositeIndex index, Pipeline nominal, List<UncertainInput> inputs, String target, int threads) {
        this.index = index;
        this.nominal = nominal;
        this.inputs = List.copyOf(inputs);
        this.target = target;
        this.threads = threads;
    }

    /**
     * Returns an analysis of {@code index} around {@code nominal}, targeting the top node (the
     * only node at the highest level), on one thread.
     *
     * @param index the index to analyse
     * @param nominal the pipeline every run starts from, and whose ranks the runs are compared with
     * @param inputs the uncertain choices, each driven by one column of the design; at least one
     * @return the analysis
     * @throws IllegalArgumentException if there is no input, or no single top node
     */
    public static UncertaintyAnalysis create(CompositeIndex index, Pipeline nominal, List<UncertainInput> inputs) {
        requireNonNull(index, "index");
        requireNonNull(nominal, "nominal");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an uncertainty analysis needs at least one uncertain input");
        }
        Hierarchy h = index.hierarchy();
        List<String> top = h.codesAt(h.levels());
        if (top.size() != 1) {
            throw new IllegalArgumentException(
                    "the hierarchy has " + top.size() + " top nodes " + top + "; choose one with withTarget");
        }
        return new UncertaintyAnalysis(index, nominal, inputs, top.get(0), 1);
    }

    /**
     * Returns a copy that analyses the ranks of another node.
     *
     * @param code the code of an indicator or aggregate
     * @return this analysis with target {@code code}
     * @throws IllegalArgumentException if no node has this code
     */
    public UncertaintyAnalysis withTarget(String code) {
        index.hierarchy().node(code);
        return new UncertaintyAnalysis(index, nominal, inputs, code, threads);
    }

    /**
     * Returns a copy that spreads runs over several threads (results do not change).
     *
     * @param n the number of threads, at least 1
     * @return this analysis on {@code n} threads
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public UncertaintyAnalysis withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        return new UncertaintyAnalysis(index, nominal, inputs, target, n);
    }

    /**
     * Runs a Monte Carlo uncertainty analysis of {@code runs} runs.
     *
     * @param runs the number of runs, at least 1
     * @param seed the seed of the design; the same seed gives the same result on any number of
     *     threads
     * @return the design, every run's ranks, per-unit rank statistics and the failed runs
     * @throws IllegalArgumentException if {@code runs} is below 1
     * @throws IndexException if the nominal pipeline itself cannot be built
     */
    public UncertaintyResult run(int runs, long seed) {
        double[][] design = design(runs, seed);
        Evaluation ev = evaluate(design);
        return result(design, ev.ranks(), ev.failures(), ev.nominalRanks());
    }

    /**
     * Draws the design of a Monte Carlo analysis: the design {@link #run run(runs, seed)} uses.
     * With {@link #runs(double[][], int, int)} and {@link #combine}, the runs of one analysis can be
     * spread over several machines (the design drawn once, then each machine runs a range of it):
     * the result is the same as {@code run(runs, seed)}'s.
     *
     * @param runs the number of runs, at least 1
     * @param seed the seed; values are drawn one run after the other, input by input, from a
     *     {@link SplittableRandom} made from it
     * @return a new array of {@code runs} rows of one u value in [0, 1) per input
     * @throws IllegalArgumentException if {@code runs} is below 1
     */
    public double[][] design(int runs, long seed) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] design = new double[runs][inputs.size()];
        for (double[] row : design) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextDouble();
            }
        }
        return design;
    }

    /**
     * Runs rows {@code [from, to)} of a design: each run applies the inputs to the nominal pipeline
     * and ranks the target node, as {@link #run} does; a run that fails is recorded, not thrown.
     *
     * @param design the design, one row per run of one u value in [0, 1) per input (as {@link
     *     #design} draws it); not changed
     * @param from the first run (inclusive), from 0
     * @param to the end run (exclusive), up to {@code design.length}
     * @return the ranks and failures of those runs, with failures numbered by their place in the
     *     whole design
     * @throws IllegalArgumentException if the range is not within the design, or a row does not
     *     hold one value per input
     * @throws IndexException if the nominal pipeline itself cannot be built
     */
    public Batch runs(double[][] design, int from, int to) {
        checkDesign(design);
        if (from < 0 || to > design.length || from > to) {
            throw new IllegalArgumentException(
                    "runs [" + from + ", " + to + ") are not within the design of " + design.length + " runs");
        }
        Evaluation ev = evaluate(design, from, to);
        return new Batch(from, ev.ranks(), ev.failures());
    }

    /**
     * Assembles the result of a Monte Carlo analysis from batches of its runs ({@link
     * #runs(double[][], int, int)}), as {@link #run} does from all its runs: the same statistics,
     * bit for bit, however the runs were split.
     *
     * @param design the whole design the batches ran
     * @param batches batches covering runs {@code 0} to {@code design.length} once each, in any
     *     order
     * @return the design, every run's ranks, per-unit rank statistics and the failed runs
     * @throws IllegalArgumentException if the batches do not cover the design exactly once, or a
     *     batch's ranks do not fit this analysis's data
     * @throws IndexException if the nominal pipeline itself cannot be built
     */
    public UncertaintyResult combine(double[][] design, List<Batch> batches) {
        checkDesign(design);
        int runs = design.length;
        if (runs < 1) {
            throw new IllegalArgumentException("a design has at least 1 run");
        }
        List<Batch> ordered = new ArrayList<>(batches);
        ordered.sort(Comparator.comparingInt(Batch::from));
        int[] @Nullable [] ranks = new int[runs][];
        List<String> failures = new ArrayList<>();
        int next = 0;
        int gridRows = index.data().rowCount();
        for (Batch b : ordered) {
            if (b.from() != next || b.to() > runs) {
                throw new IllegalArgumentException("the batches do not cover runs 0 to " + runs + " once each (run "
                        + next + " is followed by a batch from " + b.from() + " to " + b.to() + ")");
            }
            for (int k = 0; k < b.size(); k++) {
                int[] r = b.ranks(k);
                if (r != null && r.length != gridRows) {
                    throw new IllegalArgumentException(
                            "run " + (b.from() + k + 1) + " ranks " + r.length + " rows, the data has " + gridRows);
                }
                ranks[b.from() + k] = r;
            }
            failures.addAll(b.failures());
            next = b.to();
        }
        if (next != runs) {
            throw new IllegalArgumentException("the batches end at run " + next + " of " + runs);
        }
        double[][] copy = new double[runs][];
        for (int k = 0; k < runs; k++) {
            copy[k] = design[k].clone();
        }
        IndexResult nom = index.build(nominal);
        return result(copy, ranks, failures, nom.rankColumn(nom.nodeOf(target)));
    }

    /** Returns the result of a Monte Carlo design from every run's ranks (null: failed), in run order. */
    private UncertaintyResult result(
            double[][] design, int[] @Nullable [] ranks, List<String> failures, int[] nominalRanks) {
        int runs = design.length;
        int rows = nominalRanks.length;
        List<RankStats> stats = new ArrayList<>();
        double[] buf = new double[runs];
        for (int r = 0; r < rows; r++) {
            int n = 0;
            for (int k = 0; k < runs; k++) {
                int[] run = ranks[k];
                if (run != null && run[r] > 0) {
                    buf[n++] = run[r];
                }
            }
            if (n == 0) {
                continue;
            }
            Arrays.sort(buf, 0, n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += buf[i];
            }
            int nom = nominalRanks[r];
            stats.add(new RankStats(
                    index.data().unitOf(r),
                    index.data().periodOf(r),
                    nom > 0 ? OptionalInt.of(nom) : OptionalInt.empty(),
                    sum / n,
                    ColumnStats.quantile(buf, n, 0.5),
                    ColumnStats.quantile(buf, n, 0.05),
                    ColumnStats.quantile(buf, n, 0.95),
                    n));
        }
        List<String> names = new ArrayList<>();
        for (UncertainInput in : inputs) {
            names.add(in.name());
        }
        return new UncertaintyResult(target, names, design, ranks, stats, failures);
    }

    private void checkDesign(double[][] design) {
        for (double[] row : design) {
            if (row.length != inputs.size()) {
                throw new IllegalArgumentException(
                        "a design row holds " + row.length + " values for " + inputs.size() + " inputs");
            }
        }
    }

    /**
     * Holds the outcome of a range of runs of a Monte Carlo design ({@link
     * UncertaintyAnalysis#runs(double[][], int, int)}): per run, the target's rank of every grid row,
     * or nothing for a run that failed, and one message per failed run. Serializable, so that
     * batches run on other machines can be sent back and {@linkplain UncertaintyAnalysis#combine
     * combined}. Immutable once made (the rank arrays are not copied when read: do not change them).
     */
    public static final class Batch implements Serializable {
        private final int from;
        private final int[] @Nullable [] ranks;
        private final List<String> failures;

        Batch(int from, int[] @Nullable [] ranks, List<String> failures) {
            this.from = from;
            this.ranks = ranks;
            this.failures = List.copyOf(failures);
        }

        /** {@return the first run of the batch, counted from 0 over the whole design} */
        public int from() {
            return from;
        }

        /** {@return the end run of the batch (exclusive)} */
        public int to() {
            return from + ranks.length;
        }

        /** {@return the number of runs in the batch, failed ones included} */
        public int size() {
            return ranks.length;
        }

        /**
         * Returns the ranks of one run of the batch.
         *
         * @param k the run's place in the batch, from 0 to {@link #size()} − 1
         * @return the target's rank of each grid row (0: no rank), or null when the run failed
         * @throws ArrayIndexOutOfBoundsException if there is no such run
         */
        public int @Nullable [] ranks(int k) {
            return ranks[k];
        }

        /** {@return one message per failed run of the batch ({@code run N: reason}), in run order} */
        public List<String> failures() {
            return failures;
        }
    }

    /**
     * Runs a variance-based sensitivity analysis with base sample size {@code n} ({@code n·(d + 2)}
     * runs) and {@code bootstrap} bootstrap resamples for the confidence intervals.
     *
     * @param n the base sample size N, at least 2
     * @param bootstrap the number of bootstrap resamples, 0 or more (0: the intervals are the
     *     estimates themselves)
     * @param seed the seed of the design and of the resamples
     * @return the first-order and total indices of every input, with their intervals
     * @throws IllegalArgumentException if {@code n} is below 2 or {@code bootstrap} negative, if
     *     fewer than 2 design rows succeed, or if the output does not vary at all
     * @throws IndexException if the nominal pipeline itself cannot be built
     */
    public SensitivityResult sensitivity(int n, int bootstrap, long seed) {
        if (n < 2 || bootstrap < 0) {
            throw new IllegalArgumentException("sensitivity needs n ≥ 2 and bootstrap ≥ 0");
        }
        int d = inputs.size();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] a = new double[n][d];
        double[][] b = new double[n][d];
        for (double[][] m : new double[][][] {a, b}) {
            for (double[] row : m) {
                for (int j = 0; j < d; j++) {
                    row[j] = rnd.nextDouble();
                }
            }
        }
        double[][] design = new double[n * (d + 2)][];
        for (int j = 0; j < n; j++) {
            design[j] = a[j];
            design[n + j] = b[j];
            for (int i = 0; i < d; i++) {
                double[] ab = a[j].clone();
                ab[i] = b[j][i];
                design[(2 + i) * n + j] = ab;
            }
        }
        Evaluation ev = evaluate(design);
        double[] y = new double[design.length];
        boolean[] ok = new boolean[design.length];
        for (int k = 0; k < design.length; k++) {
            int[] run = ev.ranks()[k];
            if (run != null) {
                y[k] = meanShift(run, ev.nominalRanks());
                ok[k] = true;
            }
        }
        int[] keep = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            boolean all = true;
            for (int s = 0; s < d + 2; s++) {
                all &= ok[s * n + j];
            }
            if (all) {
                keep[m++] = j;
            }
        }
        if (m < 2) {
            throw new IllegalArgumentException("only " + m + " design rows ran without failure; " + ev.failures());
        }
        keep = Arrays.copyOf(keep, m);
        double[][] est = estimate(y, n, d, keep);
        double[][] boots = new double[2 * d][bootstrap];
        SplittableRandom br = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] sample = new int[m];
        for (int t = 0; t < bootstrap; t++) {
            for (int i = 0; i < m; i++) {
                sample[i] = keep[br.nextInt(m)];
            }
            double[][] e;
            try {
                e = estimate(y, n, d, sample);
            } catch (IllegalArgumentException ex) {
                e = new double[][] {new double[d], new double[d]}; // a resample with no variance: zero effect
            }
            for (int i = 0; i < d; i++) {
                boots[i][t] = e[0][i];
                boots[d + i][t] = e[1][i];
            }
        }
        List<SensitivityResult.Index> out = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            double[] fs = boots[i];
            double[] ts = boots[d + i];
            Arrays.sort(fs);
            Arrays.sort(ts);
            boolean any = bootstrap > 0;
            out.add(new SensitivityResult.Index(
                    inputs.get(i).name(),
                    est[0][i],
                    any ? ColumnStats.quantile(fs, bootstrap, 0.05) : est[0][i],
                    any ? ColumnStats.quantile(fs, bootstrap, 0.95) : est[0][i],
                    est[1][i],
                    any ? ColumnStats.quantile(ts, bootstrap, 0.05) : est[1][i],
                    any ? ColumnStats.quantile(ts, bootstrap, 0.95) : est[1][i]));
        }
        return new SensitivityResult(target, n, design.length, out, ev.failures());
    }

    /** Returns {first-order[d], total[d]} from outputs {@code y} over design rows {@code rows}. */
    private static double[][] estimate(double[] y, int n, int d, int[] rows) {
        int m = rows.length;
        double mean = 0;
        for (int j : rows) {
            mean += y[j] + y[n + j];
        }
        mean /= 2 * m;
        double var = 0;
        for (int j : rows) {
            var += (y[j] - mean) * (y[j] - mean) + (y[n + j] - mean) * (y[n + j] - mean);
        }
        var /= 2 * m - 1;
        if (var == 0) {
            throw new IllegalArgumentException("the output does not vary over the runs; sensitivity is undefined");
        }
        double[][] out = new double[2][d];
        for (int i = 0; i < d; i++) {
            double s = 0;
            double t = 0;
            int base = (2 + i) * n;
            for (int j : rows) {
                double ya = y[j];
                double yb = y[n + j];
                double yab = y[base + j];
                s += yb * (yab - ya);
                t += (ya - yab) * (ya - yab);
            }
            out[0][i] = s / m / var;
            out[1][i] = t / (2.0 * m * var);
        }
        return out;
    }

    private static double meanShift(int[] ranks, int[] nominal) {
        double s = 0;
        int n = 0;
        for (int r = 0; r < ranks.length; r++) {
            if (ranks[r] > 0 && nominal[r] > 0) {
                s += Math.abs(ranks[r] - nominal[r]);
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /**
     * The ranks of the target in the nominal build and in every run of a design (null for a run
     * that failed), with one message per failed run.
     */
    private record Evaluation(int[] nominalRanks, int[] @Nullable [] ranks, List<String> failures) {}

    private Evaluation evaluate(double[][] design) {
        return evaluate(design, 0, design.length);
    }

    /** Evaluates design rows {@code [first, end)}; the ranks are indexed from {@code first}. */
    private Evaluation evaluate(double[][] design, int first, int end) {
        IndexResult nom = index.build(nominal);
        int node = nom.nodeOf(target);
        Map<Pipeline, IndexResult> upstream = new ConcurrentHashMap<>();
        upstream.put(upstreamOf(nominal), nom);
        int[] @Nullable [] ranks = new int[end - first][];
        @Nullable String[] failed = new String[end - first];
        int chunks = (end - first + CHUNK - 1) / CHUNK;
        Runnable[] tasks = new Runnable[chunks];
        for (int c = 0; c < chunks; c++) {
            int from = first + c * CHUNK;
            int to = Math.min(end, from + CHUNK);
            tasks[c] = () -> {
                for (int k = from; k < to; k++) {
                    try {
                        ranks[k - first] = runOne(nom, node, design[k], upstream);
                    } catch (IllegalArgumentException e) {
                        failed[k - first] = "run " + (k + 1) + ": " + e.getMessage();
                    }
                }
            };
        }
        execute(tasks);
        List<String> failures = new ArrayList<>();
        for (String f : failed) {
            if (f != null) {
                failures.add(f);
            }
        }
        return new Evaluation(nom.rankColumn(node), ranks, failures);
    }

    private int[] runOne(IndexResult nom, int node, double[] u, Map<Pipeline, IndexResult> upstream) {
        Pipeline p = nominal;
        for (int i = 0; i < inputs.size(); i++) {
            p = inputs.get(i).apply(p, index.hierarchy(), u[i]);
        }
        Pipeline up = upstreamOf(p);
        IndexResult base = upstream.get(up);
        if (base == null) {
            // built outside computeIfAbsent so that a failure is not cached and other keys are not blocked
            base = index.rebuild(nom, up);
            IndexResult prev = upstream.putIfAbsent(up, base);
            base = prev == null ? base : prev;
        }
        return index.rebuildRanks(base, p, node);
    }

    /** Returns {@code p} with the aggregation settings of the nominal pipeline. */
    private Pipeline upstreamOf(Pipeline p) {
        return p.withAggregator(nominal.aggregator())
                .withAggregators(nominal.aggregators())
                .withWeights(nominal.weights())
                .withMinCoverage(nominal.minCoverage())
                .withCoverage(nominal.coverage());
    }

    private void execute(Runnable[] tasks) {
        if (threads == 1 || tasks.length == 1) {
            for (Runnable t : tasks) {
                t.run();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.length), r -> {
            Thread t = new Thread(r, "citykpi-uncertainty");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Runnable t : tasks) {
                fs.add(pool.submit(t));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("uncertainty analysis interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an uncertainty run failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    // The serial form: what the analysis was made of.
    private record SerialForm(
            CompositeIndex index, Pipeline nominal, List<UncertainInput> inputs, String target, int threads)
            implements Serializable {
        private Object readResolve() throws InvalidObjectException {
            try {
                return create(index, nominal, inputs).withTarget(target).withThreads(threads);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw SerialForms.invalid("uncertainty analysis", e);
            }
        }
    }

    private Object writeReplace() {
        return new SerialForm(index, nominal, inputs, target, threads);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.notSerialForm("uncertainty analysis");
    }
}
