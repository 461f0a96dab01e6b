package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.calc.Formula;
import org.citykpi.calc.KpiResult;
import org.citykpi.calc.KpiResult.Cause;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;
import org.citykpi.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineTest {
    private static final Period Y = Period.year(2021);

    /** The catalog of the design's compute example: NET, MORT, and GAP which reads NET. */
    private static Catalog smallCatalog() {
        return Catalog.builder("t", "1")
                .variable(Variable.of("hh", "households"))
                .variable(Variable.of("hh_net", "households"))
                .variable(Variable.of("pop", "persons"))
                .variable(Variable.of("deaths", "persons"))
                // GAP first: the engine must still evaluate NET before it.
                .indicator(Indicator.of("GAP", "Offline households", "%", Direction.LOWER, "100 - NET"))
                .indicator(Indicator.of("NET", "Household internet access", "%", Direction.HIGHER, "100 * hh_net / hh"))
                .indicator(Indicator.of(
                        "MORT", "Deaths per 100 000", "per 100 000", Direction.LOWER, "100000 * deaths / pop"))
                .build();
    }

    private static Dataset smallData() {
        Dataset.Builder b = Dataset.builder();
        b.add("a", Y, "hh", 200);
        b.add("a", Y, "hh_net", 150);
        b.add("a", Y, "pop", 50000);
        b.add("a", Y, "deaths", 12);
        b.add("b", Y, "hh", 0);
        b.add("b", Y, "hh_net", 0);
        b.add("b", Y, "pop", 1000);
        return b.build();
    }

    @Test
    void computesExactValuesInDependencyOrder() {
        Results r = Engine.create(smallCatalog()).evaluate(smallData());
        int a = r.dataset().row("a", Y);
        // By hand: 100 * 150 / 200 = 75; 100000 * 12 / 50000 = 24; 100 - 75 = 25.
        assertEquals(75, r.value(a, "NET"), 1e-12);
        assertEquals(24, r.value(a, "MORT"), 1e-12);
        assertEquals(25, r.value(a, "GAP"), 1e-12);
        assertEquals(List.of("GAP", "NET", "MORT"), r.outputs());
    }

    @Test
    void namesTheCauseAndTheVariable() {
        Results r = Engine.create(smallCatalog()).evaluate(smallData());
        int b = r.dataset().row("b", Y);
        KpiResult net = r.get(b, "NET");
        assertEquals(new KpiResult.NotAvailable(Cause.DIVISION_BY_ZERO, "division by zero: hh is 0"), net);
        KpiResult mort = r.get(b, "MORT");
        assertEquals(Cause.MISSING_INPUT, ((KpiResult.NotAvailable) mort).cause());
        assertEquals("needs deaths for 2021", ((KpiResult.NotAvailable) mort).detail());
        // GAP reads NET: it inherits NET's cause.
        assertEquals(Cause.DIVISION_BY_ZERO, ((KpiResult.NotAvailable) r.get(b, "GAP")).cause());
        assertEquals("division_by_zero", r.get(b, "GAP").status());
    }

    @Test
    void explainsAValue() {
        Results r = Engine.create(smallCatalog()).evaluate(smallData());
        Explanation e = r.explain(r.dataset().row("a", Y), "GAP");
        assertEquals("100 - NET", e.formula());
        assertEquals(1, e.inputs().size());
        assertEquals("NET", e.inputs().get(0).name());
        assertEquals(75, e.inputs().get(0).value().getAsDouble(), 1e-12);
        assertEquals(Explanation.Kind.INDICATOR, e.inputs().get(0).kind());
        Explanation n = r.explain(r.dataset().row("a", Y), "NET");
        assertEquals(
                List.of("hh_net", "hh"),
                n.inputs().stream().map(Explanation.Input::name).toList());
        assertTrue(
                n.toString().contains("NET for a 2021 = 75; formula 100 * hh_net / hh; hh_net = 150; hh = 200"),
                n.toString());
    }

    /** One formula over one row with inputs x and y; expected values worked by hand in each row. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                // formula | x | y | expected value | expected cause
                "x / y | 6 | 3 | 2 | -",
                "x / y | 6 | 0 | - | DIVISION_BY_ZERO",
                "x / y | 0 | 0 | - | DIVISION_BY_ZERO",
                "x / y | - | 0 | - | MISSING_INPUT",
                "x * y | 1e200 | 1e200 | - | OUT_OF_RANGE",
                "-x + y | 2 | 5 | 3 | -",
                "min(x, y, 4) | 6 | 5 | 4 | -",
                "max(x, y) | 6 | - | - | MISSING_INPUT",
                "abs(x - y) | 2 | 5 | 3 | -",
                "sum(x, y, 1) | 1e16 | -1e16 | 1 | -",
                "mean(x, y) | 2 | 5 | 3.5 | -",
                "clamp(x, 0, 100) | 120 | 0 | 100 | -",
                "clamp(x, 0, 100) | -3 | 0 | 0 | -",
                "if(x > 0, y / x, 0) | 0 | 5 | 0 | -",
                "if(x > 0, y / x, 0) | 2 | 5 | 2.5 | -",
                "if(x > 0, y, 0) | 2 | - | - | MISSING_INPUT",
                "if(x > 0, 1, y) | 2 | - | 1 | -",
                "if(x > 0, 1, na()) | -1 | 0 | - | NOT_APPLICABLE",
                "and(x, y) | 2 | 0 | 0 | -",
                "or(x, y) | 2 | 0 | 1 | -",
                "not(x) | 0 | 0 | 1 | -",
                "x == y | 3 | 3 | 1 | -",
                "x != y | 3 | 3 | 0 | -",
                "1 / (x - y) | 3 | 3 | - | DIVISION_BY_ZERO",
                "2 - x | 5 | 0 | -3 | -",
                "10 / x | 4 | 0 | 2.5 | -"
            })
    void evaluatesEachBuildingBlock(String formula, Double x, Double y, Double expected, Cause cause) {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("x", ""))
                .variable(Variable.of("y", ""))
                .indicator(Indicator.of("K", "k", "", Direction.HIGHER, formula))
                .build();
        Dataset.Builder b = Dataset.builder().row("e", Y);
        if (x != null) {
            b.add("e", Y, "x", x);
        }
        if (y != null) {
            b.add("e", Y, "y", y);
        }
        KpiResult r = Engine.create(c).evaluate(b.build()).get(0, "K");
        if (cause == null) {
            assertInstanceOf(KpiResult.Value.class, r, r.toString());
            assertEquals(expected, ((KpiResult.Value) r).value(), 1e-12);
        } else {
            assertInstanceOf(KpiResult.NotAvailable.class, r, r.toString());
            assertEquals(cause, ((KpiResult.NotAvailable) r).cause());
        }
    }

    @Test
    void rejectsInputsOutsideTheirValidRange() {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("pop", "persons").withRange(0, Double.POSITIVE_INFINITY))
                .variable(Variable.of("n", "persons").withRange(0, Double.POSITIVE_INFINITY))
                .indicator(Indicator.of("K", "k", "per 100 000", Direction.HIGHER, "100000 * n / pop"))
                .build();
        Dataset.Builder b = Dataset.builder();
        b.add("e", Y, "pop", -5);
        b.add("e", Y, "n", 3);
        KpiResult r = Engine.create(c).evaluate(b.build()).get(0, "K");
        assertEquals(new KpiResult.NotAvailable(Cause.INVALID_INPUT, "pop = -5 is outside its valid range >= 0"), r);
    }

    @Test
    void marksValuesOutsideTheIndicatorRange() {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", ""))
                .variable(Variable.of("b", ""))
                .indicator(Indicator.of("P", "share", "%", Direction.HIGHER, "100 * a / b")
                        .withRange(0, 100))
                .build();
        Dataset.Builder b = Dataset.builder();
        b.add("e", Y, "a", 12);
        b.add("e", Y, "b", 10);
        // 100 * 12 / 10 = 120 > 100: a numerator above its denominator.
        assertEquals(
                new KpiResult.NotAvailable(Cause.OUT_OF_RANGE, "value 120 is outside the valid range [0, 100]"),
                Engine.create(c).evaluate(b.build()).get(0, "P"));
    }

    @Test
    void anOutputWithoutAValueBecauseAnotherIsOutOfRangeNamesThatOneAndItsValue() {
        // P = 100 * 12 / 10 = 120 is outside [0, 100]; Q = 100 - P takes P's cause, and its message
        // must show P's value 120 (not Q's own -20) and say that it is P's
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", ""))
                .variable(Variable.of("b", ""))
                .indicator(Indicator.of("P", "share", "%", Direction.HIGHER, "100 * a / b")
                        .withRange(0, 100))
                .indicator(Indicator.of("Q", "rest", "%", Direction.HIGHER, "100 - P"))
                .build();
        Dataset.Builder b = Dataset.builder();
        b.add("e", Y, "a", 12);
        b.add("e", Y, "b", 10);
        Results r = Engine.create(c).evaluate(b.build());
        assertEquals(
                new KpiResult.NotAvailable(Cause.OUT_OF_RANGE, "value 120 is outside the valid range [0, 100]"),
                r.get(0, "P"));
        assertEquals(
                new KpiResult.NotAvailable(Cause.OUT_OF_RANGE, "P value 120 is outside the valid range [0, 100]"),
                r.get(0, "Q"));
    }

    @Test
    void reportedValuesPassThroughByIdOrCode() {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", ""))
                .variable(Variable.of("b", ""))
                .indicator(Indicator.of("P", "share", "%", Direction.HIGHER, "100 * a / b")
                        .withCode("X: P: 1C")
                        .withRange(0, 100))
                .indicator(Indicator.of("Q", "double share", "%", Direction.HIGHER, "2 * P"))
                .indicator(Indicator.of("PM25", "pm", "ug/m3", Direction.LOWER, "PM25"))
                .build();
        Dataset.Builder b = Dataset.builder();
        b.add("e", Y, "a", 1);
        b.add("e", Y, "b", 2);
        b.add("e", Y, "X: P: 1C", 40);
        b.add("f", Y, "a", 1);
        b.add("f", Y, "b", 4);
        b.add("f", Y, "PM25", 12.5);
        b.add("g", Y, "P", 140);
        Results r = Engine.create(c).evaluate(b.build());
        int e = r.dataset().row("e", Y);
        int f = r.dataset().row("f", Y);
        int g = r.dataset().row("g", Y);
        assertEquals(new KpiResult.Value(40, KpiResult.Provenance.REPORTED), r.get(e, "P"));
        // Q reads the reported P: 2 * 40 = 80, computed.
        assertEquals(new KpiResult.Value(80, KpiResult.Provenance.COMPUTED), r.get(e, "Q"));
        assertEquals(new KpiResult.Value(25, KpiResult.Provenance.COMPUTED), r.get(f, "P"));
        assertEquals(new KpiResult.Value(12.5, KpiResult.Provenance.REPORTED), r.get(f, "PM25"));
        assertEquals(new KpiResult.NotAvailable(Cause.MISSING_INPUT, "needs PM25 for 2021"), r.get(e, "PM25"));
        assertEquals(
                new KpiResult.NotAvailable(
                        Cause.OUT_OF_RANGE, "reported value 140 is outside the valid range [0, 100]"),
                r.get(g, "P"));
    }

    @Test
    void partsHaveTheirOwnValuesAndTheHeadlineGivesTheIndicator() {
        Indicator cov = Indicator.of("COV", "Wireless coverage", "%", Direction.HIGHER, "0")
                .withParts(
                        List.of(
                                Part.of("3G", "3G", "%", Formula.parse("100 * pop3g / pop")),
                                Part.of("4G", "4G", "%", Formula.parse("100 * pop4g / pop"))),
                        "4G",
                        false);
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("pop", ""))
                .variable(Variable.of("pop3g", ""))
                .variable(Variable.of("pop4g", ""))
                .indicator(cov)
                .indicator(Indicator.of("GAP3", "3G gap", "%", Direction.LOWER, "100 - `COV/3G`"))
                .build();
        assertEquals(List.of("COV", "COV/3G", "COV/4G", "GAP3"), c.outputs());
        Dataset.Builder b = Dataset.builder();
        b.add("e", Y, "pop", 1000);
        b.add("e", Y, "pop3g", 990);
        b.add("e", Y, "pop4g", 800);
        Results r = Engine.create(c).evaluate(b.build());
        assertEquals(99, r.value(0, "COV/3G"), 1e-12);
        assertEquals(80, r.value(0, "COV/4G"), 1e-12);
        assertEquals(80, r.value(0, "COV"), 1e-12);
        assertEquals(1, r.value(0, "GAP3"), 1e-12);
    }

    /**
     * COV's value is that of its headline part 4G; ALIAS is a bare reference to COV, and ALIAS2 to
     * ALIAS; TWICE computes from COV; NARROW passes COV on but allows only [0, 50].
     */
    private static Catalog passThroughCatalog() {
        Indicator cov = Indicator.of("COV", "Wireless coverage", "%", Direction.HIGHER, "0")
                .withCode("EC: COV")
                .withParts(
                        List.of(
                                Part.of("3G", "3G", "%", Formula.parse("100 * pop3g / pop")),
                                Part.of("4G", "4G", "%", Formula.parse("100 * pop4g / pop"))),
                        "4G",
                        false)
                .withRange(0, 100);
        return Catalog.builder("t", "1")
                .variable(Variable.of("pop", ""))
                .variable(Variable.of("pop3g", ""))
                .variable(Variable.of("pop4g", ""))
                .indicator(cov)
                .indicator(Indicator.of("ALIAS", "alias", "%", Direction.HIGHER, "COV"))
                .indicator(Indicator.of("ALIAS2", "alias of the alias", "%", Direction.HIGHER, "(ALIAS)"))
                .indicator(Indicator.of("TWICE", "twice", "%", Direction.HIGHER, "2 * COV"))
                .indicator(Indicator.of("NARROW", "narrow", "%", Direction.HIGHER, "COV")
                        .withRange(0, 50))
                .build();
    }

    @Test
    void aKpiTakenFromAReportedHeadlinePartIsReportedAndNamesThePart() {
        Dataset.Builder b = Dataset.builder();
        // a: the headline part reported (by id), its inputs absent
        b.add("a", Y, "COV/4G", 70);
        b.add("a", Y, "pop", 100);
        // c: the headline part reported under the indicator's published code
        b.add("c", Y, "EC: COV/4G", 30);
        // d: the part computed from its inputs, 100 * 45 / 100 = 45
        b.add("d", Y, "pop", 100);
        b.add("d", Y, "pop4g", 45);
        // e: the indicator itself reported, and its headline part too: the indicator's own wins
        b.add("e", Y, "COV", 20);
        b.add("e", Y, "COV/4G", 60);
        Results r = Engine.create(passThroughCatalog()).evaluate(b.build());
        int a = r.dataset().row("a", Y);
        int c = r.dataset().row("c", Y);
        int d = r.dataset().row("d", Y);
        int e = r.dataset().row("e", Y);
        KpiResult reported70 = new KpiResult.Value(70, KpiResult.Provenance.REPORTED);
        assertEquals(reported70, r.get(a, "COV/4G"));
        assertEquals(reported70, r.get(a, "COV"));
        assertEquals("reported", r.get(a, "COV").status());
        // provenance follows the value along a chain of bare references
        assertEquals(reported70, r.get(a, "ALIAS"));
        assertEquals(reported70, r.get(a, "ALIAS2"));
        // a formula that computes from the reported value is computed: 2 * 70 = 140
        assertEquals(new KpiResult.Value(140, KpiResult.Provenance.COMPUTED), r.get(a, "TWICE"));
        // passed on but outside the indicator's own range [0, 50]: no value, so no provenance
        assertEquals(
                new KpiResult.NotAvailable(Cause.OUT_OF_RANGE, "value 70 is outside the valid range [0, 50]"),
                r.get(a, "NARROW"));
        assertEquals(new KpiResult.Value(30, KpiResult.Provenance.REPORTED), r.get(c, "COV"));
        assertEquals(new KpiResult.Value(30, KpiResult.Provenance.REPORTED), r.get(c, "NARROW"));
        assertEquals(new KpiResult.Value(45, KpiResult.Provenance.COMPUTED), r.get(d, "COV"));
        assertEquals(new KpiResult.Value(45, KpiResult.Provenance.COMPUTED), r.get(d, "ALIAS2"));
        assertEquals(new KpiResult.Value(20, KpiResult.Provenance.REPORTED), r.get(e, "COV"));
        assertEquals(new KpiResult.Value(20, KpiResult.Provenance.REPORTED), r.get(e, "ALIAS"));

        // the explanation names the output whose reported value it is
        Explanation x = r.explain(a, "COV");
        assertEquals("COV/4G", x.reportedAs());
        assertEquals("COV for a 2021 = 70 (reported as COV/4G); formula `COV/4G`; COV/4G = 70", x.toString());
        assertEquals("COV/4G", r.explain(a, "ALIAS2").reportedAs());
        assertEquals("COV/4G", r.explain(a, "COV/4G").reportedAs());
        assertEquals("COV/4G", r.explain(c, "ALIAS").reportedAs());
        assertEquals("COV", r.explain(e, "COV").reportedAs());
        assertEquals("COV", r.explain(e, "ALIAS2").reportedAs());
        assertEquals("", r.explain(d, "COV").reportedAs());
        assertEquals("", r.explain(a, "TWICE").reportedAs());
        assertEquals("", r.explain(a, "NARROW").reportedAs());
    }

    @Test
    void provenanceFollowsTheValueInEveryChunkAndOnAnyNumberOfThreads() {
        // 5,000 rows (several chunks of 1,024, the last one short); every third row reports the
        // headline part, the others compute it
        Dataset.Builder b = Dataset.builder();
        for (int i = 0; i < 5000; i++) {
            String entity = "e" + i;
            if (i % 3 == 0) {
                b.add(entity, Y, "COV/4G", i % 100);
            } else {
                b.add(entity, Y, "pop", 100);
                b.add(entity, Y, "pop4g", i % 100);
            }
        }
        Dataset data = b.build();
        for (int threads : new int[] {1, 3}) {
            Results r = Engine.create(passThroughCatalog()).evaluate(data, threads);
            for (int row = 0; row < data.rowCount(); row++) {
                int i = Integer.parseInt(data.entity(row).substring(1));
                KpiResult.Provenance p = i % 3 == 0 ? KpiResult.Provenance.REPORTED : KpiResult.Provenance.COMPUTED;
                KpiResult expected = new KpiResult.Value(i % 100, p);
                assertEquals(expected, r.get(row, "COV/4G"), data.entity(row));
                assertEquals(expected, r.get(row, "COV"), data.entity(row));
                assertEquals(expected, r.get(row, "ALIAS2"), data.entity(row));
            }
        }
    }

    @Test
    void reportsRulesThatDoNotHold() {
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("bb", ""))
                .variable(Variable.of("net", ""))
                .indicator(Indicator.of("K", "k", "", Direction.HIGHER, "bb"))
                .rule(new Rule(
                        "bb-le-net",
                        "broadband at most internet",
                        Formula.parse("bb <= net"),
                        null,
                        Rule.Severity.WARNING,
                        "VM p.34"))
                .build();
        Dataset.Builder b = Dataset.builder();
        b.add("x", Y, "bb", 5);
        b.add("x", Y, "net", 4);
        b.add("y", Y, "bb", 3);
        b.add("y", Y, "net", 4);
        b.add("z", Y, "bb", 9); // net missing: not checked
        List<RuleViolation> v = Engine.create(c).evaluate(b.build()).violations();
        assertEquals(1, v.size());
        assertEquals("x", v.get(0).entity());
        assertEquals(
                "warning: x 2021: broadband at most internet (bb <= net; bb = 5, net = 4) [VM p.34]",
                v.get(0).message());
    }

    /** Seeded property: neither input row order nor thread count changes any cell. */
    @Test
    void resultsDoNotDependOnRowOrderOrThreads() {
        Catalog c = smallCatalog();
        Random rnd = new Random(20261128);
        List<Object[]> obs = new ArrayList<>();
        for (int e = 0; e < 700; e++) {
            for (int y = 2019; y <= 2021; y++) {
                for (String v : new String[] {"hh", "hh_net", "pop", "deaths"}) {
                    if (rnd.nextInt(20) == 0) {
                        continue; // about 5 % missing
                    }
                    double val = v.equals("hh") && rnd.nextInt(50) == 0 ? 0 : rnd.nextInt(100000);
                    obs.add(new Object[] {"c" + e, Period.year(y), v, val});
                }
            }
        }
        Results base = Engine.create(c).evaluate(build(obs), 1);
        assertTrue(base.rowCount() > 2 * 1024, "spans several chunks");
        for (int trial = 0; trial < 3; trial++) {
            Collections.shuffle(obs, rnd);
            Results other = Engine.create(c).evaluate(build(obs), 1 + trial * 3);
            for (String out : c.outputs()) {
                for (int row = 0; row < base.rowCount(); row++) {
                    assertEquals(base.entity(row), other.entity(row));
                    assertEquals(base.get(row, out), other.get(row, out));
                }
            }
        }
    }

    private static Dataset build(List<Object[]> obs) {
        Dataset.Builder b = Dataset.builder();
        for (Object[] o : obs) {
            b.add((String) o[0], (Period) o[1], (String) o[2], (Double) o[3]);
        }
        return b.build();
    }
}
