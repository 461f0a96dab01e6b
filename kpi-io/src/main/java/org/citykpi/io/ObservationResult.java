package org.citykpi.io;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.citykpi.observe.Observations;

/**
 * What {@link org.citykpi.io.read.ObservationReader} read: the readings, an account of every row,
 * and every problem in input order. Immutable and thread-safe.
 *
 * <p>A row is one reading: a data record of an observations CSV, one observation object of a
 * SensorThings page, one instance (or {@code [value, time]} pair) of an NGSI-LD temporal
 * attribute. Accounting: {@link #rowsRead()} = {@link #rowsAccepted()} + {@link #rowsRejected()} +
 * {@link #rowsSkipped()}. Accepted readings are in {@link #observations()} (flagged invalid ones
 * too: {@link #invalidReadings()} of them, kept so that capture counts them as not valid); a
 * rejected reading has an error at its position; a skipped reading is well formed but not kept,
 * for one of two reasons, each counted: its time is outside the {@linkplain
 * ObservationOptions#year() year asked for}, or it has no value (an empty value cell, a
 * SensorThings {@code "result": null}, an NGSI-LD {@code null} value). Under the duplicate
 * policies {@code first}, {@code last} and {@code sum}, a duplicate stays accepted and is merged
 * ({@link #resolvedDuplicates()}); under {@code error} it is rejected.
 *
 * @param observations the accepted readings, one series per station and property
 * @param rowsAccepted readings accepted (possibly with warnings)
 * @param rowsRejected readings rejected, each with an error
 * @param outsideYear readings skipped because their time is outside the year asked for
 * @param withoutValue readings skipped because they have no value
 * @param invalidReadings accepted readings that their source flags as not valid
 * @param negativeValues accepted readings of a concentration below zero, kept as measured (the
 *     first of each series has a warning)
 * @param resolvedDuplicates duplicate readings merged by the policy first, last or sum
 * @param problems errors and warnings in input order (duplicates found when the series are
 *     sorted come last), at most {@link Limits#maxProblems()} of them
 * @param errorCount errors found, including those not kept
 * @param warningCount warnings found, including those not kept
 * @param problemsOmitted problems found beyond {@link Limits#maxProblems()} and not kept
 * @param formats the format of each input, by name, in reading order
 * @param year the year asked for, if one was
 */
public record ObservationResult(
        Observations observations,
        long rowsAccepted,
        long rowsRejected,
        long outsideYear,
        long withoutValue,
        long invalidReadings,
        long negativeValues,
        long resolvedDuplicates,
        List<Problem> problems,
        long errorCount,
        long warningCount,
        long problemsOmitted,
        Map<String, ObservationFormat> formats,
        OptionalInt year) {

    /**
     * Validates the counts and copies the collections.
     *
     * @param observations the accepted readings
     * @param rowsAccepted readings accepted; not negative
     * @param rowsRejected readings rejected; not negative
     * @param outsideYear readings skipped as outside the year; not negative
     * @param withoutValue readings skipped for want of a value; not negative
     * @param invalidReadings accepted readings flagged not valid; not negative
     * @param negativeValues accepted negative concentrations; not negative
     * @param resolvedDuplicates duplicates merged by the policy; not negative
     * @param problems errors and warnings in input order
     * @param errorCount errors found; at least {@code rowsRejected}
     * @param warningCount warnings found; not negative
     * @param problemsOmitted problems not kept; not negative
     * @param formats the format of each input, in reading order
     * @param year the year asked for, if any
     * @throws IllegalArgumentException if a count is negative, or fewer errors are counted than
     *     readings rejected
     */
    public ObservationResult {
        requireNonNull(observations, "observations");
        requireNonNull(year, "year");
        if (rowsAccepted < 0
                || rowsRejected < 0
                || outsideYear < 0
                || withoutValue < 0
                || invalidReadings < 0
                || negativeValues < 0
                || resolvedDuplicates < 0
                || errorCount < 0
                || warningCount < 0
                || problemsOmitted < 0) {
            throw new IllegalArgumentException("negative count");
        }
        if (errorCount < rowsRejected) {
            throw new IllegalArgumentException(
                    rowsRejected + " rows rejected but only " + errorCount + " errors (each rejected row has one)");
        }
        problems = List.copyOf(problems);
        formats = Collections.unmodifiableMap(new LinkedHashMap<>(formats));
    }

    /** {@return the readings skipped: outside the year plus without a value} */
    public long rowsSkipped() {
        return outsideYear + withoutValue;
    }

    /** {@return the readings read: accepted plus rejected plus skipped} */
    public long rowsRead() {
        return rowsAccepted + rowsRejected + rowsSkipped();
    }

    /** {@return true when any error was found} */
    public boolean hasErrors() {
        return errorCount > 0;
    }

    /**
     * Returns the one-line account, e.g. {@code 8784 rows read: 8760 accepted, 0 rejected, 24
     * skipped (24 outside 2023)}; the skipped part is left out when nothing was skipped.
     *
     * @return the account
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(rowsRead())
                .append(" rows read: ")
                .append(rowsAccepted)
                .append(" accepted, ")
                .append(rowsRejected)
                .append(" rejected");
        if (rowsSkipped() > 0) {
            sb.append(", ").append(rowsSkipped()).append(" skipped (");
            if (outsideYear > 0) {
                sb.append(outsideYear).append(" outside ");
                sb.append(year.isPresent() ? String.valueOf(year.getAsInt()) : "the year");
                if (withoutValue > 0) {
                    sb.append(", ");
                }
            }
            if (withoutValue > 0) {
                sb.append(withoutValue).append(" without a value");
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** {@return {@link #summary()}} */
    @Override
    public String toString() {
        return summary();
    }
}
