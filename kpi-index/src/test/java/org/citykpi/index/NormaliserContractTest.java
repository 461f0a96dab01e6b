package org.citykpi.index;

import static org.citykpi.index.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every normaliser keeps (missing stays missing, results independent of unit order,
 * text form round-trips), with hand-worked expected values on x = 2, 4, 6, NA, 10 (min 2, max 10,
 * four values present).
 */
class NormaliserContractTest {
    static final double[] X = {2, 4, 6, NA, 10};

    static Stream<Arguments> cases() {
        double sd = Math.sqrt(35.0 / 3); // mean 5.5, squared deviations 12.25+2.25+0.25+20.25 = 35, n-1 = 3
        Node.Goalposts posts = new Node.Goalposts(4, 8, 1, true);
        return Stream.of(
                // (x - 2)/8 * 100
                Arguments.of(new Normaliser.MinMax(0, 100), 1, null, 0, false, new double[] {0, 25, 50, NA, 100}),
                // x' = -x: (x' + 10)/8 * 100
                Arguments.of(new Normaliser.MinMax(0, 100), -1, null, 0, false, new double[] {100, 75, 50, NA, 0}),
                // (x - 2)/8 * 99 + 1
                Arguments.of(new Normaliser.MinMax(1, 100), 1, null, 0, false, new double[] {1, 25.75, 50.5, NA, 100}),
                Arguments.of(new Normaliser.ZScore(0, 1), 1, null, 0, false, new double[] {
                    -3.5 / sd, -1.5 / sd, 0.5 / sd, NA, 4.5 / sd
                }),
                // z * 10 + 100, direction reversed flips the sign of z
                Arguments.of(new Normaliser.ZScore(100, 10), -1, null, 0, false, new double[] {
                    100 + 35 / sd, 100 + 15 / sd, 100 - 5 / sd, NA, 100 - 45 / sd
                }),
                Arguments.of(new Normaliser.Rank(), 1, null, 0, false, new double[] {1, 2, 3, NA, 4}),
                Arguments.of(new Normaliser.Rank(), -1, null, 0, false, new double[] {4, 3, 2, NA, 1}),
                Arguments.of(new Normaliser.Borda(), 1, null, 0, false, new double[] {0, 1, 2, NA, 3}),
                // (rank - 1)/(4 - 1)
                Arguments.of(
                        new Normaliser.PercentRank(), 1, null, 0, false, new double[] {0, 1.0 / 3, 2.0 / 3, NA, 1}),
                Arguments.of(new Normaliser.DistanceToMax(), 1, null, 0, false, new double[] {0, .25, .5, NA, 1}),
                // x / 10
                Arguments.of(new Normaliser.FractionOfMax(), 1, null, 0, false, new double[] {.2, .4, .6, NA, 1}),
                // lower is better: best / x = 2 / x
                Arguments.of(new Normaliser.FractionOfMax(), -1, null, 0, false, new double[] {1, .5, 1.0 / 3, NA, .2}),
                // (x - 0)/20 * 100 and (20 - x)/20 * 100
                Arguments.of(new Normaliser.Scaled(0, 20), 1, null, 0, false, new double[] {10, 20, 30, NA, 50}),
                Arguments.of(new Normaliser.Scaled(0, 20), -1, null, 0, false, new double[] {90, 80, 70, NA, 50}),
                // clamp((x - 4)/4) and clamp((8 - x)/4)
                Arguments.of(new Normaliser.Goalposts(), 1, posts, 0, false, new double[] {0, 0, .5, NA, 1}),
                Arguments.of(new Normaliser.Goalposts(), -1, posts, 0, false, new double[] {1, 1, .5, NA, 0}),
                // no truncation, scale 100: (x - 4)/4 * 100
                Arguments.of(
                        new Normaliser.Goalposts(), 1, new Node.Goalposts(4, 8, 100, false), 0, false, new double[] {
                            -50, 0, 50, NA, 150
                        }),
                // target 8: (x - 2)/(8 - 2), uncapped then capped at 1
                Arguments.of(new Normaliser.DistanceToTarget(), 1, null, 8, false, new double[] {
                    0, 1.0 / 3, 2.0 / 3, NA, 4.0 / 3
                }),
                Arguments.of(
                        new Normaliser.DistanceToTarget(), 1, null, 8, true, new double[] {0, 1.0 / 3, 2.0 / 3, NA, 1}),
                // lower is better, target 4: (10 - x)/(10 - 4), capped
                Arguments.of(new Normaliser.DistanceToTarget(), -1, null, 4, true, new double[] {1, 1, 4.0 / 6, NA, 0}),
                // target-anchored, 100 at T, 0 at the worst value observed, clamped to [0, 100]:
                // higher is better, T 8, worst 2: (x − 2)/6·100, and 10 is beyond the target (133 → 100)
                Arguments.of(new Normaliser.TargetAnchored(), 1, null, 8, false, new double[] {
                    0, 100.0 / 3, 200.0 / 3, NA, 100
                }),
                // lower is better, T 4, worst 10: (10 − x)/6·100; 2 is beyond the target (133 → 100)
                Arguments.of(
                        new Normaliser.TargetAnchored(), -1, null, 4, false, new double[] {100, 100, 200.0 / 3, NA, 0}),
                // higher is better, T 8, worst goalpost 0 (the lower post; the upper one, 20, is not
                // used): x/8·100, 10 capped (125 → 100)
                Arguments.of(
                        new Normaliser.TargetAnchored(),
                        1,
                        new Node.Goalposts(0, 20, 1, false),
                        8,
                        false,
                        new double[] {25, 50, 75, NA, 100}),
                // lower is better, T 4, worst goalpost 12 (the upper post): (12 − x)/8·100, 2 capped (125 → 100)
                Arguments.of(
                        new Normaliser.TargetAnchored(),
                        -1,
                        new Node.Goalposts(1, 12, 1, false),
                        4,
                        false,
                        new double[] {100, 100, 75, NA, 25}),
                // a value worse than the worst goalpost 3 scores 0: (2 − 3)/5 → 0; (x − 3)/5·100 otherwise
                Arguments.of(
                        new Normaliser.TargetAnchored(),
                        1,
                        new Node.Goalposts(3, 20, 1, false),
                        8,
                        false,
                        new double[] {0, 20, 60, NA, 100}),
                // reference u2 (x = 4): 1 − (4 − x)/(4 − 2), the reference 1, the worst 0, better above 1
                Arguments.of(
                        new Normaliser.DistanceToReference("u2"), 1, null, 0, false, new double[] {0, 1, 2, NA, 4}),
                // lower is better, reference u3 (x' = −6, min x' = −10): 1 − (−6 − x')/4
                Arguments.of(
                        new Normaliser.DistanceToReference("u3"), -1, null, 0, false, new double[] {2, 1.5, 1, NA, 0}),
                // none applies the direction like every normaliser (docs/reference/composite-methods.md §3.1): −x
                Arguments.of(new Normaliser.None(), -1, null, 0, false, new double[] {-2, -4, -6, NA, -10}));
    }

