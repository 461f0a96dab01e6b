package org.citykpi.index;

/** Compensated sums and order statistics over the present cells of a column range. */
final class ColumnStats {
    private ColumnStats() {}

    /**
     * Returns the mean of {@code d·x} over present cells (Neumaier sum; {@code ok} null means all
     * present); caller ensures n > 0.
     */
    static double mean(double[] x, boolean[] ok, int from, int to, int d) {
        double s = 0;
        double c = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (ok == null || ok[i]) {
                double v = d * x[i];
                double t = s + v;
                c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
                s = t;
                n++;
            }
        }
        return (s + c) / n;
    }

    /** Returns the sample standard deviation (n − 1) of {@code d·x} around {@code mean}. */
    static double sd(double[] x, boolean[] ok, int from, int to, int d, double mean) {
        double s = 0;
        double c = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (ok[i]) {
                double e = d * x[i] - mean;
                double v = e * e;
                double t = s + v;
                c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
                s = t;
                n++;
            }
        }
        return Math.sqrt((s + c) / (n - 1));
    }

    /**
     * Returns the first index of {@code v} in ascending {@code sorted} (which contains it): the
     * number of elements {@code < v}. Branch-free (the halving step is a conditional move, not a
     * jump the processor must guess), as ranking calls it once per cell.
     */
    static int firstIndex(double[] sorted, double v) {
        // the answer lies in [base, base + n]; each step halves n without a branch
        int base = 0;
        int n = sorted.length;
        while (n > 1) {
            int half = n >>> 1;
            base = sorted[base + half - 1] < v ? base + half : base;
            n -= half;
        }
        return n == 1 && sorted[base] < v ? base + 1 : base;
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
