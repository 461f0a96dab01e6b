package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast min-max and arithmetic paths give bit for bit what the general, column-by-column steps
 * give (the reference here: {@link NormaliseStep#column} per column and {@link AggregateStep#run}
 * over a copy of the normalised matrix, which has no missing-cell lists and so takes the general
 * path). Data are seeded: 3 levels, negative directions, missing cells, a unit with a whole pillar
 * missing, odd weights and coverage thresholds.
 */
class FastPathTest {
    private static Hierarchy hierarchy(double[] weights) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            nodes.add(
                    Node.indicator("i" + i, "p" + (i / 4), i % 3 == 2 ? -1 : 1).withWeight(weights[i]));
        }
        for (int p = 0; p < 3; p++) {
            nodes.add(Node.aggregate("p" + p, 2, "top").withWeight(1 + p * 0.37));
        }
        nodes.add(Node.aggregate("top", 3, null));
        return Hierarchy.of(nodes);
    }

    private static CompositeIndex index(long seed, double missingShare, double[] weights) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            codes.add("i" + i);
        }
        IndexData.Builder b = IndexData.builder(codes);
        for (int u = 0; u < 300; u++) {
            String unit = String.format("u%03d", u);
            b.row(unit, "");
            for (int i = 0; i < 12; i++) {
                boolean wholePillarGone = u == 7 && i < 4;
                if (!wholePillarGone && rnd.nextDouble() >= missingShare) {
                    b.value(unit, "", codes.get(i), rnd.nextInt(5) == 0 ? rnd.nextInt(3) : rnd.nextDouble() * 1e3);
                }
            }
        }
        return CompositeIndex.of(hierarchy(weights), b.build());
    }

    @ParameterizedTest
    @CsvSource({
        "1, 0.05, 0, 0, 100, 1, minmax",
        "2, 0.3, 0.5, 1, 100, 1, minmax",
        "3, 0.6, 0.75, -1, 1, 2, minmax",
        "4, 0.0, 0, 0, 10, 0.5, minmax",
        "5, 0.2, 1, 0, 100, -1, minmax",
        "6, 0.05, 0, 0, 0, 1, rank",
        "7, 0.3, 0.5, 0, 0, 1, zscore",
    })
    void fastPathsMatchTheGeneralStepsBitForBit(
            long seed,
            double missing,
            double coverage,
            double lower,
            double upper,
            double oddWeight,
            String normaliser) {
        double[] weights = new double[12];
        for (int i = 0; i < 12; i++) {
            weights[i] = i == 5 ? oddWeight : 1 + (i % 4) * 0.1;
        }
        CompositeIndex index = index(seed, missing, weights);
        Normaliser n = normaliser.equals("minmax")
                ? new Normaliser.MinMax(lower, upper)
                : normaliser.equals("rank") ? new Normaliser.Rank() : new Normaliser.ZScore(10, 2);
        Pipeline p = Pipeline.defaults().withNormaliser(n).withMinCoverage(coverage);
        IndexResult fast = index.build(p);
        assertNotNull(fast.stages().normalised.knownMissing(), "the fast path was taken");

        Hierarchy h = index.hierarchy();
        Matrix in = fast.stages().treated;
        Matrix ref = new Matrix(in.rows, in.cols);
        for (int c = 0; c < in.cols; c++) {
            NormaliseStep.column(
                    p.normaliserFor(h.nodes().get(c).code()),
                    h.nodes().get(c),
                    in.v,
                    in.ok,
                    c * in.rows,
                    (c + 1) * in.rows,
                    ref.v,
                    ref.ok,
                    "");
        }
        assertArrayEquals(ref.ok, fast.stages().normalised.ok);
        assertArrayEquals(bits(ref.v), bits(fast.stages().normalised.v));

        Matrix general = ref.copy();
        assertNull(general.knownMissing(), "the reference takes the general path");
        Matrix agg = new Matrix(in.rows, h.nodes().size() - h.indicatorCount());
        AggregateStep.run(general, agg, h, fast.stages().weights, p, in.rows, r -> "row " + r);
        assertArrayEquals(agg.ok, fast.stages().aggregated.ok);
        assertArrayEquals(bits(agg.v), bits(fast.stages().aggregated.v));

        // the missing-cell lists recorded for the aggregates are exactly the missing rows
        int[][] lists = fast.stages().aggregated.knownMissing();
        assertNotNull(lists);
        Matrix fresh = fast.stages().aggregated.copy();
        for (int c = 0; c < lists.length; c++) {
            assertArrayEquals(fresh.missing()[c], lists[c], "aggregate column " + c);
        }
    }

    @ParameterizedTest
    @CsvSource({"1", "-1"})
    void columnRangesKeepTheFirstOfEqualValues(int direction) {
        // −0 and 0 compare equal: min-max must see the one that comes first, as the loop does
        Matrix m = new Matrix(4, 1);
        double[] x = {0.0, -0.0, 5, -0.0};
        for (int r = 0; r < 4; r++) {
            m.v[r] = x[r];
            m.ok[r] = true;
        }
        double[][] g = m.ranges();
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(g[0][0])); // row 0 comes first
        assertEquals(5.0, g[0][1]);
        Node node = Node.indicator("x", null, direction);
        Matrix fast = NormaliseStep.minMaxAll(m, List.of(node), new Normaliser.MinMax[] {new Normaliser.MinMax(0, 1)});
        Matrix ref = new Matrix(4, 1);
        NormaliseStep.column(new Normaliser.MinMax(0, 1), node, m.v, m.ok, 0, 4, ref.v, ref.ok, "");
        assertArrayEquals(bits(ref.v), bits(fast.v));
        assertSame(m.ok, fast.ok, "the mask is shared, not copied");
    }

    @ParameterizedTest
    @CsvSource({"0.9", "1"})
    void nodesWhoseFullRowsFailCoverageTakeTheGeneralPath(double coverage) {
        // coverage 1 with weights summing to 0 in pillar p0 → every row of p0 is missing
        double[] weights = new double[12];
        for (int i = 0; i < 12; i++) {
            weights[i] = i < 4 ? (i % 2 == 0 ? 1 : -1) : 1;
        }
        CompositeIndex index = index(9, 0.1, weights);
        IndexResult r = index.build(Pipeline.defaults().withMinCoverage(coverage));
        int p0 = index.hierarchy().indexOf("p0");
        Map<Boolean, Integer> present = new HashMap<>();
        for (int row = 0; row < r.rowCount(); row++) {
            present.merge(r.isPresent(row, p0), 1, Integer::sum);
        }
        // weights 1 − 1 + 1 − 1 = 0 by hand: no row of p0 can have a value
        assertEquals(Map.of(false, r.rowCount()), present);
        int[][] lists = r.stages().aggregated.knownMissing();
        assertEquals(r.rowCount(), lists[0].length);
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
