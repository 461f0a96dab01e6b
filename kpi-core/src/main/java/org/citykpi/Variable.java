package org.citykpi;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Describes a named raw input, such as {@code households_total}, with its unit and the range of
 * values that can be valid.
 *
 * <p>A value outside {@code [min, max]} is not used: the engine reports {@code invalid_input} for
 * every indicator that reads it. Use {@link Double#NEGATIVE_INFINITY} / {@link
 * Double#POSITIVE_INFINITY} for an open bound. Immutable and thread-safe.
 *
 * <p>Serializable through its canonical constructor, so a value read from a stream is checked like
 * a new one; the serial form is for moving values between JVMs of the same CityKPI version (such
 * as to Spark executors), not for storage.
 *
 * @param id identifier used in formulas and data files (letters, digits, {@code _} and {@code .})
 * @param unit unit of measure, such as {@code households}, {@code %}, {@code persons}
 * @param description what the variable counts, for people
 * @param min smallest valid value (inclusive)
 * @param max largest valid value (inclusive)
 * @serial exclude
 */
public record Variable(String id, String unit, String description, double min, double max) implements Serializable {

    /**
     * Validates the id and the range.
     *
     * @param id identifier used in formulas and data files, not blank
     * @param unit unit of measure; null is read as empty
     * @param description what the variable counts; null is read as empty
     * @param min smallest valid value (inclusive), not NaN
     * @param max largest valid value (inclusive), not NaN and not below {@code min}
     * @throws IllegalArgumentException if the id is blank or the range is empty or NaN
     */
    public Variable {
        requireNonNull(id, "id");
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
        if (id.isBlank()) {
            throw new IllegalArgumentException("variable id is blank");
        }
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("variable " + id + ": invalid range [" + min + ", " + max + "]");
        }
    }

    /**
     * Returns a variable with any finite value valid.
     *
     * @param id identifier used in formulas and data files
     * @param unit unit of measure
     * @param description what the variable counts, for people
     * @return the variable, with the range {@code (-∞, +∞)}
     */
    public static Variable of(String id, String unit, String description) {
        return new Variable(id, unit, description, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Returns a variable with any finite value valid and no description.
     *
     * @param id identifier used in formulas and data files
     * @param unit unit of measure
     * @return the variable, with the range {@code (-∞, +∞)}
     */
    public static Variable of(String id, String unit) {
        return of(id, unit, "");
    }

    /**
     * Returns this variable with the valid range {@code [min, max]}.
     *
     * @param min smallest valid value (inclusive); {@link Double#NEGATIVE_INFINITY} for none
     * @param max largest valid value (inclusive); {@link Double#POSITIVE_INFINITY} for none
     * @return a copy with the new range
     * @throws IllegalArgumentException if the range is empty or NaN
     */
    public Variable withRange(double min, double max) {
        return new Variable(id, unit, description, min, max);
    }

    /**
     * Returns true when {@code value} is finite and inside the valid range.
     *
     * @param value a value of this variable
     * @return whether the value can be used
     */
    public boolean isValid(double value) {
        return value >= min && value <= max && Double.isFinite(value);
    }

    /** {@return the valid range as text, such as {@code [0, 100]} or {@code >= 0}} */
    public String rangeText() {
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            return "[" + Numbers.format(min) + ", " + Numbers.format(max) + "]";
        }
        if (lo) {
            return ">= " + Numbers.format(min);
        }
        if (hi) {
            return "<= " + Numbers.format(max);
        }
        return "any finite number";
    }
}
