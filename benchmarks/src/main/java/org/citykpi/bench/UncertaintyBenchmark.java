package org.citykpi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citykpi.index.Aggregator;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Imputer;
import org.citykpi.index.IndexResult;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.index.UncertainInput;
import org.citykpi.index.UncertaintyAnalysis;
import org.citykpi.io.coinr.CoinrMeta;
import org.citykpi.io.coinr.CoinrReader;
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
 * How long does a Monte Carlo uncertainty analysis take: {@code runs} runs over COINr's ASEM
 * example (51 units × 49 indicators; budget 0.1 s for 1,000 runs, COINr 90 s), or over 10,000
 * synthetic units × 100 indicators (budget 5 ms per run, COINr 1.2 s)? Each invocation is a whole
 * analysis from scratch, caches included. Uncertain inputs as in
 * COINr's ASEM example: imputation (mean, median), normalisation (min-max [1, 100], rank), weights
 * (noise 0.25 at levels 2 and 3, 100 sets) and aggregation (arithmetic, geometric). One thread.
 *
 * <p>{@code REUSE} is the library (each run recomputes only the steps after the first one that
 * changed); {@code FULL_REBUILD}, measured in the same run as the baseline, rebuilds every run from
 * the raw data, as COINr does.
 *
 * <p>ASEM is read from the copy in the repository, {@code kpi-io/src/test/resources/coinr-asem/input}
 * (found from the project root or from {@code benchmarks/}), or from {@code -Dcitykpi.asem=DIR}.
 *
 * <pre>
 * ./mvnw -o -q -B package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/benchmarks.jar UncertaintyBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UncertaintyBenchmark {
    /** Strategies compared. */
    public enum Mode2 {
        /** The library's step-wise rebuild. */
        REUSE,
        /** Every run rebuilt from the raw data (the baseline). */
        FULL_REBUILD
    }

    /**
     * {@code asem:1000} (1,000 runs on ASEM) or {@code synthetic10k:100} (100 runs at 10,000 units;
     * divide by 100 for the time per run, which includes a share of the 4 distinct upstream builds).
     */
    @Param({"asem:1000", "synthetic10k:100"})
    String dataset;

    @Param({"REUSE", "FULL_REBUILD"})
    Mode2 mode;

    CompositeIndex index;
    Pipeline nominal;
    List<UncertainInput> inputs;
    int runs;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        String[] p = dataset.split(":");
        runs = Integer.parseInt(p[1]);
        if (p[0].equals("asem")) {
            Path dir = asemInput();
            CoinrMeta meta = CoinrReader.readMeta(dir.resolve("ASEM_iMeta.csv"));
            index = CompositeIndex.of(
                    meta.hierarchy(),
                    CoinrReader.readData(dir.resolve("ASEM_iData.csv"), meta).data());
        } else {
            index = IndexData10k.index(10_000, 42);
        }
        nominal = Pipeline.defaults()
                .withNormaliser(new Normaliser.MinMax(1, 100))
                .withImputer(new Imputer.Mean());
        inputs = List.of(
                new UncertainInput.ImputerChoice("imputation", List.of(new Imputer.Mean(), new Imputer.Median())),
                new UncertainInput.NormaliserChoice(
                        "normalisation", List.of(new Normaliser.MinMax(1, 100), new Normaliser.Rank())),
                new UncertainInput.WeightNoise("weights", List.of(2, 3), 0.25, 100, 7),
                new UncertainInput.AggregatorChoice(
                        "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric())));
    }

    /** The ASEM input folder: {@code -Dcitykpi.asem=DIR}, or the repository's copy in kpi-io's test resources. */
    static Path asemInput() {
        String given = System.getProperty("citykpi.asem");
        Path asem = Path.of("kpi-io", "src", "test", "resources", "coinr-asem", "input");
        Path dir = given != null
                ? Path.of(given)
                : Files.isDirectory(asem) ? asem : Path.of("..").resolve(asem);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("ASEM input not found at " + dir.toAbsolutePath()
                    + " (run from the project root, or pass -Dcitykpi.asem=DIR)");
        }
        return dir;
    }

    @Benchmark
    public Object uncertainty() {
        UncertaintyAnalysis ua = UncertaintyAnalysis.create(index, nominal, inputs);
        if (mode == Mode2.REUSE) {
            return ua.run(runs, 1);
        }
        // baseline: every run a full build from the raw data, then the top node ranked
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        int top = index.hierarchy()
                .indexOf(index.hierarchy().codesAt(index.hierarchy().levels()).get(0));
        double[] scores = new double[index.data().rowCount()];
        long sum = 0;
        for (int k = 0; k < runs; k++) {
            Pipeline p = nominal;
            for (UncertainInput in : inputs) {
                p = in.apply(p, index.hierarchy(), rnd.nextDouble());
            }
            IndexResult r = index.build(p);
            int n = 0;
            for (int row = 0; row < r.rowCount(); row++) {
                if (r.isPresent(row, top)) {
                    scores[n++] = r.value(row, top);
                }
            }
            java.util.Arrays.sort(scores, 0, n);
            for (int row = 0; row < r.rowCount(); row++) {
                if (r.isPresent(row, top)) {
                    // rank = 1 + number of higher scores
                    int hi = java.util.Arrays.binarySearch(scores, 0, n, Math.nextUp(r.value(row, top)));
                    sum += 1 + n - (hi >= 0 ? hi : -hi - 1);
                }
            }
        }
        return sum;
    }
}
