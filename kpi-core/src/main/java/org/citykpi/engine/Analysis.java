package org.citykpi.engine;

import org.citykpi.data.Column;
import org.jspecify.annotations.Nullable;

/**
 * What is known of a dataset's values before evaluating: which nodes may produce a value that is
 * not finite. A node that cannot skips its non-finite check, which then has nothing to find. Each
 * node derives bounds of its values from its inputs' ({@link Node#bounds}) with the helpers here.
 */
final class Analysis {
    final Program program;
    /** The dataset column of each variable slot, null where the dataset lacks it. */
    final @Nullable Column[] columns;

    final boolean[] check;

    Analysis(Program program, @Nullable Column[] columns, int nodes) {
        this.program = program;
        this.columns = columns;
        this.check = new boolean[nodes];
    }

    /**
     * Returns the bounds of a node that checks its values: where it has a value, the value is
     * finite, so {@code [bounds] ∩ [−MAX, MAX]}; marks the node for checking unless {@code lo}
     * and {@code hi} are finite. Bounds come from the same floating-point operations the node
     * does, which are monotone in each argument (rounding to nearest is), so they bound every
     * rounded result, not only the exact ones.
     */
    double[] checked(Node node, double lo, double hi) {
        if (lo >= -Double.MAX_VALUE && hi <= Double.MAX_VALUE) {
            return new double[] {lo, hi};
        }
        check[node.id] = true;
        return new double[] {-Double.MAX_VALUE, Double.MAX_VALUE};
    }

    /** Returns whether bounds {@code b} are both finite. */
    static boolean finite(double[] b) {
        return b[0] >= -Double.MAX_VALUE && b[1] <= Double.MAX_VALUE;
    }

    /** Returns the smallest bounds that hold all of {@code bs}. */
    static double[] hull(double[]... bs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] b : bs) {
            lo = Math.min(lo, b[0]);
            hi = Math.max(hi, b[1]);
        }
        return new double[] {lo, hi};
    }

    /** The smallest and largest of four numbers, NaN-propagating (NaN makes the bounds unknown). */
    static double[] corners(double a, double b, double c, double d) {
        return new double[] {Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d))};
    }
}
