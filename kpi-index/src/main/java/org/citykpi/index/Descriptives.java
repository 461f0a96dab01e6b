package org.citykpi.index;

import java.util.OptionalDouble;

/**
 * Summarises one indicator or aggregate over the units present: count, missing count, min, max,
 * mean, median, sample sd (n − 1), and COINr's skewness and kurtosis (e1071 type 2, as Excel's
 * SKEW and KURT; kurtosis is excess kurtosis).
 *
 * <p>Edge cases: no value → {@code n = 0} and every statistic empty; one value → sd empty; fewer
 * than 3 values → skew empty; fewer than 4 → kurtosis empty; a constant column → sd 0, skew and
 * kurtosis empty. {@link #outlierFlag()} is COINr's {@code Flag.SkewKurt}: {@code |skew| > 2} and
 * {@code kurtosis > 3.5}.
 *
 * @param code the code of the indicator or aggregate
 * @param n the number of units with a value
 * @param missing the number of units without one
 * @param min the smallest value; empty when {@code n = 0}
 * @param max the largest value; empty when {@code n = 0}
 * @param mean the arithmetic mean (compensated sum); empty when {@code n = 0}
 * @param median the median (the mean of the two middle values for even n); empty when {@code n =
 *     0}
 * @param sd the sample standard deviation (divisor n − 1); empty when {@code n < 2}
 * @param skew the sample skewness; empty when {@code n < 3} or the values are all equal
 * @param kurtosis the sample excess kurtosis; empty when {@code n < 4} or the values are all equal
 */
public record Descriptives(
        String code,
        int n,
        int missing,
        OptionalDouble min,
        OptionalDouble max,
        OptionalDouble mean,
        OptionalDouble median,
        OptionalDouble sd,
        OptionalDouble skew,
        OptionalDouble kurtosis) {

    /**
     * Returns whether the values look skewed by outliers, as COINr's {@code Flag.SkewKurt}.
     *
     * @return true when {@code |skew| > 2} and {@code kurtosis > 3.5}; false when either is empty
     */
    public boolean outlierFlag() {
        return skew.isPresent()
                && kurtosis.isPresent()
                && Math.abs(skew.getAsDouble()) > 2
                && kurtosis.getAsDouble() > 3.5;
    }

    /** Computes the summary of {@code x[0, n)} (values present), with {@code missing} absent ones. */
    static Descriptives of(String code, double[] x, int n, int missing) {
        if (n == 0) {
            OptionalDouble e = OptionalDouble.empty();
            return new Descriptives(code, 0, missing, e, e, e, e, e, e, e);
        }
        double[] s = java.util.Arrays.copyOf(x, n);
        java.util.Arrays.sort(s);
        double mean = ColumnStats.mean(s, null, 0, n, 1);
        OptionalDouble sd = OptionalDouble.empty();
        if (n > 1) {
            boolean[] all = new boolean[n];
            java.util.Arrays.fill(all, true);
            sd = OptionalDouble.of(ColumnStats.sd(s, all, 0, n, 1, mean));
        }
        boolean constant = s[0] == s[n - 1];
        return new Descriptives(
                code,
                n,
                missing,
                OptionalDouble.of(s[0]),
                OptionalDouble.of(s[n - 1]),
                OptionalDouble.of(mean),
                OptionalDouble.of(ColumnStats.quantile(s, n, 0.5)),
                sd,
                constant || n < 3 ? OptionalDouble.empty() : OptionalDouble.of(ColumnStats.skew(s, n)),
                constant || n < 4 ? OptionalDouble.empty() : OptionalDouble.of(ColumnStats.kurt(s, n)));
    }
}
