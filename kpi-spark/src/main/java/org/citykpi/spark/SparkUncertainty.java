package org.citykpi.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.citykpi.index.UncertaintyAnalysis;
import org.citykpi.index.UncertaintyResult;

/**
 * Runs a Monte Carlo uncertainty analysis of a composite index on Spark: the design is drawn on the
 * driver from the seed ({@link UncertaintyAnalysis#design}), the analysis (index data, hierarchy,
 * pipeline, inputs) and the design are broadcast, {@code spark.range(runs)} spreads the runs over
 * the executors, each task runs its range of the design on one thread ({@link
 * UncertaintyAnalysis#runs(double[][], int, int)}), and the driver combines the batches ({@link
 * UncertaintyAnalysis#combine}). The result equals {@code analysis.run(runs, seed)} bit for bit
 * (design, every run's ranks, rank statistics, failed runs), whatever the number of partitions.
 *
 * <p>The batches come back to the driver: {@code runs} × grid rows × 4 bytes of ranks, as {@link
 * UncertaintyAnalysis#run} keeps them too.
 */
public final class SparkUncertainty {
    private SparkUncertainty() {}

    /**
     * Runs {@code analysis} with {@code runs} runs from {@code seed}, in as many partitions as
     * Spark's default parallelism.
     *
     * @param spark the session
     * @param analysis the analysis: index, nominal pipeline, uncertain inputs and target node
     * @param runs the number of runs, at least 1
     * @param seed the seed of the design
     * @return what {@code analysis.run(runs, seed)} returns
     * @throws IllegalArgumentException if {@code runs} is below 1
     * @throws org.citykpi.index.IndexException if the nominal pipeline cannot be built
     */
    public static UncertaintyResult run(SparkSession spark, UncertaintyAnalysis analysis, int runs, long seed) {
        return run(spark, analysis, runs, seed, spark.sparkContext().defaultParallelism());
    }

    /**
     * Runs {@code analysis} with {@code runs} runs from {@code seed}, in {@code partitions}
     * partitions of consecutive runs.
     *
     * @param spark the session
     * @param analysis the analysis: index, nominal pipeline, uncertain inputs and target node
     * @param runs the number of runs, at least 1
     * @param seed the seed of the design
     * @param partitions the number of partitions, 1 or more (at most {@code runs} are used)
     * @return what {@code analysis.run(runs, seed)} returns
     * @throws IllegalArgumentException if {@code runs} or {@code partitions} is below 1
     * @throws org.citykpi.index.IndexException if the nominal pipeline cannot be built
     */
    public static UncertaintyResult run(
            SparkSession spark, UncertaintyAnalysis analysis, int runs, long seed, int partitions) {
        requireNonNull(spark, "spark");
        requireNonNull(analysis, "analysis");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        double[][] design = analysis.design(runs, seed);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<UncertaintyAnalysis> a = jsc.broadcast(analysis.withThreads(1));
        Broadcast<double[][]> d = jsc.broadcast(design);
        try {
            List<UncertaintyAnalysis.Batch> batches = spark.range(0, runs, 1, Math.min(partitions, runs))
                    .mapPartitions(new Ranges(a, d), Encoders.javaSerialization(UncertaintyAnalysis.Batch.class))
                    .collectAsList();
            return analysis.combine(design, batches);
        } finally {
            a.destroy();
            d.destroy();
        }
    }

    /** Runs the design rows of a partition of run numbers, as batches of consecutive runs. */
    static final class Ranges implements MapPartitionsFunction<Long, UncertaintyAnalysis.Batch> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<UncertaintyAnalysis> analysis;
        private final Broadcast<double[][]> design;

        Ranges(Broadcast<UncertaintyAnalysis> analysis, Broadcast<double[][]> design) {
            this.analysis = analysis;
            this.design = design;
        }

        @Override
        public Iterator<UncertaintyAnalysis.Batch> call(Iterator<Long> runs) {
            UncertaintyAnalysis a = analysis.value();
            double[][] u = design.value();
            List<UncertaintyAnalysis.Batch> out = new ArrayList<>();
            int from = -1;
            int to = -1;
            while (runs.hasNext()) {
                int k = Math.toIntExact(runs.next());
                if (k != to) {
                    if (from >= 0) {
                        out.add(a.runs(u, from, to));
                    }
                    from = k;
                }
                to = k + 1;
            }
            if (from >= 0) {
                out.add(a.runs(u, from, to));
            }
            return out.iterator();
        }
    }
}
