package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.calc.KpiResult;
import org.citykpi.calc.KpiResult.Cause;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.junit.jupiter.api.Test;

/** The result store: outputs grouped into shared arrays, detail ids kept only for cells without a value. */
class ResultStoreTest {
    private static final Period Y = Period.year(2021);

    @Test
    void groupsChunksWithoutOverlap() {
        // 3 outputs × 5,000 rows: chunks of 1,024, 1,024, 1,024, 1,024 and 904 rows; at most
        // 7,000 cells per array: 2 chunks of 3 × 1,024 = 3,072 cells each, 3 arrays
        Results.Store s = new Results.Store(3, 0, 5000, new boolean[3], 7000);
        assertSame(s.values(0), s.values(1));
        assertNotSame(s.values(1), s.values(2));
        assertEquals(6144, s.values(0).length);
        assertEquals(3 * 904, s.values(4).length); // the last array holds the short chunk alone
        assertEquals(1024, s.base(1, 0));
        assertEquals(3072 + 2048, s.base(2, 1));
        assertEquals(904, s.base(1, 4)); // outputs of the short chunk follow each other at 904
        for (int out = 0; out < 3; out++) {
            for (int row = 0; row < 5000; row++) {
                int chunk = row / 1024;
                double[] v = s.values(chunk);
                int at = s.base(out, chunk) + row % 1024;
                v[at] = out * 10_000 + row;
            }
        }
        for (int out = 0; out < 3; out++) {
            for (int row = 0; row < 5000; row++) {
                // read back after all writes: two cells sharing a place would show here
                assertEquals(out * 10_000 + row, s.value(out, row));
            }
        }
        // a chunk bigger than the limit still gets an array of its own
        Results.Store big = new Results.Store(2, 0, 3000, new boolean[2], 10);
        assertNotSame(big.values(0), big.values(1));
        assertEquals(0, big.base(0, 1));
        assertEquals(1, new Results.Store(0, 0, 1000).chunks); // 1,000 rows: one chunk of 1,024
        assertEquals(0, new Results.Store(4, 0, 0).chunks); // no rows: nothing to allocate
    }

    @Test
    void findsTheDetailOfACellByItsRowInTheChunk() {
        Results.Store s = new Results.Store(1, 0, 3000);
        // chunk 1 (rows 1024…2047): rows 1024, 1500 and 2047 have causes with details 7, 8, 9
        s.causes[1] = new int[] {0, 476, 1023, 7, 8, 9};
        assertEquals(7, s.detail(0, 1024));
        assertEquals(8, s.detail(0, 1500));
        assertEquals(9, s.detail(0, 2047));
        assertEquals(-1, s.detail(0, 1025)); // between two listed rows: has a value
        assertEquals(-1, s.detail(0, 5)); // chunk 0 lists nothing
        assertEquals(3, s.causeCount(0));
        assertFalse(s.reported(0, 1024)); // no reported values for this output
    }

