package org.citykpi.bench;

import java.util.concurrent.TimeUnit;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
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
 * How many KPI values per second does the engine produce on one core, causes included, for a
 * U4SSC-sized catalog (91 indicators of realistic formula shapes, see {@link EngineWorkload})?
 * Budget: at least 300 million per second per core (vectorised pandas, without causes: 121 million).
 * The baseline, measured in the same run, is {@link CellByCellEvaluator}: the same formulas walked
 * cell by cell.
 *
 * <p>KPI values per second = rows × 91 / (seconds per op). Run:
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class EngineBenchmark {
    /** Entity-periods. */
    @Param({"10000", "100000"})
    public int rows;

    /** The implementation measured. */
    @Param({"COLUMNWISE", "CELL_BY_CELL"})
    public Impl impl;

    /** Implementations compared. */
    public enum Impl {
        /** The engine, on one thread. */
        COLUMNWISE,
        /** The baseline interpreter. */
        CELL_BY_CELL
    }

    Catalog catalog;
    Dataset data;
    Engine engine;
    CellByCellEvaluator baseline;

    /** Builds the workload from fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        catalog = EngineWorkload.catalog();
        data = EngineWorkload.dataset(rows);
        engine = Engine.create(catalog);
        baseline = new CellByCellEvaluator(catalog);
    }

    /** Evaluates all 91 indicators over all rows on one thread. */
    @Benchmark
    public Object evaluate() {
        if (impl == Impl.COLUMNWISE) {
            Results r = engine.evaluate(data, 1);
            return r;
        }
        byte[][] causes = new byte[EngineWorkload.INDICATORS][data.rowCount()];
        return baseline.evaluate(data, causes);
    }
}
