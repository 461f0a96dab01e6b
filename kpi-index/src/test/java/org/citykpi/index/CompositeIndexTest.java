package org.citykpi.index;

import static org.citykpi.index.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pipeline end to end: steps, panel data, rebuilds and order independence. */
class CompositeIndexTest {
    /** Two-level tree: x1, x2 (x2 lower is better) under A; y1 under B; A and B under I. */
    static Hierarchy tree() {
        return Hierarchy.of(List.of(
                Fixtures.node("x1", 1, "A", 1, 1),
                Fixtures.node("x2", 1, "A", -1, 1),
                Fixtures.node("y1", 1, "B", 1, 1),
                Fixtures.node("A", 2, "I", 1, 3),
                Fixtures.node("B", 2, "I", 1, 1),
                Node.aggregate("I", 3, null)));
    }

    static final double[][] DATA = {
        {0, 10, 5}, // u1
        {5, 0, NA}, // u2
        {10, 20, 10}, // u3
        {5, 10, 0}, // u4
    };

    static CompositeIndex index() {
        return CompositeIndex.of(tree(), Fixtures.data(List.of("x1", "x2", "y1"), DATA));
    }

    @Test
    void minMaxAndArithmeticByHand() {
        IndexResult r = index().build(Pipeline.defaults());
        // x1 min-max: 0, 50, 100, 50; x2 reversed (lower is better, range 0..20): 50, 100, 0, 50
        assertArrayEquals(new double[] {0, 50, 100, 50}, Fixtures.column(r, "x1"), 1e-12);
        assertArrayEquals(new double[] {50, 100, 0, 50}, Fixtures.column(r, "x2"), 1e-12);
        // y1 over 5, NA, 10, 0 → 50, NA, 100, 0
        assertArrayEquals(new double[] {50, NA, 100, 0}, Fixtures.column(r, "y1"), 1e-12);
        // A = mean(x1, x2): 25, 75, 50, 50; B = y1
        assertArrayEquals(new double[] {25, 75, 50, 50}, Fixtures.column(r, "A"), 1e-12);
        // I = (3A + B)/4; u2 has no B, so I = A (weights renormalised over children present)
        assertArrayEquals(new double[] {31.25, 75, 62.5, 37.5}, Fixtures.column(r, "I"), 1e-12);
        // ranks of I: 75 → 1, 62.5 → 2, 37.5 → 3, 31.25 → 4; ties in A (50, 50) share rank 2
        assertEquals(4, r.rank("u1", "I").getAsInt());
        assertEquals(1, r.rank("u2", "I").getAsInt());
        assertEquals(2, r.rank("u3", "A").getAsInt());
        assertEquals(2, r.rank("u4", "A").getAsInt());
        assertTrue(r.rank("u2", "y1").isEmpty());
        assertEquals(List.of("x1", "x2", "y1", "A", "B", "I"), r.codes());
    }

    @Test
    void unitAndNodeOrderDoNotChangeResults() {
        IndexResult ref = index().build(Pipeline.defaults().withTreatment(Treatment.winsorise()));
        Random rnd = new Random(20240601);
        for (int trial = 0; trial < 20; trial++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(order, rnd);
            IndexData.Builder b = IndexData.builder(List.of("x1", "x2", "y1"));
            for (int u : order) {
                for (int c = 0; c < 3; c++) {
                    if (!Double.isNaN(DATA[u][c])) {
                        b.value("u" + (u + 1), "", List.of("x1", "x2", "y1").get(c), DATA[u][c]);
                    }
                }
            }
            List<Node> nodes = new ArrayList<>(tree().nodes());
            Collections.shuffle(nodes, rnd);
            IndexResult r = CompositeIndex.of(Hierarchy.of(nodes), b.build())
                    .build(Pipeline.defaults().withTreatment(Treatment.winsorise()));
            for (String code : ref.codes()) {
                assertArrayEquals(Fixtures.column(ref, code), Fixtures.column(r, code), 0, code);
            }
        }
    }

