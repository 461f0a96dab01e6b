package org.citykpi.observe;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between order statistics (Hyndman and Fan 1996, type 7; the
 * default of R's {@code quantile} and numpy's {@code percentile}), found by selection in linear
 * expected time instead of a full sort.
 */
final class Percentile {
    private Percentile() {}

    /**
     * Returns the type-7 quantile of {@code x[0, n)}, reordering that range: with {@code index = 1 +
     * (n − 1)·p}, {@code j = ⌊index⌋}, {@code g = index − j} and {@code x₍ⱼ₎} the order statistics
     * from 1, the value {@code (1 − g)·x₍ⱼ₎ + g·x₍ⱼ₊₁₎}, computed in the same order of operations as
     * R's {@code quantile.default} (exactly {@code x₍ⱼ₎} when {@code g = 0} or the two order
     * statistics are equal), so that results agree with R's to the last bit.
     *
     * @param x the values, finite; the first {@code n} are reordered
     * @param n how many values, at least 1
     * @param p the probability in [0, 1]
     * @return the quantile
     */
    static double type7(double[] x, int n, double p) {
        // R's arithmetic, step for step: index = 1 + (n − 1)·p, lo = ⌊index⌋, h = index − lo (1-based)
        double index = 1 + (n - 1) * p;
        double loIndex = Math.floor(index);
        int j = Math.min((int) loIndex - 1, n - 1);
        double g = index - loIndex;
        select(x, 0, n, j);
        double lo = x[j];
        if (g == 0 || j + 1 >= n) {
            return lo;
        }
        // after selecting j, the (j+1)-th order statistic is the least value right of j
        double hi = x[j + 1];
        for (int i = j + 2; i < n; i++) {
            if (x[i] < hi) {
                hi = x[i];
            }
        }
        if (hi == lo) {
            return lo;
        }
        return (1 - g) * lo + g * hi;
    }

    /**
     * Rearranges {@code x[from, to)} so that {@code x[k]} holds the value a sort would put there,
     * smaller-or-equal values before it and greater-or-equal after it (Hoare's selection with a
     * median-of-three pivot; falls back to a sort of the remaining range if it stops shrinking).
     */
    static void select(double[] x, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        int budget = 2 * (64 - Long.numberOfLeadingZeros(Math.max(1, to - from))) + 8;
        while (hi > lo) {
            if (hi - lo < 16 || budget-- == 0) {
                Arrays.sort(x, lo, hi + 1);
                return;
            }
            int mid = (lo + hi) >>> 1;
            double a = x[lo];
            double b = x[mid];
            double c = x[hi];
            double pivot = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (x[i] < pivot) {
                    i++;
                }
                while (x[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = x[i];
                    x[i] = x[j];
                    x[j] = t;
                    i++;
                    j--;
                }
            }
            // now x[lo..j] <= pivot <= x[i..hi], and x[j+1..i-1] == pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }
}
