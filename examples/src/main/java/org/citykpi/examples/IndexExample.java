package org.citykpi.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.citykpi.index.Aggregator;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.IndexResult;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.index.RankStats;
import org.citykpi.index.UncertainInput;
import org.citykpi.index.UncertaintyAnalysis;
import org.citykpi.index.UncertaintyResult;
import org.citykpi.io.coinr.CoinrData;
import org.citykpi.io.coinr.CoinrMeta;
import org.citykpi.io.coinr.CoinrReader;

/**
 * Builds a composite index over eight fictional cities (synthetic data in {@code
 * examples/data/index/}), then runs a Monte Carlo uncertainty analysis over the choice of
 * normaliser, aggregator and noisy weights, and prints each city's index score, nominal rank and
 * 90 % rank interval.
 *
 * <pre>
 * java -cp examples/target/classes:... org.citykpi.examples.IndexExample [DATA_DIR]
 * </pre>
 */
public final class IndexExample {
    private IndexExample() {}

    /** Runs the example on {@code args[0]} (default {@code examples/data/index}). */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Path.of("examples", "data", "index");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("data", "index"); // when run from the examples module
        }
        run(dir, System.out);
    }

    /** Builds the index from the files in {@code dir} and prints the report to {@code out}. */
    public static void run(Path dir, PrintStream out) throws IOException {
        CoinrMeta meta = CoinrReader.readMeta(dir.resolve("synthetic-cities-iMeta.csv"));
        CoinrData data = CoinrReader.readData(dir.resolve("synthetic-cities-iData.csv"), meta);
        CompositeIndex index = CompositeIndex.of(meta.hierarchy(), data.data());

        // min-max to [1, 100] so that the geometric mean, one of the alternatives below, is defined
        Pipeline nominal = Pipeline.defaults().withNormaliser(new Normaliser.MinMax(1, 100));
        IndexResult result = index.build(nominal);

        List<UncertainInput> inputs = List.of(
                new UncertainInput.NormaliserChoice(
                        "normalisation", List.of(new Normaliser.MinMax(1, 100), new Normaliser.ZScore(50, 10))),
                new UncertainInput.AggregatorChoice(
                        "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric())),
                new UncertainInput.WeightNoise("weights", List.of(1, 2), 0.25, 100, 2024));
        UncertaintyResult ua = UncertaintyAnalysis.create(index, nominal, inputs)
                .withThreads(2)
                .run(1000, 42);

        out.printf(Locale.ROOT, "%-26s %8s %7s %14s%n", "city", "index", "rank", "90% interval");
        List<String> names = data.data().unitNames();
        for (RankStats s : ua.stats()) {
            String name = names.get(data.data().units().indexOf(s.unit()));
            double score = result.value(s.unit(), "SmartCity").orElseThrow();
            out.printf(
                    Locale.ROOT,
                    "%-26s %8.2f %7d %8.0f – %-4.0f%n",
                    name,
                    score,
                    s.nominal().orElseThrow(),
                    s.q05(),
                    s.q95());
        }
        out.printf(Locale.ROOT, "%d runs, %d failed%n", ua.runs(), ua.failures().size());
    }
}
