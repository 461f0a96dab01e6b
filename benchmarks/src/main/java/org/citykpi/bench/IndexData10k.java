package org.citykpi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.IndexData;
import org.citykpi.index.Node;

/**
 * Synthetic index inputs for the benchmarks: {@code units} units × 100 indicators in four levels
 * (100 indicators → 20 pillars of 5 → 4 sub-indices of 5 → 1 index), 5 % of values missing, every
 * fifth indicator lower-is-better, values from a fixed seed.
 */
final class IndexData10k {
    static final int INDICATORS = 100;

    private IndexData10k() {}

    static Hierarchy hierarchy() {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            Node n = Node.indicator("i" + i, "p" + (i / 5), i % 5 == 4 ? -1 : 1);
            nodes.add(n);
        }
        for (int p = 0; p < 20; p++) {
            nodes.add(Node.aggregate("p" + p, 2, "s" + (p / 5)));
        }
        for (int s = 0; s < 4; s++) {
            nodes.add(Node.aggregate("s" + s, 3, "index"));
        }
        nodes.add(Node.aggregate("index", 4, null));
        return Hierarchy.of(nodes);
    }

    static double[][] values(int units, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] v = new double[units][INDICATORS];
        for (double[] row : v) {
            for (int i = 0; i < INDICATORS; i++) {
                row[i] = rnd.nextDouble() < 0.05 ? Double.NaN : 1 + rnd.nextDouble() * 1000;
            }
        }
        return v;
    }

    static CompositeIndex index(int units, long seed) {
        double[][] v = values(units, seed);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            codes.add("i" + i);
        }
        IndexData.Builder b = IndexData.builder(codes);
        for (int u = 0; u < units; u++) {
            String unit = String.format("u%06d", u);
            b.row(unit, "");
            for (int i = 0; i < INDICATORS; i++) {
                if (!Double.isNaN(v[u][i])) {
                    b.value(unit, "", codes.get(i), v[u][i]);
                }
            }
        }
        return CompositeIndex.of(hierarchy(), b.build());
    }
}