    @Test
    void rebuildGivesTheSameResultAsBuild() {
        CompositeIndex idx = index();
        Pipeline base = Pipeline.defaults();
        IndexResult nominal = idx.build(base);
        List<Pipeline> variants = List.of(
                base.withWeights(Map.of("A", 1.0)),
                base.withAggregator(new Aggregator.Generalised(3)),
                base.withNormaliser(new Normaliser.ZScore(0, 1)),
                base.withTreatment(new Treatment.Log()),
                base.withImputer(new Imputer.Median()),
                base.withScreenThreshold(0.9),
                base.withDenominate(true),
                base);
        for (Pipeline p : variants) {
            IndexResult a = idx.build(p);
            IndexResult b = idx.rebuild(nominal, p);
            for (String code : a.codes()) {
                assertArrayEquals(Fixtures.column(a, code), Fixtures.column(b, code), 0, p + " " + code);
            }
        }
        IndexResult other = index().build(base);
        assertThrows(IllegalArgumentException.class, () -> idx.rebuild(other, base));
    }

    @Test
    void imputationFillsOnlyMissingValues() {
        CompositeIndex idx = index();
        Pipeline none = Pipeline.defaults().withNormaliser(new Normaliser.None());
        // y1 = 5, NA, 10, 0: mean 5, median 5
        assertEquals(5, Fixtures.column(idx.build(none.withImputer(new Imputer.Mean())), "y1")[1], 1e-12);
        assertEquals(5, Fixtures.column(idx.build(none.withImputer(new Imputer.Median())), "y1")[1], 1e-12);
        assertArrayEquals(
                new double[] {0, 5, 10, 5}, Fixtures.column(idx.build(none.withImputer(new Imputer.Mean())), "x1"));
    }

    @Test
    void groupImputationUsesTheUnitsGroup() {
        IndexData d = IndexData.builder(List.of("x"), List.of(), List.of("g"))
                .value("a", "", "x", 1)
                .group("a", "", "g", "north")
                .value("b", "", "x", 3)
                .group("b", "", "g", "north")
                .row("c", "")
                .group("c", "", "g", "north")
                .value("d", "", "x", 100)
                .group("d", "", "g", "south")
                .row("e", "")
                .group("e", "", "g", "east")
                .build();
        CompositeIndex idx = CompositeIndex.of(Hierarchy.of(List.of(Node.indicator("x", null, 1))), d);
        IndexResult r = idx.build(
                Pipeline.defaults().withNormaliser(new Normaliser.None()).withImputer(new Imputer.GroupMean("g")));
        // c takes the north mean (1 + 3)/2; e's group has no value, so it stays missing
        assertEquals(OptionalDouble.of(2), r.value("c", "", "x"));
        assertTrue(r.value("e", "", "x").isEmpty());
        assertEquals(
                OptionalDouble.of(3),
                idx.build(Pipeline.defaults()
                                .withNormaliser(new Normaliser.None())
                                .withImputer(new Imputer.GroupMedian("g")))
                        .value("b", "", "x"));
        assertThrows(
                IllegalArgumentException.class,
                () -> idx.build(Pipeline.defaults()
                        .withImputer(new Imputer.Mean())
                        .withImputer(new Imputer.GroupMean("nope"))));
    }

    static CompositeIndex panel() {
        // unit a: 2019 = 1, 2020 = NA, 2021 = 5 (and 2022 = NA); unit b: 3, 3, 3, 7
        IndexData.Builder b = IndexData.builder(List.of("x"));
        b.value("a", "2019", "x", 1).row("a", "2020").value("a", "2021", "x", 5).row("a", "2022");
        b.value("b", "2019", "x", 3)
                .value("b", "2020", "x", 3)
                .value("b", "2021", "x", 3)
                .value("b", "2022", "x", 7);
        return CompositeIndex.of(Hierarchy.of(List.of(Node.indicator("x", null, 1))), b.build());
    }

    @Test
    void panelImputationThroughTime() {
        Pipeline none = Pipeline.defaults().withNormaliser(new Normaliser.None());
        IndexResult latest = panel().build(none.withImputer(new Imputer.PanelLatest()));
        // last observation carried forward: 2020 = 1, 2022 = 5
        assertEquals(OptionalDouble.of(1), latest.value("a", "2020", "x"));
        assertEquals(OptionalDouble.of(5), latest.value("a", "2022", "x"));
        IndexResult linear = panel().build(none.withImputer(new Imputer.PanelLinear()));
        // between 1 (2019) and 5 (2021): 3; after the last observation: constant 5
        assertEquals(OptionalDouble.of(3), linear.value("a", "2020", "x"));
        assertEquals(OptionalDouble.of(5), linear.value("a", "2022", "x"));
    }

