package org.citykpi.index;

/**
 * Orders doubles by value with a stable least-significant-digit radix sort, and ranks them.
 * Ranking thousands of scores per uncertainty run, or every column of a rank normalisation, by
 * {@code Arrays.sort} and a binary search per value costs two passes of n·log n steps; the radix
 * sort makes at most six linear passes over (key, position) pairs and the ranks fall out of one
 * walk along the order.
 *
 * <p>Each value maps to a 64-bit key whose unsigned order is the numeric order: the sign bit is
 * flipped for values ≥ 0 and every bit for negative values, after {@code x + 0.0} has turned
 * {@code −0.0} into {@code 0.0} (so the two compare equal, as {@code ==} says). The keys are sorted
 * on 11-bit digits; a digit whose value is the same for every key (the exponent bits of
 * similar-sized values, typically) is skipped. Values must not be NaN.
 */
final class RadixOrder {
    private static final int BITS = 11;
    private static final int PASSES = (64 + BITS - 1) / BITS;
    private static final int MASK = (1 << BITS) - 1;

    private RadixOrder() {}

    /**
     * Writes into {@code order[0, n)} the positions of {@code x[0, n)} in ascending order of value;
     * equal values keep their position order.
     */
    static void ascending(double[] x, int n, int[] order) {
        long[] key = new long[n];
        long[] key2 = new long[n];
        int[] pos = new int[n];
        int[] pos2 = new int[n];
        int[][] count = new int[PASSES][1 << BITS];
        for (int i = 0; i < n; i++) {
            long b = Double.doubleToRawLongBits(x[i] + 0.0);
            long k = b ^ ((b >> 63) | Long.MIN_VALUE);
            key[i] = k;
            pos[i] = i;
            for (int d = 0; d < PASSES; d++) {
                count[d][(int) (k >>> (d * BITS)) & MASK]++;
            }
        }
        for (int d = 0; d < PASSES; d++) {
            int[] c = count[d];
            int shift = d * BITS;
            if (n == 0 || c[(int) (key[0] >>> shift) & MASK] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < c.length; b++) {
                int t = c[b];
                c[b] = sum;
                sum += t;
            }
            for (int i = 0; i < n; i++) {
                long k = key[i];
                int at = c[(int) (k >>> shift) & MASK]++;
                key2[at] = k;
                pos2[at] = pos[i];
            }
            long[] tk = key;
            key = key2;
            key2 = tk;
            int[] tp = pos;
            pos = pos2;
            pos2 = tp;
        }
        System.arraycopy(pos, 0, order, 0, n);
    }

    /**
     * Writes into {@code rank[0, n)} the rank of each of {@code x[0, n)} from the lowest: 1 +
     * the number of values strictly below it (ties share the lowest rank: 1, 2, 2, 4).
     */
    static void fromLowest(double[] x, int n, int[] rank) {
        int[] order = new int[n];
        ascending(x, n, order);
        int current = 0;
        for (int p = 0; p < n; p++) {
            if (p == 0 || x[order[p]] != x[order[p - 1]]) {
                current = p + 1;
            }
            rank[order[p]] = current;
        }
    }

    /**
     * Writes into {@code rank[0, n)} the rank of each of {@code x[0, n)} from the highest: 1 +
     * the number of values strictly above it (ties share the lowest rank: 1, 2, 2, 4).
     */
    static void fromHighest(double[] x, int n, int[] rank) {
        int[] order = new int[n];
        ascending(x, n, order);
        int current = 0;
        for (int p = n - 1; p >= 0; p--) {
            if (p == n - 1 || x[order[p]] != x[order[p + 1]]) {
                current = n - p;
            }
            rank[order[p]] = current;
        }
    }
}
