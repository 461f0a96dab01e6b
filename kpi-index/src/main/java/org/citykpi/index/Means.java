package org.citykpi.index;

import org.citykpi.Sum;
import org.jspecify.annotations.Nullable;

/**
 * The weighted means ({@link Aggregator.Arithmetic}, {@link Aggregator.Geometric}, {@link
 * Aggregator.Harmonic}, {@link Aggregator.Generalised}) of one aggregate. Each mean first takes the
 * column-by-column paths it has ({@link ColumnMeans}: arithmetic means, geometric means whose logs
 * are known), which compute every row as if all children were present; then the row-by-row loop
 * ({@link Mean#rows}) makes the other rows (those with a missing child, or every row), the same
 * loop for every mean, with the mean's own term per child and value per row.
 */
final class Means {
    private Means() {}

    /**
     * One weighted mean over the children each unit has, the weights renormalised per unit; every
     * sum compensated ({@link Sum}'s rounding rule, in child order).
     */
    abstract static sealed class Mean extends Aggregation permits Arithmetic, Geometric, Harmonic, Power {
        /** The fewest present children that pass the coverage threshold. */
        final int need;
        /** The compensated sum of all the children's weights: the total weight of a complete row. */
        final double full;
        /**
         * The missing-cell lists and scratch of the column-by-column paths when they may be taken:
         * the lists are known, a complete row passes the coverage threshold and has a nonzero total
         * weight (else some rows without a missing child would fail too), and there are at most 64
         * children (a bit each); null when every row is made row by row.
         */
        final ColumnMeans.@Nullable State fast;

        Mean(AggregateStep.Context c, int node) {
            super(c, node);
            int k = kids.length;
            // COINr's dat_thresh test, sum(!is.na(x))/length(x) < dat_thresh, as a count: the smallest
            // count that passes (found with COINr's division, so a boundary case rounds as in COINr)
            this.need = AggregateStep.minCount(cov, k);
            this.full = Sum.of(w).value();
            this.fast = k <= 64 && !(k < need || full == 0) ? c.fast : null;
        }

        /**
         * Returns the term child {@code i} (value {@code x}, at {@code at} in its cells, row {@code
         * r}) adds to the row's sum.
         *
         * @throws IndexException if {@code x} is outside the mean's domain
         */
        abstract double term(Children ch, int i, int at, double x, int r);

        /**
         * Returns the mean of row {@code r} from the compensated sums of its present children's
         * terms ({@code total}) and weights ({@code ws}); a value that is not finite makes the cell
         * missing.
         */
        abstract double value(Children ch, int r, double total, double ws);

        /** Records that row {@code r} has no value (nothing to do but for geometric means). */
        void missing(int r) {}

        /**
         * Makes rows {@code todo} (every row if null) one by one from their present children, in
         * child order: a row with no child, too few for the coverage, or a total weight of 0 is
         * missing; so is a row whose mean is not finite.
         */
        final void rows(Children ch, int @Nullable [] todo) {
            double[] v = c.agg.v;
            boolean[] ok = c.agg.ok;
            double[][] cv = ch.v();
            boolean[][] cok = ch.ok();
            int[] cb = ch.b();
            int k = kids.length;
            int n = todo == null ? c.rows : todo.length;
            for (int j = 0; j < n; j++) {
                int r = todo == null ? j : todo[j];
                // compensated, so the sums round about as R's extended-precision sum() does (ties
                // between units stay ties)
                double sum = 0;
                double comp = 0;
                double wsum = 0;
                double wcomp = 0;
                int count = 0;
                for (int i = 0; i < k; i++) {
                    int at = cb[i] + r;
                    if (!cok[i][at]) {
                        continue;
                    }
                    double term = term(ch, i, at, cv[i][at], r);
                    double t = sum + term;
                    comp += Sum.twoSumError(sum, term, t);
                    sum = t;
                    double wt = wsum + w[i];
                    wcomp += Sum.twoSumError(wsum, w[i], wt);
                    wsum = wt;
                    count++;
                }
                double ws = wsum + wcomp;
                if (count == 0 || count < need || ws == 0) {
                    ok[out + r] = false;
                    v[out + r] = 0;
                    missing(r);
                    continue;
                }
                double y = value(ch, r, sum + comp, ws);
                boolean finite = Double.isFinite(y);
                ok[out + r] = finite;
                v[out + r] = finite ? y : 0;
            }
        }

        /** Returns the error for child {@code i} of value {@code x} ≤ 0 (or < 0) in row {@code r}. */
        final IndexException outsideDomain(int i, double x, int r, String mean) {
            String agg = c.h.nodes().get(node).code();
            String child = c.h.nodes().get(kids[i]).code();
            return new IndexException(
                    child,
                    "the " + mean + " mean of '" + agg + "' needs values above 0, but '" + child
                            + "' is " + Methods.num(x) + " for " + c.label.apply(r)
                            + " (normalise to a range above 0, e.g. --normalise minmax:1,100, or use the arithmetic mean)");
        }
    }

    /**
     * {@code Σ (wᵢ/Σw)·xᵢ} as COINr's {@code a_amean} computes it: the row's present weights are
     * summed first, then each child weighted by its share.
     */
    static final class Arithmetic extends Mean {
        Arithmetic(AggregateStep.Context c, int node) {
            super(c, node);
        }