    @Test
    void panelNormalisesPerPeriodOrPooled() {
        // pooled is the default, as COINr's Normalise on a purse (global = TRUE)
        assertEquals(Pipeline.Scope.POOLED, Pipeline.defaults().scope());
        Pipeline p = Pipeline.defaults().withImputer(new Imputer.PanelLatest());
        IndexResult per = panel().build(p.withScope(Pipeline.Scope.PER_PERIOD));
        // 2019: a = 1, b = 3 → a 0, b 100
        assertEquals(OptionalDouble.of(0), per.value("a", "2019", "x"));
        assertEquals(OptionalDouble.of(100), per.value("b", "2019", "x"));
        IndexResult pooled = panel().build(p.withScope(Pipeline.Scope.POOLED));
        // pooled over 1, 1, 5, 5, 3, 3, 3, 7: min 1, max 7 → b 2019 = (3 - 1)/6·100
        assertEquals(100.0 / 3, pooled.value("b", "2019", "x").getAsDouble(), 1e-12);
        // ranks are per period: in 2020, b (3) beats a (1)
        assertEquals(1, pooled.rank(pooled.rowOf("b", "2020"), 0).getAsInt());
        // a constant period is an error naming the period (2020 is 1, 3 ... not constant; 2019 without imputation is
        // fine)
        IndexException e = assertThrows(
                IndexException.class, () -> panel().build(Pipeline.defaults().withScope(Pipeline.Scope.PER_PERIOD)));
        assertTrue(e.getMessage().contains("in 2020"), e.getMessage());
    }

    @Test
    void panelImputesAndTreatsPerPeriodThenNormalisesPooled() {
        // COINr on a purse: Impute and Treat work coin by coin (one per period), Normalise(global =
        // TRUE) pools the periods. Units a, b, c; 2019: 1, 3, NA; 2020: 5, 11, 8.
        IndexData.Builder d = IndexData.builder(List.of("x"));
        d.value("a", "2019", "x", 1).value("b", "2019", "x", 3).row("c", "2019");
        d.value("a", "2020", "x", 5).value("b", "2020", "x", 11).value("c", "2020", "x", 8);
        CompositeIndex idx = CompositeIndex.of(Hierarchy.of(List.of(Node.indicator("x", null, 1))), d.build());
        Pipeline p = Pipeline.defaults().withImputer(new Imputer.Mean()).withTreatment(new Treatment.Log());
        IndexResult r = idx.build(p);
        // impute per period: c 2019 = mean(1, 3) = 2 (pooled it would be mean(1, 3, 5, 11, 8) = 5.6).
        // log_CT per period, ln(x − min + 0.01·(max − min)): 2019 (min 1, max 3) → ln 0.02, ln 2.02,
        // ln 1.02; 2020 (min 5, max 11) → ln 0.06, ln 6.06, ln 3.06. Pooled min-max over these six:
        // min ln 0.02, max ln 6.06, so a score is ln(v/0.02)/ln(303)·100
        double l303 = Math.log(303);
        assertEquals(0, r.value("a", "2019", "x").getAsDouble(), 1e-12);
        assertEquals(Math.log(101) / l303 * 100, r.value("b", "2019", "x").getAsDouble(), 1e-12);
        assertEquals(Math.log(51) / l303 * 100, r.value("c", "2019", "x").getAsDouble(), 1e-12);
        assertEquals(Math.log(3) / l303 * 100, r.value("a", "2020", "x").getAsDouble(), 1e-12);
        assertEquals(100, r.value("b", "2020", "x").getAsDouble(), 1e-12);
        assertEquals(Math.log(153) / l303 * 100, r.value("c", "2020", "x").getAsDouble(), 1e-12);
        // ranks per period: b, c, a in both
        assertEquals(3, r.rank(r.rowOf("a", "2019"), 0).getAsInt());
        assertEquals(2, r.rank(r.rowOf("c", "2020"), 0).getAsInt());
        // per-period normalisation: 2019 over ln 0.02 … ln 2.02, so c = ln(51)/ln(101)·100
        IndexResult per = idx.build(p.withScope(Pipeline.Scope.PER_PERIOD));
        assertEquals(
                Math.log(51) / Math.log(101) * 100, per.value("c", "2019", "x").getAsDouble(), 1e-12);
        // the scope changes only the normalisation: a rebuild from pooled reuses the treated data
        assertEquals(Pipeline.Step.NORMALISE, p.firstDifference(p.withScope(Pipeline.Scope.PER_PERIOD)));
    }

