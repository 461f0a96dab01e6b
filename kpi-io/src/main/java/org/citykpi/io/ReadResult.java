package org.citykpi.io;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.data.Dataset;

/**
 * What {@link org.citykpi.io.read.DataReader} read: the dataset, an account of every row, every problem in input
 * order, and what the dataset cannot hold (units seen, observation attributes, Open SDG
 * disaggregations). Immutable and thread-safe.
 *
 * <p>Accounting: {@link #rowsRead()} = {@link #rowsAccepted()} + {@link #rowsRejected()}. A row is
 * a data record of a CSV file (the header and blank lines are not rows) or an observation object
 * of a JSON file. An accepted row may still carry warnings (an empty value cell is accepted as a
 * missing value with a warning); a rejected row has at least one error naming its position.
 *
 * @param dataset the dataset of every accepted observation (headline values for Open SDG)
 * @param rowsAccepted the number of rows accepted (possibly with warnings)
 * @param rowsRejected the number of rows rejected, each with at least one error
 * @param problems errors and warnings in input order, at most {@link Limits#maxProblems()} of them
 *     (see {@code problemsOmitted})
 * @param errorCount the number of errors found, including those not kept in {@code problems}
 * @param warningCount the number of warnings found, including those not kept in {@code problems}
 * @param problemsOmitted how many problems were found beyond {@link Limits#maxProblems()} and not
 *     kept
 * @param formats the format of each input, by name, in reading order
 * @param units the unit given in the data for each variable that had one (variable id → unit), in
 *     the order first seen
 * @param attributes the attributes kept with observations (SDMX attributes, Open SDG reserved
 *     columns, long CSV source, note and extra columns), in input order, one entry per observation
 *     that had any
 * @param disaggregations the disaggregated (non-headline) observations of Open SDG files, in input
 *     order
 */
public record ReadResult(
        Dataset dataset,
        long rowsAccepted,
        long rowsRejected,
        List<Problem> problems,
        long errorCount,
        long warningCount,
        long problemsOmitted,
        Map<String, Format> formats,
        Map<String, String> units,
        List<ObservationAttributes> attributes,
        List<Disaggregation> disaggregations) {

    /**
     * Validates the counts and copies the collections (the maps keep their order).
     *
     * @param dataset the dataset of every accepted observation
     * @param rowsAccepted the number of rows accepted; not negative
     * @param rowsRejected the number of rows rejected; not negative
     * @param problems errors and warnings in input order
     * @param errorCount the number of errors found; at least {@code rowsRejected}
     * @param warningCount the number of warnings found; not negative
     * @param problemsOmitted how many problems were not kept; not negative
     * @param formats the format of each input, by name, in reading order
     * @param units variable id → unit given in the data, in the order first seen
     * @param attributes the attributes kept with observations, in input order
     * @param disaggregations the disaggregated observations of Open SDG files, in input order
     * @throws IllegalArgumentException if a count is negative, or fewer errors are counted than
     *     rows rejected
     */
    public ReadResult {
        requireNonNull(dataset, "dataset");
        if (rowsAccepted < 0 || rowsRejected < 0 || errorCount < 0 || warningCount < 0 || problemsOmitted < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (errorCount < rowsRejected) {
            throw new IllegalArgumentException(
                    rowsRejected + " rows rejected but only " + errorCount + " errors (each rejected row has one)");
        }
        problems = List.copyOf(problems);
        formats = Collections.unmodifiableMap(new LinkedHashMap<>(formats));
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        attributes = List.copyOf(attributes);
        disaggregations = List.copyOf(disaggregations);
    }

    /** {@return the number of data rows read: accepted plus rejected} */
    public long rowsRead() {
        return rowsAccepted + rowsRejected;
    }

    /** {@return true when any error was found (some row rejected, or a problem with no row)} */
    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** {@return the one-line account, e.g. {@code 12 rows read: 10 accepted, 2 rejected}} */
    public String summary() {
        return rowsRead() + " rows read: " + rowsAccepted + " accepted, " + rowsRejected + " rejected";
    }

    /** {@return {@link #summary()}} */
    @Override
    public String toString() {
        return summary();
    }
}
