package org.citykpi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.citykpi.index.Aggregator;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Imputer;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.index.UncertainInput;
import org.citykpi.index.UncertaintyAnalysis;
import org.citykpi.index.UncertaintyResult;
import org.citykpi.io.coinr.CoinrMeta;
import org.citykpi.io.coinr.CoinrReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Monte Carlo runs over COINr's ASEM example (51 countries × 49 indicators, vendored in kpi-io's
 * test resources) spread over Spark executors give {@link UncertaintyAnalysis#run}'s result bit for
 * bit: the design, every run's ranks, the rank intervals and the failed runs.
 */
class UncertaintyTest {
    static final Path ASEM = Path.of("..", "kpi-io", "src", "test", "resources", "coinr-asem", "input");
    static final int RUNS = 300;

    static CompositeIndex index;

    @BeforeAll
    static void readAsem() throws Exception {
        CoinrMeta meta = CoinrReader.readMeta(ASEM.resolve("ASEM_iMeta.csv"));
        index = CompositeIndex.of(
                meta.hierarchy(),
                CoinrReader.readData(ASEM.resolve("ASEM_iData.csv"), meta).data());
    }

    /** The uncertain choices of the project's uncertainty benchmark. */
    static UncertaintyAnalysis analysis() {
        return UncertaintyAnalysis.create(
                index,
                Pipeline.defaults()
                        .withNormaliser(new Normaliser.MinMax(1, 100))
                        .withImputer(new Imputer.Mean()),
                List.of(
                        new UncertainInput.ImputerChoice(
                                "imputation", List.of(new Imputer.Mean(), new Imputer.Median())),
                        new UncertainInput.NormaliserChoice(
                                "normalisation", List.of(new Normaliser.MinMax(1, 100), new Normaliser.Rank())),
                        new UncertainInput.WeightNoise("weights", List.of(2, 3), 0.25, 100, 7),
                        new UncertainInput.AggregatorChoice(
                                "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric()))));
    }

    static void assertSameResult(UncertaintyResult want, UncertaintyResult got) {
        assertEquals(want.runs(), got.runs());
        assertEquals(want.inputs(), got.inputs());
        assertEquals(want.target(), got.target());
        int rows = index.data().rowCount();
        for (int k = 0; k < want.runs(); k++) {
            for (int i = 0; i < want.inputs().size(); i++) {
                assertEquals(
                        Double.doubleToRawLongBits(want.design(k, i)), Double.doubleToRawLongBits(got.design(k, i)));
            }
            for (int r = 0; r < rows; r++) {
                assertEquals(want.rank(k, r), got.rank(k, r), "run " + k + ", row " + r);
            }
        }
        // RankStats is a record: its doubles compare with Double.compare, i.e. bit for bit
        assertEquals(want.stats(), got.stats());
        assertEquals(want.failures(), got.failures());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 64})
    void runsOnExecutorsEqualOneJvm(int partitions) {
        UncertaintyAnalysis a = analysis();
        UncertaintyResult want = a.run(RUNS, 20261203);
        assertEquals(51, want.stats().size());
        assertSameResult(want, SparkUncertainty.run(LocalSpark.session(), a, RUNS, 20261203, partitions));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 64})
    void failedRunsAreTheSameRuns(int partitions) {
        // min-max to [0, 100] puts a 0 in every indicator: every geometric run fails
        UncertaintyAnalysis a = UncertaintyAnalysis.create(
                index,
                Pipeline.defaults().withImputer(new Imputer.Mean()),
                List.of(new UncertainInput.AggregatorChoice(
                        "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric()))));
        UncertaintyResult want = a.run(40, 5);
        assertFalse(want.failures().isEmpty());
        assertTrue(want.failures().size() < 40);
        assertSameResult(want, SparkUncertainty.run(LocalSpark.session(), a, 40, 5, partitions));
    }
}
