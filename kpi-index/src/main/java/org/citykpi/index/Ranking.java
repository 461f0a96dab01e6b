package org.citykpi.index;

/** Ranks scores: 1 = best (highest), ties share the lowest rank, 0 for missing. */
final class Ranking {
    private Ranking() {}

    /**
     * Writes into {@code rank[0, rows)} the ranks of {@code v[off, off + rows)} within each group of
     * {@code groupSize} consecutive rows; cells not {@code ok} get 0.
     */
    static void rank(double[] v, boolean[] ok, int off, int rows, int groupSize, int[] rank, double[] scratch) {
        int[] at = new int[Math.min(rows, groupSize)];
        int[] r = new int[at.length];
        for (int g = 0; g < rows; g += groupSize) {
            int end = Math.min(rows, g + groupSize);
            int n = 0;
            for (int row = g; row < end; row++) {
                rank[row] = 0;
                if (ok[off + row]) {
                    scratch[n] = v[off + row];
                    at[n++] = row;
                }
            }
            RadixOrder.fromHighest(scratch, n, r);
            for (int i = 0; i < n; i++) {
                rank[at[i]] = r[i];
            }
        }
    }
}
