package org.citykpi.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a whole catalog over a whole dataset, column by column.
 *
 * <p>Indicators are evaluated in dependency order; each variable is read from the dataset once per
 * chunk of {@value Program#CHUNK} rows, whatever number of formulas use it. Rows are split into
 * fixed chunks, which threads take in any order but each chunk's results land in its own rows, so
 * results never depend on the thread count (and, because a {@link Dataset} sorts its rows, not on
 * input row order either).
 *
 * <p>Every cell is a value or a cause ({@code missing_input} naming the variable, {@code
 * division_by_zero}, {@code out_of_range}, {@code invalid_input}, {@code not_applicable}); nothing
 * throws on bad data. A dataset column whose id (or published code) is an indicator's carries
 * reported values: where present they replace the computed value and are marked {@code reported},
 * and they are checked against the indicator's valid range like computed ones. Provenance follows
 * the value: an output whose formula is a bare reference to another output (an indicator's
 * reference to its headline part) passes that output's value on unchanged, and where that value
 * was reported the output's is marked {@code reported} too.
 *
 * <p>Thread-safe: one engine may evaluate many datasets concurrently.
 */
public final class Engine {
    private final Program program;
    /**
     * Workers of finished evaluations, whose chunk buffers (a few MB for a U4SSC-sized catalog) the
     * next evaluation reuses instead of allocating; at most as many as ran at the same time.
     */
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();

    private Engine(Program program) {
        this.program = program;
    }

    /**
     * Compiles {@code catalog} for evaluation: each formula and rule once, for every dataset.
     *
     * @param catalog the indicators, parts and rules to evaluate (checked when it was built)
     * @return an engine for that catalog, reusable and thread-safe
     */
    public static Engine create(Catalog catalog) {
        return new Engine(new Program(requireNonNull(catalog, "catalog")));
    }

    /** {@return the catalog this engine evaluates} */
    public Catalog catalog() {
        return program.catalog;
    }

    /**
     * Evaluates on as many threads as there are processors.
     *
     * @param data the dataset: columns named like the catalog's variables are the inputs, columns
     *     named like an output (by id or published code) its reported values
     * @return a value or a cause for every row of {@code data} and every output of the catalog
     */
    public Results evaluate(Dataset data) {
        return evaluate(data, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Evaluates on at most {@code threads} threads; the results are the same for any number.
     *
     * @param data the dataset: columns named like the catalog's variables are the inputs, columns
     *     named like an output (by id or published code) its reported values
     * @param threads the most threads to use, 1 or more (1 runs on the calling thread; no more
     *     threads than chunks of {@value Program#CHUNK} rows are started)
     * @return a value or a cause for every row of {@code data} and every output of the catalog
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Results evaluate(Dataset data, int threads) {
        requireNonNull(data, "data");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        int rows = data.rowCount();
        @Nullable Column[] cols = program.columns(data);
        Column[][] reported = program.reported(data);
        boolean[] hasReported = new boolean[reported.length];
        for (int out = 0; out < reported.length; out++) {
            hasReported[out] = reported[out].length > 0;
        }
        // An output that passes on another's value may be reported through it (in dependency
        // order, so through a chain of such outputs too).
        for (int out : program.order) {
            int passed = program.passThrough[out];
            hasReported[out] |= passed >= 0 && hasReported[passed];
        }
        Results.Store store = new Results.Store(
                program.outputCount(), program.rules.length, rows, hasReported, Results.Store.BLOCK_CELLS);
        int chunks = (rows + Program.CHUNK - 1) / Program.CHUNK;
        int workers = Math.min(threads, chunks);
        if (workers <= 1) {
            Worker w = worker(cols, reported, store);
            for (int c = 0; c < chunks; c++) {
                int from = c * Program.CHUNK;
                w.chunk(from, Math.min(Program.CHUNK, rows - from));
            }
            done(w);
            return new Results(program, data, store);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "citykpi-engine");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < workers; k++) {
                futures.add(pool.submit(() -> {
                    Worker w = worker(cols, reported, store);
                    for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                        int from = c * Program.CHUNK;
                        w.chunk(from, Math.min(Program.CHUNK, rows - from));
                    }
                    done(w);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Results(program, data, store);
    }

    private Worker worker(@Nullable Column[] cols, Column[][] reported, Results.Store store) {
        Worker w = idle.poll();
        if (w == null) {
            return new Worker(program, cols, reported, store);
        }
        w.start(cols, reported, store);
        return w;
    }

    private void done(Worker w) {
        w.finish();
        idle.offer(w);
    }
}
