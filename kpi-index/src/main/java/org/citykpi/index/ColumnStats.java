package org.citykpi.index;

import org.citykpi.Sum;
import org.jspecify.annotations.Nullable;

/** Compensated sums and order statistics over the present cells of a column range. */
final class ColumnStats {
    private ColumnStats() {}

    /**
     * Returns the mean of {@code d·x} over present cells (compensated sum, {@link Sum}; {@code ok} null means all
     * present); caller ensures n > 0.
     */
    static double mean(double[] x, boolean @Nullable [] ok, int from, int to, int d) {
        Sum s = Sum.create();
        int n = 0;
        for (int i = from; i < to; i++) {
            if (ok == null || ok[i]) {
                s.add(d * x[i]);
                n++;
            }
        }
        return s.value() / n;
    }

    /** Returns the sample standard deviation (n − 1) of {@code d·x} around {@code mean}. */
    static double sd(double[] x, boolean[] ok, int from, int to, int d, double mean) {
        Sum s = Sum.create();
        int n = 0;
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                double e = d * x[i] - mean;
                s.add(e * e);
                n++;
            }
        }
        return Math.sqrt(s.value() / (n - 1));
    }

    /**
     * Returns the median of {@code x[0, n)} (n ≥ 1), as R's {@code median}: the middle value, or the
     * mean of the two middle values for even n. Reorders {@code x[0, n)}. Expected linear time
     * (selection instead of a sort), at worst n·log n.
     */
    static double median(double[] x, int n) {
        int hi = n / 2;
        double upper = select(x, 0, n, hi);
        if (n % 2 == 1) {
            return upper;
        }
        // after selecting, x[0, hi) holds the hi smallest values: the lower middle is their maximum
        double lower = x[0];
        for (int i = 1; i < hi; i++) {
            lower = Math.max(lower, x[i]);
        }
        return (lower + upper) / 2;
    }

    /**
     * Returns the value that would sit at index {@code k} if {@code x[from, to)} were sorted
     * ascending, and partially orders the range so that no value before {@code k} is above it and
     * no value after it below it. Quickselect with a median-of-three pivot; a range that shrinks
     * too slowly (adversarial input) is finished by a sort, so the worst case is n·log n.
     */
    static double select(double[] x, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from)));
        while (hi > lo) {
            if (budget-- == 0) {
                java.util.Arrays.sort(x, lo, hi + 1);
                return x[k];
            }
            int mid = (lo + hi) >>> 1;
            // median of three as the pivot
            if (x[mid] < x[lo]) {
                swap(x, mid, lo);
            }
            if (x[hi] < x[lo]) {
                swap(x, hi, lo);
            }
            if (x[hi] < x[mid]) {
                swap(x, hi, mid);
            }
            double pivot = x[mid];
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
                    swap(x, i, j);
                    i++;
                    j--;
                }
            }
            // now x[lo, j] ≤ pivot ≤ x[i, hi], and x(j, i) equals the pivot
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return x[k];
            }
        }
        return x[k];
    }

    private static void swap(double[] x, int a, int b) {
        double t = x[a];
        x[a] = x[b];
        x[b] = t;
    }

    /** Returns the R type-7 quantile of ascending {@code sorted[0, n)} at probability {@code p}. */
    static double quantile(double[] sorted, int n, double p) {
        if (n == 1) {
            return sorted[0];
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Returns the sample skewness of {@code x[0, n)}, e1071 type 2 (Excel's SKEW): {@code g1·√(n(n −
     * 1))/(n − 2)} with {@code g1 = √n·Σd³/(Σd²)^1.5}. NaN below 3 values or for a constant column
     * (internal use only: callers test it before it can escape).
     */
    static double skew(double[] x, int n) {
        if (n < 3) {
            return Double.NaN;
        }
        double mean = mean(x, null, 0, n, 1);
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            s2 += d * d;
            s3 += d * d * d;
        }
        double y = Math.sqrt(n) * s3 / Math.pow(s2, 1.5);
        return y * Math.sqrt(n * (double) (n - 1)) / (n - 2);
    }

    /**
     * Returns the sample excess kurtosis of {@code x[0, n)}, e1071 type 2 (Excel's KURT): {@code ((n
     * + 1)(r − 3) + 6)(n − 1)/((n − 2)(n − 3))} with {@code r = n·Σd⁴/(Σd²)²}. NaN below 4 values or
     * for a constant column.
     */
    static double kurt(double[] x, int n) {
        if (n < 4) {
            return Double.NaN;
        }
        double mean = mean(x, null, 0, n, 1);
        double s2 = 0;
        double s4 = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            double d2 = d * d;
            s2 += d2;
            s4 += d2 * d2;
        }
        double r = n * s4 / (s2 * s2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (double) (n - 3));
    }
}
