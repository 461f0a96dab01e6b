package org.citykpi.index;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Applies a {@link Normaliser} to one column range; see the Javadoc of {@link Normaliser}. */
final class NormaliseStep {
    private NormaliseStep() {}

    /** As {@link #column(Normaliser, Node, double[], boolean[], int, int, double[], boolean[], String, int)} with no reference unit. */
    static void column(
            Normaliser n,
            Node node,
            double[] src,
            boolean[] ok,
            int from,
            int to,
            double[] dst,
            boolean[] dok,
            String where) {
        column(n, node, src, ok, from, to, dst, dok, where, -1);
    }

    /**
     * Normalises {@code src[from, to)} (present where {@code ok}) into {@code dst}/{@code dok}.
     * {@code where} describes the group for messages (e.g. " in 2018"), empty for one period.
     * {@code ref}: the reference unit's offset in the range, for {@link
     * Normaliser.DistanceToReference}; −1 otherwise.
     */
    static void column(
            Normaliser n,
            Node node,
            double[] src,
            boolean[] ok,
            int from,
            int to,
            double[] dst,
            boolean[] dok,
            String where,
            int ref) {
        int d = node.direction();
        int count = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            dok[i] = ok[i];
            if (ok[i]) {
                double x = d * src[i];
                count++;
                if (x < min) {
                    min = x;
                }
                if (x > max) {
                    max = x;
                }
            } else {
                dst[i] = 0;
            }
        }
        if (count == 0) {
            return; // nothing to scale: every value stays missing
        }
        if (n instanceof Normaliser.None) {
            for (int i = from; i < to; i++) {
                dst[i] = ok[i] ? d * src[i] : 0;
            }
        } else if (n instanceof Normaliser.MinMax m) {
            requireSpread(node, min, max, count, where, "min-max");
            // COINr's operations in its order, (x' − min)/(max − min)·(u − l) + l: a precomputed
            // (u − l)/(max − min) factor would differ by an ulp or two and can split or join ties
            double range = max - min;
            double span = m.upper() - m.lower();
            double lower = m.lower();
            for (int i = from; i < to; i++) {
                dst[i] = ok[i] ? (d * src[i] - min) / range * span + lower : 0;
            }
        } else if (n instanceof Normaliser.DistanceToMax) {
            requireSpread(node, min, max, count, where, "dist2max");
            double range = max - min;
            for (int i = from; i < to; i++) {
                if (ok[i]) {
                    dst[i] = 1 - (max - d * src[i]) / range;
                }
            }
        } else if (n instanceof Normaliser.ZScore z) {
            requireSpread(node, min, max, count, where, "z-score");
            double mean = ColumnStats.mean(src, ok, from, to, d);
            double sd = ColumnStats.sd(src, ok, from, to, d, mean);
            for (int i = from; i < to; i++) {
                if (ok[i]) {
                    dst[i] = (d * src[i] - mean) / sd * z.sd() + z.mean();
                }
            }
        } else if (n instanceof Normaliser.Rank) {
            ranks(Ranks.RANK, node, src, ok, from, to, dst, count, where);
        } else if (n instanceof Normaliser.Borda) {
            ranks(Ranks.BORDA, node, src, ok, from, to, dst, count, where);
        } else if (n instanceof Normaliser.PercentRank) {
            ranks(Ranks.PERCENT, node, src, ok, from, to, dst, count, where);
        } else if (n instanceof Normaliser.Goalposts) {
            Node.Goalposts g = node.goalposts()
                    .orElseThrow(() -> new IndexException(
                            node.code(),
                            "indicator '" + node.code()
                                    + "' has no goalposts (add goalpost_lower and goalpost_upper to the iMeta,"
                                    + " or use another normaliser)"));
            double lo = g.lower();
            double up = g.upper();
            for (int i = from; i < to; i++) {
                if (ok[i]) {
                    double y = d > 0 ? (src[i] - lo) / (up - lo) : (up - src[i]) / (up - lo);
                    if (g.truncate()) {
                        y = Math.min(1, Math.max(0, y));
                    }
                    dst[i] = y * g.scale();
                }
            }
        } else if (n instanceof Normaliser.DistanceToTarget) {
            double t = node.target()
                    .orElseThrow(() -> new IndexException(
                            node.code(),
                            "indicator '" + node.code()
                                    + "' has no target (add a Target column to the iMeta, or use another normaliser)"));
            // COINr's n_dist2targ on x' = d·x with the target T' = d·T, in its order of operations:
            // (x' − min x')/(T' − min x') (use_iMeta passes T' and leaves n_dist2targ's direction at 1)
            double tp = d * t;
            if (tp == min) {
                throw new IndexException(
                        node.code(),
                        "indicator '" + node.code() + "': the target " + t
                                + " equals the worst value" + where + ", so distance to target is undefined"
                                + " (check the target or its direction)");
            }
            for (int i = from; i < to; i++) {
                if (ok[i]) {
                    double y = (d * src[i] - min) / (tp - min);
                    dst[i] = node.capAtTarget() ? Math.min(1, y) : y;
                }
            }
        } else if (n instanceof Normaliser.TargetAnchored) {
            targetAnchored(node, src, ok, from, to, dst, min);
        } else if (n instanceof Normaliser.DistanceToReference r) {
            if (ref < 0 || !ok[from + ref]) {
                throw new IndexException(
                        node.code(),
                        "indicator '" + node.code() + "' has no value for the reference unit '" + r.unit() + "'" + where
                                + ", so distance to reference is undefined (choose another unit, or impute)");
            }
            // COINr's n_dist2ref on x' = d·x, in its order of operations: 1 − (x'ref − x')/(x'ref − min x')
            double xr = d * src[from + ref];
            if (xr == min) {
                throw new IndexException(
                        node.code(),
                        "indicator '" + node.code() + "': the reference unit '" + r.unit() + "' has the worst value"
                                + where + ", so distance to reference is undefined (choose another unit)");
            }
            for (int i = from; i < to; i++) {
                if (ok[i]) {
                    dst[i] = 1 - (xr - d * src[i]) / (xr - min);
                }
            }
        } else if (n instanceof Normaliser.FractionOfMax) {
            fractionOfMax(node, src, ok, from, to, dst, where);
        } else if (n instanceof Normaliser.Scaled s) {
            double lo = s.lower();
            double up = s.upper();
            for (int i = from; i < to; i++) {
                if (ok[i]) {
                    dst[i] = (d > 0 ? (src[i] - lo) : (up - src[i])) / (up - lo) * 100;
                }
            }
        } else {
            // every record of the sealed interface has its branch above (NormaliserContractTest has
            // a case for each); a new one without a branch fails here, never silently
            throw new IllegalStateException("unhandled normaliser " + n);
        }
    }

    /**
     * Min-max normalises every column of {@code in} at once (one group per column), as {@link
     * #column} would with {@code nodes}' min-max normalisers, giving bit-for-bit the same values.
     * The column ranges and missing cells of {@code in} are computed once per matrix; each build
     * then makes one branch-free pass per column and zeroes the missing cells, and the result
     * shares {@code in}'s presence mask.
     */
    static Matrix minMaxAll(Matrix in, List<Node> nodes, Normaliser.MinMax[] methods) {
        return minMaxPlan(in, nodes, methods).matrix();
    }

    /**
     * Checks every column of {@code in} for min-max normalisation (throwing, as {@link #column}
     * does, for a constant column) and returns the per-column affine maps without writing the
     * normalised matrix: the arithmetic mean of a large index reads the maps directly (see {@link
     * AggregateStep}), and {@link MinMaxPlan#matrix} writes the matrix only when it is asked for.
     */
    static MinMaxPlan minMaxPlan(Matrix in, List<Node> nodes, Normaliser.MinMax[] methods) {
        int[][] missing = in.missing();
        double[][] ranges = in.ranges();
        int cols = in.cols;
        double[] dir = new double[cols];
        double[] min = new double[cols];
        double[] range = new double[cols];
        double[] span = new double[cols];
        double[] lower = new double[cols];
        boolean[] empty = new boolean[cols];
        for (int c = 0; c < cols; c++) {
            Node node = nodes.get(c);
            int count = in.rows - missing[c].length;
            if (count == 0) {
                // nothing to scale: every value stays missing; the map x ↦ (0·x − 0)/1·0 + 0 keeps
                // the (never used) values of its cells finite
                empty[c] = true;
                range[c] = 1;
                continue;
            }
            int d = node.direction();
            // min and max of x' = d·x: for d = −1 they are −max and −min of x (the same cells)
            double lo = d > 0 ? ranges[c][0] : -ranges[c][1];
            double hi = d > 0 ? ranges[c][1] : -ranges[c][0];
            requireSpread(node, lo, hi, count, "", "min-max");
            Normaliser.MinMax m = methods[c];
            dir[c] = d;
            min[c] = lo;
            range[c] = hi - lo;
            span[c] = m.upper() - m.lower();
            lower[c] = m.lower();
        }
        return new MinMaxPlan(in, dir, min, range, span, lower, empty);
    }

    /**
     * Min-max normalisation of a whole matrix, checked but not yet written: present cell (r, c)
     * normalises to {@code (dir[c]·x − min[c])/range[c]·span[c] + lower[c]} (the operations of {@link
     * #column}); missing cells and every cell of an {@code empty} column to 0. The normalised
     * matrix, made on first request, is cached and shares the mask of {@code in}; racing threads
     * make identical matrices, so the unsynchronised cache is safe.
     */
    static final class MinMaxPlan {
        final Matrix in;
        final double[] dir;
        final double[] min;
        final double[] range;
        final double[] span;
        final double[] lower;
        final boolean[] empty;
        /** The normalised matrix; null until {@link #matrix()} writes it. */
        private volatile @Nullable Matrix out;

        MinMaxPlan(
                Matrix in, double[] dir, double[] min, double[] range, double[] span, double[] lower, boolean[] empty) {
            this.in = in;
            this.dir = dir;
            this.min = min;
            this.range = range;
            this.span = span;
            this.lower = lower;
            this.empty = empty;
        }

        /** Returns whether the normalised matrix has been written. */
        boolean written() {
            return out != null;
        }

        /** Returns the normalised matrix, writing it on the first call. */
        Matrix matrix() {
            Matrix m = out;
            if (m == null) {
                m = Matrix.sharingMask(in);
                for (int c = 0; c < in.cols; c++) {
                    column(c, m.v, c * in.rows);
                }
                out = m;
            }
            return m;
        }

        /** Writes normalised column {@code c} into {@code dst[at, at + rows)}, missing cells as 0. */
        void column(int c, double[] dst, int at) {
            int rows = in.rows;
            if (empty[c]) {
                java.util.Arrays.fill(dst, at, at + rows, 0);
                return;
            }
            double[] src = in.v;
            double d = dir[c];
            double mn = min[c];
            double rg = range[c];
            double sp = span[c];
            double lo = lower[c];
            int base = c * rows;
            for (int r = 0; r < rows; r++) {
                dst[at + r] = (d * src[base + r] - mn) / rg * sp + lo;
            }
            for (int r : in.missing()[c]) {
                dst[at + r] = 0;
            }
        }
    }

    /**
     * 100 at the target, 0 at the worst goalpost or the worst value observed ({@code minPrime}, the
     * minimum of x' = d·x), clamped to [0, 100]; see {@link Normaliser}.
     */
    private static void targetAnchored(
            Node node, double[] src, boolean[] ok, int from, int to, double[] dst, double minPrime) {
        int d = node.direction();
        double t = node.target()
                .orElseThrow(() -> new IndexException(
                        node.code(),
                        "indicator '" + node.code()
                                + "' has no target (add a Target column to the iMeta, or a row to the targets"
                                + " file, or use another normaliser)"));
        boolean posts = node.goalposts().isPresent();
        // the worst end in natural units: the goalpost that scores 0 under COINr's goalposts, or the worst value
        double worst = node.goalposts().map(g -> d > 0 ? g.lower() : g.upper()).orElse(d * minPrime);
        if (d * t <= d * worst) {
            if (posts) {
                throw new IndexException(
                        node.code(),
                        "indicator '" + node.code() + "': the target " + t + " is not better than the worst goalpost "
                                + worst + " (check the target, the goalposts or the direction)");
            }
            // the worst unit already meets the target, and so does every other: all score 100
            for (int i = from; i < to; i++) {
                if (ok[i]) {
                    dst[i] = 100;
                }
            }
            return;
        }
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                double y = d > 0 ? (src[i] - worst) / (t - worst) : (worst - src[i]) / (worst - t);
                dst[i] = Math.min(1, Math.max(0, y)) * 100;
            }
        }
    }

    private static void fractionOfMax(
            Node node, double[] src, boolean[] ok, int from, int to, double[] dst, String where) {
        double best = node.direction() > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                if (node.direction() < 0 && src[i] <= 0) {
                    throw new IndexException(
                            node.code(),
                            "indicator '" + node.code() + "' (lower is better) has the value "
                                    + src[i] + where + "; fraction of the best value (min/x) needs values above 0"
                                    + " (use minmax or dist2max instead)");
                }
                best = node.direction() > 0 ? Math.max(best, src[i]) : Math.min(best, src[i]);
            }
        }
        if (node.direction() > 0 && best <= 0) {
            throw new IndexException(
                    node.code(),
                    "indicator '" + node.code() + "' has maximum " + best + where
                            + "; fraction of max needs a maximum above 0 (use minmax instead)");
        }
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                dst[i] = node.direction() > 0 ? src[i] / best : best / src[i];
            }
        }
    }

    /** What a rank normaliser makes of a rank r (1 = lowest) among {@code count} values. */
    private enum Ranks {
        /** The rank itself. */
        RANK,
        /** The Borda score, r − 1. */
        BORDA,
        /** The percentile rank, (r − 1)/(count − 1); needs two values at least. */
        PERCENT
    }

    private static void ranks(
            Ranks n, Node node, double[] src, boolean[] ok, int from, int to, double[] dst, int count, String where) {
        int d = node.direction();
        double[] vals = new double[count];
        int k = 0;
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                vals[k++] = d * src[i];
            }
        }
        if (n == Ranks.PERCENT && count < 2) {
            throw new IndexException(
                    node.code(),
                    "indicator '" + node.code() + "' has a single value" + where
                            + "; a percentile rank needs at least two (use rank instead)");
        }
        int[] rank = new int[count];
        RadixOrder.fromLowest(vals, count, rank); // lowest rank among ties
        k = 0;
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                int r = rank[k++];
                switch (n) {
                    case RANK:
                        dst[i] = r;
                        break;
                    case BORDA:
                        dst[i] = r - 1;
                        break;
                    case PERCENT:
                        dst[i] = (r - 1) / (double) (count - 1);
                        break;
                }
            }
        }
    }

    private static void requireSpread(Node node, double min, double max, int count, String where, String method) {
        if (min == max) {
            throw new IndexException(
                    node.code(),
                    "indicator '" + node.code() + "' is constant" + where + " (all "
                            + count + " values are " + Math.abs(min) + "), so " + method
                            + " cannot scale it (drop the indicator, or normalise it with rank or none)");
        }
    }
}
