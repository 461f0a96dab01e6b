package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.calc.KpiResult;
import org.citykpi.calc.KpiResult.Cause;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.junit.jupiter.api.Test;

/** The branch-free kernels of the engine give the same answers as the plain definitions. */
class KernelsTest {
    private static final Period Y = Period.year(2021);

    @Test
    void withinSaysYesOnlyWhenEveryValueIsInRange() {
        double[] v = {0, 3, 7.5, 1e300};
        assertTrue(Worker.within(v, 4, 0, Double.POSITIVE_INFINITY));
        assertTrue(Worker.within(v, 3, 0, 7.5)); // bounds are inclusive; v[3] is past n
        assertFalse(Worker.within(v, 4, 0, 7.5)); // 1e300 > 7.5
        assertFalse(Worker.within(v, 4, 0.5, Double.POSITIVE_INFINITY)); // 0 < 0.5
        assertTrue(Worker.within(v, 4, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        // −0 is in [0, ∞) but its sign bit makes the quick test say no; the exact mask then decides
        assertFalse(Worker.within(new double[] {-0.0}, 1, 0, 1));
    }

    @Test
    void negativeZeroInRangeIsStillAValue() {
        // the quick test says no for −0, the exact check must then accept it (−0 ≥ 0)
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("x", "count").withRange(0, 10))
                .indicator(Indicator.of("K", "k", "%", Direction.HIGHER, "x + 1"))
                .build();
        Dataset.Builder b = Dataset.builder();
        b.add("a", Y, "x", -0.0);
        b.add("b", Y, "x", 11);
        Results r = Engine.create(c).evaluate(b.build(), 1);
        assertEquals(1.0, r.value(r.dataset().row("a", Y), "K")); // −0 + 1 = 1 by hand
        assertEquals(
                Cause.INVALID_INPUT, ((KpiResult.NotAvailable) r.get(r.dataset().row("b", Y), "K")).cause());
    }

    /** Neumaier's compensated sum as the engine computed it before the branch-free form. */
    private static double neumaier(double... x) {
        double s = x[0];
        double comp = 0;
        for (int k = 1; k < x.length; k++) {
            double t = s + x[k];
            comp += Math.abs(s) >= Math.abs(x[k]) ? (s - t) + x[k] : (x[k] - t) + s;
            s = t;
        }
        return s + comp;
    }

    @Test
    void compensatedSumIsBitForBitNeumaiers() {
        // seeded values over 30 orders of magnitude, both signs, some exact cancellations and zeros
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", "n"))
                .variable(Variable.of("b", "n"))
                .variable(Variable.of("c", "n"))
                .variable(Variable.of("d", "n"))
                .indicator(Indicator.of("S", "s", "n", Direction.HIGHER, "sum(a, b, c, d)"))
                .build();
        SplittableRandom rnd = new SplittableRandom(2026);
        int rows = 3000;
        double[][] x = new double[rows][4];
        Dataset.Builder b = Dataset.builder();
        String[] names = {"a", "b", "c", "d"};
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < 4; k++) {
                double m = Math.pow(10, rnd.nextInt(-15, 16)) * (rnd.nextBoolean() ? 1 : -1);
                x[r][k] = rnd.nextInt(10) == 0 ? 0 : m * rnd.nextDouble();
            }
            if (r % 7 == 0) {
                x[r][2] = -x[r][0]; // exact cancellation
            }
            for (int k = 0; k < 4; k++) {
                b.add(String.format("e%05d", r), Y, names[k], x[r][k]);
            }
        }
        Results res = Engine.create(c).evaluate(b.build(), 1);
        for (int r = 0; r < rows; r++) {
            int row = res.dataset().row(String.format("e%05d", r), Y);
            double expected = neumaier(x[r]);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(res.value(row, "S")), "row " + r);
        }
    }

    @Test
    void overflowAndDivisionByZeroAreFoundInEveryWordPosition() {
        // 130 rows: more than two 64-row words; every 13th row divides by zero, every 17th overflows
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("x", "n"))
                .variable(Variable.of("y", "n"))
                .indicator(Indicator.of("Q", "q", "n", Direction.HIGHER, "x / y"))
                .indicator(Indicator.of("P", "p", "n", Direction.HIGHER, "x * 1e300"))
                .build();
        Dataset.Builder b = Dataset.builder();
        for (int r = 0; r < 130; r++) {
            String e = String.format("e%03d", r);
            b.add(e, Y, "x", r % 17 == 0 ? 1e300 : r + 1);
            b.add(e, Y, "y", r % 13 == 0 ? 0 : 2);
        }
        Results res = Engine.create(c).evaluate(b.build(), 1);
        for (int r = 0; r < 130; r++) {
            int row = res.dataset().row(String.format("e%03d", r), Y);
            KpiResult q = res.get(row, "Q");
            KpiResult p = res.get(row, "P");
            if (r % 13 == 0) {
                assertEquals(Cause.DIVISION_BY_ZERO, ((KpiResult.NotAvailable) q).cause(), "Q row " + r);
            } else {
                // by hand: x / 2
                assertEquals((r % 17 == 0 ? 1e300 : r + 1) / 2.0, res.value(row, "Q"), "Q row " + r);
            }
            if (r % 17 == 0) {
                // 1e300 · 1e300 overflows to infinity
                assertEquals(Cause.OUT_OF_RANGE, ((KpiResult.NotAvailable) p).cause(), "P row " + r);
            } else {
                assertTrue(p instanceof KpiResult.Value, "P row " + r);
            }
        }
    }
}
