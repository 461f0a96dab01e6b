package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Computes every aggregate of a hierarchy, level by level; see {@link Aggregator} for the formulas.
 *
 * <p>Where each part lives: this class orders the aggregates by level and splits a large level over
 * two threads; {@link Aggregation} makes one aggregate, in the way of its kind of aggregator (the
 * weighted {@link Means}, Copeland's {@link Outranking}); the means take the column-by-column paths
 * of {@link ColumnMeans} where they can and redo the rows with a missing child one by one; {@link
 * MeanLogs} hands a geometric mean the mean logs of its geometric children.
 */
final class AggregateStep {
    private AggregateStep() {}

    /**
     * Fills {@code agg} (one column per aggregate, in hierarchy order) from the normalised
     * indicators {@code ind}. {@code groupSize} is the number of rows per period (for Copeland);
     * {@code label} names a row in messages.
     */
    static void run(
            Matrix ind,
            Matrix agg,
            Hierarchy h,
            double[] weights,
            Pipeline p,
            int groupSize,
            IntFunction<String> label) {
        run(ind, null, agg, h, weights, p, groupSize, label, null, false);
    }

    /**
     * As {@link #run(Matrix, Matrix, Hierarchy, double[], Pipeline, int, IntFunction)}, with the
     * normalised indicators given either as a matrix ({@code ind}) or as an unwritten min-max
     * {@code plan} (the other null). With a plan, arithmetic means of indicators normalise each
     * cell as they read it; any other node asks the plan for its matrix. Same result, bit for bit.
     * {@code needed}: per aggregate, whether its values are wanted (null: all; see {@link
     * MeanLogs#logsOnly}); {@code parallel}: whether a large level may use a second thread.
     */
    static void run(
            @Nullable Matrix ind,
            NormaliseStep.@Nullable MinMaxPlan plan,
            Matrix agg,
            Hierarchy h,
            double[] weights,
            Pipeline p,
            int groupSize,
            IntFunction<String> label,
            boolean @Nullable [] needed,
            boolean parallel) {
        int first = h.indicatorCount();
        int @Nullable [][] known = plan != null
                ? plan.in.missing()
                : requireNonNull(ind, "the indicators, when there is no plan").knownMissing();
        // missing-cell lists of the aggregates made so far, for the column-by-column paths (null
        // when the indicators' lists are not known: then every node is made row by row)
        ColumnMeans.@Nullable State fast = known == null
                ? null
                : new ColumnMeans.State(known, new int[h.nodes().size() - first][], agg.rows);
        Context c = new Context(
                new Leaves(ind, plan), agg, h, weights, p, groupSize, label, new MeanLogs(agg, needed), fast);
        // nodes of one level only read lower levels, so a level's nodes can be made in any order;
        // with parallel set, a large level is split in two halves made at once
        int node = first;
        while (node < h.nodes().size()) {
            int level = h.nodes().get(node).level();
            int end = node;
            long cells = 0;
            while (end < h.nodes().size() && h.nodes().get(end).level() == level) {
                cells += (long) h.childIndices(end).length * agg.rows;
                end++;
            }
            if (splits(parallel, fast != null, end - node, cells)) {
                int mid = (node + end) >>> 1;
                int from = node;
                int to = end;
                Context other = c.withOwnScratch();
                ForkJoinTask<?> half = ForkJoinPool.commonPool().submit(() -> nodes(mid, to, other));
                nodes(from, mid, c);
                half.join();
            } else {
                nodes(node, end, c);
            }
            node = end;
        }
        if (fast != null) {
            agg.setMissing(fast.aggregates);
        }
    }

    /**
     * Returns the fewest present children, of {@code k}, for which a unit passes a coverage
     * threshold {@code cov}: COINr sets an aggregate to NA when {@code count/k < cov}.
     */
    static int minCount(double cov, int k) {
        int c = 0;
        while (c <= k && (double) c / k < cov) {
            c++;
        }
        return c;
    }

    /** Levels with at least this many child cells are split over two threads when asked. */
    static final long PARALLEL_ABOVE = 1 << 18;

    /**
     * Returns whether a level of {@code nodes} aggregates with {@code cells} child cells is split
     * over two threads: when asked, with the missing-cell lists known (each half keeps its own
     * scratch of the column-by-column paths), at least two nodes and {@link #PARALLEL_ABOVE} cells.
     */
    static boolean splits(boolean parallel, boolean columnwise, int nodes, long cells) {
        return parallel && columnwise && nodes >= 2 && cells >= PARALLEL_ABOVE;
    }

    /** Makes aggregates {@code [from, to)} (hierarchy indices) one after the other. */
    private static void nodes(int from, int to, Context c) {
        for (int node = from; node < to; node++) {
            Aggregation.of(c, node).make();
            int col = node - c.first;
            if (c.fast != null && c.fast.aggregates[col] == null) {
                // made row by row (or by Copeland), with missing cells at 0: list them, so that
                // the parent can still take a column-by-column path
                c.fast.aggregates[col] = ColumnMeans.missingRows(c.agg.ok, col * c.rows, c.rows, null);
            }
        }
    }

    /**
     * What the aggregates of one build share: the normalised indicators, the aggregates being made,
     * the hierarchy, weights and pipeline, the mean logs, and the scratch of the column-by-column
     * paths, which belongs to one thread (each half of a split level has its own).
     */
    static final class Context {
        final Leaves leaves;
        final Matrix agg;
        final Hierarchy h;
        final double[] weights;
        final Pipeline p;
        /** Rows per period, the units Copeland compares. */
        final int groupSize;
        /** Names a row in messages. */
        final IntFunction<String> label;

        final MeanLogs logs;
        /**
         * The missing-cell lists and scratch of the column-by-column paths; null when every node is
         * made row by row.
         */
        final ColumnMeans.@Nullable State fast;
        /** The hierarchy index of the first aggregate (the number of indicators). */
        final int first;
        /** Rows of every matrix. */
        final int rows;

        Context(
                Leaves leaves,
                Matrix agg,
                Hierarchy h,
                double[] weights,
                Pipeline p,
                int groupSize,
                IntFunction<String> label,
                MeanLogs logs,
                ColumnMeans.@Nullable State fast) {
            this.leaves = leaves;
            this.agg = agg;
            this.h = h;
            this.weights = weights;
            this.p = p;
            this.groupSize = groupSize;
            this.label = label;
            this.logs = logs;
            this.fast = fast;
            this.first = h.indicatorCount();
            this.rows = agg.rows;
        }

        /**
         * Returns this context with scratch of its own, for another thread; only for a level split
         * over two threads, which needs the column-by-column paths ({@link #splits}).
         */
        Context withOwnScratch() {
            ColumnMeans.State own = requireNonNull(fast, "a split level has the column-by-column paths")
                    .forAnotherThread();
            return new Context(leaves, agg, h, weights, p, groupSize, label, logs, own);
        }
    }

    /**
     * The normalised indicators: a matrix, or a min-max plan written on first need (one of the two
     * is given, the other null).
     */
    static final class Leaves {
        // volatile: the two halves of a split level may write the plan's matrix at once; a plain
        // field could hand one thread the other's matrix before its values are visible
        private volatile @Nullable Matrix ind;
        final NormaliseStep.@Nullable MinMaxPlan plan;

        Leaves(@Nullable Matrix ind, NormaliseStep.@Nullable MinMaxPlan plan) {
            this.ind = ind;
            this.plan = plan;
        }

        /** Returns the normalised indicators' matrix, asking the plan to write it on first need. */
        Matrix matrix() {
            Matrix m = ind;
            if (m == null) {
                m = requireNonNull(plan, "the plan, when there is no matrix").matrix();
                ind = m;
            }
            return m;
        }
    }
}
