package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.calc.KpiResult;
import org.citykpi.calc.KpiResult.Cause;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * Intermediate results computed into their operand's buffer (chains of operations on pooled
 * buffers) give, row by row, the plain Java arithmetic and the cause of the first input without a
 * value.
 */
class InPlaceTest {
    private static final Period Y = Period.year(2021);

    private record Case(String formula, DoubleBinaryOperator f) {}

    @Test
    void chainsGiveThePlainArithmeticAndTheFirstCause() {
        Case[] cases = {
            new Case("-(a / b) * 2 + a", (a, b) -> -(a / b) * 2 + a),
            new Case("(a - b) / (a + b)", (a, b) -> (a - b) / (a + b)),
            new Case("100 * (a + b) / b", (a, b) -> 100 * (a + b) / b),
            new Case("3 - (a * b - 1)", (a, b) -> 3 - (a * b - 1)),
            new Case("(a * b) / (b - a)", (a, b) -> (a * b) / (b - a)),
        };
        Catalog.Builder cb =
                Catalog.builder("t", "1").variable(Variable.of("a", "n")).variable(Variable.of("b", "n"));
        for (int k = 0; k < cases.length; k++) {
            cb.indicator(Indicator.of("K" + k, "k", "n", Direction.HIGHER, cases[k].formula()));
        }
        SplittableRandom rnd = new SplittableRandom(5);
        int rows = 2500;
        double[][] x = new double[rows][2];
        boolean[][] present = new boolean[rows][2];
        Dataset.Builder db = Dataset.builder();
        for (int r = 0; r < rows; r++) {
            String e = String.format("e%05d", r);
            db.add(e, Y, "other", 0); // keeps the row when a and b are both missing
            for (int v = 0; v < 2; v++) {
                present[r][v] = rnd.nextInt(6) != 0;
                x[r][v] = rnd.nextInt(8) == 0 ? 0 : rnd.nextInt(-1000, 1000) / 8.0;
                if (present[r][v]) {
                    db.add(e, Y, v == 0 ? "a" : "b", x[r][v]);
                }
            }
        }
        Results res = Engine.create(cb.build()).evaluate(db.build(), 1);
        for (int k = 0; k < cases.length; k++) {
            for (int r = 0; r < rows; r++) {
                KpiResult got = res.get(r, "K" + k);
                if (!present[r][0]) {
                    assertEquals(new KpiResult.NotAvailable(Cause.MISSING_INPUT, "needs a for 2021"), got);
                } else if (!present[r][1]) {
                    assertEquals(new KpiResult.NotAvailable(Cause.MISSING_INPUT, "needs b for 2021"), got);
                } else {
                    double want = cases[k].f().applyAsDouble(x[r][0], x[r][1]);
                    if (Double.isFinite(want)) {
                        assertEquals(new KpiResult.Value(want, KpiResult.Provenance.COMPUTED), got, cases[k].formula());
                    } else {
                        // a zero denominator (0 / 0 or x / 0) somewhere in the chain
                        assertEquals(
                                Cause.DIVISION_BY_ZERO, ((KpiResult.NotAvailable) got).cause(), cases[k].formula());
                    }
                }
            }
        }
    }
}
