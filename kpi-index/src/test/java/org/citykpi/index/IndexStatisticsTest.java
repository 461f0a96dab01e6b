package org.citykpi.index;

import static org.citykpi.index.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexStatisticsTest {
    static IndexResult build(double[][] data) {
        CompositeIndex idx = CompositeIndex.of(Fixtures.abcUnderP(), Fixtures.data(List.of("a", "b", "c"), data));
        return idx.build(Pipeline.defaults().withNormaliser(new Normaliser.None()));
    }

    @Test
    void descriptivesUseCoinrSkewAndKurtosis() {
        // a = 1, 2, 3, 4, 10: skew 1.697056274847714, kurtosis 3.152 (e1071 type 2 formulas computed
        // independently in Python; Excel SKEW/KURT give the same)
        IndexResult r = build(new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}, {10, 5, 5}, {NA, 6, 6}});
        Descriptives d = IndexStatistics.of(r).describe("a");
        assertEquals(5, d.n());
        assertEquals(1, d.missing());
        assertEquals(1, d.min().getAsDouble());
        assertEquals(10, d.max().getAsDouble());
        assertEquals(4, d.mean().getAsDouble(), 1e-12);
        assertEquals(3, d.median().getAsDouble());
        // sd: deviations -3 -2 -1 0 6, squares 50, /4 → √12.5
        assertEquals(Math.sqrt(12.5), d.sd().getAsDouble(), 1e-12);
        assertEquals(1.697056274847714, d.skew().getAsDouble(), 1e-12);
        assertEquals(3.152, d.kurtosis().getAsDouble(), 1e-12);
        assertFalse(d.outlierFlag());
        assertEquals(4, IndexStatistics.of(r).describeAll().size()); // a, b, c, P
        assertEquals(5, IndexStatistics.of(r).describeRaw("a").n());
    }

    @Test
    void descriptivesEdgeCases() {
        Descriptives empty = Descriptives.of("x", new double[0], 0, 3);
        assertTrue(empty.mean().isEmpty() && empty.sd().isEmpty());
        Descriptives one = Descriptives.of("x", new double[] {4}, 1, 0);
        assertTrue(one.sd().isEmpty() && one.skew().isEmpty());
        Descriptives constant = Descriptives.of("x", new double[] {2, 2, 2, 2}, 4, 0);
        assertEquals(0, constant.sd().getAsDouble());
        assertTrue(constant.skew().isEmpty() && constant.kurtosis().isEmpty());
    }

    @Test
    void correlationsAndAlpha() {
        // a = 1, 2, 3, 4; b = 2, 4, 6, 9; c = 2a
        IndexResult r = build(new double[][] {{1, 2, 2}, {2, 4, 4}, {3, 6, 6}, {4, 9, 8}});
        IndexStatistics s = IndexStatistics.of(r);
        CorrelationMatrix p = s.correlations(List.of("a"), List.of("b", "c"), IndexStatistics.Method.PEARSON);
        // Pearson(a, b) = 0.9943767126843689 (computed by hand in Python), (a, c) = 1
        assertEquals(0.9943767126843689, p.get("a", "b").getAsDouble(), 1e-12);
        assertEquals(1, p.get(0, 1).getAsDouble(), 1e-12);
        assertEquals(
                1,
                s.correlations(List.of("a"), List.of("b"), IndexStatistics.Method.SPEARMAN)
                        .get(0, 0)
                        .getAsDouble(),
                1e-12);
        assertEquals(
                1,
                s.correlations(List.of("a"), List.of("b"), IndexStatistics.Method.KENDALL)
                        .get(0, 0)
                        .getAsDouble(),
                1e-12);
        assertEquals(
                3, s.correlations(1, 2, IndexStatistics.Method.PEARSON).rows().size());
        assertThrows(IllegalArgumentException.class, () -> p.get("a", "zz"));
        // two items a, c = 2a (var 5/3 and 20/3, cov 10/3): α = k²·c̄/ΣC = 4·(10/3)/(5/3 + 20/3 + 2·10/3) = 40/45
        Hierarchy two = Hierarchy.of(List.of(
                Fixtures.node("a", 1, "P", 1, 1), Fixtures.node("c", 1, "P", 1, 1), Node.aggregate("P", 2, null)));
        IndexResult r2 = CompositeIndex.of(two, Fixtures.data(List.of("a", "c"), new double[][] {
                    {1, 2}, {2, 4}, {3, 6}, {4, 8}
                }))
                .build(Pipeline.defaults().withNormaliser(new Normaliser.None()));
        assertEquals(40.0 / 45, IndexStatistics.of(r2).cronbachAlpha("P").getAsDouble(), 1e-12);
        assertTrue(IndexStatistics.of(r2).cronbachAlpha("a").isEmpty());
        // PCA of two perfectly correlated items: loadings 1/√2 each, all variance on PC1
        Map<String, Double> w = IndexStatistics.of(r2).pcaWeights("P");
        assertEquals(1 / Math.sqrt(2), w.get("a"), 1e-9);
        assertEquals(1 / Math.sqrt(2), w.get("c"), 1e-9);
        assertEquals(1, w.get("(variance)"), 1e-9);
    }

    @Test
    void correlationUndefinedBelowThreeUnitsOrConstant() {
        IndexResult r = build(new double[][] {{1, 5, 2}, {2, 5, 4}, {3, 5, NA}});
        IndexStatistics s = IndexStatistics.of(r);
        assertTrue(s.correlations(List.of("a"), List.of("b"), IndexStatistics.Method.PEARSON)
                .get(0, 0)
                .isEmpty());
        assertTrue(s.correlations(List.of("a"), List.of("c"), IndexStatistics.Method.PEARSON)
                .get(0, 0)
                .isEmpty());
        assertThrows(IllegalArgumentException.class, () -> s.pcaWeights("P"));
        assertThrows(IllegalArgumentException.class, () -> IndexStatistics.of(r, "1999"));
    }

    @Test
    void effectiveWeightsMultiplyShares() {
        // tree of CompositeIndexTest: x1, x2 under A (weight 3), y1 under B (weight 1):
        // x1 = 1/2 · 3/4 = 0.375, y1 = 1 · 1/4
        Map<String, Double> w = IndexStatistics.effectiveWeights(CompositeIndexTest.tree());
        assertEquals(0.375, w.get("x1"), 1e-15);
        assertEquals(0.25, w.get("y1"), 1e-15);
        assertEquals(1, w.get("I"), 1e-15);
    }
}
