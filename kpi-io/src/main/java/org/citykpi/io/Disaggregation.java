package org.citykpi.io;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.citykpi.Period;

/**
 * One disaggregated observation of an Open SDG file (a row where some disaggregation column, such
 * as {@code Sex} or {@code Age}, is filled). These rows are kept apart from the headline values
 * that go into the {@link org.citykpi.data.Dataset}. Immutable and thread-safe.
 *
 * @param entity entity code
 * @param period period
 * @param variable variable id (the series)
 * @param dimensions the filled disaggregation columns, in file order ({@code Sex → Female})
 * @param value the finite value
 * @param file file the row came from
 * @param line line of the row
 */
public record Disaggregation(
        String entity,
        Period period,
        String variable,
        Map<String, String> dimensions,
        double value,
        String file,
        long line) {

    /**
     * Validates the fields and copies the dimensions.
     *
     * @param entity entity code
     * @param period period
     * @param variable variable id (the series)
     * @param dimensions the filled disaggregation columns, in file order; copied
     * @param value the value; must be finite
     * @param file file the row came from
     * @param line line of the row (1-based)
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public Disaggregation {
        requireNonNull(entity, "entity");
        requireNonNull(period, "period");
        requireNonNull(variable, "variable");
        requireNonNull(file, "file");
        dimensions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimensions));
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value is not finite: " + value);
        }
    }
}
