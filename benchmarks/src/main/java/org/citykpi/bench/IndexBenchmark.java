package org.citykpi.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.IndexResult;
import org.citykpi.index.Node;
import org.citykpi.index.Pipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does one build of a composite index take: {@code units} units × 100 indicators in four
 * levels, 5 % missing, min-max [0, 100] then weighted arithmetic means level by level (the budget
 * at 10,000 units is 3 ms; COINr takes 1.1 s)? {@code NAIVE} is a straightforward implementation
 * measured in the same run as the baseline: row-major {@code double[unit][indicator]} with NaN for
 * missing, children looked up by code in hash maps per unit.
 *
 * <pre>
 * ./mvnw -o -q -B package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar IndexBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IndexBenchmark {
    /** Implementations compared. */
    public enum Impl {
        /** The library: column-major arrays with a presence mask. */
        ENGINE,
        /** The baseline described in the class comment. */
        NAIVE
    }

    @Param({"1000", "10000"})
    int units;

    @Param({"ENGINE", "NAIVE"})
    Impl impl;

    CompositeIndex index;
    Pipeline pipeline;
    double[][] raw;
    Hierarchy hierarchy;

    @Setup(Level.Trial)
    public void setup() {
        index = IndexData10k.index(units, 42);
        pipeline = Pipeline.defaults();
        raw = IndexData10k.values(units, 42);
        hierarchy = IndexData10k.hierarchy();
    }

    @Benchmark
    public Object build() {
        if (impl == Impl.ENGINE) {
            IndexResult r = index.build(pipeline);
            return r;
        }
        return naive(raw, hierarchy);
    }

    /** Min-max then arithmetic means, the obvious way (the baseline). */
    static Map<String, double[]> naive(double[][] raw, Hierarchy h) {
        List<Node> nodes = h.nodes();
        int ind = h.indicatorCount();
        int n = raw.length;
        Map<String, double[]> scores = new HashMap<>();
        for (int i = 0; i < ind; i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int d = nodes.get(i).direction();
            for (double[] row : raw) {
                if (!Double.isNaN(row[i])) {
                    min = Math.min(min, d * row[i]);
                    max = Math.max(max, d * row[i]);
                }
            }
            double[] col = new double[n];
            for (int u = 0; u < n; u++) {
                col[u] = (d * raw[u][i] - min) / (max - min) * 100;
            }
            scores.put(nodes.get(i).code(), col);
        }
        Map<String, List<Node>> children = new HashMap<>();
        for (Node node : nodes) {
            node.parent()
                    .ifPresent(p ->
                            children.computeIfAbsent(p, k -> new ArrayList<>()).add(node));
        }
        for (int a = ind; a < nodes.size(); a++) {
            String code = nodes.get(a).code();
            double[] col = new double[n];
            for (int u = 0; u < n; u++) {
                double s = 0;
                double w = 0;
                for (Node c : children.get(code)) {
                    double x = scores.get(c.code())[u];
                    if (!Double.isNaN(x)) {
                        s += c.weight() * x;
                        w += c.weight();
                    }
                }
                col[u] = w == 0 ? Double.NaN : s / w;
            }
            scores.put(code, col);
        }
        return scores;
    }
}