    /** Cells without a value at the edges of chunks keep their cause and detail, also when read by another output. */
    @Test
    void causesAtChunkEdgesSurviveAndTravel() {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", "n"))
                .variable(Variable.of("b", "n"))
                .indicator(Indicator.of("R", "ratio", "%", Direction.HIGHER, "100 * a / b")
                        .withRange(0, 100))
                .indicator(Indicator.of("G", "gap", "%", Direction.LOWER, "100 - R"))
                .build();
        int rows = 3000; // chunks 0…1023, 1024…2047, 2048…2999
        Set<Integer> missingA = Set.of(0, 1023, 2999);
        Set<Integer> zeroB = Set.of(1024, 2047);
        Set<Integer> tooBig = Set.of(2048); // a = 2 b: 200 %, outside [0, 100]
        Dataset.Builder b = Dataset.builder();
        for (int r = 0; r < rows; r++) {
            String e = String.format("e%04d", r); // sorts in row order
            if (!missingA.contains(r)) {
                b.add(e, Y, "a", tooBig.contains(r) ? 20 : 5);
            }
            b.add(e, Y, "b", zeroB.contains(r) ? 0 : 10);
        }
        Results res = Engine.create(c).evaluate(b.build(), 1);
        for (int r = 0; r < rows; r++) {
            KpiResult ratio = res.get(r, "R");
            KpiResult gap = res.get(r, "G");
            if (missingA.contains(r)) {
                assertEquals(new KpiResult.NotAvailable(Cause.MISSING_INPUT, "needs a for 2021"), ratio);
                assertEquals(ratio, gap); // G takes R's cause
            } else if (zeroB.contains(r)) {
                assertEquals(new KpiResult.NotAvailable(Cause.DIVISION_BY_ZERO, "division by zero: b is 0"), ratio);
                assertEquals(ratio, gap);
            } else if (tooBig.contains(r)) {
                // 100 × 20 / 10 = 200 by hand
                assertEquals(
                        new KpiResult.NotAvailable(Cause.OUT_OF_RANGE, "value 200 is outside the valid range [0, 100]"),
                        ratio);
                // G takes R's cause; its detail renders G's own stored value (not checked here)
                assertEquals(Cause.OUT_OF_RANGE, ((KpiResult.NotAvailable) gap).cause());
            } else {
                // 100 × 5 / 10 = 50; 100 − 50 = 50, by hand
                assertEquals(new KpiResult.Value(50, KpiResult.Provenance.COMPUTED), ratio);
                assertEquals(new KpiResult.Value(50, KpiResult.Provenance.COMPUTED), gap);
            }
        }
        // rows past the last are refused, not read from the next output sharing the array
        assertThrows(IndexOutOfBoundsException.class, () -> res.get(rows, "R"));
        assertThrows(IndexOutOfBoundsException.class, () -> res.value(rows, "R"));
        assertThrows(IndexOutOfBoundsException.class, () -> res.isAvailable(-1, "G"));
        assertEquals(rows - 6, res.availableCount("R"));
        assertEquals(rows - 6, res.availableCount("G"));
    }

    @Test
    void chunksWhereEveryRowHasAValueKeepNoDetails() {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", "n"))
                .indicator(Indicator.of("K", "k", "n", Direction.HIGHER, "a + 1"))
                .build();
        Dataset.Builder b = Dataset.builder();
        b.add("x", Y, "a", 1);
        Results.Store s = new Results.Store(1, 0, 1);
        Program p = new Program(c);
        Dataset d = b.build();
        Worker w = new Worker(p, p.columns(d), p.reported(d), s);
        w.chunk(0, 1);
        assertNull(s.causes[0]);
        assertEquals(2, s.value(0, 0)); // 1 + 1
        assertEquals(-1, s.detail(0, 0));
    }

    /** An engine reuses the buffers of its last evaluation: nothing of the previous dataset may show through. */
    @Test
    void anEngineEvaluatesOneDatasetAfterAnotherAsIfFresh() {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", "n"))
                .variable(Variable.of("b", "n"))
                .indicator(Indicator.of("R", "ratio", "%", Direction.HIGHER, "100 * a / b"))
                .indicator(Indicator.of("Y", "yes", "", Direction.HIGHER, "if(R > 50, 1, 0)"))
                .build();
        Dataset.Builder first = Dataset.builder();
        for (int r = 0; r < 2500; r++) {
            first.add(String.format("e%04d", r), Y, "a", r % 7);
            first.add(String.format("e%04d", r), Y, "b", 1 + r % 5);
        }
        Dataset.Builder second = Dataset.builder(); // fewer rows, and no column b at all
        for (int r = 0; r < 1100; r++) {
            second.add(String.format("e%04d", r), Y, "a", r % 3);
        }
        Dataset d1 = first.build();
        Dataset d2 = second.build();
        Engine reused = Engine.create(c);
        reused.evaluate(d1, 1);
        reused.evaluate(d1, 2);
        Results again = reused.evaluate(d2, 1);
        Results fresh = Engine.create(c).evaluate(d2, 1);
        for (int row = 0; row < d2.rowCount(); row++) {
            for (String out : c.outputs()) {
                assertEquals(fresh.get(row, out), again.get(row, out));
            }
            // b is missing everywhere: "needs b for 2021" (Detail.Missing)
            assertEquals(new KpiResult.NotAvailable(Cause.MISSING_INPUT, "needs b for 2021"), again.get(row, "Y"));
        }
        Results back = reused.evaluate(d1, 1);
        Results freshBack = Engine.create(c).evaluate(d1, 1);
        for (int row = 0; row < d1.rowCount(); row++) {
            for (String out : c.outputs()) {
                assertEquals(freshBack.get(row, out), back.get(row, out));
            }
        }
    }
}
