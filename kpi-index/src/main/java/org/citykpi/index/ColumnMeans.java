package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.citykpi.Sum;
import org.jspecify.annotations.Nullable;

/**
 * The column-by-column paths of the arithmetic and geometric means: every row of an aggregate
 * computed at once, as if all its children were present, in one branch-free pass per child (the JIT
 * vectorises them), then only the rows with a missing child redone, by the row-by-row loop ({@link
 * Means.Mean#rows}) or from the terms of the first pass. They need the missing cells of every child
 * listed ({@link State}) and held as 0. Every result is the row-by-row loop's, bit for bit
 * ({@code FastPathTest}, {@code FusedMinMaxTest}).
 */
final class ColumnMeans {
    private ColumnMeans() {}

    /**
     * The missing-cell lists of the indicators and of the aggregates made so far (a null entry: made
     * another way, so its parent takes the row-by-row path), shared by the threads of a build; and
     * one thread's scratch: an array marking the rows seen in the current node, and accumulators.
     */
    static final class State {
        final int[][] indicators;
        /** Per aggregate, the rows of its missing cells; null until they are listed. */
        final int[] @Nullable [] aggregates;

        final int[] mark;
        int stamp;
        private final double[] @Nullable [] scratch = new double[3][];
        private double[] @Nullable [] terms = new double[0][];

        State(int[][] indicators, int[] @Nullable [] aggregates, int rows) {
            this.indicators = indicators;
            this.aggregates = aggregates;
            this.mark = new int[rows];
        }

        /** Returns a state sharing these missing-cell lists, with scratch of its own for another thread. */
        State forAnotherThread() {
            return new State(indicators, aggregates, mark.length);
        }

        /** Returns scratch array {@code which} (0 to 2) of at least {@code n} values, reused by the nodes of a build. */
        double[] scratch(int which, int n) {
            double[] s = scratch[which];
            if (s == null || s.length < n) {
                s = new double[n];
                scratch[which] = s;
            }
            return s;
        }

        /** Returns {@code k} scratch arrays of at least {@code n} values, reused by the nodes of a build. */
        double[][] terms(int k, int n) {
            if (terms.length < k) {
                terms = Arrays.copyOf(terms, k);
            }
            for (int i = 0; i < k; i++) {
                if (terms[i] == null || terms[i].length < n) {
                    terms[i] = new double[n];
                }
            }
            return terms;
        }
    }