    @Test
    void screeningDropsSparseUnits() {
        IndexResult r = index().build(Pipeline.defaults().withScreenThreshold(0.9));
        // u2 has 2 of 3 indicators (0.67 < 0.9)
        assertEquals(List.of("u2"), r.screenedOut());
        assertFalse(r.isActive(1));
        assertTrue(r.warnings().get(0).contains("u2"), r.warnings().toString());
        // x1 is now normalised over u1, u3, u4: 0, 10, 5
        assertArrayEquals(new double[] {0, NA, 100, 50}, Fixtures.column(r, "x1"), 1e-12);
    }

    @Test
    void denominateDividesByTheNamedDenominator() {
        IndexData d = IndexData.builder(List.of("x"), List.of("pop"), List.of())
                .value("a", "", "x", 10)
                .value("a", "", "pop", 4)
                .value("b", "", "x", 9)
                .value("b", "", "pop", 0)
                .value("c", "", "x", 1)
                .build();
        Hierarchy h = Hierarchy.of(List.of(Node.indicator("x", null, 1).withDenominator("pop")));
        IndexResult r = CompositeIndex.of(h, d)
                .build(Pipeline.defaults().withNormaliser(new Normaliser.None()).withDenominate(true));
        // 10/4; a zero or missing denominator leaves the value missing, with a note
        assertEquals(OptionalDouble.of(2.5), r.value("a", "", "x"));
        assertTrue(r.value("b", "", "x").isEmpty());
        assertTrue(r.value("c", "", "x").isEmpty());
        assertTrue(
                r.warnings().get(0).contains("division by zero"), r.warnings().toString());
        Hierarchy bad = Hierarchy.of(List.of(Node.indicator("x", null, 1).withDenominator("gdp")));
        assertThrows(
                IndexException.class,
                () -> CompositeIndex.of(bad, d).build(Pipeline.defaults().withDenominate(true)));
    }

    @Test
    void winsorisationFollowsCoinr() {
        // COINr's winsorise example: 1..10, 30, 100 (skew 3.06, kurtosis 9.74, computed with the e1071
        // type-2 formulas in Python); one step sets 100 to 30, then skew 1.71 < 2 passes
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
        assertEquals("winsorised (1 point(s))", TreatStep.treat(x, x.length, Treatment.winsorise()));
        assertEquals(30, x[11]);
        // 1..15, 100, 200, 1000: step 1 sets 1000 → 200 (skew 2.27, kurt 3.97 fail), step 2 sets the two
        // 200s → 100 (now 2 points at the top; skew 1.90 passes)
        double[] y = new double[18];
        for (int i = 0; i < 15; i++) {
            y[i] = i + 1;
        }
        y[15] = 100;
        y[16] = 200;
        y[17] = 1000;
        double[] z = y.clone();
        assertEquals("winsorised (2 point(s))", TreatStep.treat(y, 18, Treatment.winsorise()));
        assertEquals(100, y[16]);
        assertEquals(100, y[17]);
        // with winmax 1 it still fails after one point, so the original is log-transformed:
        // ln(x - 1 + 0.01·999), e.g. ln(9.99) = 2.3015845926604620 for x = 1
        String what = TreatStep.treat(z, 18, new Treatment.Winsorise(1, 2, 3.5, true));
        assertTrue(what.startsWith("log-transformed"), what);
        assertEquals(2.301584592660462, z[0], 1e-12);
        assertEquals(6.916705109501722, z[17], 1e-12);
    }

