package org.citykpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link Sum}: edge cases and sums whose value is known independently (by hand, from
 * the exact decimal value of each double, or from R), the accuracy bound of Sum2s against exact
 * {@link BigDecimal} sums, and merges.
 */
class SumTest {
    private static final double MAX = Double.MAX_VALUE;

    static Stream<Arguments> known() {
        return Stream.of(
                // no term: 0 by definition
                Arguments.of(new double[] {}, 0.0),
                // by hand: the two 1e100 cancel exactly, the 1 lost in 1e100 + 1 is the only error
                Arguments.of(new double[] {1e100, 1, -1e100}, 1.0),
                // by hand: 1e16 + 1 rounds to 1e16 (spacing 2) twice; the exact sum is 2
                Arguments.of(new double[] {1e16, 1, 1, -1e16}, 2.0),
                // the doubles nearest 0.1, 0.2, 0.3 sum exactly to 0.6000000000000000055511151231257827…
                // (their exact decimal values, added by hand), whose nearest double is 0.6; a plain sum
                // gives 0.6000000000000001
                Arguments.of(new double[] {0.1, 0.2, 0.3}, 0.6),
                // R 4.x: sum(c(0.3, 0.54, 0.92)) == 1.76 is TRUE (extended-precision accumulator;
                // docs/composite-index.md); a plain sum gives 1.7600000000000002
                Arguments.of(new double[] {0.3, 0.54, 0.92}, 1.76),
                // by hand: terms of one sign and exactly representable partial sums: no rounding at all
                Arguments.of(new double[] {-0.5, -0.25, -0.125}, -0.875));
    }

    @ParameterizedTest
    @MethodSource("known")
    void matchesIndependentlyKnownSums(double[] terms, double expected) {
        assertEquals(expected, Sum.of(terms).value(), 0);
        assertEquals(expected, Sum.of(terms).getAsDouble(), 0);
    }

    @Test
    void plainSumsOfTheSameTermsDifferWhichIsWhyTheSumExists() {
        // guards the cases above against being ones where compensation changes nothing
        assertEquals(0.6000000000000001, 0.1 + 0.2 + 0.3, 0);
        assertEquals(1.7600000000000002, 0.3 + 0.54 + 0.92, 0);
        assertEquals(0.0, 1e100 + 1 - 1e100, 0);
    }

    @Test
    void zerosOfEitherSignSumToPositiveZero() {
        assertEquals(
                Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(Sum.create().value()));
        assertEquals(
                Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(Sum.of(-0.0, -0.0).value()));
    }

