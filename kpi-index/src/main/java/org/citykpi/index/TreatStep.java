package org.citykpi.index;

import java.util.List;

/** Treats outliers column by column; see {@link Treatment}. */
final class TreatStep {
    private TreatStep() {}

    /** Returns the treated data (a copy), or {@code in} for {@link Treatment.None}. */
    static Matrix run(Matrix in, List<Node> indicators, Treatment t, int groupSize, List<String> warnings) {
        if (t instanceof Treatment.None) {
            return in;
        }
        Matrix out = in.copy();
        double[] vals = new double[groupSize];
        int[] idx = new int[groupSize];
        for (int c = 0; c < in.cols; c++) {
            for (int g = 0; g < in.rows; g += groupSize) {
                int from = c * in.rows + g;
                int to = from + Math.min(groupSize, in.rows - g);
                int n = 0;
                for (int i = from; i < to; i++) {
                    if (in.ok[i]) {
                        vals[n] = in.v[i];
                        idx[n++] = i;
                    }
                }
                String what = treat(vals, n, t);
                if (!what.isEmpty()) {
                    for (int k = 0; k < n; k++) {
                        out.v[idx[k]] = vals[k];
                    }
                    warnings.add("treat: " + indicators.get(c).code() + " " + what);
                }
            }
        }
        return out;
    }

    /** Treats {@code x[0, n)} in place; returns what was done, or an empty text if nothing. */
    static String treat(double[] x, int n, Treatment t) {
        if (t instanceof Treatment.Log) {
            return logCt(x, n) ? "log-transformed" : "";
        }
        if (t instanceof Treatment.BoxCox) {
            if (n == 0) {
                return "";
            }
            double lambda = ((Treatment.BoxCox) t).lambda();
            double min = min(x, n);
            for (int i = 0; i < n; i++) {
                double y = x[i] - min + 1;
                x[i] = lambda == 0 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
            }
            return "Box-Cox transformed (lambda " + lambda + ")";
        }
        Treatment.Winsorise w = (Treatment.Winsorise) t;
        if (n < 4 || passes(x, n, w)) {
            return "";
        }
        double[] y = java.util.Arrays.copyOf(x, n);
        int hiCount = 0;
        int loCount = 0;
        int nwin = 0;
        boolean pass = false;
        while (!pass && nwin < w.winmax()) {
            boolean high = ColumnStats.skew(y, n) >= 0;
            double ext = high ? max(y, n) : min(y, n);
            double next = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            int tied = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] == ext) {
                    tied++;
                } else {
                    next = high ? Math.max(next, y[i]) : Math.min(next, y[i]);
                }
            }
            if (tied == n) {
                break; // every value equal: nothing left to winsorise
            }
            for (int i = 0; i < n; i++) {
                if (y[i] == ext) {
                    y[i] = next;
                }
            }
            // COINr counts the points now tied at the treated end(s), which includes earlier ones
            if (high) {
                hiCount = tied;
            } else {
                loCount = tied;
            }
            nwin = hiCount + loCount;
            pass = passes(y, n, w);
        }
        if (pass || !w.logFallback()) {
            System.arraycopy(y, 0, x, 0, n);
            return "winsorised (" + nwin + " point(s))";
        }
        return logCt(x, n) ? "log-transformed after winsorising " + nwin + " point(s) did not pass" : "";
    }

    private static boolean passes(double[] x, int n, Treatment.Winsorise w) {
        double s = ColumnStats.skew(x, n);
        double k = ColumnStats.kurt(x, n);
        if (Double.isNaN(s) || Double.isNaN(k)) {
            return true; // constant: no outliers to treat
        }
        return Math.abs(s) < w.skewLimit() || k < w.kurtLimit();
    }

    private static boolean logCt(double[] x, int n) {
        if (n == 0) {
            return false;
        }
        double min = min(x, n);
        double max = max(x, n);
        if (min == max) {
            return false;
        }
        double a = 0.01 * (max - min);
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(x[i] - min + a);
        }
        return true;
    }

    private static double min(double[] x, int n) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.min(m, x[i]);
        }
        return m;
    }

    private static double max(double[] x, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, x[i]);
        }
        return m;
    }
}
