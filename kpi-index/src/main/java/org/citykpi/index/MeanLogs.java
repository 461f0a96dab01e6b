package org.citykpi.index;

import org.jspecify.annotations.Nullable;

/**
 * The mean logs of the geometric means of a build ({@code Σwᵢ ln xᵢ / Σwᵢ}, 0 where missing), laid
 * out like the aggregates. A geometric mean whose child is itself a geometric mean takes that
 * child's mean log instead of the log of its value: {@code exp} and {@code ln} do not round-trip
 * exactly, so this differs from {@code ln(exp(t))} by about an ulp, and it saves a logarithm per
 * cell. A build that only needs some aggregates' values (see {@link CompositeIndex#rebuildRanks})
 * also skips the {@code exp} of the others' where it cannot overflow.
 */
final class MeanLogs {
    private final Matrix agg;
    /** The mean logs, laid out like {@code agg}; null until the first geometric mean starts. */
    private double @Nullable [] values;

    private final boolean[] made;
    /** Per aggregate, whether its values are wanted (null: all). */
    private final boolean @Nullable [] needed;

    MeanLogs(Matrix agg, boolean @Nullable [] needed) {
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
     * Records that aggregate column {@code col} is a geometric mean and returns the array of mean
     * logs, allocating it on first use (synchronised: the two halves of a level split over two
     * threads share one array).
     */
    synchronized double[] start(int col) {
        double[] v = values;
        if (v == null) {
            v = new double[agg.v.length];
            values = v;
        }
        made[col] = true;
        return v;
    }

    /** Returns the mean logs if aggregate column {@code col} is a geometric mean, else null. */
    synchronized double @Nullable [] of(int col) {
        return made[col] ? values : null;
    }

    /** {@code exp(t)} is finite for every t up to this (exp(709) ≈ 8.2e307). */
    private static final double EXP_FINITE = 709;

    /**
     * Returns {@code exp(l)}; with {@code logsOnly} (the value is not wanted, only whether it is
     * finite) 0 where exp cannot overflow, so the costly exp is skipped.
     */
    static double exp(double l, boolean logsOnly) {
        return logsOnly && l <= EXP_FINITE ? 0 : Math.exp(l);
    }
}
