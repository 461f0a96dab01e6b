package org.citykpi.catalog;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.citykpi.Quote;
import org.citykpi.calc.Calculator;

/**
 * One part of a multi-part indicator (3G and 4G coverage; primary, secondary and tertiary
 * wastewater treatment; one pollutant of an air-quality set; one mode of a modal split). Each part
 * has its own formula and value; results name it {@code <indicator id>/<part id>}. Immutable.
 *
 * <p>Serializable through its canonical constructor, so a value read from a stream is checked like
 * a new one; the serial form is for moving values between JVMs of the same CityKPI version (such
 * as to Spark executors), not for storage.
 *
 * @param id part id, unique within the indicator (letters, digits, {@code _} {@code .} {@code -})
 * @param name part name for people
 * @param unit unit of the part's value
 * @param formula how the part is computed
 * @param formulaText the formula as written
 * @param min smallest valid value ({@code -Infinity} if open)
 * @param max largest valid value ({@code +Infinity} if open)
 * @serial exclude
 */
public record Part(String id, String name, String unit, Calculator formula, String formulaText, double min, double max)
        implements Serializable {
    /**
     * Validates the fields.
     *
     * @param id part id, non-blank, without {@code /}
     * @param name part name for people; null gives the id
     * @param unit unit of the part's value; null is read as empty
     * @param formula how the part is computed
     * @param formulaText the formula as written; null gives the formula's own text
     * @param min smallest valid value ({@code -Infinity} if open)
     * @param max largest valid value ({@code +Infinity} if open), not below {@code min}
     * @throws IllegalArgumentException if the id is blank or has a {@code /}, or the range is empty or NaN
     */
    public Part {
        requireNonNull(id, "id");
        requireNonNull(formula, "formula");
        if (id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException("part id must be non-blank and contain no '/': " + Quote.of(id));
        }
        name = name == null ? id : name;
        unit = unit == null ? "" : unit;
        formulaText = formulaText == null ? formula.toString() : formulaText;
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("part " + id + ": invalid range");
        }
    }

    /**
     * Returns a part with an open range.
     *
     * @param id part id, unique within the indicator
     * @param name part name for people
     * @param unit unit of the part's value
     * @param formula how the part is computed
     * @return the part, with the range {@code (-Infinity, +Infinity)}
     */
    public static Part of(String id, String name, String unit, Calculator formula) {
        return new Part(
                id, name, unit, formula, formula.toString(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * Returns this part with the valid range {@code [min, max]}.
     *
     * @param min smallest valid value (inclusive)
     * @param max largest valid value (inclusive)
     * @return a copy with the new range
     * @throws IllegalArgumentException if the range is empty or NaN
     */
    public Part withRange(double min, double max) {
        return new Part(id, name, unit, formula, formulaText, min, max);
    }
}
