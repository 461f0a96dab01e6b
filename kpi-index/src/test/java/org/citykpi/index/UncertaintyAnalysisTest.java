package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UncertaintyAnalysisTest {
    /** 30 units, 6 indicators in 2 groups under an index; random data from a fixed seed. */
    static CompositeIndex index() {
        List<Node> nodes = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            nodes.add(Fixtures.node("i" + i, 1, i < 3 ? "G1" : "G2", i == 4 ? -1 : 1, 1));
            codes.add("i" + i);
        }
        nodes.add(Fixtures.node("G1", 2, "Index", 1, 1));
        nodes.add(Fixtures.node("G2", 2, "Index", 1, 1));
        nodes.add(Node.aggregate("Index", 3, null));
        SplittableRandom rnd = new SplittableRandom(7);
        IndexData.Builder b = IndexData.builder(codes);
        for (int u = 0; u < 30; u++) {
            for (String c : codes) {
                if (rnd.nextDouble() > 0.05) {
                    b.value(String.format("u%02d", u), "", c, 1 + rnd.nextDouble() * 100);
                }
            }
        }
        return CompositeIndex.of(Hierarchy.of(nodes), b.build());
    }

    static List<UncertainInput> inputs() {
        return List.of(
                new UncertainInput.NormaliserChoice(
                        "normalisation", List.of(new Normaliser.MinMax(1, 100), new Normaliser.ZScore(10, 2))),
                new UncertainInput.AggregatorChoice(
                        "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric())),
                new UncertainInput.WeightNoise("weights", List.of(1, 2), 0.25, 50, 99));
    }

    @Test
    void resultsRepeatAndDoNotDependOnThreads() {
        CompositeIndex idx = index();
        Pipeline p = Pipeline.defaults().withNormaliser(new Normaliser.MinMax(1, 100));
        UncertaintyResult one = UncertaintyAnalysis.create(idx, p, inputs()).run(64, 42);
        UncertaintyResult four =
                UncertaintyAnalysis.create(idx, p, inputs()).withThreads(4).run(64, 42);
        for (int k = 0; k < 64; k++) {
            for (int r = 0; r < 30; r++) {
                assertEquals(one.rank(k, r), four.rank(k, r));
            }
        }
        assertEquals(one.stats(), four.stats());
        assertTrue(one.failures().isEmpty(), one.failures().toString());
        // z-score to mean 10, sd 2 may reach 0 or below for outliers; then geometric fails: never here
        for (RankStats s : one.stats()) {
            assertTrue(s.q05() <= s.median() && s.median() <= s.q95(), s.toString());
            assertTrue(s.q05() >= 1 && s.q95() <= 30, s.toString());
            assertTrue(s.nominal().isPresent());
        }
        assertEquals("Index", one.target());
        assertEquals(List.of("normalisation", "aggregation", "weights"), one.inputs());
        assertTrue(one.design(0, 0) >= 0 && one.design(0, 0) < 1);
    }

    @Test
    void runsMatchDirectRebuilds() {
        CompositeIndex idx = index();
        Pipeline p = Pipeline.defaults().withNormaliser(new Normaliser.MinMax(1, 100));
        UncertaintyResult ua = UncertaintyAnalysis.create(idx, p, inputs()).run(5, 3);
        Hierarchy h = idx.hierarchy();
        for (int k = 0; k < 5; k++) {
            Pipeline q = p;
            for (int i = 0; i < 3; i++) {
                q = inputs().get(i).apply(q, h, ua.design(k, i));
            }
            IndexResult direct = idx.build(q);
            int node = direct.nodeOf("Index");
            for (int r = 0; r < 30; r++) {
                assertEquals(direct.rank(r, node).orElse(0), ua.rank(k, r));
            }
        }
    }

    @Test
    void failedRunsAreReportedNotHidden() {
        CompositeIndex idx = index();
        // min-max [0, 100] always has a 0, so every geometric run fails
        UncertaintyResult ua = UncertaintyAnalysis.create(
                        idx,
                        Pipeline.defaults(),
                        List.of(new UncertainInput.AggregatorChoice(
                                "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric()))))
                .run(40, 1);
        assertFalse(ua.failures().isEmpty());
        assertTrue(
                ua.failures().get(0).contains("geometric mean"), ua.failures().get(0));
        int ok = 0;
        for (int k = 0; k < 40; k++) {
            ok += ua.rank(k, 0) > 0 ? 1 : 0;
        }
        assertEquals(40 - ua.failures().size(), ok);
        assertEquals(ok, ua.stats().get(0).runs());
    }

    @Test
    void sensitivitySeparatesInfluentialFromInertInputs() {
        CompositeIndex idx = index();
        Pipeline p = Pipeline.defaults().withNormaliser(new Normaliser.MinMax(1, 100));
        List<UncertainInput> in = List.of(
                new UncertainInput.WeightNoise("weights", List.of(2), 0.8, 40, 5),
                // two identical alternatives: cannot change anything
                new UncertainInput.NormaliserChoice(
                        "inert", List.of(new Normaliser.MinMax(1, 100), new Normaliser.MinMax(1, 100))));
        SensitivityResult s = UncertaintyAnalysis.create(idx, p, in).sensitivity(64, 100, 11);
        SensitivityResult s4 =
                UncertaintyAnalysis.create(idx, p, in).withThreads(3).sensitivity(64, 100, 11);
        assertEquals(s, s4);
        assertEquals(64 * 4, s.runs());
        SensitivityResult.Index w = s.indices().get(0);
        SensitivityResult.Index inert = s.indices().get(1);
        // the inert input's A_B runs equal the A runs exactly, so Si = STi = 0
        assertEquals(0, inert.total(), 0);
        assertEquals(0, inert.first(), 0);
        // weights are the only source of variance: total effect close to 1
        assertTrue(w.total() > 0.5, w.toString());
        assertTrue(w.totalLow() <= w.total() && w.total() <= w.totalHigh(), w.toString());
    }

    @Test
    void badArguments() {
        CompositeIndex idx = index();
        assertThrows(
                IllegalArgumentException.class, () -> UncertaintyAnalysis.create(idx, Pipeline.defaults(), List.of()));
        UncertaintyAnalysis ua = UncertaintyAnalysis.create(idx, Pipeline.defaults(), inputs());
        assertThrows(IllegalArgumentException.class, () -> ua.run(0, 1));
        assertThrows(IllegalArgumentException.class, () -> ua.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> ua.withTarget("zz"));
        assertThrows(IllegalArgumentException.class, () -> ua.sensitivity(1, 10, 1));
        assertEquals("G1", ua.withTarget("G1").run(2, 1).target());
        assertEquals(
                1,
                new UncertainInput.NormaliserChoice("n", List.of(Normaliser.defaults(), new Normaliser.Rank()))
                        .pick(0.99));
        assertEquals(
                3,
                UncertainInput.TreatmentChoice.winsorisationLimits("w", 1, 3, 5).alternatives());
        assertEquals(
                2,
                new UncertainInput.ImputerChoice("i", List.of(new Imputer.Mean(), new Imputer.Median()))
                        .alternatives());
    }
}
