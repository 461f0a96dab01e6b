package org.citykpi.io;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when an input cannot be used: a broken structure, a required column absent, or (in strict
 * mode) the first bad value. Carries the positioned {@link Problem}; its message is {@code
 * file:line:column: message}.
 */
public class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final boolean strictStop;

    /** Creates the exception for {@code problem}. */
    public DataFormatException(Problem problem) {
        this(problem, false);
    }

    private DataFormatException(Problem problem, boolean strictStop) {
        super(requireNonNull(problem, "problem").toString());
        this.problem = problem;
        this.strictStop = strictStop;
    }

    /**
     * Returns the exception that strict mode throws at the first data error (a bad value or row, as
     * opposed to an input that cannot be read at all).
     */
    public static DataFormatException strict(Problem problem) {
        return new DataFormatException(problem, true);
    }

    /** Returns true when this is strict mode stopping at a data error ({@link #strict}). */
    public boolean isStrictStop() {
        return strictStop;
    }

    /** Creates the exception for an error at {@code file:line:column}. */
    public DataFormatException(String file, long line, int column, String raw, String message) {
        this(Problem.error(file, line, column, raw, message));
    }

    /** Returns the problem. */
    public Problem problem() {
        return problem;
    }
}
