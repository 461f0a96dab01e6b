package org.citykpi.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private static final Period Y1 = Period.year(2021);
    private static final Period Y2 = Period.year(2022);

    @Test
    void sortsRowsByEntityThenPeriod() {
        Dataset.Builder b = Dataset.builder();
        b.add("b", Y2, "x", 1);
        b.add("a", Y2, "x", 2);
        b.add("b", Y1, "y", 3);
        b.row("c", Y1);
        Dataset d = b.build();
        assertEquals(4, d.rowCount());
        assertEquals(List.of("a", "b", "b", "c"), List.of(d.entity(0), d.entity(1), d.entity(2), d.entity(3)));
        assertEquals(Y1, d.period(1));
        assertEquals(List.of("a", "b", "c"), d.entities());
        assertEquals(List.of(Y1, Y2), d.periods());
        assertEquals(List.of("x", "y"), d.variables());
        assertEquals(OptionalDouble.of(3), d.value("b", Y1, "y"));
        assertEquals(OptionalDouble.empty(), d.value("b", Y1, "x"));
        assertFalse(d.column("x").isPresent(d.row("c", Y1)));
        assertEquals(3, d.observationCount());
        // x holds 1 (b 2022) and 2 (a 2022); c 2021 has no x, which must not count as 0.
        assertEquals(1, d.column("x").min(), 0);
        assertEquals(2, d.column("x").max(), 0);
    }

    @Test
    void duplicatePoliciesKeepFirstLastOrSum() {
        assertEquals(1, withDuplicate(DuplicatePolicy.ERROR), 0);
        assertEquals(1, withDuplicate(DuplicatePolicy.FIRST), 0);
        assertEquals(5, withDuplicate(DuplicatePolicy.LAST), 0);
        assertEquals(6, withDuplicate(DuplicatePolicy.SUM), 0);
    }

    private static double withDuplicate(DuplicatePolicy p) {
        Dataset.Builder b = Dataset.builder().duplicates(p);
        int e = b.entity("a");
        int y = b.period(Y1);
        int v = b.variable("x");
        assertEquals(Dataset.Added.NEW, b.add(e, y, v, 1, 7));
        Dataset.Added second = b.add(e, y, v, 5, 9);
        assertEquals(7, b.conflictOrigin(), "origin of the first value, to name both lines");
        assertEquals(p == DuplicatePolicy.ERROR ? Dataset.Added.REJECTED_DUPLICATE : second, second);
        return b.build().value("a", Y1, "x").getAsDouble();
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.builder().add("a", Y1, "x", Double.NaN));
        assertThrows(
                IllegalArgumentException.class, () -> Dataset.builder().add("a", Y1, "x", Double.POSITIVE_INFINITY));
    }

    @Test
    void slicesByEntityPeriodAndRows() {
        Dataset.Builder b = Dataset.builder();
        for (int i = 0; i < 200; i++) {
            b.add("e" + (1000 + i), i % 2 == 0 ? Y1 : Y2, "x", i);
        }
        Dataset d = b.build();
        Dataset y1 = d.slicePeriods(Y1::equals);
        assertEquals(100, y1.rowCount());
        assertTrue(y1.periods().equals(List.of(Y1)));
        Dataset two = d.sliceEntities(List.of("e1003", "e1150"));
        assertEquals(OptionalDouble.of(150), two.value("e1150", Y1, "x"));
        Dataset chunk = d.rows(64, 130);
        assertEquals(66, chunk.rowCount());
        assertEquals(d.entity(64), chunk.entity(0));
        assertEquals(d.column("x").get(129), chunk.column("x").get(65), 0);
    }
}
