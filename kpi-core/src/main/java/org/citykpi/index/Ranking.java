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

    /** Returns the index of the first element of ascending {@code a[0, n)} greater than {@code x}. */
    static int upperBound(double[] a, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
