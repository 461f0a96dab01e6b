package org.citykpi.io;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.citykpi.Variable;
import org.citykpi.data.DuplicatePolicy;

/**
 * Says how {@link org.citykpi.io.read.DataReader} reads: strict or lenient, decimal separator, what to do with
 * duplicate observations, limits, the units to check against, the text encoding, an entity for
 * files that name none, and optionally a fixed format. Immutable and thread-safe.
 *
 * @param strict stop at the first data error with a {@link DataFormatException} (default false:
 *     reject the row, record a {@link Problem} and go on)
 * @param decimalComma read {@code 12,5} as 12.5 (default false: only {@code .} is a decimal
 *     separator, and {@code 12,5} is not a number)
 * @param duplicates what to do with a second value for the same entity, period and variable
 *     (default {@link DuplicatePolicy#ERROR}: reject it naming both lines)
 * @param limits field, record, column, nesting and problem limits
 * @param units variable id → unit (typically the catalog's); a unit given in the data for one of
 *     these variables must match it (ignoring case and surrounding blanks), or the row is rejected
 * @param charset text encoding (default UTF-8); bytes that are not valid in it make the file
 *     unreadable, with the line where they occur
 * @param entity entity code for files that have no entity column (Open SDG and SDMX files of a
 *     single city); empty by default, and then such files are unreadable
 * @param format the format of every file, or empty to detect it from each file's header
 * @param ranges variable id → variable (typically the catalog's); a value outside the variable's
 *     valid range ({@link Variable#isValid}) is rejected with a positioned error naming the range.
 *     Empty by default: the engine then reports {@code invalid_input} for such values instead
 */
public record ReadOptions(
        boolean strict,
        boolean decimalComma,
        DuplicatePolicy duplicates,
        Limits limits,
        Map<String, String> units,
        Charset charset,
        Optional<String> entity,
        Optional<Format> format,
        Map<String, Variable> ranges) {

    /**
     * Validates the fields and copies the maps.
     *
     * @param strict stop at the first data error (true) or reject the row and go on (false)
     * @param decimalComma accept {@code ,} as decimal separator too
     * @param duplicates what to do with a second value for the same entity, period and variable
     * @param limits field, record, column, nesting and problem limits
     * @param units variable id → unit to check the data's units against; empty checks none
     * @param charset text encoding of byte input
     * @param entity entity code for files without an entity column; empty when there is none
     *     (such files are then unreadable); not blank
     * @param format the format of every file; empty to detect it from each file's start
     * @param ranges variable id → variable whose valid range values are checked against; empty
     *     checks none
     * @throws IllegalArgumentException if {@code entity} is present but blank
     */
    public ReadOptions {
        requireNonNull(duplicates, "duplicates");
        requireNonNull(limits, "limits");
        units = Map.copyOf(units);
        requireNonNull(charset, "charset");
        requireNonNull(entity, "entity");
        requireNonNull(format, "format");
        ranges = Map.copyOf(ranges);
        if (entity.isPresent() && entity.get().isBlank()) {
            throw new IllegalArgumentException("entity is blank");
        }
    }

    /**
     * Returns the default options: lenient, {@code .} as the only decimal separator, duplicates
     * are errors, {@link Limits#defaults()}, no unit or range checks, UTF-8, no fixed entity, the
     * format detected.
     *
     * @return the default options
     */
    public static ReadOptions defaults() {
        return new ReadOptions(
                false,
                false,
                DuplicatePolicy.ERROR,
                Limits.defaults(),
                Map.of(),
                StandardCharsets.UTF_8,
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }

    /**
     * Returns a copy with strict mode on or off.
     *
     * @param on true to stop at the first data error, false to reject bad rows and go on
     * @return the new options
     */
    public ReadOptions withStrict(boolean on) {
        return new ReadOptions(on, decimalComma, duplicates, limits, units, charset, entity, format, ranges);
    }

    /**
     * Returns a copy that does or does not accept a decimal comma.
     *
     * @param on true to read {@code 12,5} as 12.5, false to accept only {@code .}
     * @return the new options
     */
    public ReadOptions withDecimalComma(boolean on) {
        return new ReadOptions(strict, on, duplicates, limits, units, charset, entity, format, ranges);
    }

    /**
     * Returns a copy with another duplicate policy.
     *
     * @param p what to do with a second value for the same entity, period and variable
     * @return the new options
     */
    public ReadOptions withDuplicates(DuplicatePolicy p) {
        return new ReadOptions(strict, decimalComma, p, limits, units, charset, entity, format, ranges);
    }

    /**
     * Returns a copy with other limits.
     *
     * @param l the field, record, column, nesting and problem limits
     * @return the new options
     */
    public ReadOptions withLimits(Limits l) {
        return new ReadOptions(strict, decimalComma, duplicates, l, units, charset, entity, format, ranges);
    }

    /**
     * Returns a copy that checks the units given in the data.
     *
     * @param variableUnits variable id → expected unit (typically the catalog's); a variable not
     *     in it is not checked; copied
     * @return the new options
     */
    public ReadOptions withUnits(Map<String, String> variableUnits) {
        return new ReadOptions(
                strict, decimalComma, duplicates, limits, variableUnits, charset, entity, format, ranges);
    }

    /**
     * Returns a copy that decodes byte input with another encoding.
     *
     * @param cs the text encoding
     * @return the new options
     */
    public ReadOptions withCharset(Charset cs) {
        return new ReadOptions(strict, decimalComma, duplicates, limits, units, cs, entity, format, ranges);
    }

    /**
     * Returns a copy that gives files without an entity column an entity.
     *
     * @param code the entity code of such files; not blank
     * @return the new options
     * @throws IllegalArgumentException if {@code code} is blank
     */
    public ReadOptions withEntity(String code) {
        return new ReadOptions(
                strict, decimalComma, duplicates, limits, units, charset, Optional.of(code), format, ranges);
    }

    /**
     * Returns a copy that reads every file in one format instead of detecting it.
     *
     * @param f the format of every file
     * @return the new options
     */
    public ReadOptions withFormat(Format f) {
        return new ReadOptions(
                strict, decimalComma, duplicates, limits, units, charset, entity, Optional.of(f), ranges);
    }

    /**
     * Returns a copy that checks values against the valid ranges of {@code variables}.
     *
     * @param variables the variables to check (typically the catalog's); those with an open range
     *     {@code (-inf, inf)} are left out, and an empty collection checks none
     * @return the new options
     */
    public ReadOptions withRanges(java.util.Collection<Variable> variables) {
        Map<String, Variable> m = new java.util.HashMap<>();
        for (Variable v : variables) {
            if (v.min() != Double.NEGATIVE_INFINITY || v.max() != Double.POSITIVE_INFINITY) {
                m.put(v.id(), v);
            }
        }
        return new ReadOptions(strict, decimalComma, duplicates, limits, units, charset, entity, format, m);
    }
}
