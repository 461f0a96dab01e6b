package org.citykpi.observe;

/**
 * A stable sort of {@code long} keys that carries an {@code int} payload (the readings' insertion
 * indices), so that readings with the same time stay in the order they were added.
 */
final class StableSort {
    private static final int INSERTION = 32;

    private StableSort() {}

    /** Sorts {@code keys} ascending, permuting {@code payload} alike; equal keys keep their order. */
    static void sort(long[] keys, int[] payload) {
        int n = keys.length;
        if (payload.length != n) {
            throw new IllegalArgumentException("keys and payload differ in length");
        }
        // runs of INSERTION sorted by insertion sort, then bottom-up merges between two buffers
        for (int lo = 0; lo < n; lo += INSERTION) {
            insertion(keys, payload, lo, Math.min(n, lo + INSERTION));
        }
        if (n <= INSERTION) {
            return;
        }
        long[] k2 = new long[n];
        int[] p2 = new int[n];
        long[] srcK = keys;
        int[] srcP = payload;
        long[] dstK = k2;
        int[] dstP = p2;
        for (int width = INSERTION; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                merge(srcK, srcP, dstK, dstP, lo, mid, hi);
            }
            long[] tk = srcK;
            srcK = dstK;
            dstK = tk;
            int[] tp = srcP;
            srcP = dstP;
            dstP = tp;
        }
        if (srcK != keys) {
            System.arraycopy(srcK, 0, keys, 0, n);
            System.arraycopy(srcP, 0, payload, 0, n);
        }
    }

    private static void insertion(long[] k, int[] p, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long key = k[i];
            int pay = p[i];
            int j = i - 1;
            while (j >= lo && k[j] > key) {
                k[j + 1] = k[j];
                p[j + 1] = p[j];
                j--;
            }
            k[j + 1] = key;
            p[j + 1] = pay;
        }
    }

    private static void merge(long[] sk, int[] sp, long[] dk, int[] dp, int lo, int mid, int hi) {
        if (mid >= hi || sk[mid - 1] <= sk[mid]) {
            // already in order: copy
            System.arraycopy(sk, lo, dk, lo, hi - lo);
            System.arraycopy(sp, lo, dp, lo, hi - lo);
            return;
        }
        int i = lo;
        int j = mid;
        for (int o = lo; o < hi; o++) {
            // take from the left on ties: stability
            if (j >= hi || (i < mid && sk[i] <= sk[j])) {
                dk[o] = sk[i];
                dp[o] = sp[i++];
            } else {
                dk[o] = sk[j];
                dp[o] = sp[j++];
            }
        }
    }
}
