package org.citykpi;

import java.math.BigDecimal;

/**
 * Formats and sums numbers the one way the whole project does: full precision, {@code .} as
 * decimal separator, no exponent for ordinary magnitudes, and compensated sums ({@link Sum}).
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
     * Returns the compensated sum of {@code values[from, to)}, added in order: {@link Sum#of} of
     * those values, with the same edge cases (no value → 0; a NaN or infinite value, or an overflow
     * of the running sum → NaN).
     *
     * @param values the numbers
     * @param from first index summed (inclusive)
     * @param to end index (exclusive); an empty range sums to 0
     * @return the compensated sum
     * @throws ArrayIndexOutOfBoundsException if the range is outside {@code values}
     */
    public static double sum(double[] values, int from, int to) {
        Sum s = Sum.create();
        for (int i = from; i < to; i++) {
            s.add(values[i]);
        }
        return s.value();
    }
}
