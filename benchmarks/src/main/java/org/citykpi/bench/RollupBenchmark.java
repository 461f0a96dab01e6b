package org.citykpi.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.YearGrid;
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
 * How many hourly readings per second does the roll-up turn into daily and annual statistics under
 * coverage rules, on one thread, with the readings already in memory? Budget: at least 100 million
 * per second (1,000 stations × 5 properties × 8,760 hours = 43.8 million readings in under 0.5 s).
 * The workload is {@link RollupWorkload}; the statistics are the annual mean (EU 90 % gate), the
 * capture, days with a daily mean above 50 and the 90.4th percentile of daily means (so every
 * reading passes through hours, days and the year). The baseline, measured in the same run, is
 * {@link NaiveRollup}: the same figures through boxed lists in hash maps.
 *
 * <p>Readings per second = readings / (seconds per op). Run:
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RollupBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx5g"})
public class RollupBenchmark {
    /** Monitoring stations, five properties each. */
    @Param({"1000"})
    public int stations;

    /** The implementation measured. */
    @Param({"COLUMNAR", "NAIVE"})
    public Impl impl;

    /** Implementations compared. */
    public enum Impl {
        /** {@link Rollup} over the columnar store. */
        COLUMNAR,
        /** The boxed, hash-map baseline. */
        NAIVE
    }

    Observations obs;
    Rollup rollup;

    /** Builds the workload from a fixed seed and checks that both implementations agree. */
    @Setup(Level.Trial)
    public void setUp() {
        obs = RollupWorkload.observations(stations, 42);
        rollup = rollup();
        System.out.println("readings: " + obs.size());
        check(obs, rollup);
    }

    static Rollup rollup() {
        return Rollup.create(YearGrid.of(2023))
                .withStatistics(List.of("mean", "capture", "days_above:50", "daily_p90.4").stream()
                        .map(Statistic::parse)
                        .toList());
    }

    /** Fails the run if the two implementations disagree on the first stations' figures. */
    static void check(Observations obs, Rollup rollup) {
        List<RollupResult> fast = rollup.run(obs);
        List<NaiveRollup.Figures> naive = NaiveRollup.run(obs, 2023);
        for (int s = 0; s < Math.min(50, naive.size()); s++) {
            NaiveRollup.Figures f = naive.get(s);
            double[] expected = {f.mean(), f.capture(), f.daysAbove(), f.dailyP()};
            for (int k = 0; k < 4; k++) {
                RollupResult r = fast.get(4 * s + k);
                double got = r.value().orElse(Double.NaN);
                boolean same = Double.isNaN(expected[k])
                        ? Double.isNaN(got)
                        : Math.abs(got - expected[k]) <= 1e-9 * Math.abs(expected[k]);
                if (!same) {
                    throw new IllegalStateException("implementations disagree on " + r + ": naive " + expected[k]);
                }
            }
        }
    }

    /** Rolls up every series of the store on one thread. */
    @Benchmark
    public Object rollUp() {
        if (impl == Impl.COLUMNAR) {
            return rollup.run(obs);
        }
        return NaiveRollup.run(obs, 2023);
    }
}
