package org.citykpi.index;

import static org.citykpi.index.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aggregators on a, b, c (weights 1, 2, 1) under P, data used as is (normaliser none). Units: u1 =
 * (2, 4, 8); u2 = (NA, 4, 8), weights renormalised over b and c (sum 3); u3 all missing; u4 = (1,
 * 3, 9).
 */
class AggregatorContractTest {
    static final double[][] DATA = {{2, 4, 8}, {NA, 4, 8}, {NA, NA, NA}, {1, 3, 9}};

    static Stream<Arguments> cases() {
        return Stream.of(
                // u1 (2 + 8 + 8)/4; u2 (8 + 8)/3; u4 (1 + 6 + 9)/4
                Arguments.of(new Aggregator.Arithmetic(), new double[] {4.5, 16.0 / 3, NA, 4}),
                // u1 (2·4²·8)^(1/4) = 256^(1/4); u2 (4²·8)^(1/3) = 128^(1/3); u4 (1·3²·9)^(1/4) = 81^(1/4)
                Arguments.of(new Aggregator.Geometric(), new double[] {4, Math.cbrt(128), NA, 3}),
                // u1 4/(1/2 + 2/4 + 1/8) = 32/9; u2 3/(2/4 + 1/8) = 4.8; u4 4/(1 + 2/3 + 1/9) = 36/16
                Arguments.of(new Aggregator.Harmonic(), new double[] {32.0 / 9, 4.8, NA, 2.25}),
                // p = 2: u1 √((4 + 32 + 64)/4) = 5; u2 √((32 + 64)/3) = √32; u4 √((1 + 18 + 81)/4) = 5
                Arguments.of(new Aggregator.Generalised(2), new double[] {5, Math.sqrt(32), NA, 5}),
                // pairs over shared children, weight shares: u1-u2 ties on b, c → 0; u1-u4 wins a, b
                // (3/4) → u1 +1; u2-u4 over b, c (weight 3): wins b (2/3) → u2 +1. Scores 1, 1, -, -2
                Arguments.of(new Aggregator.Copeland(), new double[] {1, 1, NA, -2}));
    }

