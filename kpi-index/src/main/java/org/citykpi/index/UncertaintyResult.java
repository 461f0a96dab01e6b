package org.citykpi.index;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Holds a Monte Carlo uncertainty analysis: the design (one row of u values per run), the rank of
 * the target node for every run and unit, and per-unit rank statistics. Runs whose pipeline could
 * not be applied (e.g. a geometric mean over a zero) are listed in {@code failures} and left out
 * of the statistics.
 *
 * <p>Immutable and thread-safe.
 */
public final class UncertaintyResult {
    private final String target;
    private final List<String> inputs;
    private final double[][] design;
    /** Per run, the target's rank of every grid row (0: none); null for a run that failed. */
    private final int[] @Nullable [] ranks;

    private final List<RankStats> stats;
    private final List<String> failures;

    UncertaintyResult(
            String target,
            List<String> inputs,
            double[][] design,
            int[] @Nullable [] ranks,
            List<RankStats> stats,
            List<String> failures) {
        this.target = target;
        this.inputs = List.copyOf(inputs);
        this.design = design;
        this.ranks = ranks;
        this.stats = List.copyOf(stats);
        this.failures = List.copyOf(failures);
    }

    /** {@return the code of the node whose ranks were analysed} */
    public String target() {
        return target;
    }

    /** {@return the names of the uncertain inputs, in the order of the design's columns} */
    public List<String> inputs() {
        return inputs;
    }

    /** {@return the number of runs, failed ones included} */
    public int runs() {
        return design.length;
    }

    /**
     * Returns a value of the sampling design.
     *
     * @param run the run, from 0 to {@link #runs()} − 1
     * @param input the input's position in {@link #inputs()}
     * @return the u value in [0, 1) that picked the input's alternative in that run
     */
    public double design(int run, int input) {
        return design[run][input];
    }

    /**
     * Returns the target's rank of a grid row in one run.
     *
     * @param run the run, from 0 to {@link #runs()} − 1
     * @param row the grid row of the index data
     * @return the rank within the row's period, 1 for the best; 0 when the row had no value or the
     *     run failed
     */
    public int rank(int run, int row) {
        int[] r = ranks[run];
        return r == null ? 0 : r[row];
    }

    /**
     * Returns rank statistics per unit and period.
     *
     * @return one per grid row ranked in at least one run, in grid-row order
     */
    public List<RankStats> stats() {
        return stats;
    }

    /** {@return one message per failed run ({@code run N: reason}); empty when none failed} */
    public List<String> failures() {
        return failures;
    }
}
