package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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

/**
 * Nodes skip the row-by-row non-finite check when the bounds of their inputs on the dataset show
 * that no value can overflow; skipping must never change a result.
 */
class BoundsTest {
    private static final Period Y = Period.year(2021);

    private static Program program(String... formulas) {
        Catalog.Builder b = Catalog.builder("t", "1");
        for (String v : new String[] {"a", "b", "c"}) {
            b.variable(Variable.of(v, "n"));
        }
        b.variable(Variable.of("pos", "n").withRange(1, Double.POSITIVE_INFINITY));
        for (int k = 0; k < formulas.length; k++) {
            b.indicator(Indicator.of("K" + k, "k", "n", Direction.HIGHER, formulas[k]));
        }
        return new Program(b.build());
    }

    /** Row 0: a = 1e6, b = 0, c = −3, pos = 0.5 (outside its range [1, ∞)); row 1: a = 2, b = 4, c = 1e300, pos = 2. */
    private static Dataset data() {
        Dataset.Builder b = Dataset.builder();
        b.add("r0", Y, "a", 1e6);
        b.add("r0", Y, "b", 0);
        b.add("r0", Y, "c", -3);
        b.add("r0", Y, "pos", 0.5);
        b.add("r1", Y, "a", 2);
        b.add("r1", Y, "b", 4);
        b.add("r1", Y, "c", 1e300);
        b.add("r1", Y, "pos", 2);
        return b.build();
    }

    @Test
    void marksOnlyTheNodesThatMayOverflow() {
        // Node ids follow compilation order, children before their parent.
        Program p = program(
                "100 * a / b", // 0: 100, 1: a, 2: 100 * a ∈ [200, 1e8], 3: b, 4: division by b ∈ [0, 4]
                "a / pos", // 5: a, 6: pos ∈ [2, 2] (0.5 has no value), 7: a / pos ∈ [1, 5e5]
                "a * c", // 8, 9, 10: a * c reaches 1e306 < MAX: no check
                "c * c", // 11, 12, 13: 1e600 overflows: check
                "100 - K0", // 14: 100, 15: K0 ∈ [−MAX, MAX], 16: 100 − K0 rounds within ±MAX: no check
                "sum(a, c, c)", // 17, 18, 19, 20: 2e300 ≤ 2^1000: no check
                "abs(c) + not(b)", // 21 c, 22 abs, 23 b, 24 not, 25 +: no checks
                "-a * 1e303"); // 26 a, 27 −a, 28 1e303, 29 product −1e309: check
        boolean[] check = p.checks(p.columns(data()));
        boolean[] expected = new boolean[30];
        expected[4] = true;
        expected[13] = true;
        expected[29] = true;
        assertArrayEquals(expected, check);
    }

    @Test
    void anOverflowIsStillFoundWhereTheBoundsAllowOne() {
        Program p = program("c * c");
        assertTrue(p.checks(p.columns(data()))[2]);
        Results r = Engine.create(p.catalog).evaluate(data(), 1);
        // row 0: (−3)² = 9 by hand; row 1: (1e300)² overflows
        assertEquals(9, r.value(0, "K0"));
        assertEquals(Cause.OUT_OF_RANGE, ((KpiResult.NotAvailable) r.get(1, "K0")).cause());
    }

    @Test
    void aMissingDenominatorNeedsNoCheckWhenItsValuesAreNonZero() {
        Program p = program("a / pos");
        assertFalse(p.checks(p.columns(data()))[2]);
    }

    /**
     * Seeded property: over random formulas and data (zeros, tiny and huge values, missing cells,
     * values outside a variable's range), every value bit, cause and detail is the same whether
     * the nodes check as the bounds say or all check.
     */
    @Test
    void skippingChecksNeverChangesAResult() {
        String[] shapes = {
            "A / B",
            "100 * A / B",
            "A * B",
            "A + B - C",
            "-A",
            "1e300 * A",
            "A * B * C",
            "sum(A, B, C)",
            "mean(A, B)",
            "min(A, B) * 1e300",
            "max(A, B, C)",
            "abs(A) * B",
            "clamp(A, 0, 100)",
            "if(A > B, C, D)",
            "if(A <= 0, na(), A)",
            "not(A) + and(A, B)",
            "100 - P",
            "P * 1e200",
            "P / A",
            "1 / A",
            "5 - A",
            "A / 3",
            "sum(P, A) / B",
            "1e308 + A * 1e308",
            "mean(A, B, C, D) * P"
        };
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 8; trial++) {
            Catalog.Builder cb = Catalog.builder("t", "1");
            int vars = 6;
            for (int v = 0; v < vars; v++) {
                Variable var = Variable.of("v" + v, "n");
                cb.variable(v % 3 == 0 ? var.withRange(0, 1e6) : var);
            }
            for (int k = 0; k < 20; k++) {
                String f = shapes[rnd.nextInt(shapes.length)].replace("P", k == 0 ? "v0" : "K" + rnd.nextInt(k));
                for (String x : new String[] {"A", "B", "C", "D"}) {
                    f = f.replace(x, "v" + rnd.nextInt(vars));
                }
                Indicator ind = Indicator.of("K" + k, "k", "n", Direction.HIGHER, f);
                cb.indicator(rnd.nextBoolean() ? ind : ind.withRange(-100, 100));
            }
            Program p = new Program(cb.build());
            Dataset.Builder db = Dataset.builder();
            int rows = 1500;
            for (int r = 0; r < rows; r++) {
                for (int v = 0; v < vars; v++) {
                    if (rnd.nextInt(10) == 0) {
                        continue;
                    }
                    double x;
                    switch (trial % 2 == 0 ? rnd.nextInt(6) : 5) {
                        case 0:
                            x = 0;
                            break;
                        case 1:
                            x = -rnd.nextDouble() * 1e3;
                            break;
                        case 2:
                            x = rnd.nextDouble() * 1e-300;
                            break;
                        case 3:
                            x = rnd.nextDouble() * 1e300;
                            break;
                        default:
                            x = 1 + rnd.nextDouble() * 1e6; // trials 1, 3, …: only these, most checks skipped
                    }
                    db.add(String.format("e%05d", r), Y, "v" + v, x);
                }
            }
            Dataset d = db.build();
            Results.Store skipping = run(p, d, false);
            Results.Store checking = run(p, d, true);
            for (int out = 0; out < p.outputCount(); out++) {
                for (int row = 0; row < d.rowCount(); row++) {
                    assertEquals(
                            Double.doubleToRawLongBits(checking.value(out, row)),
                            Double.doubleToRawLongBits(skipping.value(out, row)),
                            () -> "value bits");
                }
            }
            for (int k = 0; k < checking.causes.length; k++) {
                assertArrayEquals(checking.causes[k], skipping.causes[k], "causes of output/chunk " + k);
            }
        }
    }

    private static Results.Store run(Program p, Dataset d, boolean checkAll) {
        Results.Store s = new Results.Store(p.outputCount(), p.rules.length, d.rowCount());
        Worker w = new Worker(p, p.columns(d), p.reported(d), s);
        if (checkAll) {
            Arrays.fill(w.check, true);
        }
        for (int from = 0; from < d.rowCount(); from += Program.CHUNK) {
            w.chunk(from, Math.min(Program.CHUNK, d.rowCount() - from));
        }
        return s;
    }
}
