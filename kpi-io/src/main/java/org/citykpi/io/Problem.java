package org.citykpi.io;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in an input, positioned: {@code file:line:column: message}. Line and column
 * count from 1; 0 means "not known" (a whole-file problem). Immutable and thread-safe.
 *
 * @param file file name as given by the user
 * @param line line number (1-based), 0 if not known
 * @param column column number (1-based field index), 0 if not known
 * @param raw the raw text concerned, cut short to {@value #MAX_RAW} characters; may be empty
 * @param message what is wrong and what was expected, e.g. {@code not a number '12,5' (use '.'
 *     as decimal separator, or --decimal-comma)}
 * @param severity error (the row is rejected) or warning (the row is kept)
 */
public record Problem(String file, long line, int column, String raw, String message, Severity severity) {
    /** Longest raw text kept. */
    public static final int MAX_RAW = 80;

    /** How bad a problem is. */
    public enum Severity {
        /** The row (or value) is rejected. */
        ERROR,
        /** The row is kept, but something looks wrong. */
        WARNING
    }

    /**
     * Validates and cuts the raw text short.
     *
     * @param file file name as given by the user
     * @param line line number (1-based), 0 if not known
     * @param column column number (1-based field index), 0 if not known
     * @param raw the raw text concerned, cut short to {@value #MAX_RAW} characters here; may be
     *     empty
     * @param message what is wrong and what was expected
     * @param severity error or warning
     */
    public Problem {
        requireNonNull(file, "file");
        requireNonNull(message, "message");
        requireNonNull(severity, "severity");
        raw = cut(raw == null ? "" : raw);
    }

    /**
     * Returns an error: the row (or value) concerned is rejected.
     *
     * @param file file name as given by the user
     * @param line line number (1-based), 0 if not known
     * @param column column number (1-based field index), 0 if not known
     * @param raw the raw text concerned (cut to {@value #MAX_RAW} characters); may be empty
     * @param message what is wrong and what was expected
     * @return the problem, with severity {@link Severity#ERROR}
     */
    public static Problem error(String file, long line, int column, String raw, String message) {
        return new Problem(file, line, column, raw, message, Severity.ERROR);
    }

    /**
     * Returns a warning: the row concerned is kept.
     *
     * @param file file name as given by the user
     * @param line line number (1-based), 0 if not known
     * @param column column number (1-based field index), 0 if not known
     * @param raw the raw text concerned (cut to {@value #MAX_RAW} characters); may be empty
     * @param message what looks wrong
     * @return the problem, with severity {@link Severity#WARNING}
     */
    public static Problem warning(String file, long line, int column, String raw, String message) {
        return new Problem(file, line, column, raw, message, Severity.WARNING);
    }

    /**
     * Cuts a text short for a message.
     *
     * @param raw any text
     * @return {@code raw} itself when it has at most {@value #MAX_RAW} characters, else its first
     *     {@value #MAX_RAW} - 1 characters followed by an ellipsis ({@code …})
     */
    public static String cut(String raw) {
        return raw.length() <= MAX_RAW ? raw : raw.substring(0, MAX_RAW - 1) + "…";
    }

    /** {@return true for an error, false for a warning} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Returns {@code file:line:column: message} (warnings say {@code warning:} after the position) on
     * one line: line breaks in the message are written as {@code \n} and {@code \r}, other control
     * characters as Java-style unicode escapes.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        // One problem, one line: a quoted value with a line break (or other control characters)
        // would otherwise split the FILE:LINE:COLUMN line on stderr, or send escapes to a terminal.
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
