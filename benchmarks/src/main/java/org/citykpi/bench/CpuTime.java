package org.citykpi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.citykpi.engine.Engine;
import org.citykpi.index.Aggregator;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Imputer;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.index.UncertainInput;
import org.citykpi.index.UncertaintyAnalysis;

/**
 * What does one operation cost in CPU time, when the machine is shared? JMH measures wall-clock
 * time, which on a loaded machine (other builds on the same 2 cores) counts the time this thread
 * waited for a core. This runner measures the same operations as {@link EngineBenchmark}, {@link
 * IndexBenchmark} and {@link UncertaintyBenchmark} by the CPU time of the measuring thread
 * ({@code ThreadMXBean}) and of the whole process (which adds garbage collection and JIT work), and
 * prints the median and minimum over the repetitions after a warm-up. It complements JMH; it does
 * not replace it (caches and memory bandwidth are still shared with the other load).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.citykpi.bench.CpuTime engine 100000 30
 * java -cp benchmarks/target/benchmarks.jar org.citykpi.bench.CpuTime index 10000 200
 * java -cp benchmarks/target/benchmarks.jar org.citykpi.bench.CpuTime uncertainty10k 100 10
 * java -Xmx5g -cp benchmarks/target/benchmarks.jar org.citykpi.bench.CpuTime rollup 1000 5
 * </pre>
 *
 * Arguments: workload ({@code engine}, {@code index}, {@code uncertainty10k}, {@code rollup}), size
 * (rows, units, runs or stations), repetitions measured (as many again are run first as warm-up).
 */
public final class CpuTime {
    private CpuTime() {}

    /**
     * Runs the measurement described in the class comment.
     *
     * @param args workload, size, repetitions
     */
    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "engine";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Supplier<Object> op = workload(what, size);
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long sink = 0;
        for (int i = 0; i < reps; i++) {
            sink += System.identityHashCode(op.get());
        }
        double[] thread = new double[reps];
        double[] process = new double[reps];
        double[] wall = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = tb.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            sink += System.identityHashCode(op.get());
            wall[i] = (System.nanoTime() - w0) / 1e6;
            thread[i] = (tb.getCurrentThreadCpuTime() - t0) / 1e6;
            process[i] = (os.getProcessCpuTime() - p0) / 1e6;
        }
        System.out.printf(
                Locale.ROOT,
                "%s size=%d reps=%d  thread-cpu ms/op median %.3f min %.3f | process-cpu median %.3f"
                        + " | wall median %.3f min %.3f  (%d)%n",
                what,
                size,
                reps,
                median(thread),
                min(thread),
                median(process),
                median(wall),
                min(wall),
                sink & 1);
    }

    private static Supplier<Object> workload(String what, int size) {
        switch (what) {
            case "engine": {
                Engine engine = Engine.create(EngineWorkload.catalog());
                var data = EngineWorkload.dataset(size);
                return () -> engine.evaluate(data, 1);
            }
            case "index": {
                CompositeIndex index = IndexData10k.index(size, 42);
                Pipeline p = Pipeline.defaults();
                return () -> index.build(p);
            }
            case "uncertainty10k": {
                CompositeIndex index = IndexData10k.index(10_000, 42);
                Pipeline nominal = Pipeline.defaults()
                        .withNormaliser(new Normaliser.MinMax(1, 100))
                        .withImputer(new Imputer.Mean());
                List<UncertainInput> inputs = List.of(
                        new UncertainInput.ImputerChoice(
                                "imputation", List.of(new Imputer.Mean(), new Imputer.Median())),
                        new UncertainInput.NormaliserChoice(
                                "normalisation", List.of(new Normaliser.MinMax(1, 100), new Normaliser.Rank())),
                        new UncertainInput.WeightNoise("weights", List.of(2, 3), 0.25, 100, 7),
                        new UncertainInput.AggregatorChoice(
                                "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric())));
                return () -> UncertaintyAnalysis.create(index, nominal, inputs).run(size, 1);
            }
            case "rollup": {
                var obs = RollupWorkload.observations(size, 42);
                var rollup = RollupBenchmark.rollup();
                return () -> rollup.run(obs);
            }
            default:
                throw new IllegalArgumentException(
                        "unknown workload '" + what + "' (engine, index, uncertainty10k, rollup)");
        }
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }
}
