package org.citykpi.index;

import java.util.Arrays;
import java.util.function.IntFunction;

/** Computes every aggregate of a hierarchy, level by level; see {@link Aggregator}. */
final class AggregateStep {
    private AggregateStep() {}

    /** Per-row accumulators, reused across aggregates to keep the hot path allocation-free. */
    static final class Scratch {
        final double[] sum;
        final double[] comp;
        final double[] wsum;
        final int[] count;

        Scratch(int rows) {
            sum = new double[rows];
            comp = new double[rows];
            wsum = new double[rows];
            count = new int[rows];
        }
    }

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
            IntFunction<String> label,
            Scratch s) {
        int first = h.indicatorCount();
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
                copeland(ind, agg, h, node, kids, w, cov, groupSize);
            } else {
                means(ind, agg, h, node, kids, w, a, cov, label, s);
            }
        }
    }

    private static void means(
            Matrix ind,
            Matrix agg,
            Hierarchy h,
            int node,
            int[] kids,
            double[] w,
            Aggregator a,
            double cov,
            IntFunction<String> label,
            Scratch s) {
        int rows = agg.rows;
        int first = h.indicatorCount();
        double[] sum = s.sum;
        double[] comp = s.comp;
        double[] wsum = s.wsum;
        int[] count = s.count;
        Arrays.fill(sum, 0, rows, 0);
        Arrays.fill(comp, 0, rows, 0);
        Arrays.fill(wsum, 0, rows, 0);
        Arrays.fill(count, 0, rows, 0);
        int kind = a instanceof Aggregator.Arithmetic
                ? 0
                : a instanceof Aggregator.Geometric ? 1 : a instanceof Aggregator.Harmonic ? 2 : 3;
        double pw = kind == 3 ? ((Aggregator.Generalised) a).p() : 1;
        for (int k = 0; k < kids.length; k++) {
            boolean leaf = kids[k] < first;
            double[] v = leaf ? ind.v : agg.v;
            boolean[] ok = leaf ? ind.ok : agg.ok;
            int base = (leaf ? kids[k] : kids[k] - first) * rows;
            double wk = w[k];
            for (int r = 0; r < rows; r++) {
                if (!ok[base + r]) {
                    continue;
                }
                double x = v[base + r];
                double term;
                if (kind == 0) {
                    term = wk * x;
                } else if (kind == 1) {
                    if (x <= 0) {
                        throw nonPositive(h, node, kids[k], x, r, label, "geometric");
                    }
                    term = wk * Math.log(x);
                } else if (kind == 2) {
                    if (x <= 0) {
                        throw nonPositive(h, node, kids[k], x, r, label, "harmonic");
                    }
                    term = wk / x;
                } else {
                    if (x < 0 || (x == 0 && pw < 0)) {
                        throw nonPositive(h, node, kids[k], x, r, label, "generalised (p = " + pw + ")");
                    }
                    term = wk * Math.pow(x, pw);
                }
                double t = sum[r] + term;
                comp[r] += Math.abs(sum[r]) >= Math.abs(term) ? (sum[r] - t) + term : (term - t) + sum[r];
                sum[r] = t;
                wsum[r] += wk;
                count[r]++;
            }
        }
        int out = (node - first) * rows;
        double[] v = agg.v;
        boolean[] ok = agg.ok;
        double need = cov * kids.length;
        for (int r = 0; r < rows; r++) {
            int c = count[r];
            if (c == 0 || c < need || wsum[r] == 0) {
                ok[out + r] = false;
                v[out + r] = 0;
                continue;
            }
            double total = sum[r] + comp[r];
            double y;
            if (kind == 0) {
                y = total / wsum[r];
            } else if (kind == 1) {
                y = Math.exp(total / wsum[r]);
            } else if (kind == 2) {
                y = wsum[r] / total;
            } else {
                y = Math.pow(total / wsum[r], 1 / pw);
            }
            ok[out + r] = Double.isFinite(y);
            v[out + r] = Double.isFinite(y) ? y : 0;
        }
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
