package org.citykpi.io;

import java.util.List;
import java.util.Map;
import org.citykpi.data.Dataset;

/**
 * What {@link DataReader} read: the dataset, an account of every row, every problem in input
 * order, and what the dataset cannot hold (units seen, observation attributes, Open SDG
 * disaggregations). Immutable and thread-safe.
 *
 * <p>Accounting: {@link #rowsRead()} = {@link #rowsAccepted()} + {@link #rowsRejected()}. A row is
 * a data record of a CSV file (the header and blank lines are not rows) or an observation object
 * of a JSON file. An accepted row may still carry warnings (an empty value cell is accepted as a
 * missing value with a warning); a rejected row has at least one error naming its position.
 */
public final class ReadResult {
    private final Dataset dataset;
    private final long rowsAccepted;
    private final long rowsRejected;
    private final List<Problem> problems;
    private final long errorCount;
    private final long warningCount;
    private final long problemsOmitted;
    private final Map<String, Format> formats;
    private final Map<String, String> units;
    private final List<ObservationAttributes> attributes;
    private final List<Disaggregation> disaggregations;

    ReadResult(
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
        this.dataset = dataset;
        this.rowsAccepted = rowsAccepted;
        this.rowsRejected = rowsRejected;
        this.problems = List.copyOf(problems);
        this.errorCount = errorCount;
        this.warningCount = warningCount;
        this.problemsOmitted = problemsOmitted;
        this.formats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formats));
        this.units = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(units));
        this.attributes = List.copyOf(attributes);
        this.disaggregations = List.copyOf(disaggregations);
    }

    /** Returns the dataset of every accepted observation (headline values for Open SDG). */
    public Dataset dataset() {
        return dataset;
    }

    /** Returns the number of data rows read: accepted plus rejected. */
    public long rowsRead() {
        return rowsAccepted + rowsRejected;
    }

    /** Returns the number of rows accepted (possibly with warnings). */
    public long rowsAccepted() {
        return rowsAccepted;
    }

    /** Returns the number of rows rejected, each with at least one error in {@link #problems()}. */
    public long rowsRejected() {
        return rowsRejected;
    }

    /**
     * Returns errors and warnings in input order, at most {@link Limits#maxProblems()} of them
     * (see {@link #problemsOmitted()}).
     */
    public List<Problem> problems() {
        return problems;
    }

    /** Returns the number of errors found, including those not kept in {@link #problems()}. */
    public long errorCount() {
        return errorCount;
    }

    /** Returns the number of warnings found, including those not kept in {@link #problems()}. */
    public long warningCount() {
        return warningCount;
    }

    /** Returns how many problems were found beyond {@link Limits#maxProblems()} and not kept. */
    public long problemsOmitted() {
        return problemsOmitted;
    }

    /** Returns true when any error was found (some row rejected, or a problem with no row). */
    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** Returns the format of each input, by name, in reading order. */
    public Map<String, Format> formats() {
        return formats;
    }

    /** Returns the unit given in the data for each variable that had one (variable id → unit). */
    public Map<String, String> units() {
        return units;
    }

    /**
     * Returns the attributes kept with observations (SDMX attributes, Open SDG reserved columns,
     * long CSV source, note and extra columns), in input order, one entry per observation that
     * had any.
     */
    public List<ObservationAttributes> attributes() {
        return attributes;
    }

    /** Returns the disaggregated (non-headline) observations of Open SDG files, in input order. */
    public List<Disaggregation> disaggregations() {
        return disaggregations;
    }

    /** Returns the one-line account, e.g. {@code 12 rows read: 10 accepted, 2 rejected}. */
    public String summary() {
        return rowsRead() + " rows read: " + rowsAccepted + " accepted, " + rowsRejected + " rejected";
    }

    @Override
    public String toString() {
        return summary();
    }
}