    @Test
    void nanAndInfinitiesGiveNan() {
        assertTrue(Double.isNaN(Sum.of(1, Double.NaN, 2).value()));
        // unlike a plain sum, an infinity of one sign gives NaN too: its rounding error is undefined
        assertTrue(Double.isNaN(Sum.of(Double.POSITIVE_INFINITY).value()));
        assertTrue(Double.isNaN(
                Sum.of(1, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY).value()));
        assertTrue(Double.isNaN(
                Sum.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).value()));
    }

    @Test
    void anOverflowingRunningSumGivesNanEvenIfLaterTermsBringItBack() {
        // MAX + MAX overflows; a plain sum stays at +∞ after subtracting MAX again
        assertEquals(Double.POSITIVE_INFINITY, MAX + MAX - MAX, 0);
        assertTrue(Double.isNaN(Sum.of(MAX, MAX, -MAX).value()));
        assertTrue(Double.isNaN(Sum.of(-MAX, -MAX).value()));
    }

    @Test
    void aCompensatedValueBeyondTheLargestDoubleRoundsToInfinity() {
        // the spacing of doubles at MAX is 2^971: MAX + 2^969 rounds back to MAX twice (the running
        // sum never overflows), the errors add to 2^970, and MAX + 2^970 lies exactly halfway
        // between MAX and 2^1024, which IEEE 754 rounding to nearest even sends to +∞
        assertEquals(MAX, MAX + 0x1p969, 0);
        assertEquals(Double.POSITIVE_INFINITY, Sum.of(MAX, 0x1p969, 0x1p969).value(), 0);
        assertEquals(Double.NEGATIVE_INFINITY, Sum.of(-MAX, -0x1p969, -0x1p969).value(), 0);
    }

    @Test
    void mergingPartialSumsGivesTheSumOfTheWholeWhenTheValueIsExactlyRounded() {
        // 1e100 + 1 − 1e100 split after the 1 and after the first 1e100: each way 1, as the whole
        assertEquals(1.0, Sum.of(1e100, 1).add(Sum.of(-1e100)).value(), 0);
        assertEquals(1.0, Sum.of(1e100).add(Sum.of(1, -1e100)).value(), 0);
        assertEquals(1.0, Sum.of(-1e100).add(Sum.of(1e100, 1)).value(), 0);
        // 0.1 + 0.2 | 0.3: 0.6 as the whole (see matchesIndependentlyKnownSums)
        assertEquals(0.6, Sum.of(0.1, 0.2).add(Sum.of(0.3)).value(), 0);
        // an empty part changes nothing, and the part added is left as it was
        Sum part = Sum.of(1e16, 1, 1);
        assertEquals(2.0, Sum.of(-1e16).add(Sum.create()).add(part).value(), 0);
        assertEquals(Sum.of(1e16, 1, 1).value(), part.value(), 0);
    }

    @Test
    void aSumMergedWithItselfCountsEveryTermTwice() {
        // by hand: (1e100 + 1 − 1e100) · 2 = 2
        Sum s = Sum.of(1e100, 1, -1e100);
        assertSame(s, s.add(s));
        assertEquals(2.0, s.value(), 0);
    }

    @Test
    void collectsAStreamWithMergesOfPartialSums() {
        // by hand: 1e100 − 1e100 + 1 + 2 + 3 = 6; however the stream is split, every rounding error is
        // a small integer (the 1e100 absorb what is added to them), so the errors add exactly
        double[] x = {1e100, 1, -1e100, 2, 3};
        assertEquals(
                6.0, DoubleStream.of(x).collect(Sum::create, Sum::add, Sum::add).value(), 0);
        for (int split = 0; split <= x.length; split++) {
            Sum left = Sum.of(java.util.Arrays.copyOfRange(x, 0, split));
            Sum right = Sum.of(java.util.Arrays.copyOfRange(x, split, x.length));
            assertEquals(6.0, left.add(right).value(), 0, "split at " + split);
        }
        assertEquals(
                6.0,
                DoubleStream.of(x)
                        .parallel()
                        .collect(Sum::create, Sum::add, Sum::add)
                        .value(),
                0);
    }

    /**
     * Ogita, Rump and Oishi (2005), Proposition 4.5: the result of Sum2s differs from the exact sum s
     * of n terms by at most eps·|s| + γ(n−1)²·Σ|x|, eps = 2^-53, γ(k) = k·eps/(1 − k·eps). The exact
     * sums are {@link BigDecimal}s; the data are seeded, with many near-cancellations (a term is
     * often minus an earlier one times 1 + k·2^-40), where a plain sum loses most of its digits.
     */
    @Test
    void staysWithinTheSum2sErrorBoundOnIllConditionedSums() {
        SplittableRandom rnd = new SplittableRandom(20261203);
        double eps = 0x1p-53;
        for (int trial = 0; trial < 2000; trial++) {
            int n = 2 + rnd.nextInt(60);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(4) == 0 && i > 0
                        ? -x[rnd.nextInt(i)] * (1 + rnd.nextInt(3) * 0x1p-40)
                        : Math.scalb(rnd.nextDouble(-1, 1), rnd.nextInt(-50, 50));
            }
            int split = rnd.nextInt(n + 1);
            double whole = Sum.of(x).value();
            Sum merged = Sum.of(java.util.Arrays.copyOfRange(x, 0, split))
                    .add(Sum.of(java.util.Arrays.copyOfRange(x, split, n)));
            BigDecimal exact = BigDecimal.ZERO;
            double abs = 0;
            for (double v : x) {
                exact = exact.add(new BigDecimal(v));
                abs += Math.abs(v);
            }
            // a merge is Sum2s over n + 2 terms (the first part's, then the second's sum and
            // compensation), whose magnitudes add to about the same Σ|x|
            double g = (n + 1) * eps / (1 - (n + 1) * eps);
            double bound = eps * Math.abs(exact.doubleValue()) + g * g * abs * 1.01;
            for (double got : new double[] {whole, merged.value()}) {
                double err = new BigDecimal(got)
                        .subtract(exact, MathContext.DECIMAL128)
                        .abs()
                        .doubleValue();
                assertTrue(err <= bound, "trial " + trial + ": error " + err + " > bound " + bound);
            }
        }
    }

    /** Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen", as a branch on magnitudes. */
    private static double neumaier(double[] x) {
        double s = 0;
        double c = 0;
        for (double v : x) {
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }
        return s + c;
    }

    @Test
    void theLocalVariableFormAndNeumaiersBranchGiveTheSameBits() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 5000; trial++) {
            double[] x = new double[1 + rnd.nextInt(8)];
            for (int i = 0; i < x.length; i++) {
                int pick = rnd.nextInt(10);
                x[i] = pick == 0
                        ? -0.0
                        : pick == 1 && i > 0 ? -x[i - 1] : Math.scalb(rnd.nextDouble(-1, 1), rnd.nextInt(-60, 60));
            }
            double s = 0;
            double c = 0;
            for (double v : x) {
                double t = s + v;
                c += Sum.twoSumError(s, v, t);
                s = t;
            }
            long bits = Double.doubleToRawLongBits(Sum.of(x).value());
            assertEquals(bits, Double.doubleToRawLongBits(s + c), "trial " + trial);
            assertEquals(bits, Double.doubleToRawLongBits(neumaier(x)), "trial " + trial);
        }
    }

    @Test
    void twoSumErrorIsTheExactRoundingError() {
        // by hand: 1e16 + 1 = 10000000000000001 lies halfway between 1e16 and 1e16 + 2 (spacing 2)
        // and rounds to even, 1e16; the error is 1. The error of 0.1 + 0.2 is checked against the
        // exact decimal values of the three doubles
        assertEquals(1.0, Sum.twoSumError(1e16, 1, 1e16 + 1), 0);
        double t = 0.1 + 0.2;
        BigDecimal e = new BigDecimal(0.1).add(new BigDecimal(0.2)).subtract(new BigDecimal(t));
        assertEquals(e.doubleValue(), Sum.twoSumError(0.1, 0.2, t), 0);
        assertEquals(0, e.compareTo(new BigDecimal(Sum.twoSumError(0.1, 0.2, t))));
        assertTrue(Double.isNaN(Sum.twoSumError(MAX, MAX, MAX + MAX)));
    }
}