    static double[] aggregate(Aggregator a, Pipeline base) {
        CompositeIndex idx = CompositeIndex.of(Fixtures.abcUnderP(), Fixtures.data(List.of("a", "b", "c"), DATA));
        return Fixtures.column(
                idx.build(base.withNormaliser(new Normaliser.None()).withAggregator(a)), "P");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesHandWorkedValues(Aggregator a, double[] expected) {
        assertArrayEquals(expected, aggregate(a, Pipeline.defaults()), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void minimumCoverageDropsUnitsBelowIt(Aggregator a, double[] expected) {
        // u2 has 2 of 3 children: 0.667 ≥ 0.6 keeps it, < 0.7 drops it (strict <, as COINr dat_thresh)
        double[] kept = aggregate(a, Pipeline.defaults().withMinCoverage(0.6));
        assertEquals(expected[1], kept[1], 1e-12);
        double[] dropped = aggregate(a, Pipeline.defaults().withCoverage(Map.of("P", 0.7)));
        assertTrue(Double.isNaN(dropped[1]));
        assertEquals(expected[0], dropped[0], 1e-12);
    }

    @Test
    void copelandRoundsAsCoinr() {
        // COINr 1.1.14 (R/aggregate.R, outrankMatrix): w <- w/sum(w), o_12 = sum(w[x1 > x2]) +
        // sum(w[x1 == x2])/2, o_21 = 1 − o_12. Two units equal on children of weights 0.1, 0.3, 0.35:
        // in doubles (evaluated in Python) o_12 = 0.49999999999999994 < 1/2, so u1 scores −1, while
        // o_21 = 1 − o_12 rounds to 0.5 exactly, so u2 scores 0 (exact arithmetic would give 0, 0)
        List<Node> nodes = List.of(
                Fixtures.node("a", 1, "P", 1, 0.1),
                Fixtures.node("b", 1, "P", 1, 0.3),
                Fixtures.node("c", 1, "P", 1, 0.35),
                Node.aggregate("P", 2, null));
        CompositeIndex idx = CompositeIndex.of(
                Hierarchy.of(nodes), Fixtures.data(List.of("a", "b", "c"), new double[][] {{1, 2, 3}, {1, 2, 3}}));
        double[] got = Fixtures.column(
                idx.build(Pipeline.defaults()
                        .withNormaliser(new Normaliser.None())
                        .withAggregator(new Aggregator.Copeland())),
                "P");
        assertArrayEquals(new double[] {-1, 0}, got);
    }

    @Test
    void everyKindOfAggregatorHasACase() {
        // the build maps each record of the sealed interface to its behaviour in one place, which
        // throws for a record it does not know; a case per record makes that failure show here
        java.util.Set<Class<?>> covered = new java.util.HashSet<>();
        cases().forEach(a -> covered.add(a.get()[0].getClass()));
        assertEquals(java.util.Set.of(Aggregator.class.getPermittedSubclasses()), covered);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void textRoundTrips(Aggregator a, double[] expected) {
        assertEquals(a, Aggregator.parse(a.text()));
    }

    @Test
    void geometricOnZeroNamesTheIndicatorAndSuggestsAFix() {
        // min-max [0, 100] maps each minimum to 0
        CompositeIndex idx = CompositeIndex.of(Fixtures.abcUnderP(), Fixtures.data(List.of("a", "b", "c"), DATA));
        IndexException e = assertThrows(
                IndexException.class, () -> idx.build(Pipeline.defaults().withAggregator(new Aggregator.Geometric())));
        // rows are checked in order: u1's c (8, the minimum of c) is the first zero met
        assertTrue(e.getMessage().contains("'c' is 0 for u1"), e.getMessage());
        assertTrue(e.getMessage().contains("minmax:1,100"), e.getMessage());
        assertEquals("c", e.code());
        // [1, 100] works
        idx.build(Pipeline.defaults()
                .withNormaliser(new Normaliser.MinMax(1, 100))
                .withAggregator(new Aggregator.Geometric()));
    }

    @Test
    void harmonicAndGeneralisedRejectNonPositiveValues() {
        double[][] neg = {{-1, 2, 3}, {1, 2, 3}};
        CompositeIndex idx = CompositeIndex.of(Fixtures.abcUnderP(), Fixtures.data(List.of("a", "b", "c"), neg));
        Pipeline none = Pipeline.defaults().withNormaliser(new Normaliser.None());
        IndexException h =
                assertThrows(IndexException.class, () -> idx.build(none.withAggregator(new Aggregator.Harmonic())));
        assertTrue(h.getMessage().contains("'a' is -1 for u1"), h.getMessage());
        assertThrows(IndexException.class, () -> idx.build(none.withAggregator(new Aggregator.Generalised(2))));
        assertThrows(
                IndexException.class,
                () -> idx.build(
                        none.withAggregator(new Aggregator.Generalised(-1)).withNormaliser(Normaliser.defaults())));
    }

    @Test
    void perNodeAggregatorsAndWeightsApply() {
        // weights a=3, b=0, c=1 on u1: (6 + 0 + 8)/4 = 3.5
        CompositeIndex idx = CompositeIndex.of(Fixtures.abcUnderP(), Fixtures.data(List.of("a", "b", "c"), DATA));
        Pipeline p = Pipeline.defaults()
                .withNormaliser(new Normaliser.None())
                .withAggregators(Map.of("P", new Aggregator.Arithmetic()))
                .withAggregator(new Aggregator.Geometric())
                .withWeights(Map.of("a", 3.0, "b", 0.0));
        assertEquals(3.5, Fixtures.column(idx.build(p), "P")[0], 1e-12);
        // u2 has only b (weight 0) and c: (0·4 + 8)/1 = 8
        assertEquals(8, Fixtures.column(idx.build(p), "P")[1], 1e-12);
    }

    @Test
    void weightsSummingToZeroGiveMissing() {
        CompositeIndex idx = CompositeIndex.of(Fixtures.abcUnderP(), Fixtures.data(List.of("a", "b", "c"), DATA));
        Pipeline p = Pipeline.defaults().withNormaliser(new Normaliser.None()).withWeights(Map.of("b", 0.0, "c", 0.0));
        // u2 has only b and c, both weight 0
        assertTrue(Double.isNaN(Fixtures.column(idx.build(p), "P")[1]));
        assertThrows(
                IndexException.class,
                () -> idx.build(p.withWeights(Map.of("a", -1.0)).withAggregator(new Aggregator.Copeland())));
    }

    @Test
    void parseAcceptsCoinrNamesAndRejectsOthers() {
        assertEquals(new Aggregator.Arithmetic(), Aggregator.parse("amean"));
        assertEquals(new Aggregator.Geometric(), Aggregator.parse("gmean"));
        assertEquals(new Aggregator.Harmonic(), Aggregator.parse("hmean"));
        assertEquals(new Aggregator.Generalised(3), Aggregator.parse("genmean:3"));
        assertThrows(IllegalArgumentException.class, () -> Aggregator.parse("generalised"));
        assertThrows(IllegalArgumentException.class, () -> Aggregator.parse("generalised:0"));
        assertThrows(IllegalArgumentException.class, () -> Aggregator.parse("median"));
        assertThrows(IllegalArgumentException.class, () -> Aggregator.parse("copeland:1"));
    }

    @Test
    void aGeometricMeanOfGeometricMeansTakesTheirMeanLogs() {
        // a, b under P; c, d under Q; P and Q under I, all geometric, weights 1. By hand: u1 P =
        // √(2·8) = 4, Q = √(1·16) = 4, I = √(4·4) = 4; u2 (b missing) P = 2, Q = √(3·27) = 9,
        // I = √(2·9) = √18. The stored mean logs make I = exp((ln 4 + ln 4)/2), within an ulp of
        // computing it from P's and Q's values.
        List<Node> nodes = List.of(
                Node.indicator("a", "P", 1),
                Node.indicator("b", "P", 1),
                Node.indicator("c", "Q", 1),
                Node.indicator("d", "Q", 1),
                Node.aggregate("P", 2, "I"),
                Node.aggregate("Q", 2, "I"),
                Node.aggregate("I", 3, null));
        double[][] data = {{2, 8, 1, 16}, {2, NA, 3, 27}};
        CompositeIndex idx = CompositeIndex.of(Hierarchy.of(nodes), Fixtures.data(List.of("a", "b", "c", "d"), data));
        IndexResult r = idx.build(
                Pipeline.defaults().withNormaliser(new Normaliser.None()).withAggregator(new Aggregator.Geometric()));
        assertArrayEquals(new double[] {4, 2}, Fixtures.column(r, "P"), 1e-14);
        assertArrayEquals(new double[] {4, 9}, Fixtures.column(r, "Q"), 1e-14);
        assertArrayEquals(new double[] {4, Math.sqrt(18)}, Fixtures.column(r, "I"), 4e-15);
    }

    @Test
    void coverageCountsRoundAsCoinrDivides() {
        // COINr: NA when count/k < dat_thresh. 4 of 5 at 0.8: 0.8 < 0.8 is false, kept; 2 of 3 at
        // 2/3 kept; 0 needed at 0; all k at 1
        assertEquals(4, AggregateStep.minCount(0.8, 5));
        assertEquals(2, AggregateStep.minCount(2.0 / 3, 3));
        assertEquals(0, AggregateStep.minCount(0, 7));
        assertEquals(7, AggregateStep.minCount(1, 7));
        // the boundary where multiplying differs: 7/25 == 0.28 in doubles (kept, as in COINr), while
        // 0.28 * 25 = 7.000000000000001 would have dropped the unit
        assertEquals(7.000000000000001, 0.28 * 25);
        assertEquals(7, AggregateStep.minCount(0.28, 25));
    }
}
