package org.citykpi.catalog;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Locale;
import org.citykpi.Quote;
import org.citykpi.calc.Calculator;

/**
 * A plausibility rule over a row's variables and indicators, such as "fixed broadband
 * subscriptions ≤ households with Internet access". The rule holds where its check is non-zero; it
 * is not checked where an input is missing. Immutable.
 *
 * <p>Serializable through its canonical constructor, so a value read from a stream is checked like
 * a new one; the serial form is for moving values between JVMs of the same CityKPI version (such
 * as to Spark executors), not for storage.
 *
 * @param id rule id
 * @param description what the rule says, for people
 * @param check the condition that must hold (usually a comparison)
 * @param checkText the condition as written
 * @param severity warning (the value is kept) or error
 * @param source where the rule comes from (U4SSC verification manual page, …)
 * @serial exclude
 */
public record Rule(String id, String description, Calculator check, String checkText, Severity severity, String source)
        implements Serializable {
    /** How bad a broken rule is. */
    public enum Severity {
        /** Reported; values are kept. */
        WARNING,
        /** Reported as an error ({@code citykpi validate} exits 1); values are kept. */
        ERROR;

        /**
         * Parses {@code warning} or {@code error}.
         *
         * @param s the severity as written, in any case; null or blank is read as {@code warning}
         * @return the severity
         * @throws IllegalArgumentException if the text is neither word
         */
        public static Severity parse(String s) {
            String t = s == null || s.isBlank() ? "warning" : s.strip().toLowerCase(Locale.ROOT);
            switch (t) {
                case "warning":
                    return WARNING;
                case "error":
                    return ERROR;
                default:
                    throw new IllegalArgumentException(
                            "not a severity " + Quote.of(s) + " (expected warning or error)");
            }
        }

        /** {@return {@code warning} or {@code error}} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the fields.
     *
     * @param id rule id
     * @param description what the rule says, for people; null is read as empty
     * @param check the condition that must hold (usually a comparison)
     * @param checkText the condition as written; null gives the check's own text
     * @param severity warning (the value is kept) or error
     * @param source where the rule comes from; null is read as empty
     */
    public Rule {
        requireNonNull(id, "id");
        requireNonNull(check, "check");
        requireNonNull(severity, "severity");
        description = description == null ? "" : description;
        checkText = checkText == null ? check.toString() : checkText;
        source = source == null ? "" : source;
    }
}
