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
        double s = 0;
        double c = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (ok == null || ok[i]) {
                double a = d * x[i];
                double t = s + a;
                c += Sum.twoSumError(s, a, t);
                s = t;
                n++;
            }
        }
        return quotient(s, c, n);
    }

    /**
     * Returns the sample standard deviation (n − 1) of {@code d·x} around {@code mean}, as R's
     * {@code sd}: the squared deviations rounded one by one, their sum divided by n − 1 before it is
     * rounded (R divides its extended-precision sum), then the square root.
     */
    static double sd(double[] x, boolean[] ok, int from, int to, int d, double mean) {
        double s = 0;
        double c = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                double e = d * x[i] - mean;
                double sq = e * e;
                double t = s + sq;
                c += Sum.twoSumError(s, sq, t);
                s = t;
                n++;
            }
        }
        return Math.sqrt(quotient(s, c, n - 1));
    }

    /**
     * Returns {@code (s + c)/n} rounded once (nearly always), where {@code s + c} is a compensated
     * sum: R's {@code mean} and {@code var} divide a sum held in extended precision, so dividing
     * the sum rounded to a double first can be an ulp off. The quotient of the leading part is
     * corrected by the exact remainder ({@link Math#fma}) plus the compensation.
     */
    static double quotient(double s, double c, int n) {
        double q = s / n;
        if (!Double.isFinite(q)) {
            return (s + c) / n;
        }
        double rem = Math.fma(-q, n, s) + c;
        return q + rem / n;
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
        // COINr's skew (e1071's formula): x − mean(x), then sum(x^2) and sum(x^3) (R's sum in
        // extended precision: compensated here; x^3 is pow, x^2 a product)
        double mean = mean(x, null, 0, n, 1);
        Sum s2 = Sum.create();
        Sum s3 = Sum.create();
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            s2.add(d * d);
            s3.add(Math.pow(d, 3));
        }
        double y = Math.sqrt(n) * s3.value() / Math.pow(s2.value(), 1.5);
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
        // COINr's kurt (e1071's formula), in its order of operations, as skew
        double mean = mean(x, null, 0, n, 1);
        Sum s2 = Sum.create();
        Sum s4 = Sum.create();
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            s2.add(d * d);
            s4.add(Math.pow(d, 4));
        }
        double sq = s2.value();
        double r = n * s4.value() / (sq * sq);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (double) (n - 3));
    }
}
