package org.citykpi.index;

import java.util.function.IntFunction;

/** Computes every aggregate of a hierarchy, level by level; see {@link Aggregator}. */
final class AggregateStep {
    /** Nodes with more children than this are summed with compensation. */
    static final int COMPENSATE_ABOVE = 16;

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
        run(ind, null, agg, h, weights, p, groupSize, label);
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
            IntFunction<String> label) {
        int first = h.indicatorCount();
        int[][] known = plan != null ? plan.in.missing() : ind.knownMissing();
        // missing-cell lists of the aggregates made by the fast arithmetic path (null otherwise)
        Fast fast = known == null ? null : new Fast(known, new int[h.nodes().size() - first][], new int[agg.rows]);
        Leaves leaves = new Leaves(ind, plan);
        for (int node = first; node < h.nodes().size(); node++) {
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
                means(leaves, agg, h, node, kids, w, a, cov, label, fast);
            }
        }
        if (fast != null) {
            agg.setMissing(fast.aggregates);
        }
    }

    /** The normalised indicators: a matrix, or a min-max plan written on first need. */
    private static final class Leaves {
        private Matrix ind;
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
        private double[] scratch;

        /** Returns a scratch array of at least {@code n} values, reused by the nodes of a build. */
        double[] scratch(int n) {
            if (scratch == null || scratch.length < n) {
                scratch = new double[n];
            }
            return scratch;
        }

        Fast(int[][] indicators, int[][] aggregates, int[] mark) {
            this.indicators = indicators;
            this.aggregates = aggregates;
            this.mark = mark;
        }

        boolean complete() {
            for (int[] a : aggregates) {
                if (a == null) {
                    return false;
                }
            }
            return true;
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
            Fast fast) {
        int rows = agg.rows;
        int first = h.indicatorCount();
        int k = kids.length;
        int kind = a instanceof Aggregator.Arithmetic
                ? 0
                : a instanceof Aggregator.Geometric ? 1 : a instanceof Aggregator.Harmonic ? 2 : 3;
        boolean compensate = k > COMPENSATE_ABOVE;
        boolean anyLeaf = false;
        boolean allLeaves = true;
        for (int kid : kids) {
            anyLeaf |= kid < first;
            allLeaves &= kid < first;
        }
        // an arithmetic mean of indicators only reads an unwritten min-max plan cell by cell
        NormaliseStep.MinMaxPlan plan = leaves.plan;
        boolean fused = plan != null && !plan.written() && kind == 0 && !compensate && fast != null && allLeaves;
        if (fused) {
            // as arithmeticFast checks: a node whose full rows fail takes the general path
            double full = 0;
            for (double x : w) {
                full += x;
            }
            fused = !(k < cov * k || full == 0);
        }
        if (fused) {
            fast.aggregates[node - first] =
                    arithmeticOfPlan(plan, kids, w, rows, cov * k, agg.v, agg.ok, (node - first) * rows, fast);
            return;
        }
        Matrix ind = anyLeaf ? leaves.matrix() : null;
        // children's cells: (cv[i], cok[i]) from offset cb[i]; rows outer, children inner, so the
        // accumulators stay in registers and each child column is read once, sequentially
        double[][] cv = new double[k][];
        boolean[][] cok = new boolean[k][];
        int[] cb = new int[k];
        for (int i = 0; i < k; i++) {
            boolean leaf = kids[i] < first;
            cv[i] = leaf ? ind.v : agg.v;
            cok[i] = leaf ? ind.ok : agg.ok;
            cb[i] = (leaf ? kids[i] : kids[i] - first) * rows;
        }
        int[] ob = cb;
        double pw = kind == 3 ? ((Aggregator.Generalised) a).p() : 1;
        // logs of the normalised indicators are computed once and shared by every rebuild
        double[][] cl = new double[k][];
        if (kind == 1) {
            for (int i = 0; i < k; i++) {
                cl[i] = kids[i] < first ? ind.logs() : null;
            }
        }
        int out = (node - first) * rows;
        double[] v = agg.v;
        boolean[] ok = agg.ok;
        double need = cov * k;
        // A plain sum of k terms errs by at most (k − 1)·ε·Σ|term|, i.e. below 1e-14 relative for the
        // handful of children a node usually has; compensation would triple the cost of this loop
        // (its additions form a dependency chain), so it is used only for wide nodes.
        if (kind == 0 && !compensate) {
            int[][] miss = fast == null ? null : new int[k][];
            for (int i = 0; miss != null && i < k; i++) {
                miss[i] = kids[i] < first ? fast.indicators[kids[i]] : fast.aggregates[kids[i] - first];
                if (miss[i] == null) {
                    miss = null;
                }
            }
            if (miss != null) {
                fast.aggregates[node - first] = arithmeticFast(cv, cok, cb, miss, ob, w, rows, need, v, ok, out, fast);
                return;
            }
            arithmetic(cv, cok, cb, w, rows, need, v, ok, out);
            return;
        }
        // rows to compute one by one: all, or (geometric mean of indicators) only those with a
        // missing child, after every row was computed column by column
        int[] todo = null;
        int n = rows;
        if (kind == 1 && !compensate && fast != null && allLeaves && positive(ind, kids, w, need)) {
            todo = geometricLeaves(ind.logs(), cb, kids, fast, w, rows, v, ok, out);
            n = todo.length;
        }
        for (int j = 0; j < n; j++) {
            int r = todo == null ? j : todo[j];
            double sum = 0;
            double comp = 0;
            double wsum = 0;
            int count = 0;
            for (int i = 0; i < k; i++) {
                int at = cb[i] + r;
                if (!cok[i][at]) {
                    continue;
                }
                double x = cv[i][at];
                double term;
                if (kind == 0) {
                    term = w[i] * x;
                } else if (kind == 1 && cl[i] != null && x > 0) {
                    term = w[i] * cl[i][at];
                } else {
                    term = term(kind, pw, w[i], x, h, node, kids[i], r, label);
                }
                if (compensate) {
                    // Knuth's branch-free two-sum keeps the rounding error of each addition
                    double t = sum + term;
                    double bp = t - sum;
                    comp += (sum - (t - bp)) + (term - bp);
                    sum = t;
                } else {
                    sum += term;
                }
                wsum += w[i];
                count++;
            }
            if (count == 0 || count < need || wsum == 0) {
                ok[out + r] = false;
                v[out + r] = 0;
                continue;
            }
            double total = sum + comp;
            double y;
            if (kind == 0) {
                y = total / wsum;
            } else if (kind == 1) {
                y = Math.exp(total / wsum);
            } else if (kind == 2) {
                y = wsum / total;
            } else {
                y = Math.pow(total / wsum, 1 / pw);
            }
            boolean finite = Double.isFinite(y);
            ok[out + r] = finite;
            v[out + r] = finite ? y : 0;
        }
    }

    /**
     * Returns whether a geometric mean of indicators can take the column-by-column path: every
     * present cell of every child is above 0 (so no row can fail), and rows with every child
     * present pass the coverage and have a nonzero total weight.
     */
    private static boolean positive(Matrix ind, int[] kids, double[] w, double need) {
        double[][] ranges = ind.ranges();
        double full = 0;
        for (int i = 0; i < kids.length; i++) {
            if (!(ranges[kids[i]][0] > 0)) {
                return false;
            }
            full += w[i];
        }
        return !(kids.length < need || full == 0);
    }

    /**
     * Geometric mean of indicators, every row at once: the weighted sums of the logs in one
     * branch-free pass per child (a missing cell's log is 0 and adds w·0 = ±0, which changes no
     * sum; no sum is −0 since each starts at +0), each row then divided by the total weight and
     * exponentiated, as the row-by-row loop does for rows with every child present. Returns the
     * rows with a missing child, ascending, for that loop to redo.
     */
    private static int[] geometricLeaves(
            double[] logs, int[] cb, int[] kids, Fast fast, double[] w, int rows, double[] v, boolean[] ok, int out) {
        int k = kids.length;
        double full = 0;
        for (int i = 0; i < k; i++) {
            full += w[i];
        }
        for (int r = 0; r < rows; r++) {
            v[out + r] = 0;
        }
        for (int i = 0; i < k; i++) {
            int b = cb[i];
            double wi = w[i];
            for (int r = 0; r < rows; r++) {
                v[out + r] += wi * logs[b + r];
            }
        }
        for (int r = 0; r < rows; r++) {
            double y = Math.exp(v[out + r] / full);
            boolean finite = Double.isFinite(y);
            ok[out + r] = finite;
            v[out + r] = finite ? y : 0;
        }
        int stamp = ++fast.stamp;
        int[] mark = fast.mark;
        int total = 0;
        for (int kid : kids) {
            total += fast.indicators[kid].length;
        }
        int[] partial = new int[total];
        int np = 0;
        for (int kid : kids) {
            for (int r : fast.indicators[kid]) {
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

    /**
     * The common case, arithmetic mean of a few children: children outer and rows inner, so each
     * loop is a simple sequential pass the JIT can unroll; the output column holds the running sum.
     */
    private static void arithmetic(
            double[][] cv,
            boolean[][] cok,
            int[] cb,
            double[] w,
            int rows,
            double need,
            double[] v,
            boolean[] ok,
            int out) {
        double[] wsum = new double[rows];
        int[] count = new int[rows];
        for (int r = 0; r < rows; r++) {
            v[out + r] = 0;
        }
        for (int i = 0; i < cv.length; i++) {
            double[] x = cv[i];
            boolean[] present = cok[i];
            int b = cb[i];
            double wi = w[i];
            for (int r = 0; r < rows; r++) {
                if (present[b + r]) {
                    v[out + r] += wi * x[b + r];
                    wsum[r] += wi;
                    count[r]++;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            int c = count[r];
            if (c == 0 || c < need || wsum[r] == 0) {
                ok[out + r] = false;
                v[out + r] = 0;
            } else {
                ok[out + r] = true;
                v[out + r] /= wsum[r];
            }
        }
    }

    /**
     * Arithmetic mean of indicators read through an unwritten min-max plan; the same result as
     * {@link #arithmetic} over the written matrix, bit for bit. Every row is first computed as if
     * all children were present, normalising each cell as it is read, in one branch-free pass per
     * child over the input's column arrays ({@link Matrix#columns()}: source and accumulator indexed
     * alike, which the JIT vectorises); the values of missing cells are read and then discarded.
     * Then only the rows with a missing child, found once per input matrix ({@link
     * Matrix#partial}), are redone from their present children, in child order: their sums column
     * by column (a missing cell adds w·y·0 = ±0, which changes no sum, and no sum is −0 since each
     * starts at +0), their total weight and count from the pattern of present children. The caller
     * checked that rows with every child present pass the coverage and have a nonzero weight.
     * Returns the rows of the output that are missing, ascending.
     */
    private static int[] arithmeticOfPlan(
            NormaliseStep.MinMaxPlan plan,
            int[] kids,
            double[] w,
            int rows,
            double need,
            double[] v,
            boolean[] ok,
            int out,
            Fast fast) {
        int k = kids.length;
        double full = 0;
        for (int i = 0; i < k; i++) {
            full += w[i];
        }
        double[][] cols = plan.in.columns();
        double[] acc = fast.scratch(rows);
        for (int i = 0; i < k; i++) {
            int c = kids[i];
            double[] x = cols[c];
            double wi = w[i];
            double d = plan.dir[c];
            double mn = plan.min[c];
            double f = plan.factor[c];
            double lo = plan.lower[c];
            if (i == 0) {
                for (int r = 0; r < rows; r++) {
                    acc[r] = 0 + wi * ((d * x[r] - mn) * f + lo);
                }
            } else if (i < k - 1) {
                for (int r = 0; r < rows; r++) {
                    acc[r] += wi * ((d * x[r] - mn) * f + lo);
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    acc[r] = (acc[r] + wi * ((d * x[r] - mn) * f + lo)) / full;
                }
            }
        }
        if (k == 1) {
            for (int r = 0; r < rows; r++) {
                acc[r] /= full;
            }
        }
        System.arraycopy(acc, 0, v, out, rows);
        java.util.Arrays.fill(ok, out, out + rows, true);
        Matrix.Partial partial = plan.in.partial(kids);
        int[] pr = partial.rows();
        long[] present = partial.present();
        int np = pr.length;
        double[] sum = new double[np];
        for (int i = 0; i < k; i++) {
            int c = kids[i];
            double[] x = cols[c];
            double wi = w[i];
            double d = plan.dir[c];
            double mn = plan.min[c];
            double f = plan.factor[c];
            double lo = plan.lower[c];
            for (int j = 0; j < np; j++) {
                double m = (present[j] >>> i) & 1L;
                sum[j] += wi * ((d * x[pr[j]] - mn) * f + lo) * m;
            }
        }
        double[] table = k <= WEIGHT_TABLE_MAX ? weightTable(w) : null;
        int[] gone = new int[np];
        int ng = 0;
        for (int j = 0; j < np; j++) {
            int r = pr[j];
            long bits = present[j];
            double ws = table != null ? table[(int) bits] : weightOf(w, bits);
            int count = Long.bitCount(bits);
            if (count == 0 || count < need || ws == 0) {
                gone[ng++] = r;
                ok[out + r] = false;
                v[out + r] = 0;
            } else {
                v[out + r] = sum[j] / ws;
            }
        }
        return java.util.Arrays.copyOf(gone, ng);
    }

    /** Nodes with at most this many children look up the weight of a pattern of present children. */
    static final int WEIGHT_TABLE_MAX = 8;

    /**
     * Returns the total weight of every pattern of present children (bit i: child i), each summed
     * in child order as the row-by-row mean sums it.
     */
    private static double[] weightTable(double[] w) {
        double[] t = new double[1 << w.length];
        for (int bits = 0; bits < t.length; bits++) {
            t[bits] = weightOf(w, bits);
        }
        return t;
    }

    /** Returns the weights of the children in {@code bits} (bit i: child i), summed in child order. */
    private static double weightOf(double[] w, long bits) {
        double ws = 0;
        for (int i = 0; i < w.length; i++) {
            if ((bits & (1L << i)) != 0) {
                ws += w[i];
            }
        }
        return ws;
    }

    /**
     * Same result as {@link #arithmetic}, bit for bit, when missing cells hold 0 and their rows are
     * listed in {@code miss}: the weighted sums of all rows in one branch-free pass per child (a
     * missing cell adds w·0 = ±0, which changes no sum, and no sum is −0 since each starts at +0),
     * then every row divided by the total weight, then only the rows with a missing child redone
     * with their own weight, count and coverage. Returns the rows of the output that are missing.
     */
    static int[] arithmeticFast(
            double[][] cv,
            boolean[][] cok,
            int[] cb,
            int[][] miss,
            int[] ob,
            double[] w,
            int rows,
            double need,
            double[] v,
            boolean[] ok,
            int out,
            Fast fast) {
        int k = cv.length;
        double full = 0;
        for (int i = 0; i < k; i++) {
            full += w[i];
        }
        if (k < need || full == 0) {
            // rows with every child present are missing too: rare, take the general path
            arithmetic(cv, cok, cb, w, rows, need, v, ok, out);
            int n = 0;
            for (int r = 0; r < rows; r++) {
                n += ok[out + r] ? 0 : 1;
            }
            int[] gone = new int[n];
            n = 0;
            for (int r = 0; r < rows; r++) {
                if (!ok[out + r]) {
                    gone[n++] = r;
                }
            }
            return gone;
        }
        // sums in a scratch array indexed like the rows (the JIT vectorises a loop whose
        // accumulator does not sit in the array it reads), copied into the output at the end
        double[] acc = fast.scratch(rows);
        java.util.Arrays.fill(acc, 0, rows, 0);
        for (int i = 0; i < k - 1; i++) {
            double[] x = cv[i];
            int b = cb[i];
            double wi = w[i];
            for (int r = 0; r < rows; r++) {
                acc[r] += wi * x[b + r];
            }
        }
        // the last child's pass also divides by the total weight (the same operations in the same
        // order as adding then dividing); rows with a missing child first keep their sum in value[]
        double[] last = cv[k - 1];
        int lb = cb[k - 1];
        double lw = w[k - 1];
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
        double[] value = new double[np];
        boolean[] present = new boolean[np];
        int[] gone = new int[np];
        int ng = 0;
        for (int j = 0; j < np; j++) {
            value[j] = acc[partial[j]] + lw * last[lb + partial[j]];
        }
        for (int r = 0; r < rows; r++) {
            acc[r] = (acc[r] + lw * last[lb + r]) / full;
        }
        System.arraycopy(acc, 0, v, out, rows);
        java.util.Arrays.fill(ok, out, out + rows, true);
        for (int j = 0; j < np; j++) {
            int r = partial[j];
            double ws = 0;
            int count = 0;
            for (int i = 0; i < k; i++) {
                if (cok[i][ob[i] + r]) {
                    ws += w[i];
                    count++;
                }
            }
            if (count == 0 || count < need || ws == 0) {
                gone[ng++] = r;
            } else {
                present[j] = true;
                value[j] = value[j] / ws;
            }
        }
        for (int j = 0; j < np; j++) {
            int r = partial[j];
            ok[out + r] = present[j];
            v[out + r] = present[j] ? value[j] : 0;
        }
        int[] result = java.util.Arrays.copyOf(gone, ng);
        java.util.Arrays.sort(result);
        return result;
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
        boolean[] in = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int c = 0;
            for (int k = 0; k < kids.length; k++) {
                if (cok[k][cb[k] + r]) {
                    c++;
                }
            }
            in[r] = c > 0 && c >= cov * kids.length;
            ok[out + r] = in[r];
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
    }
}
