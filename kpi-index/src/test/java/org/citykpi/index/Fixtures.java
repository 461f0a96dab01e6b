package org.citykpi.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Small hand-made indices for tests. */
final class Fixtures {
    private Fixtures() {}

    /** Marks a missing value in the arrays below (tests only; never reaches the library). */
    static final double NA = Double.NaN;

    /** Returns data for units u1, u2, ... with the given columns (NaN = missing, not set). */
    static IndexData data(List<String> codes, double[][] byUnit) {
        IndexData.Builder b = IndexData.builder(codes);
        for (int u = 0; u < byUnit.length; u++) {
            String unit = "u" + (u + 1);
            b.row(unit, "");
            for (int c = 0; c < codes.size(); c++) {
                if (!Double.isNaN(byUnit[u][c])) {
                    b.value(unit, "", codes.get(c), byUnit[u][c]);
                }
            }
        }
        return b.build();
    }

    /** Returns the values of {@code code} for u1..un (NaN where missing). */
    static double[] column(IndexResult r, String code) {
        int n = r.data().units().size();
        double[] out = new double[n];
        for (int u = 0; u < n; u++) {
            OptionalDouble v = r.value("u" + (u + 1), "", code);
            out[u] = v.isPresent() ? v.getAsDouble() : NA;
        }
        return out;
    }

    /** Returns a node with every field given. */
    static Node node(String code, int level, String parent, int direction, double weight) {
        return new Node(
                code,
                code,
                level,
                Optional.ofNullable(parent),
                direction,
                weight,
                OptionalDouble.empty(),
                Optional.empty(),
                false,
                Optional.empty());
    }

    /** Three indicators a, b, c (weights 1, 2, 1) under aggregate P. */
    static Hierarchy abcUnderP() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("a", 1, "P", 1, 1));
        nodes.add(node("b", 1, "P", 1, 2));
        nodes.add(node("c", 1, "P", 1, 1));
        nodes.add(Node.aggregate("P", 2, null));
        return Hierarchy.of(nodes);
    }
}
