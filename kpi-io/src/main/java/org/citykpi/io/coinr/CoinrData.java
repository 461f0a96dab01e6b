package org.citykpi.io.coinr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.citykpi.index.IndexData;
import org.citykpi.io.Problem;

/**
 * Holds an {@code iData} table read: the {@code data}, and the account of its rows kept as for
 * every reader of kpi-io ({@link #rowsRead()} = {@code rowsAccepted + rowsRejected}, each rejected
 * row with a positioned error in {@code problems}). Immutable.
 *
 * @param data the index data of the accepted rows
 * @param rowsAccepted the number of rows accepted
 * @param rowsRejected the number of rows rejected
 * @param problems the errors of the rejected rows, in input order, at most {@link
 *     org.citykpi.io.Limits#maxProblems()} of them
 * @param problemsOmitted how many problems were found beyond that limit and not kept
 * @param notes columns ignored or taken from a denominators file
 */
public record CoinrData(
        IndexData data,
        long rowsAccepted,
        long rowsRejected,
        List<Problem> problems,
        long problemsOmitted,
        List<String> notes) {
    /**
     * Copies the lists and checks the account.
     *
     * @param data the index data of the accepted rows
     * @param rowsAccepted the number of rows accepted; not negative
     * @param rowsRejected the number of rows rejected; not negative
     * @param problems the errors of the rejected rows, in input order
     * @param problemsOmitted how many problems were not kept; not negative
     * @param notes columns ignored or taken from a denominators file
     * @throws IllegalArgumentException if a count is negative or the problems cannot account for
     *     the rejected rows
     */
    public CoinrData {
        requireNonNull(data, "data");
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        if (rowsAccepted < 0 || rowsRejected < 0 || problemsOmitted < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (problems.size() + problemsOmitted < rowsRejected) {
            throw new IllegalArgumentException(rowsRejected + " rows rejected but only "
                    + (problems.size() + problemsOmitted) + " problems (each rejected row has one)");
        }
    }

    /** {@return the number of rows read: accepted plus rejected} */
    public long rowsRead() {
        return rowsAccepted + rowsRejected;
    }

    /** {@return true when some row was rejected} */
    public boolean hasErrors() {
        return rowsRejected > 0;
    }
}