    static IndexResult normalise(
            double[] x, Normaliser n, int direction, Node.Goalposts g, double target, boolean cap) {
        Node node = Fixtures.node("x", 1, null, direction, 1);
        if (g != null) {
            node = node.withGoalposts(g);
        }
        if (target != 0) {
            node = node.withTarget(target, cap);
        }
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new double[] {x[i]};
        }
        CompositeIndex idx = CompositeIndex.of(Hierarchy.of(List.of(node)), Fixtures.data(List.of("x"), rows));
        return idx.build(Pipeline.defaults().withNormaliser(n));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesHandWorkedValues(
            Normaliser n, int direction, Node.Goalposts g, double target, boolean cap, double[] expected) {
        double[] got = Fixtures.column(normalise(X, n, direction, g, target, cap), "x");
        assertArrayEquals(expected, got, 1e-12, n + " direction " + direction);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void unitOrderDoesNotMatter(
            Normaliser n, int direction, Node.Goalposts g, double target, boolean cap, double[] expected) {
        // units are sorted by code whatever order they come in; reversing the values moves them to other units
        double[] rev = {X[4], X[3], X[2], X[1], X[0]};
        if (n instanceof Normaliser.DistanceToReference r) {
            // the reference unit's value moves with the values: uk's is now u(6 − k)'s
            n = new Normaliser.DistanceToReference(
                    "u" + (6 - Integer.parseInt(r.unit().substring(1))));
        }
        double[] got = Fixtures.column(normalise(rev, n, direction, g, target, cap), "x");
        double[] want = {expected[4], expected[3], expected[2], expected[1], expected[0]};
        assertArrayEquals(want, got, 1e-12);
    }

    @Test
    void everyKindOfNormaliserHasACase() {
        // the build maps each record of the sealed interface to its behaviour in one place, which
        // throws for a record it does not know; a case per record makes that failure show here
        java.util.Set<Class<?>> covered = new java.util.HashSet<>();
        cases().forEach(a -> covered.add(a.get()[0].getClass()));
        assertEquals(java.util.Set.of(Normaliser.class.getPermittedSubclasses()), covered);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void textRoundTrips(Normaliser n, int direction, Node.Goalposts g, double target, boolean cap, double[] e) {
        assertEquals(n, Normaliser.parse(n.text()));
    }

    @Test
    void targetAnchoredScoresDoNotDependOnOtherUnitsWithGoalposts() {
        // with goalposts 0 and 20 and T 8 the unit at 6 scores 75 whoever else is in the set
        Node.Goalposts posts = new Node.Goalposts(0, 20, 1, false);
        double[] alone =
                Fixtures.column(normalise(new double[] {6}, new Normaliser.TargetAnchored(), 1, posts, 8, false), "x");
        double[] withOthers = Fixtures.column(
                normalise(new double[] {6, 1, 19}, new Normaliser.TargetAnchored(), 1, posts, 8, false), "x");
        assertEquals(75, alone[0], 1e-12);
        assertEquals(75, withOthers[0], 1e-12);
    }

    @Test
    void targetAnchoredNeedsATargetBetterThanTheWorstPost() {
        assertThrows(IndexException.class, () -> normalise(X, new Normaliser.TargetAnchored(), 1, null, 0, false));
        // higher is better, the lower post 9 above the target 8
        assertThrows(
                IndexException.class,
                () -> normalise(X, new Normaliser.TargetAnchored(), 1, new Node.Goalposts(9, 20, 1, false), 8, false));
        // lower is better, the upper post 4 at the target 4
        assertThrows(
                IndexException.class,
                () -> normalise(X, new Normaliser.TargetAnchored(), -1, new Node.Goalposts(1, 4, 1, false), 4, false));
        // every unit at or beyond the target 1 (higher is better): each has met it, 100
        assertArrayEquals(
                new double[] {100, 100, 100, NA, 100},
                Fixtures.column(normalise(X, new Normaliser.TargetAnchored(), 1, null, 1, false), "x"),
                0);
        assertEquals(new Normaliser.TargetAnchored(), Normaliser.parse(" Target "));
    }

    @Test
    void tiesShareTheLowestRank() {
        // 2, 4, 4, 10 → ranks 1, 2, 2, 4
        double[] got =
                Fixtures.column(normalise(new double[] {2, 4, 4, 10}, new Normaliser.Rank(), 1, null, 0, false), "x");
        assertArrayEquals(new double[] {1, 2, 2, 4}, got);
    }

    @Test
    void constantIndicatorIsAnErrorNamingIt() {
        IndexException e = assertThrows(
                IndexException.class,
                () -> normalise(new double[] {5, 5, NA, 5}, Normaliser.defaults(), 1, null, 0, false));
        assertEquals("x", e.code());
        assertTrue(e.getMessage().contains("'x' is constant"), e.getMessage());
        assertTrue(e.getMessage().contains("rank or none"), e.getMessage());
        assertThrows(
                IndexException.class,
                () -> normalise(new double[] {5, 5}, new Normaliser.ZScore(0, 1), 1, null, 0, false));
        assertThrows(
                IndexException.class,
                () -> normalise(new double[] {5, NA}, new Normaliser.PercentRank(), 1, null, 0, false));
    }

    @Test
    void distanceToTargetRoundsAsCoinr() {
        // COINr 1.1.14 (R/normalise.R, n_dist2targ through use_iMeta) computes (x' − min x')/(T' − min x')
        // on x' = −x, T' = −0.3: x' = −1, −3.4, −3.4000000000000004, −5, min −5, T' − min = 4.7. Expected
        // values are those IEEE double operations in that order, evaluated in Python; the algebraically
        // equal 1 − (T' − x')/(T' − min) gives 0.34042553191489366 for 3.4, one ulp away
        double[] got = Fixtures.column(
                normalise(
                        new double[] {1, 3.4, 3.4000000000000004, 5},
                        new Normaliser.DistanceToTarget(),
                        -1,
                        null,
                        0.3,
                        false),
                "x");
        assertArrayEquals(new double[] {0.851063829787234, 0.3404255319148936, 0.34042553191489355, 0}, got);
    }

    @Test
    void missingMetadataIsAnError() {
        IndexException g =
                assertThrows(IndexException.class, () -> normalise(X, new Normaliser.Goalposts(), 1, null, 0, false));
        assertTrue(g.getMessage().contains("no goalposts"), g.getMessage());
        IndexException t = assertThrows(
                IndexException.class, () -> normalise(X, new Normaliser.DistanceToTarget(), 1, null, 0, false));
        assertTrue(t.getMessage().contains("no target"), t.getMessage());
        // target equal to the worst value (2) leaves nothing to divide by
        assertThrows(IndexException.class, () -> normalise(X, new Normaliser.DistanceToTarget(), 1, null, 2, false));
        // fraction of the best value for lower-is-better needs values above 0
        assertThrows(
                IndexException.class,
                () -> normalise(new double[] {0, 1, 2}, new Normaliser.FractionOfMax(), -1, null, 0, false));
        assertThrows(
                IndexException.class,
                () -> normalise(new double[] {-2, -1}, new Normaliser.FractionOfMax(), 1, null, 0, false));
    }

    @Test
    void distanceToReferenceNeedsTheUnitAndItsValue() {
        IndexException none = assertThrows(
                IndexException.class, () -> normalise(X, new Normaliser.DistanceToReference("u9"), 1, null, 0, false));
        assertTrue(none.getMessage().contains("no unit 'u9'"), none.getMessage());
        // u4 has no value
        IndexException missing = assertThrows(
                IndexException.class, () -> normalise(X, new Normaliser.DistanceToReference("u4"), 1, null, 0, false));
        assertTrue(missing.getMessage().contains("no value for the reference unit 'u4'"), missing.getMessage());
        // u1 holds the worst value
        assertThrows(
                IndexException.class, () -> normalise(X, new Normaliser.DistanceToReference("u1"), 1, null, 0, false));
        // the unit code keeps its case
        assertEquals(new Normaliser.DistanceToReference("AUT"), Normaliser.parse(" Dist2ref:AUT "));
        assertThrows(IllegalArgumentException.class, () -> Normaliser.parse("dist2ref:"));
    }

    @Test
    void allMissingStaysMissing() {
        double[] got = Fixtures.column(normalise(new double[] {NA, NA}, Normaliser.defaults(), 1, null, 0, false), "x");
        assertArrayEquals(new double[] {NA, NA}, got);
    }

    @Test
    void parseRejectsUnknownAndMalformed() {
        assertEquals(new Normaliser.MinMax(0, 100), Normaliser.parse("minmax"));
        assertEquals(new Normaliser.ZScore(0, 1), Normaliser.parse(" ZScore "));
        assertThrows(IllegalArgumentException.class, () -> Normaliser.parse("minmax:1"));
        assertThrows(IllegalArgumentException.class, () -> Normaliser.parse("minmax:a,b"));
        assertThrows(IllegalArgumentException.class, () -> Normaliser.parse("rank:1"));
        assertThrows(IllegalArgumentException.class, () -> Normaliser.parse("sigmoid"));
        assertThrows(IllegalArgumentException.class, () -> Normaliser.parse("scaled"));
        assertThrows(IllegalArgumentException.class, () -> new Normaliser.MinMax(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Normaliser.ZScore(0, 0));
    }
}
