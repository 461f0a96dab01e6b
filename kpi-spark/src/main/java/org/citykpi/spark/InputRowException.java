package org.citykpi.spark;

import org.citykpi.Numbers;
import org.jspecify.annotations.Nullable;

/**
 * Reports an input row that cannot be computed: an empty entity or period, a period that is not
 * ISO-8601 text, a value without a variable, a value that is not finite, or a second value for one
 * entity, period and variable. It fails the Spark job; the message names the row and says what was
 * expected, quoting at most about 100 characters of a value (control characters escaped).
 */
public final class InputRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The most characters of a value quoted in a message. */
    static final int QUOTED = 100;

    /**
     * Makes the exception.
     *
     * @param message what is wrong with the row and what was expected
     */
    public InputRowException(String message) {
        super(message);
    }

    /**
     * Returns the error of an input row: its four cells ({@code null} where empty), then what is
     * wrong, as {@code row (entity 'x', period '2021', variable 'a', value 1): ...}.
     */
    static InputRowException ofRow(
            @Nullable String entity,
            @Nullable String period,
            @Nullable String variable,
            @Nullable Double value,
            String what) {
        return new InputRowException("row (entity " + (entity == null ? "null" : quote(entity)) + ", period "
                + (period == null ? "null" : quote(period)) + ", variable "
                + (variable == null ? "null" : quote(variable))
                + ", value " + (value == null ? "null" : Numbers.format(value)) + "): " + what);
    }

    /**
     * Returns {@code s} quoted for a message: in single quotes, control characters as {@code \\n},
     * {@code \\t} or {@code \\uXXXX}, cut after {@value #QUOTED} characters with {@code …}.
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("'");
        int n = Math.min(s.length(), QUOTED);
        if (n < s.length() && Character.isHighSurrogate(s.charAt(n - 1))) {
            n--; // never cut a character in two
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c) || (Character.isSurrogate(c) && !validSurrogateAt(s, i))) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > QUOTED) {
            b.append('…');
        }
        return b.append('\'').toString();
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