    /**
     * Returns the rows r among {@code candidates} (every row of {@code [0, rows)} if null) where
     * {@code ok[out + r]} is false, in their order.
     */
    static int[] missingRows(boolean[] ok, int out, int rows, int @Nullable [] candidates) {
        int n = candidates == null ? rows : candidates.length;
        int[] list = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            int r = candidates == null ? j : candidates[j];
            if (!ok[out + r]) {
                list[m++] = r;
            }
        }
        return Arrays.copyOf(list, m);
    }

    /**
     * Makes every row of mean {@code m} column by column from {@code src}, its children's values
     * (arithmetic) or logs (geometric) at the offsets of {@code ch}, as {@link #columns} does, and
     * returns the rows with a missing child for the row-by-row loop; or returns null, having made
     * nothing, when some child's missing cells are not listed or it has no source (a geometric
     * child that is not a geometric mean): then every row is made row by row.
     */
    static int @Nullable [] sums(
            boolean geometric,
            boolean logsOnly,
            Means.Mean m,
            State fast,
            Aggregation.Children ch,
            double[] @Nullable [] src,
            double @Nullable [] meanLog) {
        AggregateStep.Context c = m.c;
        int k = m.kids.length;
        int[][] miss = new int[k][];
        // the indicators' own column arrays (values or logs), which the passes read without a copy
        double[] @Nullable [] own = new double[k][];
        for (int i = 0; i < k; i++) {
            int kid = m.kids[i];
            int[] listed = m.leaf(i) ? fast.indicators[kid] : fast.aggregates[kid - c.first];
            if (listed == null || src[i] == null) {
                return null;
            }
            miss[i] = listed;
            if (m.leaf(i)) {
                own[i] = geometric
                        ? ch.indicators().logColumns()[kid]
                        : ch.indicators().columns()[kid];
            }
        }
        return columns(geometric, logsOnly, src, ch.b(), own, miss, m.w, m.full, c.rows, c.agg, meanLog, m.out, fast);
    }

    /**
     * Arithmetic or geometric mean, every row at once: the compensated weighted sums of the
     * children's values (or logs) in one branch-free pass per child ({@link #addColumn}; a missing
     * cell holds 0, which changes no sum), each row then divided by the total weight, as the
     * row-by-row loop does for rows with every child present; a geometric mean keeps that mean log
     * and exponentiates it (or, {@code logsOnly}, only checks that exp would not overflow). Returns
     * the rows with a missing child ({@code miss}), ascending, for the row-by-row loop to redo.
     */
    private static int[] columns(
            boolean geometric,
            boolean logsOnly,
            double[][] src,
            int[] cb,
            double[] @Nullable [] own,
            int[][] miss,
            double[] w,
            double full,
            int rows,
            Matrix agg,
            double @Nullable [] meanLog,
            int out,
            State fast) {
        double[] v = agg.v;
        boolean[] ok = agg.ok;
        double[] sum = fast.scratch(0, rows);
        double[] comp = fast.scratch(1, rows);
        Arrays.fill(sum, 0, rows, 0);
        Arrays.fill(comp, 0, rows, 0);
        for (int i = 0; i < src.length; i++) {
            // an arithmetic mean weighs by wᵢ/Σw (COINr's a_amean), a geometric one by wᵢ, then / Σw
            double coefficient = geometric ? w[i] : w[i] / full;
            addColumn(src[i], cb[i], own[i], coefficient, fast.scratch(2, rows), sum, comp, rows);
        }
        if (!geometric) {
            for (int r = 0; r < rows; r++) {
                sum[r] = sum[r] + comp[r];
            }
            System.arraycopy(sum, 0, v, out, rows);
            Arrays.fill(ok, out, out + rows, true);
        } else {
            double[] logs = requireNonNull(meanLog, "a geometric mean keeps its mean logs");
            for (int r = 0; r < rows; r++) {
                double l = (sum[r] + comp[r]) / full;
                double y = MeanLogs.exp(l, logsOnly);
                boolean finite = Double.isFinite(y);
                ok[out + r] = finite;
                v[out + r] = finite && !logsOnly ? y : 0;
                logs[out + r] = finite ? l : 0;
            }
        }
        // the rows with a missing child, each once
        int stamp = ++fast.stamp;
        int[] mark = fast.mark;
        int total = 0;
        for (int[] m : miss) {
            total += m.length;
        }
        int[] partial = new int[total];
        int np = 0;
        for (int[] m : miss) {
            for (int r : m) {
                if (mark[r] != stamp) {
                    mark[r] = stamp;
                    partial[np++] = r;
                }
            }
        }
        int[] todo = Arrays.copyOf(partial, np);
        Arrays.sort(todo);
        return todo;
    }

    /**
     * Adds {@code wi·x[b + r]} to the compensated sums {@code (sum[r], comp[r])} of every row, with
     * the row-by-row loop's two-sum, in one branch-free pass, reading the column's {@code own} array
     * if it has one, else a bulk copy of it in {@code scratch}: the JIT vectorises a loop whose arrays are all indexed alike, not
     * one that reads at an offset of an array that might be one of those it writes. A missing cell
     * holds 0, adds w·0 = ±0 and leaves both sums exactly as they were (neither is ever −0: both
     * start at +0).
     */
    private static void addColumn(
            double[] x,
            int b,
            double @Nullable [] own,
            double wi,
            double[] scratch,
            double[] sum,
            double[] comp,
            int rows) {
        double[] col = own;
        if (col == null) {
            System.arraycopy(x, b, scratch, 0, rows);
            col = scratch;
        }
        for (int r = 0; r < rows; r++) {
            double term = wi * col[r];
            double s = sum[r];
            double t = s + term;
            comp[r] += Sum.twoSumError(s, term, t);
            sum[r] = t;
        }
    }

    /**
     * Arithmetic mean of indicators read through an unwritten min-max plan; the same result as the
     * row-by-row loop over the written matrix, bit for bit. Every row is first computed as if all
     * children were present, normalising each cell as it is read, in one branch-free pass per child
     * over the input's column arrays ({@link Matrix#columns()}: source and accumulators indexed
     * alike, which the JIT vectorises); the values of missing cells are read and then discarded.
     * Then only the rows with a missing child, found once per input matrix ({@link
     * Matrix#partial}), are redone from their present children, in child order: their sums column
     * by column from the terms kept by the first pass (a missing cell's term is multiplied by 0 and
     * changes no sum), their total weight and count from the pattern of present children. Returns the rows of the output that are
     * missing, ascending.
     */
    static int[] arithmeticOfPlan(
            NormaliseStep.MinMaxPlan plan,
            int[] kids,
            double[] w,
            double full,
            int rows,
            int need,
            double[] v,
            boolean[] ok,
            int out,
            State fast) {
        int k = kids.length;
        double[][] cols = plan.in.columns();
        double[] sum = fast.scratch(0, rows);
        double[] comp = fast.scratch(1, rows);
        Arrays.fill(sum, 0, rows, 0);
        Arrays.fill(comp, 0, rows, 0);
        // each child's terms are kept (in cache) for the rows redone below
        double[][] terms = fast.terms(k, rows);
        for (int i = 0; i < k; i++) {
            int c = kids[i];
            double[] x = cols[c];
            double wi = w[i] / full;
            double d = plan.dir[c];
            double mn = plan.min[c];
            double rg = plan.range[c];
            double sp = plan.span[c];
            double lo = plan.lower[c];
            double[] ti = terms[i];
            for (int r = 0; r < rows; r++) {
                double y = (d * x[r] - mn) / rg * sp + lo;
                ti[r] = y;
                double term = wi * y;
                double s = sum[r];
                double t = s + term;
                comp[r] += Sum.twoSumError(s, term, t);
                sum[r] = t;
            }
        }
        for (int r = 0; r < rows; r++) {
            sum[r] = sum[r] + comp[r];
        }
        System.arraycopy(sum, 0, v, out, rows);
        Arrays.fill(ok, out, out + rows, true);
        Matrix.Partial partial = plan.in.partial(kids);
        int[] pr = partial.rows();
        long[] present = partial.present();
        int np = pr.length;
        // each row's present weight, then its children weighted by wᵢ/that (as the row loop)
        double @Nullable [] table = k <= WEIGHT_TABLE_MAX ? weightTable(w) : null;
        double[] ws = new double[np];
        for (int j = 0; j < np; j++) {
            ws[j] = table != null ? table[(int) present[j]] : weightOf(w, present[j]);
        }
        double[] ps = new double[np];
        double[] pc = new double[np];
        for (int i = 0; i < k; i++) {
            double[] ti = terms[i];
            double[] mi = partial.mask()[i];
            double wi = w[i];
            for (int j = 0; j < np; j++) {
                double term = wi / ws[j] * ti[pr[j]] * mi[j];
                double s = ps[j];
                double t = s + term;
                pc[j] += Sum.twoSumError(s, term, t);
                ps[j] = t;
            }
        }
        int[] gone = new int[np];
        int ng = 0;
        for (int j = 0; j < np; j++) {
            int r = pr[j];
            int count = Long.bitCount(present[j]);
            if (count == 0 || count < need || ws[j] == 0) {
                gone[ng++] = r;
                ok[out + r] = false;
                v[out + r] = 0;
            } else {
                v[out + r] = ps[j] + pc[j];
            }
        }
        return Arrays.copyOf(gone, ng);
    }

    /** Nodes with at most this many children look up the weight of a pattern of present children. */
    static final int WEIGHT_TABLE_MAX = 8;

    /** Returns the total weight of every pattern of present children (bit i: child i). */
    private static double[] weightTable(double[] w) {
        double[] t = new double[1 << w.length];
        for (int bits = 0; bits < t.length; bits++) {
            t[bits] = weightOf(w, bits);
        }
        return t;
    }

    /**
     * Returns the compensated sum of the weights of the children in {@code bits} (bit i: child i),
     * in child order, as the row-by-row loop sums them.
     */
    private static double weightOf(double[] w, long bits) {
        double sum = 0;
        double comp = 0;
        for (int i = 0; i < w.length; i++) {
            if ((bits & (1L << i)) != 0) {
                double t = sum + w[i];
                comp += Sum.twoSumError(sum, w[i], t);
                sum = t;
            }
        }
        return sum + comp;
    }
}
