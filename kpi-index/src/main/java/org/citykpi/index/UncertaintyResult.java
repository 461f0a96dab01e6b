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

    /** Returns the code of the node whose ranks were analysed. */
    public String target() {
        return target;
    }

    /** Returns the names of the uncertain inputs. */
    public List<String> inputs() {
        return inputs;
    }

    /** Returns the number of runs. */
    public int runs() {
        return design.length;
    }

    /** Returns the u value of input {@code input} in run {@code run}. */
    public double design(int run, int input) {
        return design[run][input];
    }

    /** Returns the rank of grid row {@code row} in run {@code run}, or 0 if it had none. */
    public int rank(int run, int row) {
        int[] r = ranks[run];
        return r == null ? 0 : r[row];
    }

    /** Returns per-unit rank statistics, in grid-row order, for units ranked in at least one run. */
    public List<RankStats> stats() {
        return stats;
    }

    /** Returns one message per failed run ({@code run N: reason}). */
    public List<String> failures() {
        return failures;
    }
}
