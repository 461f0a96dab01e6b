package org.citykpi.io.coinr;

import static java.util.Objects.requireNonNull;

/**
 * Signals bad content in a COINr file, positioned: {@code FILE:LINE:COLUMN: message ('value')
 * (expected)}. Line and column are 1-based (the column counts fields); 0 means the whole line or
 * file. {@link #structural()} tells whether the file cannot be used at all (a missing column, a
 * broken hierarchy) or only one row was rejected.
 *
 * <p>Unchecked; immutable.
 */
public final class CoinrFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final String value;
    private final String expected;
    private final boolean structural;

    /** Creates the exception; {@code value} is cut to 60 characters in the message. */
    public CoinrFormatException(
            String file, long line, int column, String problem, String value, String expected, boolean structural) {
        super(format(file, line, column, problem, value, expected));
        this.file = requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.value = value;
        this.expected = expected;
        this.structural = structural;
    }

    private static String format(String file, long line, int column, String problem, String value, String expected) {
        StringBuilder sb =
                new StringBuilder(file).append(':').append(line).append(':').append(column);
        sb.append(": ").append(problem);
        if (value != null) {
            String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
            sb.append(" '").append(v).append('\'');
        }
        if (expected != null) {
            sb.append(" (").append(expected).append(')');
        }
        return sb.toString();
    }

    /** Returns the file name as given. */
    public String file() {
        return file;
    }

    /** Returns the 1-based line, or 0 for the whole file. */
    public long line() {
        return line;
    }

    /** Returns the 1-based field number, or 0 for the whole line. */
    public int column() {
        return column;
    }

    /** Returns the raw text at fault, or null. */
    public String value() {
        return value;
    }

    /** Returns what was expected, or null. */
    public String expected() {
        return expected;
    }

    /** Returns true when the whole file cannot be used, false when one row was rejected. */
    public boolean structural() {
        return structural;
    }
}
