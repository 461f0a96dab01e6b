package org.citykpi.index;

import java.util.Arrays;

/** Ranks scores: 1 = best (highest), ties share the lowest rank, 0 for missing. */
final class Ranking {
    private Ranking() {}

    /**
     * Writes into {@code rank[0, rows)} the ranks of {@code v[off, off + rows)} within each group of
     * {@code groupSize} consecutive rows; cells not {@code ok} get 0.
     */
    static void rank(double[] v, boolean[] ok, int off, int rows, int groupSize, int[] rank, double[] scratch) {
        for (int g = 0; g < rows; g += groupSize) {
            int end = Math.min(rows, g + groupSize);
            int n = 0;
            for (int r = g; r < end; r++) {
                if (ok[off + r]) {
                    scratch[n++] = v[off + r];
                }
            }
            Arrays.sort(scratch, 0, n);
            for (int r = g; r < end; r++) {
                if (!ok[off + r]) {
                    rank[r] = 0;
                    continue;
                }
                // rank = 1 + number of strictly higher values
                rank[r] = 1 + n - upperBound(scratch, n, v[off + r]);
            }
        }
    }

    /**
     * Returns the index of the first element of ascending {@code a[0, n)} greater than {@code x}:
     * the number of elements {@code <= x}. Branch-free (the halving step is a conditional move),
     * as ranking calls it once per row.
     */
    static int upperBound(double[] a, int n, double x) {
        // the answer lies in [base, base + len]; each step halves len without a branch
        int base = 0;
        int len = n;
        while (len > 1) {
            int half = len >>> 1;
            base = a[base + half - 1] <= x ? base + half : base;
            len -= half;
        }
        return len == 1 && a[base] <= x ? base + 1 : base;
    }
}
