package org.citykpi;

import java.math.BigDecimal;

/**
 * Formats and sums numbers the one way the whole project does: full precision, {@code .} as
 * decimal separator, no exponent for ordinary magnitudes, and compensated (Neumaier) sums.
 * Thread-safe (stateless).
 */
public final class Numbers {
    private Numbers() {}

    /**
     * Returns the shortest text that reads back to exactly {@code v}: {@code 75}, {@code 0.1},
     * {@code 1.0E-10} for very small or large magnitudes (as {@link Double#toString}). Integral
     * values below 1e15 have no decimal point.
     *
     * @param v the number; NaN and infinities are written as {@link Double#toString} writes them
     * @return the text of {@code v}
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-6 && a < 1e15) {
            return new BigDecimal(Double.toString(v)).toPlainString();
        }
        return Double.toString(v);
    }

    /**
     * Returns the Neumaier-compensated sum of {@code values[from, to)}. Infinite inputs or an
     * overflow give an infinite or NaN result, as a plain sum would.
     *
     * @param values the numbers
     * @param from first index summed (inclusive)
     * @param to end index (exclusive); an empty range sums to 0
     * @return the compensated sum
     * @throws ArrayIndexOutOfBoundsException if the range is outside {@code values}
     */
    public static double sum(double[] values, int from, int to) {
        double s = 0;
        double c = 0;
        for (int i = from; i < to; i++) {
            double x = values[i];
            double t = s + x;
            if (Math.abs(s) >= Math.abs(x)) {
                c += (s - t) + x;
            } else {
                c += (x - t) + s;
            }
            s = t;
        }
        return s + c;
    }
}
