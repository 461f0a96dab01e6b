package org.citykpi.index;

import java.util.function.IntFunction;
import org.citykpi.Sum;

/** Computes every aggregate of a hierarchy, level by level; see {@link Aggregator}. */
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
     */
    static void run(
            Matrix ind,
            NormaliseStep.MinMaxPlan plan,
            Matrix agg,
            Hierarchy h,
            double[] weights,
            Pipeline p,
            int groupSize,
            IntFunction<String> label,
            boolean[] needed,
            boolean parallel) {
        int first = h.indicatorCount();
        int[][] known = plan != null ? plan.in.missing() : ind.knownMissing();
        // missing-cell lists of the aggregates made by the fast arithmetic path (null otherwise)
        Fast fast = known == null ? null : new Fast(known, new int[h.nodes().size() - first][], new int[agg.rows]);
        Leaves leaves = new Leaves(ind, plan);
        MeanLogs logs = new MeanLogs(agg, needed);
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
                Fast other = new Fast(fast.indicators, fast.aggregates, new int[agg.rows]);
                java.util.concurrent.ForkJoinTask<?> half = java.util.concurrent.ForkJoinPool.commonPool()
                        .submit(() -> nodes(mid, to, leaves, agg, h, weights, p, groupSize, label, other, logs));
                nodes(from, mid, leaves, agg, h, weights, p, groupSize, label, fast, logs);
                half.join();
            } else {
                nodes(node, end, leaves, agg, h, weights, p, groupSize, label, fast, logs);
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
    private static void nodes(
            int from,
            int to,
            Leaves leaves,
            Matrix agg,
            Hierarchy h,
            double[] weights,
            Pipeline p,
            int groupSize,
            IntFunction<String> label,
            Fast fast,
            MeanLogs logs) {
        int first = h.indicatorCount();
        for (int node = from; node < to; node++) {
            Node n = h.nodes().get(node);
            int[] kids = h.childIndices(node);
            double[] w = new double[kids.length];
            for (int k = 0; k < kids.length; k++) {
                w[k] = weights[kids[k]];
            }
            Aggregator a = p.aggregatorFor(n.code());
            double cov = p.coverageFor(n.code());
            if (a instanceof Aggregator.Copeland) {
                copeland(leaves.matrix(), agg, h, node, kids, w, cov, groupSize);
            } else {
                means(leaves, agg, h, node, kids, w, a, cov, label, fast, logs);
            }
            if (fast != null && fast.aggregates[node - first] == null) {
                // made row by row (or by Copeland), with missing cells at 0: list them, so that
                // the parent can still take a column-by-column path
                fast.aggregates[node - first] = missingRows(agg.ok, (node - first) * agg.rows, agg.rows, null);
            }
        }
    }

    /**
     * Returns the rows r among {@code candidates} (every row of {@code [0, rows)} if null) where
     * {@code ok[out + r]} is false, in their order.
     */
    private static int[] missingRows(boolean[] ok, int out, int rows, int[] candidates) {
        int n = candidates == null ? rows : candidates.length;
        int[] list = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            int r = candidates == null ? j : candidates[j];
            if (!ok[out + r]) {
                list[m++] = r;
            }
        }
        return java.util.Arrays.copyOf(list, m);
    }

    /**
     * The mean logs of the geometric means of a build ({@code Σwᵢ ln xᵢ / Σwᵢ}, 0 where missing),
     * laid out like the aggregates. A geometric mean whose child is itself a geometric mean takes
     * that child's mean log instead of the log of its value: {@code exp} and {@code ln} do not
     * round-trip exactly, so this differs from {@code ln(exp(t))} by about an ulp, and it saves a
     * logarithm per cell.
     */
    private static final class MeanLogs {
        private final Matrix agg;
        private double[] values;
        private final boolean[] made;
        /** Per aggregate, whether its values are wanted (null: all). */
        private final boolean[] needed;

        MeanLogs(Matrix agg, boolean[] needed) {
            this.agg = agg;
            this.made = new boolean[agg.cols];
            this.needed = needed;
        }

        /**
         * Returns whether only the mean logs and presence of geometric aggregate column {@code col}
         * are wanted, not its values (see {@link CompositeIndex#rebuildRanks}).
         */
        boolean logsOnly(int col) {
            return needed != null && !needed[col];
        }

        /**
         * Returns the array of mean logs, allocating it on first use (synchronised: the two halves
         * of a level split over two threads must share one array).
         */
        synchronized double[] values() {
            if (values == null) {
                values = new double[agg.v.length];
            }
            return values;
        }

        /** Returns the mean logs if aggregate column {@code col} is a geometric mean, else null. */
        synchronized double[] of(int col) {
            return made[col] ? values : null;
        }
    }

    /** The normalised indicators: a matrix, or a min-max plan written on first need. */
    private static final class Leaves {
        // volatile: the two halves of a split level may write the plan's matrix at once; a plain
        // field could hand one thread the other's matrix before its values are visible
        private volatile Matrix ind;
        final NormaliseStep.MinMaxPlan plan;

        Leaves(Matrix ind, NormaliseStep.MinMaxPlan plan) {
            this.ind = ind;
            this.plan = plan;
        }

        Matrix matrix() {
            if (ind == null) {
                ind = plan.matrix();
            }
            return ind;
        }
    }

    /**
     * State of the fast arithmetic path: the missing-cell lists of the indicators and of the
     * aggregates made so far (a null entry: made another way, so its parent takes the general path),
     * an array marking the rows seen in the current node, and a scratch accumulator.
     */
    private static final class Fast {
        final int[][] indicators;
        final int[][] aggregates;
        final int[] mark;
        int stamp;
        private final double[][] scratch = new double[3][];

        /** Returns scratch array {@code which} (0 to 2) of at least {@code n} values, reused by the nodes of a build. */
        double[] scratch(int which, int n) {
            if (scratch[which] == null || scratch[which].length < n) {
                scratch[which] = new double[n];
            }
            return scratch[which];
        }

        private double[][] terms = new double[0][];

        /** Returns {@code k} scratch arrays of at least {@code n} values, reused by the nodes of a build. */
        double[][] terms(int k, int n) {
            if (terms.length < k) {
                terms = java.util.Arrays.copyOf(terms, k);
            }
            for (int i = 0; i < k; i++) {
                if (terms[i] == null || terms[i].length < n) {
                    terms[i] = new double[n];
                }
            }
            return terms;
        }

        Fast(int[][] indicators, int[][] aggregates, int[] mark) {
            this.indicators = indicators;
            this.aggregates = aggregates;
            this.mark = mark;
        }
    }

    private static void means(
            Leaves leaves,
            Matrix agg,
            Hierarchy h,
            int node,
            int[] kids,
            double[] w,
            Aggregator a,
            double cov,
            IntFunction<String> label,
            Fast fast,
            MeanLogs logs) {
        int rows = agg.rows;
        int first = h.indicatorCount();
        int k = kids.length;
        int kind = a instanceof Aggregator.Arithmetic
                ? 0
                : a instanceof Aggregator.Geometric ? 1 : a instanceof Aggregator.Harmonic ? 2 : 3;
        boolean allLeaves = true;
        boolean anyLeaf = false;
        for (int kid : kids) {
            anyLeaf |= kid < first;
            allLeaves &= kid < first;
        }
        // COINr's dat_thresh test, sum(!is.na(x))/length(x) < dat_thresh, as a count: the smallest
        // count that passes (found with COINr's division, so a boundary case rounds as in COINr)
        int need = minCount(cov, k);
        double full = weightSum(w);
        // the column-by-column paths compute every row as if all children were present, then redo
        // the rows with a missing child; they need rows with every child present to pass the
        // coverage and have a nonzero total weight (else: the row-by-row loop), and a bit per child
        boolean columnwise = fast != null && k <= 64 && !(k < need || full == 0);
        int out = (node - first) * rows;
        NormaliseStep.MinMaxPlan plan = leaves.plan;
        if (columnwise && kind == 0 && allLeaves && plan != null && !plan.written()) {
            // an arithmetic mean of indicators reads an unwritten min-max plan cell by cell
            fast.aggregates[node - first] = arithmeticOfPlan(plan, kids, w, full, rows, need, agg.v, agg.ok, out, fast);
            return;
        }
        Matrix ind = anyLeaf ? leaves.matrix() : null;
        // children's cells: (cv[i], cok[i]) from offset cb[i]
        double[][] cv = new double[k][];
        boolean[][] cok = new boolean[k][];
        int[] cb = new int[k];
        for (int i = 0; i < k; i++) {
            boolean leaf = kids[i] < first;
            cv[i] = leaf ? ind.v : agg.v;
            cok[i] = leaf ? ind.ok : agg.ok;
            cb[i] = (leaf ? kids[i] : kids[i] - first) * rows;
        }
        // the log of each child's cells (same offsets as its values): ln of a normalised indicator
        // (cached per matrix and shared by every rebuild), or the mean log of a child that is a
        // geometric mean itself (see MeanLogs); null: take the log of the value
        double[][] cl = new double[k][];
        double[] meanLog = null;
        if (kind == 1) {
            meanLog = logs.values();
            logs.made[node - first] = true;
            for (int i = 0; i < k; i++) {
                cl[i] = kids[i] < first ? ind.logs() : logs.of(kids[i] - first);
            }
        }
        boolean logsOnly = kind == 1 && logs.logsOnly(node - first);
        // rows to compute one by one: all, or (arithmetic mean; geometric mean whose children all
        // have logs, every present indicator cell above 0) only those with a missing child, after
        // every row was computed column by column
        int[] todo = null;
        if (columnwise && (kind == 0 || (kind == 1 && (!anyLeaf || positive(ind, kids, first))))) {
            int[][] miss = new int[k][];
            double[][] src = kind == 0 ? cv : cl;
            double[][] own = new double[k][];
            for (int i = 0; miss != null && i < k; i++) {
                miss[i] = kids[i] < first ? fast.indicators[kids[i]] : fast.aggregates[kids[i] - first];
                if (kids[i] < first) {
                    own[i] = kind == 0 ? ind.columns()[kids[i]] : ind.logColumns()[kids[i]];
                }
                if (miss[i] == null || src[i] == null) {
                    miss = null;
                }
            }
            if (miss != null) {
                todo = columns(kind == 1, logsOnly, src, cb, own, miss, w, full, rows, agg, meanLog, out, fast);
            }
        }
        double pw = kind == 3 ? ((Aggregator.Generalised) a).p() : 1;
        double[] v = agg.v;
        boolean[] ok = agg.ok;
        int n = todo == null ? rows : todo.length;
        for (int j = 0; j < n; j++) {
            int r = todo == null ? j : todo[j];
            // Knuth's branch-free two-sum keeps the rounding error of each addition, so the sums
            // round about as R's extended-precision sum() does (ties between units stay ties)
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
                double x = cv[i][at];
                double term;
                if (kind == 0) {
                    term = 0; // summed below, once the weight of the present children is known
                } else if (kind == 1 && cl[i] != null && (kids[i] >= first || x > 0)) {
                    term = w[i] * cl[i][at];
                } else {
                    term = term(kind, pw, w[i], x, h, node, kids[i], r, label);
                }
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
                if (meanLog != null) {
                    meanLog[out + r] = 0;
                }
                continue;
            }
            double total = sum + comp;
            double y;
            if (kind == 0) {
                // as COINr's a_amean: the weights rescaled to sum to 1 first, then Σ (wᵢ/Σw)·xᵢ
                double s = 0;
                double c = 0;
                for (int i = 0; i < k; i++) {
                    int at = cb[i] + r;
                    if (cok[i][at]) {
                        double term = w[i] / ws * cv[i][at];
                        double t = s + term;
                        c += Sum.twoSumError(s, term, t);
                        s = t;
                    }
                }
                y = s + c;
            } else if (kind == 1) {
                double l = total / ws;
                y = exp(l, logsOnly);
                meanLog[out + r] = Double.isFinite(y) ? l : 0;
            } else if (kind == 2) {
                y = ws / total;
            } else {
                y = Math.pow(total / ws, 1 / pw);
            }
            boolean finite = Double.isFinite(y);
            ok[out + r] = finite;
            v[out + r] = finite ? y : 0;
        }
        if (todo != null && kind == 0) {
            // every row with all children present has a value: the missing ones are among todo
            fast.aggregates[node - first] = missingRows(ok, out, rows, todo);
        }
    }

    /**
     * Returns the compensated sum of {@code w} in order: the total weight of a row with every
     * child present, as the row-by-row loop sums it.
     */
    static double weightSum(double[] w) {
        return Sum.of(w).value();
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

    /** {@code exp(t)} is finite for every t up to this (exp(709) ≈ 8.2e307). */
    private static final double EXP_FINITE = 709;

    /**
     * Returns {@code exp(l)}; with {@code logsOnly} (the value is not wanted, only whether it is
     * finite) 0 where exp cannot overflow, so the costly exp is skipped.
     */
    private static double exp(double l, boolean logsOnly) {
        return logsOnly && l <= EXP_FINITE ? 0 : Math.exp(l);
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
     * Adds {@code wi·x[b + r]} to the compensated sums {@code (sum[r], comp[r])} of every row, with
     * the row-by-row loop's two-sum, in one branch-free pass, reading the column's {@code own} array
     * if it has one, else a bulk copy of it in {@code scratch}: the JIT vectorises a loop whose arrays are all indexed alike, not
     * one that reads at an offset of an array that might be one of those it writes. A missing cell
     * holds 0, adds w·0 = ±0 and leaves both sums exactly as they were (neither is ever −0: both
     * start at +0).
     */
    private static void addColumn(
            double[] x, int b, double[] own, double wi, double[] scratch, double[] sum, double[] comp, int rows) {
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
     * Returns whether every present cell of every indicator among {@code kids} is above 0, so that
     * no row of a geometric mean can fail on a log.
     */
    private static boolean positive(Matrix ind, int[] kids, int first) {
        double[][] ranges = ind.ranges();
        for (int kid : kids) {
            if (kid < first && !(ranges[kid][0] > 0)) {
                return false;
            }
        }
        return true;
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
    private static int[] arithmeticOfPlan(
            NormaliseStep.MinMaxPlan plan,
            int[] kids,
            double[] w,
            double full,
            int rows,
            int need,
            double[] v,
            boolean[] ok,
            int out,
            Fast fast) {
        int k = kids.length;
        double[][] cols = plan.in.columns();
        double[] sum = fast.scratch(0, rows);
        double[] comp = fast.scratch(1, rows);
        java.util.Arrays.fill(sum, 0, rows, 0);
        java.util.Arrays.fill(comp, 0, rows, 0);
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
        java.util.Arrays.fill(ok, out, out + rows, true);
        Matrix.Partial partial = plan.in.partial(kids);
        int[] pr = partial.rows();
        long[] present = partial.present();
        int np = pr.length;
        // each row's present weight, then its children weighted by wᵢ/that (as the row loop)
        double[] table = k <= WEIGHT_TABLE_MAX ? weightTable(w) : null;
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
        return java.util.Arrays.copyOf(gone, ng);
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
            double[][] own,
            int[][] miss,
            double[] w,
            double full,
            int rows,
            Matrix agg,
            double[] meanLog,
            int out,
            Fast fast) {
        double[] v = agg.v;
        boolean[] ok = agg.ok;
        double[] sum = fast.scratch(0, rows);
        double[] comp = fast.scratch(1, rows);
        java.util.Arrays.fill(sum, 0, rows, 0);
        java.util.Arrays.fill(comp, 0, rows, 0);
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
            java.util.Arrays.fill(ok, out, out + rows, true);
        } else {
            for (int r = 0; r < rows; r++) {
                double l = (sum[r] + comp[r]) / full;
                double y = exp(l, logsOnly);
                boolean finite = Double.isFinite(y);
                ok[out + r] = finite;
                v[out + r] = finite && !logsOnly ? y : 0;
                meanLog[out + r] = finite ? l : 0;
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
        int[] todo = java.util.Arrays.copyOf(partial, np);
        java.util.Arrays.sort(todo);
        return todo;
    }

    private static double term(
            int kind,
            double pw,
            double w,
            double x,
            Hierarchy h,
            int node,
            int child,
            int row,
            IntFunction<String> label) {
        if (kind == 1) {
            if (x <= 0) {
                throw nonPositive(h, node, child, x, row, label, "geometric");
            }
            return w * Math.log(x);
        }
        if (kind == 2) {
            if (x <= 0) {
                throw nonPositive(h, node, child, x, row, label, "harmonic");
            }
            return w / x;
        }
        if (x < 0 || (x == 0 && pw < 0)) {
            throw nonPositive(h, node, child, x, row, label, "generalised (p = " + Methods.num(pw) + ")");
        }
        return w * Math.pow(x, pw);
    }

    private static IndexException nonPositive(
            Hierarchy h, int node, int child, double x, int row, IntFunction<String> label, String mean) {
        String agg = h.nodes().get(node).code();
        String c = h.nodes().get(child).code();
        return new IndexException(
                c,
                "the " + mean + " mean of '" + agg + "' needs values above 0, but '" + c
                        + "' is " + Methods.num(x) + " for " + label.apply(row)
                        + " (normalise to a range above 0, e.g. --normalise minmax:1,100, or use the arithmetic mean)");
    }

    private static void copeland(
            Matrix ind, Matrix agg, Hierarchy h, int node, int[] kids, double[] w, double cov, int groupSize) {
        int rows = agg.rows;
        int first = h.indicatorCount();
        // child k's cells: (cv[k], cok[k]) from offset cb[k]
        double[][] cv = new double[kids.length][];
        boolean[][] cok = new boolean[kids.length][];
        int[] cb = new int[kids.length];
        for (int k = 0; k < kids.length; k++) {
            boolean leaf = kids[k] < first;
            cv[k] = leaf ? ind.v : agg.v;
            cok[k] = leaf ? ind.ok : agg.ok;
            cb[k] = (leaf ? kids[k] : kids[k] - first) * rows;
        }
        double[] v = agg.v;
        boolean[] ok = agg.ok;
        for (double x : w) {
            if (x < 0) {
                throw new IndexException(
                        h.nodes().get(node).code(),
                        "Copeland aggregation of '" + h.nodes().get(node).code()
                                + "' needs weights of at least 0 (a negative weight reverses a vote)");
            }
        }
        int out = (node - first) * rows;
        int need = minCount(cov, kids.length);
        boolean[] in = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int c = 0;
            for (int k = 0; k < kids.length; k++) {
                if (cok[k][cb[k] + r]) {
                    c++;
                }
            }
            // every unit with a child takes part in the comparisons; the coverage threshold then
            // removes the scores of units with too few children (COINr applies dat_thresh to the
            // aggregate after aggregating), so it does not change the other units' scores
            in[r] = c > 0;
            ok[out + r] = c > 0 && c >= need;
            v[out + r] = 0;
        }
        for (int g = 0; g < rows; g += groupSize) {
            int end = Math.min(rows, g + groupSize);
            for (int j = g; j < end; j++) {
                if (!in[j]) {
                    continue;
                }
                for (int k = j + 1; k < end; k++) {
                    if (!in[k]) {
                        continue;
                    }
                    double o = 0; // twice the weight j wins by, ties counting half
                    double shared = 0; // weight of the children both units have
                    for (int i = 0; i < kids.length; i++) {
                        int b = cb[i];
                        if (cok[i][b + j] && cok[i][b + k]) {
                            double xj = cv[i][b + j];
                            double xk = cv[i][b + k];
                            shared += w[i];
                            if (xj > xk) {
                                o += 2 * w[i];
                            } else if (xj == xk) {
                                o += w[i];
                            }
                        }
                    }
                    // j outranks k when its share of the shared weight is above one half
                    double sgn = o > shared ? 1 : o < shared ? -1 : 0;
                    v[out + j] += sgn;
                    v[out + k] -= sgn;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            if (!ok[out + r]) {
                v[out + r] = 0;
            }
        }
    }
}