        @Override
        void make() {
            NormaliseStep.MinMaxPlan plan = c.leaves.plan;
            if (fast != null && allLeaves() && plan != null && !plan.written()) {
                // a mean of indicators reads an unwritten min-max plan cell by cell
                fast.aggregates[col] =
                        ColumnMeans.arithmeticOfPlan(plan, kids, w, full, c.rows, need, c.agg.v, c.agg.ok, out, fast);
                return;
            }
            Children ch = children();
            if (fast == null) {
                rows(ch, null);
                return;
            }
            int[] todo = ColumnMeans.sums(false, false, this, fast, ch, ch.v(), null);
            rows(ch, todo);
            if (todo != null) {
                // every row with all children present has a value: the missing ones are among todo
                fast.aggregates[col] = ColumnMeans.missingRows(c.agg.ok, out, c.rows, todo);
            }
        }

        private boolean allLeaves() {
            for (int i = 0; i < kids.length; i++) {
                if (!leaf(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        double term(Children ch, int i, int at, double x, int r) {
            return 0; // summed in value, once the weight of the present children is known
        }

        @Override
        double value(Children ch, int r, double total, double ws) {
            double[][] cv = ch.v();
            boolean[][] cok = ch.ok();
            int[] cb = ch.b();
            double s = 0;
            double c = 0;
            for (int i = 0; i < kids.length; i++) {
                int at = cb[i] + r;
                if (cok[i][at]) {
                    double term = w[i] / ws * cv[i][at];
                    double t = s + term;
                    c += Sum.twoSumError(s, term, t);
                    s = t;
                }
            }
            return s + c;
        }
    }

    /**
     * {@code exp(Σ wᵢ ln xᵢ / Σ wᵢ)}. The log of an indicator's cell comes from the matrix's cache of
     * logs; a child that is a geometric mean gives its mean log ({@link MeanLogs}); and this mean
     * keeps its own mean logs for its parent.
     */
    static final class Geometric extends Mean {
        /** Per child, its cells' logs (same offsets as its values), or null: take the log of the value. */
        private final double[] @Nullable [] logs;
        /** The mean logs of every geometric aggregate of the build (0 where missing). */
        private final double[] meanLog;
        /** Whether only the mean logs and presence are wanted, not the values. */
        private final boolean logsOnly;

        Geometric(AggregateStep.Context c, int node) {
            super(c, node);
            this.meanLog = c.logs.start(col);
            this.logs = new double[kids.length][];
            for (int i = 0; i < kids.length; i++) {
                logs[i] = leaf(i) ? c.leaves.matrix().logs() : c.logs.of(kids[i] - c.first);
            }
            this.logsOnly = c.logs.logsOnly(col);
        }

        @Override
        void make() {
            Children ch = children();
            Matrix ind = ch.ind();
            // column by column when no log can fail: the children are aggregates, or every present
            // indicator cell is above 0; then only the rows with a missing child are redone
            int[] todo = fast != null && (ind == null || positive(ind))
                    ? ColumnMeans.sums(true, logsOnly, this, fast, ch, logs, meanLog)
                    : null;
            rows(ch, todo);
        }

        /** Returns whether every present cell of every indicator among the children is above 0. */
        private boolean positive(Matrix ind) {
            double[][] ranges = ind.ranges();
            for (int i = 0; i < kids.length; i++) {
                if (leaf(i) && !(ranges[kids[i]][0] > 0)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        double term(Children ch, int i, int at, double x, int r) {
            if (logs[i] != null && (!leaf(i) || x > 0)) {
                return w[i] * logs[i][at];
            }
            if (x <= 0) {
                throw outsideDomain(i, x, r, "geometric");
            }
            return w[i] * Math.log(x);
        }

        @Override
        double value(Children ch, int r, double total, double ws) {
            double l = total / ws;
            double y = MeanLogs.exp(l, logsOnly);
            meanLog[out + r] = Double.isFinite(y) ? l : 0;
            return y;
        }

        @Override
        void missing(int r) {
            meanLog[out + r] = 0;
        }
    }

    /** {@code Σ wᵢ / Σ (wᵢ/xᵢ)}. */
    static final class Harmonic extends Mean {
        Harmonic(AggregateStep.Context c, int node) {
            super(c, node);
        }

        @Override
        void make() {
            rows(children(), null);
        }

        @Override
        double term(Children ch, int i, int at, double x, int r) {
            if (x <= 0) {
                throw outsideDomain(i, x, r, "harmonic");
            }
            return w[i] / x;
        }

        @Override
        double value(Children ch, int r, double total, double ws) {
            return ws / total;
        }
    }

    /** {@code (Σ wᵢxᵢᵖ / Σ wᵢ)^(1/p)}, p ≠ 0. */
    static final class Power extends Mean {
        private final double p;

        Power(AggregateStep.Context c, int node, double p) {
            super(c, node);
            this.p = p;
        }

        @Override
        void make() {
            rows(children(), null);
        }

        @Override
        double term(Children ch, int i, int at, double x, int r) {
            if (x < 0 || (x == 0 && p < 0)) {
                throw outsideDomain(i, x, r, "generalised (p = " + Methods.num(p) + ")");
            }
            return w[i] * rpow(x, p);
        }

        @Override
        double value(Children ch, int r, double total, double ws) {
            return rpow(total / ws, 1 / p);
        }
    }

    /**
     * Returns {@code x^y} as R's {@code ^} computes it: {@code x·x} for y = 2 (R's special case,
     * which {@code pow} may round otherwise), else {@code pow(x, y)}.
     */
    static double rpow(double x, double y) {
        return y == 2 ? x * x : Math.pow(x, y);
    }
}
