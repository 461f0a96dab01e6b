package org.citykpi.calc;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Outcome for one entity, period and indicator: a finite value, or why there is none.
 * Immutable and thread-safe.
 */
public sealed interface KpiResult {

    /** {@return the status word used in files: {@code ok}, {@code reported} or the cause's word} */
    String status();

    /** {@return true when this is a value} */
    default boolean isAvailable() {
        return this instanceof Value;
    }

    /** How a value came about. */
    enum Provenance {
        /** Computed from the indicator's formula. */
        COMPUTED,
        /** Carried by the data directly (a variable whose id is the indicator's id or code). */
        REPORTED
    }

    /** Why an indicator has no value. */
    enum Cause {
        /** An input the formula needs is not in the data for this entity and period. */
        MISSING_INPUT,
        /** The formula divides by zero. */
        DIVISION_BY_ZERO,
        /** The result is not finite, or outside the indicator's valid range. */
        OUT_OF_RANGE,
        /** The indicator does not apply (the formula says so with {@code na()}). */
        NOT_APPLICABLE,
        /** An input is outside its variable's valid range (a negative count, a share above 100). */
        INVALID_INPUT;

        /** {@return the lower-case word used in files, such as {@code missing_input}} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses the word of {@link #word()}.
         *
         * @param word a cause's word, in any case, blanks around it ignored
         * @return the cause
         * @throws IllegalArgumentException if the word names no cause
         */
        public static Cause parse(String word) {
            return valueOf(word.strip().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A finite value.
     *
     * @param value the value, in the indicator's unit
     * @param provenance computed or reported
     */
    record Value(double value, Provenance provenance) implements KpiResult {
        /**
         * Rejects non-finite values.
         *
         * @param value the value, in the indicator's unit
         * @param provenance computed or reported
         * @throws IllegalArgumentException if the value is NaN or infinite
         */
        public Value {
            requireNonNull(provenance, "provenance");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value is not finite: " + value);
            }
        }

        @Override
        public String status() {
            return provenance == Provenance.REPORTED ? "reported" : "ok";
        }
    }

    /**
     * No value, with its cause and a detail a city officer can read ("needs households_total").
     *
     * @param cause why
     * @param detail which variable or value, in words
     */
    record NotAvailable(Cause cause, String detail) implements KpiResult {
        /**
         * Validates the fields.
         *
         * @param cause why
         * @param detail which variable or value, in words; null is read as empty
         */
        public NotAvailable {
            requireNonNull(cause, "cause");
            detail = detail == null ? "" : detail;
        }

        @Override
        public String status() {
            return cause.word();
        }
    }
}
