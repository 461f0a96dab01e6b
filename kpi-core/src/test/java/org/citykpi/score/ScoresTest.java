package org.citykpi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.calc.Formula;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.junit.jupiter.api.Test;

/**
 * Columnar scores against values worked out by hand. Two cities in 2022:
 *
 * <ul>
 *   <li>BB, fixed broadband, higher is better, target 60: "a" reports 45 → 45 / 60 = 75 % → 3 points
 *       ({@code 66-95}; the U4SSC fixed broadband example); "b" reports 20 → 33.33… % → 2 points;
 *   <li>PM, lower is better, target 10: "a" 16 → 10 / 16 = 62.5 % → 2 points; "b" 0 meets the target:
 *       4 points, no attainment (the ratio is infinite);
 *   <li>GAP, a target band at 1: "a" 1.2 → min(1.2, 1 / 1.2) = 83.33… % → 3 points; "b" has no value;
 *   <li>ZERO, higher is better against a target of 0: never scored (attainment undefined);
 *   <li>FREE has no target: nothing is stored for it;
 *   <li>COV has parts 3G and 4G (headline); only COV/4G has a target (100), which COV itself takes:
 *       "a" 4G 96 → 96 % → 4 points; 3G gets no score.
 * </ul>
 */
class ScoresTest {
    private static final Period Y = Period.year(2022);

    private static Results results() {
        Catalog.Builder cb = Catalog.builder("t", "1");
        for (String v : List.of("BB", "PM", "GAP", "ZERO", "FREE", "p3g", "p4g")) {
            cb.variable(Variable.of(v, "%"));
        }
        cb.indicator(Indicator.of("BB", "Fixed broadband", "%", Direction.HIGHER, "BB")
                .withGroups("D", "S", "C"));
        cb.indicator(Indicator.of("PM", "PM2.5", "µg/m³", Direction.LOWER, "PM").withGroups("D", "S", "C"));
        cb.indicator(
                Indicator.of("GAP", "Parity", "ratio", Direction.TARGET, "GAP").withGroups("D", "S", "C"));
        cb.indicator(Indicator.of("ZERO", "Zero target", "%", Direction.HIGHER, "ZERO")
                .withGroups("D", "S", "C"));
        cb.indicator(Indicator.of("FREE", "No target", "%", Direction.HIGHER, "FREE"));
        cb.indicator(Indicator.of("COV", "Coverage", "%", Direction.HIGHER, "p4g")
                .withParts(
                        List.of(
                                Part.of("3G", "3G coverage", "%", Formula.parse("p3g")),
                                Part.of("4G", "4G coverage", "%", Formula.parse("p4g"))),
                        "4G",
                        false));
        Dataset.Builder b = Dataset.builder();
        b.add("a", Y, "BB", 45);
        b.add("a", Y, "PM", 16);
        b.add("a", Y, "GAP", 1.2);
        b.add("a", Y, "ZERO", 5);
        b.add("a", Y, "FREE", 7);
        b.add("a", Y, "p3g", 99);
        b.add("a", Y, "p4g", 96);
        b.add("b", Y, "BB", 20);
        b.add("b", Y, "PM", 0);
        b.add("b", Y, "ZERO", 5);
        return Engine.create(cb.build()).evaluate(b.build());
    }

    private static TargetSet targets() {
        return TargetSet.of(List.of(
                Target.of("BB", 60),
                Target.of("PM", 10),
                Target.of("GAP", 1),
                Target.of("ZERO", 0),
                Target.of("COV/4G", 100)));
    }

    private static int row(Results r, String entity) {
        return r.dataset().row(entity, Y);
    }

    @Test
    void holdsTheHandWorkedScores() {
        Results r = results();
        Scores s = U4sscScoring.score(r, targets());
        int a = row(r, "a");
        int b = row(r, "b");
        assertEquals(75, s.attainment(a, "BB").getAsDouble(), 1e-12);
        assertEquals(OptionalInt.of(3), s.points(a, "BB"));
        assertEquals(Optional.of(Band.B66_95), s.band(a, "BB"));
        assertEquals(100.0 / 3, s.attainment(b, "BB").getAsDouble(), 1e-12);
        assertEquals(Optional.of(Band.B33_66), s.band(b, "BB"));
        assertEquals(62.5, s.attainment(a, "PM").getAsDouble(), 1e-12);
        assertEquals(OptionalInt.of(2), s.points(a, "PM"));
        assertEquals(OptionalDouble.empty(), s.attainment(b, "PM"), "0 where lower is better: no ratio");
        assertEquals(OptionalInt.of(4), s.points(b, "PM"));
        assertEquals(Optional.of(Band.B95_PLUS), s.band(b, "PM"));
        assertEquals(100 / 1.2, s.attainment(a, "GAP").getAsDouble(), 1e-12);
        assertEquals(OptionalInt.of(3), s.points(a, "GAP"));
        assertFalse(s.isScored(b, "GAP"), "no value");
        assertTrue(s.target(("GAP")).isPresent());
        for (int row : new int[] {a, b}) {
            assertFalse(s.isScored(row, "ZERO"), "target 0 where higher is better");
            assertEquals(OptionalDouble.empty(), s.attainment(row, "ZERO"));
            assertFalse(s.isScored(row, "FREE"));
            assertEquals(Optional.empty(), s.target("FREE"));
            assertEquals(Optional.empty(), s.band(row, "FREE"));
            assertFalse(s.isScored(row, "COV/3G"));
        }
        assertEquals(100, s.target("COV").orElseThrow().value(), "the headline part's target");
        assertEquals(96, s.attainment(a, "COV").getAsDouble(), 1e-12);
        assertEquals(OptionalInt.of(4), s.points(a, "COV/4G"));
        assertEquals(Optional.of(Band.B95_PLUS), s.band(a, "COV"));
    }

