package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.junit.jupiter.api.Test;

/** An index built straight from computed KPIs ({@link IndexData#from}). */
class FromResultsTest {
    static Results results() {
        Catalog catalog = Catalog.builder("t", "1")
                .variable(Variable.of("a", "persons"))
                .variable(Variable.of("b", "count"))
                .variable(Variable.of("pop", "persons"))
                .indicator(Indicator.of("X", "Share of a", "%", Direction.HIGHER, "100 * a / pop"))
                .indicator(Indicator.of("Y", "b as given", "count", Direction.HIGHER, "b"))
                .build();
        Dataset.Builder d = Dataset.builder();
        Period y = Period.year(2023);
        d.add("e1", y, "a", 10);
        d.add("e1", y, "b", 4);
        d.add("e1", y, "pop", 100);
        d.add("e2", y, "a", 30);
        d.add("e2", y, "b", 2);
        d.add("e2", y, "pop", 100);
        d.add("e3", y, "a", 20);
        d.add("e3", y, "b", 6);
        d.add("e3", y, "pop", 0); // X: division by zero, so missing in the index data
        return Engine.create(catalog).evaluate(d.build());
    }

    @Test
    void takesValuesAndLeavesCellsWithoutOneMissing() {
        IndexData data = IndexData.from(results(), List.of("X", "Y"));
        assertEquals(List.of("e1", "e2", "e3"), data.units());
        assertEquals(List.of("2023"), data.periods());
        assertEquals(List.of("X", "Y"), data.indicators());
        // X = 100 * a / pop: e1 100*10/100 = 10, e2 100*30/100 = 30
        assertEquals(10.0, data.value(0, "X"), 1e-12);
        assertEquals(30.0, data.value(1, "X"), 1e-12);
        assertFalse(data.isPresent(2, "X"));
        assertEquals(6.0, data.value(2, "Y"), 1e-12);
    }

    @Test
    void buildsAnIndexOnTheKpis() {
        Hierarchy tree = Hierarchy.of(
                List.of(Node.indicator("X", "I", 1), Node.indicator("Y", "I", 1), Node.aggregate("I", 2, null)));
        IndexResult r = CompositeIndex.of(tree, IndexData.from(results(), List.of("X", "Y")))
                .build(Pipeline.defaults());
        // Hand calculation, min-max to [0, 100]: X over {10, 30} -> e1 0, e2 100, e3 missing;
        // Y over {4, 2, 6} -> e1 50, e2 0, e3 100. I = mean of the children present: 25, 50, 100.
        assertEquals(25.0, r.value("e1", "I").getAsDouble(), 1e-12);
        assertEquals(50.0, r.value("e2", "I").getAsDouble(), 1e-12);
        assertEquals(100.0, r.value("e3", "I").getAsDouble(), 1e-12);
        assertEquals(1, r.rank("e3", "I").getAsInt());
        assertEquals(3, r.rank("e1", "I").getAsInt());
    }

    @Test
    void rejectsUnknownOrRepeatedOutputs() {
        Results res = results();
        assertThrows(IllegalArgumentException.class, () -> IndexData.from(res, List.of()));
        assertThrows(IllegalArgumentException.class, () -> IndexData.from(res, List.of("X", "X")));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IndexData.from(res, List.of("NOPE")));
        assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
    }
}
