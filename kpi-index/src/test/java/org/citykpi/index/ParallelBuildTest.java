package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large level split over two threads ({@link AggregateStep#run} with {@code parallel}) gives the
 * same aggregates, bit for bit, and the same missing-cell lists as making every node in turn; an
 * error in the half made by the other thread reaches the caller unchanged. Seeded data: 24,000
 * units × 12 indicators in 4 pillars (288,000 child cells at level 2, above {@link
 * AggregateStep#PARALLEL_ABOVE}), 10 % missing, some zeros.
 */
class ParallelBuildTest {
    private static final int UNITS = 24_000;

    private static CompositeIndex index(boolean zeros) {
        List<Node> nodes = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // with zeros, every direction is +1, so that "none" leaves the zeros as the only values ≤ 0
            int d = !zeros && i % 4 == 1 ? -1 : 1;
            nodes.add(Node.indicator("i" + i, "p" + (i / 3), d).withWeight(1 + i % 3));
            codes.add("i" + i);
        }
        for (int p = 0; p < 4; p++) {
            nodes.add(Node.aggregate("p" + p, 2, "top"));
        }
        nodes.add(Node.aggregate("top", 3, null));
        SplittableRandom rnd = new SplittableRandom(77);
        IndexData.Builder b = IndexData.builder(codes);
        for (int u = 0; u < UNITS; u++) {
            String unit = String.format("u%05d", u);
            b.row(unit, "");
            for (int i = 0; i < 12; i++) {
                if (rnd.nextDouble() >= 0.1) {
                    double x = zeros && i == 10 && u % 1000 == 999 ? 0 : 1 + rnd.nextDouble() * 100;
                    b.value(unit, "", codes.get(i), x);
                }
            }
        }
        return CompositeIndex.of(Hierarchy.of(nodes), b.build());
    }

    private static Matrix aggregate(IndexResult r, Pipeline p, boolean parallel) {
        CompositeIndex.Stages s = r.stages();
        Hierarchy h = r.index().hierarchy();
        Matrix agg = new Matrix(s.treated.rows, h.nodes().size() - h.indicatorCount());
        Matrix ind = s.plan != null && !s.plan.written() ? null : s.normalised();
        AggregateStep.run(
                ind, ind == null ? s.plan : null, agg, h, s.weights, p, UNITS, row -> "row " + row, null, parallel);
        return agg;
    }

    @ParameterizedTest
    @ValueSource(strings = {"arithmetic", "geometric", "mixed"})
    void twoThreadsMakeTheSameAggregates(String aggregation) {
        // level 2: 4 pillars over 12 indicators, 24,000 rows each: split when asked, not otherwise
        assertTrue(AggregateStep.splits(true, true, 4, UNITS * 12L), "the level is split over two threads");
        assertFalse(AggregateStep.splits(false, true, 4, UNITS * 12L));
        CompositeIndex index = index(false);
        Pipeline p = Pipeline.defaults()
                .withNormaliser(new Normaliser.MinMax(1, 100))
                .withMinCoverage(0.5);
        if (aggregation.equals("geometric")) {
            p = p.withAggregator(new Aggregator.Geometric());
        } else if (aggregation.equals("mixed")) {
            p = p.withAggregators(Map.of("p1", new Aggregator.Geometric(), "p3", new Aggregator.Harmonic()));
        }
        IndexResult r = index.build(p);
        Matrix one = aggregate(r, p, false);
        Matrix two = aggregate(r, p, true);
        assertArrayEquals(one.ok, two.ok);
        assertArrayEquals(bits(one.v), bits(two.v));
        for (int c = 0; c < one.cols; c++) {
            assertArrayEquals(one.knownMissing()[c], two.knownMissing()[c], "missing list of aggregate " + c);
        }
    }

    @Test
    void anErrorInTheOtherHalfReachesTheCaller() {
        // i10 (pillar p3, in the second half of level 2) has zeros, which a geometric mean rejects
        CompositeIndex index = index(true);
        Pipeline p =
                Pipeline.defaults().withNormaliser(new Normaliser.None()).withAggregator(new Aggregator.Geometric());
        IndexResult base = index.build(Pipeline.defaults().withNormaliser(new Normaliser.None()));
        IndexException e = assertThrows(IndexException.class, () -> aggregate(base, p, true));
        assertTrue(e.getMessage().contains("'i10' is 0"), e.getMessage());
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
