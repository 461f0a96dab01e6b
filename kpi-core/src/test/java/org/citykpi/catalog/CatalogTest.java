package org.citykpi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.citykpi.Variable;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static Catalog.Builder base() {
        return Catalog.builder("t", "1").variable(Variable.of("a", "")).variable(Variable.of("b", ""));
    }

    @Test
    void unknownNameIsAnErrorNamingTheIndicator() {
        CatalogException e = assertThrows(
                CatalogException.class,
                () -> base().indicator(Indicator.of("K", "k", "", Direction.HIGHER, "a / c"))
                        .build());
        assertEquals("K", e.subject());
        assertTrue(e.getMessage().contains("indicator K: formula 'a / c' names 'c'"), e.getMessage());
    }

    @Test
    void duplicateIdsAreErrors() {
        CatalogException e = assertThrows(
                CatalogException.class,
                () -> base().indicator(Indicator.of("K", "k", "", Direction.HIGHER, "a"))
                        .indicator(Indicator.of("K", "k2", "", Direction.HIGHER, "b")));
        assertTrue(e.getMessage().contains("indicator K is defined twice"), e.getMessage());
        assertThrows(CatalogException.class, () -> base().variable(Variable.of("a", "")));
        CatalogException codes = assertThrows(
                CatalogException.class,
                () -> base().indicator(Indicator.of("K", "k", "", Direction.HIGHER, "a")
                                .withCode("C1"))
                        .indicator(Indicator.of("L", "l", "", Direction.HIGHER, "b")
                                .withCode("C1"))
                        .build());
        assertTrue(codes.getMessage().contains("code 'C1'"), codes.getMessage());
    }

    @Test
    void cyclesAreErrorsThatShowThePath() {
        CatalogException e = assertThrows(
                CatalogException.class,
                () -> base().indicator(Indicator.of("A", "a", "", Direction.HIGHER, "B + 1"))
                        .indicator(Indicator.of("B", "b", "", Direction.HIGHER, "C * 2"))
                        .indicator(Indicator.of("C", "c", "", Direction.HIGHER, "A - a"))
                        .build());
        assertTrue(e.getMessage().contains("depends on itself: A -> B -> C -> A"), e.getMessage());
    }

    @Test
    void selfReferenceMakesAReportedOnlyIndicator() {
        Catalog c = base().indicator(Indicator.of("PM25", "pm", "ug/m3", Direction.LOWER, "PM25"))
                .build();
        assertTrue(c.indicator("PM25").orElseThrow().isReportedOnly());
    }

    @Test
    void evaluationOrderPutsDependenciesFirst() {
        Catalog c = base().indicator(Indicator.of("Z", "z", "", Direction.HIGHER, "Y + X"))
                .indicator(Indicator.of("Y", "y", "", Direction.HIGHER, "X * 2"))
                .indicator(Indicator.of("X", "x", "", Direction.HIGHER, "a + b"))
                .build();
        List<String> order = c.evaluationOrder();
        assertTrue(
                order.indexOf("X") < order.indexOf("Y") && order.indexOf("Y") < order.indexOf("Z"), order.toString());
        assertEquals(List.of("Z", "Y", "X"), c.outputs());
    }

    @Test
    void namesResolveByIdOrCodeAndOnlyKeepsDependencies() {
        Catalog c = base().indicator(
                        Indicator.of("X", "x", "", Direction.HIGHER, "a + b").withCode("EC: X: 1C"))
                .indicator(Indicator.of("Y", "y", "", Direction.HIGHER, "`EC: X: 1C` * 2"))
                .indicator(Indicator.of("W", "w", "", Direction.HIGHER, "b"))
                .build();
        assertEquals("X", c.indicator(" EC: X: 1C ").orElseThrow().id());
        assertEquals(List.of("X", "Y"), c.only(List.of("Y")).outputs(), "catalog order, W left out");
        assertThrows(IllegalArgumentException.class, () -> c.only(List.of("nope")));
    }

    @Test
    void mergeJoinsCatalogsAndRejectsClashes() {
        Catalog one = base().indicator(Indicator.of("X", "x", "", Direction.HIGHER, "a"))
                .build();
        Catalog two = Catalog.builder("u", "2")
                .variable(Variable.of("a", ""))
                .variable(Variable.of("c", ""))
                .indicator(Indicator.of("Y", "y", "", Direction.HIGHER, "a + c"))
                .build();
        Catalog m = one.merge(two);
        assertEquals("t+u", m.id());
        assertEquals(
                List.of("a", "b", "c"), m.variables().stream().map(Variable::id).toList());
        assertEquals(List.of("X", "Y"), m.outputs());
        assertThrows(CatalogException.class, () -> one.merge(one));
        Catalog clash =
                Catalog.builder("v", "1").variable(Variable.of("a", "persons")).build();
        assertThrows(CatalogException.class, () -> one.merge(clash));
    }
}
