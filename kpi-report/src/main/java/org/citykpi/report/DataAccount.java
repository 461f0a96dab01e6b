package org.citykpi.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What reading the data found, as the report shows it: the input files, the row account (rows
 * read = accepted + rejected) and each problem as its one-line message ({@code
 * FILE:LINE:COLUMN: message}). The report module does not depend on the readers, so callers pass
 * the text they already print. Immutable.
 *
 * @param sources input file names as the user gave them
 * @param rowsRead data rows read
 * @param rowsAccepted rows accepted (possibly with warnings)
 * @param rowsRejected rows rejected
 * @param problems problem messages in input order (errors and warnings)
 * @param problemsOmitted problems found but not kept in {@code problems}
 */
public record DataAccount(
        List<String> sources,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        List<String> problems,
        long problemsOmitted) {

    /**
     * Validates the account and copies the lists.
     *
     * @param sources input file names as the user gave them; empty for data built in code
     * @param rowsRead data rows read: {@code rowsAccepted + rowsRejected}
     * @param rowsAccepted rows accepted (possibly with warnings), 0 or more
     * @param rowsRejected rows rejected, 0 or more
     * @param problems problem messages in input order (errors and warnings), each one line {@code
     *     FILE:LINE:COLUMN: message}; empty when reading found none
     * @param problemsOmitted problems found but not kept in {@code problems}, 0 or more (0 when all
     *     were kept)
     * @throws IllegalArgumentException if a count is negative or read is not accepted + rejected
     */
    public DataAccount {
        sources = List.copyOf(requireNonNull(sources, "sources"));
        problems = List.copyOf(requireNonNull(problems, "problems"));
        if (rowsAccepted < 0 || rowsRejected < 0 || problemsOmitted < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (rowsRead != rowsAccepted + rowsRejected) {
            throw new IllegalArgumentException("rows read (" + rowsRead + ") must equal accepted (" + rowsAccepted
                    + ") + rejected (" + rowsRejected + ")");
        }
    }

    /** {@return the account of data built in code: no files, no rows counted, no problems} */
    public static DataAccount none() {
        return new DataAccount(List.of(), 0, 0, 0, List.of(), 0);
    }

    /**
     * {@return true when rows were counted or files named (data came from files), false for the
     * account of data built in code}
     */
    public boolean counted() {
        return rowsRead > 0 || !sources.isEmpty();
    }
}
