package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.junit.jupiter.api.Test;

/** Sums and means of 2 to 4 inputs take one fused pass; they must give the bits of one pass per input. */
class FusedSumTest {
    /** The compensated sum as computed one input at a time (the engine's general path), then / div. */
    private static double reference(double[] x, double div) {
        double s = x[0];
        double comp = 0;
        for (int k = 1; k < x.length; k++) {
            double t = s + x[k];
            double bp = t - s;
            comp += (s - (t - bp)) + (x[k] - bp);
            s = t;
        }
        return (s + comp) / div;
    }

    @Test
    void fusedSumsAreBitForBitThePassPerInputSums() {
        String[] names = {"a", "b", "c", "d", "e"};
        Catalog.Builder cb = Catalog.builder("t", "1");
        for (String v : names) {
            cb.variable(Variable.of(v, "n"));
        }
        String[] formulas = {
            "sum(a, b)",
            "sum(a, b, c)",
            "sum(a, b, c, d)",
            "sum(a, b, c, d, e)",
            "mean(a, b)",
            "mean(a, b, c)",
            "mean(a, b, c, d)"
        };
        int[] arity = {2, 3, 4, 5, 2, 3, 4};
        for (int k = 0; k < formulas.length; k++) {
            cb.indicator(Indicator.of("S" + k, "s", "n", Direction.HIGHER, formulas[k]));
        }
        SplittableRandom rnd = new SplittableRandom(11);
        int rows = 2000;
        double[][] x = new double[rows][5];
        Dataset.Builder b = Dataset.builder();
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < 5; k++) {
                double m = Math.pow(10, rnd.nextInt(-15, 16)) * (rnd.nextBoolean() ? 1 : -1);
                int pick = rnd.nextInt(12);
                x[r][k] =
                        pick == 0 ? 0 : pick == 1 ? -0.0 : pick == 2 ? -x[r][Math.max(0, k - 1)] : m * rnd.nextDouble();
                b.add(String.format("e%05d", r), Period.year(2021), names[k], x[r][k]);
            }
        }
        Results res = Engine.create(cb.build()).evaluate(b.build(), 1);
        for (int k = 0; k < formulas.length; k++) {
            double div = formulas[k].startsWith("mean") ? arity[k] : 1;
            for (int r = 0; r < rows; r++) {
                double[] args = java.util.Arrays.copyOf(x[r], arity[k]);
                assertEquals(
                        Double.doubleToRawLongBits(reference(args, div)),
                        Double.doubleToRawLongBits(res.value(r, "S" + k)),
                        formulas[k] + " row " + r);
            }
        }
    }
}
