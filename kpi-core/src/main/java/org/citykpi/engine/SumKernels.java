package org.citykpi.engine;

import java.util.Arrays;
import org.citykpi.Sum;

/**
 * The compensated sums of the {@code sum} and {@code mean} functions, over whole chunks: each row's
 * inputs are added in order with {@link Sum}'s rounding rule, the running sums and compensations
 * kept in arrays (any number of inputs) or in registers (2 to 4 inputs, one fused pass).
 */
final class SumKernels {
    private SumKernels() {}

    /**
     * Replaces {@code s[0, n)}, which holds the first input's values, by the compensated sum of
     * every input's values (in input order, row by row, {@link Sum}) divided by {@code div} (1 for
     * a sum, the number of inputs for a mean). {@code w} lends a buffer for the compensations.
     */
    static void sum(Worker w, int n, Buf[] in, double[] s, double div) {
        if (in.length >= 2 && in.length <= 4) {
            fusedSum(n, in, s, div);
            return;
        }
        Buf scratch = w.acquire();
        double[] comp = scratch.v;
        Arrays.fill(comp, 0, n, 0);
        for (int k = 1; k < in.length; k++) {
            double[] y = in[k].v;
            // Compensated row by row, so that the sum does not depend on magnitude order. Knuth's
            // branch-free two-sum gives exactly the rounding error that Neumaier's branch on
            // |s| >= |y| gives (both are exact for finite sums; with an overflow or a non-finite
            // input both make the compensation, and so the sum, NaN), and the JIT vectorises it.
            for (int i = 0; i < n; i++) {
                double si = s[i];
                double yi = y[i];
                double t = si + yi;
                comp[i] += Sum.twoSumError(si, yi, t);
                s[i] = t;
            }
        }
        for (int i = 0; i < n; i++) {
            s[i] = (s[i] + comp[i]) / div;
        }
        w.release(scratch);
    }

    /**
     * The same sum for 2 to 4 inputs in one pass: each row's running sum and compensation stay
     * in registers instead of being written and re-read once per input. Every row goes through
     * the same operations in the same order as in {@link #sum} (the compensation starts at 0
     * and each error is added to it), so the results are the same bits.
     */
    private static void fusedSum(int n, Buf[] in, double[] s, double div) {
        double[] y1 = in[1].v;
        if (in.length == 2) {
            for (int i = 0; i < n; i++) {
                double si = s[i];
                double c = 0.0;
                double yi = y1[i];
                double t = si + yi;
                c += Sum.twoSumError(si, yi, t);
                s[i] = (t + c) / div;
            }
            return;
        }
        double[] y2 = in[2].v;
        if (in.length == 3) {
            for (int i = 0; i < n; i++) {
                double si = s[i];
                double c = 0.0;
                double yi = y1[i];
                double t = si + yi;
                c += Sum.twoSumError(si, yi, t);
                si = t;
                yi = y2[i];
                t = si + yi;
                c += Sum.twoSumError(si, yi, t);
                s[i] = (t + c) / div;
            }
            return;
        }
        double[] y3 = in[3].v;
        for (int i = 0; i < n; i++) {
            double si = s[i];
            double c = 0.0;
            double yi = y1[i];
            double t = si + yi;
            c += Sum.twoSumError(si, yi, t);
            si = t;
            yi = y2[i];
            t = si + yi;
            c += Sum.twoSumError(si, yi, t);
            si = t;
            yi = y3[i];
            t = si + yi;
            c += Sum.twoSumError(si, yi, t);
            s[i] = (t + c) / div;
        }
    }
}