    @Test
    void everyCellAgreesWithScoringItsValueAlone() {
        Results r = results();
        Scores s = U4sscScoring.score(r, targets());
        int n = 0;
        for (ScoredResult c : s.cells()) {
            n++;
            Optional<Target> t = c.target();
            if (t.isPresent() && c.result() instanceof KpiResult.Value v) {
                KpiScore one = U4sscScoring.score(
                        v.value(), t.get().value(), r.catalog().owner(c.kpi()).direction());
                assertEquals(one.attainment(), c.attainment(), c.toString());
                assertEquals(one.points(), c.points(), c.toString());
                assertEquals(one.band(), c.band(), c.toString());
            } else {
                assertFalse(c.points().isPresent(), c.toString());
            }
        }
        assertEquals(2 * r.outputs().size(), n, "one cell per row and output");
    }

    @Test
    void cellsComeRowByRowInOutputOrderWithTheirLabels() {
        Results r = results();
        Scores s = U4sscScoring.score(r, targets());
        List<String> seen = new ArrayList<>();
        for (ScoredResult c : s.cells(List.of("COV", "BB", "COV/4G", "BB"))) {
            seen.add(c.entity() + " " + c.kpi());
        }
        // presentation order (BB before COV and its part), whatever the order asked, each output once
        assertEquals(List.of("a BB", "a COV", "a COV/4G", "b BB", "b COV", "b COV/4G"), seen);
        ScoredResult c = s.cell(row(r, "a"), "COV/4G");
        assertEquals("Coverage: 4G coverage", c.name());
        assertEquals("%", c.unit());
        assertEquals(Y, c.period());
        assertEquals(row(r, "a"), c.row());
        assertEquals("p4g", c.formula());
        assertEquals(new KpiResult.Value(96, KpiResult.Provenance.COMPUTED), c.result());
        assertEquals(c, s.cell(row(r, "a"), "COV/4G"));
        assertEquals(c.hashCode(), s.cell(row(r, "a"), "COV/4G").hashCode());
        assertFalse(c.equals(s.cell(row(r, "b"), "COV/4G")));
        assertEquals("a 2022 COV/4G: ok", c.toString());
        assertFalse(s.cells(List.of()).iterator().hasNext());
        assertThrows(
                java.util.NoSuchElementException.class,
                () -> s.cells(List.of()).iterator().next());
        assertThrows(IllegalArgumentException.class, () -> s.cells(List.of("NOPE")));
        assertThrows(IndexOutOfBoundsException.class, () -> s.points(2, "BB"));
        assertEquals(r, s.results());
        assertEquals(2, s.rowCount());
        assertEquals(r.outputs(), s.outputs());
    }

    /**
     * BB, PM, GAP and ZERO form one category: "a" earns 3 + 2 + 3 of 4 × 3 = 8 / 12 = 66.67 % →
     * {@code 66-95}; "b" earns 2 + 4 (GAP has no value) of 4 × 2 = 6 / 8 = 75 %; ZERO is never scored.
     */
    @Test
    void rollsUpFromTheStoredPoints() {
        Scores s = U4sscScoring.score(results(), targets());
        List<GroupScore> g = U4sscScoring.rollUp(s);
        assertEquals(6, g.size(), "category, sub-dimension and dimension for each of two rows");
        GroupScore a = g.get(0);
        assertEquals("a", a.entity());
        assertEquals(GroupScore.Level.CATEGORY, a.level());
        assertEquals(4, a.kpisTotal());
        assertEquals(3, a.kpisScored());
        assertEquals(8, a.points());
        assertEquals(200.0 / 3, a.scorePercent().getAsDouble(), 1e-12);
        assertEquals(Optional.of(Band.B66_95), a.band());
        GroupScore b = g.get(3);
        assertEquals("b", b.entity());
        assertEquals(2, b.kpisScored());
        assertEquals(6, b.points());
        assertEquals(75, b.scorePercent().getAsDouble(), 1e-12);
        assertEquals(5, s.targets().size());
    }
}
