package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;

/**
 * The account every reader keeps of its rows: each data row ends in exactly one {@link #accept()}
 * or {@link #rejectRow()} (or {@link #reject(Problem)}, which records the error and rejects), so
 * that rows read = rows accepted + rows rejected; problems are kept in input order, at most {@code
 * maxProblems} of them, and all of them are counted.
 *
 * <p>What an error does depends on the mode: {@link Mode#LENIENT} records it and goes on; {@link
 * Mode#STRICT} throws {@link DataFormatException#strict} at the first one (strict mode stopping at
 * a data error); {@link Mode#STRUCTURAL} throws a plain {@link DataFormatException} at the first
 * one (a file in which any bad row makes the whole file unusable, such as a COINr iMeta). Not
 * thread-safe.
 */
public final class RowAccount {
    /** What an error does. */
    public enum Mode {
        /** Record the error and go on. */
        LENIENT,
        /** Throw {@link DataFormatException#strict} at the first error. */
        STRICT,
        /** Throw a plain {@link DataFormatException} at the first error: the input is unusable. */
        STRUCTURAL
    }

    private final Mode mode;
    private final int maxProblems;
    private final List<Problem> problems = new ArrayList<>();
    private long errorCount;
    private long warningCount;
    private long omitted;
    private long accepted;
    private long rejected;

    /** Creates an account in {@code mode} that keeps at most {@code maxProblems} problems. */
    public RowAccount(Mode mode, int maxProblems) {
        this.mode = requireNonNull(mode, "mode");
        if (maxProblems < 0) {
            throw new IllegalArgumentException("maxProblems < 0: " + maxProblems);
        }
        this.maxProblems = maxProblems;
    }

    /**
     * Records a problem (an error or a warning) without ending a row.
     *
     * @throws DataFormatException for an error, unless the mode is lenient
     */
    public void problem(Problem p) {
        requireNonNull(p, "p");
        if (p.isError()) {
            errorCount++;
            if (mode == Mode.STRICT) {
                throw DataFormatException.strict(p);
            }
            if (mode == Mode.STRUCTURAL) {
                throw new DataFormatException(p);
            }
        } else {
            warningCount++;
        }
        if (problems.size() < maxProblems) {
            problems.add(p);
        } else {
            omitted++;
        }
    }

    /** Counts one row as accepted. */
    public void accept() {
        accepted++;
    }

    /** Counts one row as rejected; its errors must have been recorded with {@link #problem}. */
    public void rejectRow() {
        rejected++;
    }

    /**
     * Records {@code error} and counts its row as rejected.
     *
     * @throws DataFormatException unless the mode is lenient
     */
    public void reject(Problem error) {
        problem(error);
        rejected++;
    }

    /**
     * Records {@code error} for a row already counted as accepted, and counts it as rejected
     * instead: for problems found only after every row was read, such as a duplicate reading found
     * when a series is sorted.
     *
     * @throws DataFormatException unless the mode is lenient
     * @throws IllegalStateException if no row was accepted
     */
    public void retract(Problem error) {
        if (accepted == 0) {
            throw new IllegalStateException("no accepted row to retract");
        }
        accepted--;
        reject(error);
    }

    /** Returns the number of rows accepted so far. */
    public long accepted() {
        return accepted;
    }

    /** Returns the number of rows rejected so far. */
    public long rejected() {
        return rejected;
    }

    /** Returns the number of errors recorded, including those not kept. */
    public long errorCount() {
        return errorCount;
    }

    /** Returns the number of warnings recorded, including those not kept. */
    public long warningCount() {
        return warningCount;
    }

    /** Returns the number of problems recorded beyond the limit and not kept. */
    public long omitted() {
        return omitted;
    }

    /** Returns the problems kept, in input order (a copy). */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
