package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Large min-max builds (more than {@link CompositeIndex#FUSE_ABOVE} cells) normalise the cells
 * inside the arithmetic means of indicators and write the normalised matrix only on request; this
 * checks, bit for bit, both the written matrix and the aggregates against the general steps
 * ({@link NormaliseStep#column} per column, then {@link AggregateStep#run} over a copy that has
 * no missing-cell lists). Seeded data: 6,000 units × 12 indicators (72,000 cells), 3 levels,
 * negative directions, missing cells, a unit with a whole pillar missing, an odd weight, an
 * optional indicator with no value at all, coverage thresholds and per-node aggregators.
 */
class FusedMinMaxTest {
    private static final int UNITS = 6000;

    private static Hierarchy hierarchy(double oddWeight) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double w = i == 5 ? oddWeight : 1 + (i % 4) * 0.1;
            nodes.add(
                    Node.indicator("i" + i, "p" + (i / 4), i % 3 == 2 ? -1 : 1).withWeight(w));
        }
        for (int p = 0; p < 3; p++) {
            nodes.add(Node.aggregate("p" + p, 2, "top").withWeight(1 + p * 0.37));
        }
        nodes.add(Node.aggregate("top", 3, null));
        return Hierarchy.of(nodes);
    }

    private static CompositeIndex index(long seed, double missingShare, double oddWeight, boolean emptyColumn) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            codes.add("i" + i);
        }
        IndexData.Builder b = IndexData.builder(codes);
        for (int u = 0; u < UNITS; u++) {
            String unit = String.format("u%04d", u);
            b.row(unit, "");
            for (int i = 0; i < 12; i++) {
                boolean gone = (u == 7 && i < 4) || (emptyColumn && i == 9);
                if (!gone && rnd.nextDouble() >= missingShare) {
                    b.value(unit, "", codes.get(i), rnd.nextInt(5) == 0 ? rnd.nextInt(3) : rnd.nextDouble() * 1e3);
                }
            }
        }
        return CompositeIndex.of(hierarchy(oddWeight), b.build());
    }

    @ParameterizedTest
    @CsvSource({
        "1, 0.05, 0, 0, 100, 1, false, arithmetic",
        "2, 0.3, 0.5, 1, 100, 1, false, arithmetic",
        "3, 0.6, 0.75, -1, 1, 2, true, arithmetic",
        "4, 0.0, 0, 0, 10, 0.5, false, arithmetic",
        "5, 0.2, 1, 0, 100, -1, false, arithmetic",
        "6, 0.1, 0, 1, 100, 1, false, geometric",
        "7, 0.1, 0, 1, 100, 1, true, mixed",
    })
    void fusedBuildsMatchTheGeneralStepsBitForBit(
            long seed,
            double missing,
            double coverage,
            double lower,
            double upper,
            double oddWeight,
            boolean emptyColumn,
            String aggregation) {
        CompositeIndex index = index(seed, missing, oddWeight, emptyColumn);
        Pipeline p = Pipeline.defaults()
                .withNormaliser(new Normaliser.MinMax(lower, upper))
                .withMinCoverage(coverage);
        if (aggregation.equals("geometric")) {
            p = p.withAggregator(new Aggregator.Geometric());
        } else if (aggregation.equals("mixed")) {
            // a geometric pillar writes the matrix mid-build; the arithmetic ones after it read it
            p = p.withAggregators(Map.of("p1", new Aggregator.Geometric()));
        }
        IndexResult fused = index.build(p);
        CompositeIndex.Stages s = fused.stages();
        assertNotNull(s.plan, "the fused path was taken");
        assertNull(s.normalised, "the normalised matrix is held by the plan");
        assertEquals(aggregation.equals("arithmetic"), !s.plan.written(), "written only when a node needs it");

        Hierarchy h = index.hierarchy();
        Matrix in = s.treated;
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
        Matrix agg = new Matrix(in.rows, h.nodes().size() - h.indicatorCount());
        AggregateStep.run(ref.copy(), agg, h, s.weights, p, in.rows, r -> "row " + r);
        assertArrayEquals(agg.ok, s.aggregated.ok);
        assertArrayEquals(bits(agg.v), bits(s.aggregated.v));

        // the missing-cell lists recorded for the fast aggregates (null: made another way) are
        // exactly the missing rows
        int[][] lists = s.aggregated.knownMissing();
        Matrix fresh = s.aggregated.copy();
        for (int c = 0; c < lists.length; c++) {
            if (lists[c] != null) {
                assertArrayEquals(fresh.missing()[c], lists[c], "aggregate column " + c);
            }
        }

        // the matrix written on request is the general step's; results read it (level 1)
        Matrix written = s.normalised();
        assertTrue(s.plan.written());
        assertArrayEquals(ref.ok, written.ok);
        assertArrayEquals(bits(ref.v), bits(written.v));
        int i3 = h.indexOf("i3");
        for (int r = 0; r < in.rows; r += 997) {
            assertEquals(ref.ok[3 * in.rows + r], fused.isPresent(r, i3));
        }

        // a rebuild from the aggregation step with the plan already written gives the same
        IndexResult again = index.rebuild(fused, p.withMinCoverage(coverage == 0 ? 0.01 : 0));
        Matrix agg2 = new Matrix(in.rows, agg.cols);
        AggregateStep.run(ref.copy(), agg2, h, s.weights, again.pipeline(), in.rows, r -> "row " + r);
        assertArrayEquals(bits(agg2.v), bits(again.stages().aggregated.v));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.05, rank", "0.75, 0.4, rank", "0, 0.1, minmax", "0.5, 0.3, percentrank"})
    void geometricMeansOfIndicatorsMatchTheRowByRowLoopBitForBit(double coverage, double missing, String normaliser) {
        // rank (1..n) and min-max onto [1, 100] leave every present cell above 0, so geometric
        // means of indicators take the column-by-column path; a percentile rank has zeros (the
        // lowest value maps to 0), so that case must take the row-by-row path and fail as before
        CompositeIndex index = index(21, missing, 1.3, false);
        Normaliser n = normaliser.equals("rank")
                ? new Normaliser.Rank()
                : normaliser.equals("minmax") ? new Normaliser.MinMax(1, 100) : new Normaliser.PercentRank();
        Pipeline p = Pipeline.defaults()
                .withNormaliser(n)
                .withAggregator(new Aggregator.Geometric())
                .withAggregators(Map.of("top", new Aggregator.Arithmetic()))
                .withMinCoverage(coverage);
        if (normaliser.equals("percentrank")) {
            IndexException e =
                    org.junit.jupiter.api.Assertions.assertThrows(IndexException.class, () -> index.build(p));
            assertTrue(e.getMessage().contains("geometric mean"), e.getMessage());
            return;
        }
        IndexResult r = index.build(p);
        Matrix ind = r.stages().normalised();
        assertNotNull(ind.knownMissing(), "the column-by-column path is open");
        Hierarchy h = index.hierarchy();
        Matrix agg = new Matrix(ind.rows, h.nodes().size() - h.indicatorCount());
        AggregateStep.run(ind.copy(), agg, h, r.stages().weights, p, ind.rows, row -> "row " + row);
        assertArrayEquals(agg.ok, r.stages().aggregated.ok);
        assertArrayEquals(bits(agg.v), bits(r.stages().aggregated.v));
    }

    @ParameterizedTest
    @CsvSource({"0.9", "1"})
    void nodesWhoseFullRowsFailCoverageAreNotFused(double coverage) {
        // pillar p0's weights sum to 0 (1 − 1 + 1 − 1 by hand), so no row of p0 has a value
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double w = i < 4 ? (i % 2 == 0 ? 1 : -1) : 1;
            nodes.add(Node.indicator("i" + i, "p" + (i / 4), 1).withWeight(w));
        }
        for (int p = 0; p < 3; p++) {
            nodes.add(Node.aggregate("p" + p, 2, "top"));
        }
        nodes.add(Node.aggregate("top", 3, null));
        CompositeIndex base = index(9, 0.1, 1, false);
        CompositeIndex index = CompositeIndex.of(Hierarchy.of(nodes), base.data());
        IndexResult r = index.build(Pipeline.defaults().withMinCoverage(coverage));
        assertNotNull(r.stages().plan);
        int p0 = index.hierarchy().indexOf("p0");
        for (int row = 0; row < r.rowCount(); row += 101) {
            assertFalse(r.isPresent(row, p0));
        }
        assertEquals(r.rowCount(), r.stages().aggregated.knownMissing()[0].length);
    }

    @ParameterizedTest
    @CsvSource({"0, 1.7", "0.6, 1", "0.95, 0.4"})
    void wideAndSingleChildNodesMatchTheGeneralStepsBitForBit(double coverage, double oddWeight) {
        // p0 has 10 children, more than ColumnMeans.WEIGHT_TABLE_MAX, so the weights of its rows
        // with a missing child are summed child by child instead of looked up; p1 has one child
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double w = i == 3 ? oddWeight : 1 + (i % 3) * 0.25;
            nodes.add(Node.indicator("i" + i, i < 10 ? "p0" : i == 10 ? "p1" : "p2", i % 4 == 1 ? -1 : 1)
                    .withWeight(w));
        }
        for (int p = 0; p < 3; p++) {
            nodes.add(Node.aggregate("p" + p, 2, "top"));
        }
        nodes.add(Node.aggregate("top", 3, null));
        assertTrue(10 > ColumnMeans.WEIGHT_TABLE_MAX);
        CompositeIndex base = index(31, 0.15, 1, false);
        CompositeIndex index = CompositeIndex.of(Hierarchy.of(nodes), base.data());
        Pipeline p = Pipeline.defaults().withMinCoverage(coverage);
        IndexResult fused = index.build(p);
        CompositeIndex.Stages s = fused.stages();
        assertNotNull(s.plan, "the fused path was taken");
        assertFalse(s.plan.written());
        Matrix ref = s.plan.matrix().copy();
        Hierarchy h = index.hierarchy();
        Matrix agg = new Matrix(ref.rows, h.nodes().size() - h.indicatorCount());
        AggregateStep.run(ref, agg, h, s.weights, p, ref.rows, r -> "row " + r);
        assertArrayEquals(agg.ok, s.aggregated.ok);
        assertArrayEquals(bits(agg.v), bits(s.aggregated.v));
    }

    @ParameterizedTest
    @CsvSource({"geometric, 0", "geometric, 0.75", "mixed, 0", "arithmetic, 0.5"})
    void ranksOnlyRebuildsRankLikeFullRebuilds(String aggregation, double coverage) {
        // uncertainty runs rebuild for one node's ranks and skip exp for geometric means under a
        // geometric parent; every node's ranks must equal those of a full rebuild
        CompositeIndex index = index(41, 0.1, 1.3, false);
        Pipeline p = Pipeline.defaults()
                .withNormaliser(new Normaliser.MinMax(1, 100))
                .withMinCoverage(coverage);
        if (aggregation.equals("geometric")) {
            p = p.withAggregator(new Aggregator.Geometric());
        } else if (aggregation.equals("mixed")) {
            p = p.withAggregator(new Aggregator.Geometric()).withAggregators(Map.of("p1", new Aggregator.Arithmetic()));
        }
        IndexResult base = index.build(Pipeline.defaults());
        IndexResult full = index.rebuild(base, p);
        Hierarchy h = index.hierarchy();
        for (int node = h.indicatorCount(); node < h.nodes().size(); node++) {
            assertArrayEquals(
                    full.rankColumn(node),
                    index.rebuildRanks(base, p, node),
                    h.nodes().get(node).code());
        }
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
