package org.citykpi.index;

/**
 * Orders doubles by value with a stable most-significant-digit radix sort, and ranks them. Ranking
 * thousands of scores per uncertainty run, or every column of a rank normalisation, by {@code
 * Arrays.sort} and a binary search per value costs two passes of n·log n steps; here one counting
 * pass on the highest 11 bits in which the values differ splits them into up to 2,048 ordered
 * buckets (a handful of values each for spread-out data), each finished the same way or, when
 * small, by insertion; the ranks then fall out of one walk along the order.
 *
 * <p>Each value maps to a 64-bit key whose unsigned order is the numeric order: the sign bit is
 * flipped for values ≥ 0 and every bit for negative values, after {@code x + 0.0} has turned
 * {@code −0.0} into {@code 0.0} (so the two compare equal, as {@code ==} says). The keys of a
 * bucket all share the bits above the highest bit that varies among them, so the 11 bits from it
 * down order them; when no varying bit lies below those (integers, few distinct values), one pass
 * orders the bucket completely. Values must not be NaN.
 */
final class RadixOrder {
    private static final int BITS = 11;
    /** Buckets up to this size are finished by insertion. */
    private static final int SMALL = 24;

    private RadixOrder() {}

    /**
     * Writes into {@code order[0, n)} the positions of {@code x[0, n)} in ascending order of value;
     * equal values keep their position order.
     */
    static void ascending(double[] x, int n, int[] order) {
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            long b = Double.doubleToRawLongBits(x[i] + 0.0);
            key[i] = b ^ ((b >> 63) | Long.MIN_VALUE);
            order[i] = i;
        }
        sort(key, order, new long[n], new int[n], 0, n, new int[64][], 0);
    }

    /**
     * Sorts {@code (key, pos)[from, to)} by unsigned key, stably; {@code tk, tp}: scratch;
     * {@code counts[depth]}: the bucket counts of this level of the recursion, reused by every
     * bucket of that level (made on first use).
     */
    private static void sort(long[] key, int[] pos, long[] tk, int[] tp, int from, int to, int[][] counts, int depth) {
        if (to - from <= SMALL) {
            insertion(key, pos, from, to);
            return;
        }
        // the bits that vary among these keys: ones in some key and zeros in another
        long any = 0;
        long all = -1L;
        for (int i = from; i < to; i++) {
            any |= key[i];
            all &= key[i];
        }
        long varying = any ^ all;
        if (varying == 0) {
            return; // all equal: already in position order
        }
        // the highest varying bit is the same in every key's shared prefix, so the 11 bits from
        // it down order the keys; if every varying bit lies within them, they order them fully
        int high = 63 - Long.numberOfLeadingZeros(varying);
        int low = Long.numberOfTrailingZeros(varying);
        // about two buckets per key, at most 2^11: clearing the counts stays proportional to the keys
        int bits = Math.max(4, Math.min(BITS, 33 - Integer.numberOfLeadingZeros(to - from)));
        int mask = (1 << bits) - 1;
        int shift = high - low < bits ? low : high + 1 - bits;
        boolean last = shift == low;
        if (counts[depth] == null) {
            counts[depth] = new int[2 * (1 << BITS) + 1];
        }
        // start[b] (b ≤ 2^bits) is where bucket b begins; start[2^BITS + 1 + b] the next free
        // place in it
        int[] start = counts[depth];
        java.util.Arrays.fill(start, 0, (1 << bits) + 1, 0);
        for (int i = from; i < to; i++) {
            start[1 + ((int) (key[i] >>> shift) & mask)]++;
        }
        for (int b = 0; b < (1 << bits); b++) {
            start[b + 1] += start[b];
        }
        int nb = (1 << BITS) + 1;
        System.arraycopy(start, 0, start, nb, 1 << bits);
        for (int i = from; i < to; i++) {
            long k = key[i];
            int at = from + start[nb + ((int) (k >>> shift) & mask)]++;
            tk[at] = k;
            tp[at] = pos[i];
        }
        System.arraycopy(tk, from, key, from, to - from);
        System.arraycopy(tp, from, pos, from, to - from);
        if (last) {
            return; // every varying bit was used: each bucket holds equal keys
        }
        for (int b = 0; b < (1 << bits); b++) {
            int lo = from + start[b];
            int hi = from + start[b + 1];
            if (hi - lo > 1) {
                sort(key, pos, tk, tp, lo, hi, counts, depth + 1);
            }
        }
    }

    /** Stable insertion sort of {@code (key, pos)[from, to)} by unsigned key. */
    private static void insertion(long[] key, int[] pos, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long k = key[i];
            int p = pos[i];
            int j = i - 1;
            while (j >= from && Long.compareUnsigned(key[j], k) > 0) {
                key[j + 1] = key[j];
                pos[j + 1] = pos[j];
                j--;
            }
            key[j + 1] = k;
            pos[j + 1] = p;
        }
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