    @Test
    void otherTreatments() {
        double[] x = {1, 2, 4};
        TreatStep.treat(x, 3, new Treatment.BoxCox(2));
        // (x - 1 + 1)^2 - 1)/2: 0, 1.5, 7.5
        assertArrayEquals(new double[] {0, 1.5, 7.5}, x, 1e-12);
        double[] y = {1, 2, 4};
        TreatStep.treat(y, 3, new Treatment.BoxCox(0));
        assertArrayEquals(new double[] {0, Math.log(2), Math.log(4)}, y, 1e-12);
        double[] c = {3, 3, 3, 3};
        // a constant column is left as it is, and the step says it did nothing
        assertEquals("", TreatStep.treat(c, 4, new Treatment.Log()));
        assertEquals("", TreatStep.treat(c, 4, Treatment.winsorise()));
        assertEquals(new Treatment.Winsorise(3, 2, 3.5, true), Treatment.parse("winsorise:3"));
        assertEquals(new Treatment.BoxCox(0.5), Treatment.parse("boxcox:0.5"));
        assertEquals(new Treatment.Log(), Treatment.parse("log"));
        assertEquals(new Treatment.None(), Treatment.parse("none"));
        assertThrows(IllegalArgumentException.class, () -> Treatment.parse("winsorise:1.5"));
        assertThrows(IllegalArgumentException.class, () -> Treatment.parse("clip"));
        assertEquals(new Imputer.GroupMean("EurAsia_group"), Imputer.parse("mean:EurAsia_group"));
        assertEquals(new Imputer.PanelLinear(), Imputer.parse("linear"));
        assertEquals(new Imputer.PanelLatest(), Imputer.parse("latest"));
        assertEquals(new Imputer.GroupMedian("g"), Imputer.parse("median:g"));
        assertEquals(new Imputer.None(), Imputer.parse("none"));
        assertThrows(IllegalArgumentException.class, () -> Imputer.parse("mean:"));
        assertThrows(IllegalArgumentException.class, () -> Imputer.parse("latest:x"));
        assertThrows(IllegalArgumentException.class, () -> Imputer.parse("knn"));
    }

    @Test
    void hierarchyValidationNamesTheNode() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Hierarchy.of(List.of(Fixtures.node("x", 1, "P", 1, 1), Fixtures.node("P", 3, null, 1, 1))));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("level 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hierarchy.of(List.of(Fixtures.node("x", 1, "Q", 1, 1))));
        assertThrows(
                IllegalArgumentException.class,
                () -> Hierarchy.of(List.of(Fixtures.node("x", 1, null, 1, 1), Fixtures.node("x", 1, null, 1, 1))));
        assertThrows(
                IllegalArgumentException.class,
                () -> Hierarchy.of(List.of(Fixtures.node("x", 1, null, 1, 1), Node.aggregate("P", 2, null))));
        assertThrows(
                IllegalArgumentException.class,
                () -> Hierarchy.of(List.of(Fixtures.node("x", 1, "P", 1, 1), Fixtures.node("P", 2, null, -1, 1))));
        assertThrows(IllegalArgumentException.class, () -> Hierarchy.of(List.of()));
        // a single-level framework is fine
        assertEquals(1, Hierarchy.of(List.of(Fixtures.node("x", 1, null, 1, 1))).levels());
        Hierarchy t = tree();
        assertEquals(Optional.of("I"), t.ancestorAt("x2", 3));
        // the tree's top is at level 3: nothing above it
        assertEquals(Optional.empty(), t.ancestorAt("x2", 4));
        assertEquals(List.of("A", "B"), t.codesAt(2));
        assertEquals(2, t.children("A").size());
        assertThrows(IllegalArgumentException.class, () -> t.withWeights(Map.of("zz", 1.0)));
    }

    @Test
    void dataValidation() {
        assertThrows(
                IllegalArgumentException.class,
                () -> IndexData.builder(List.of("x")).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> IndexData.builder(List.of("x")).value("a", "", "x", Double.NaN));
        assertThrows(
                IllegalArgumentException.class,
                () -> IndexData.builder(List.of("x")).value("a", "", "x", 1).value("a", "", "x", 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> IndexData.builder(List.of("x")).value("a", "", "y", 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> IndexData.builder(List.of("x")).row("a", "").row("a", ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> CompositeIndex.of(tree(), Fixtures.data(List.of("x1"), new double[][] {{1}})));
        IndexData d = panel().data();
        assertEquals(List.of("2019", "2020", "2021", "2022"), d.periods());
        assertEquals(List.of("2021"), d.periods(List.of("2021")).periods());
        assertEquals(5, d.value(d.periods().indexOf("2021") * 2, "x"));
    }
}
