package org.citykpi.io;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when an input cannot be used: a broken structure, a required column absent, or (in strict
 * mode) the first bad value. Carries the positioned {@link Problem}; its message is {@code
 * file:line:column: message}.
 */
public class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The problem: transient because {@link Problem} is not serializable (the message keeps its text). */
    private final transient Problem problem;

    /** True when strict mode stopped at a data error; false when the input cannot be read at all. */
    private final boolean strictStop;

    /**
     * Creates the exception for {@code problem}.
     *
     * @param problem the positioned problem that makes the input unusable; its text is the
     *     exception's message
     */
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
     *
     * @param problem the first data error met
     * @return an exception whose {@link #isStrictStop()} is true
     */
    public static DataFormatException strict(Problem problem) {
        return new DataFormatException(problem, true);
    }

    /**
     * Tells strict mode stopping at a data error from an input that cannot be read at all.
     *
     * @return true when this exception was made by {@link #strict}, false otherwise
     */
    public boolean isStrictStop() {
        return strictStop;
    }

    /**
     * Creates the exception for an error at {@code file:line:column}.
     *
     * @param file the input's name as given by the user
     * @param line the line (1-based), or 0 when not known
     * @param column the column (1-based field index), or 0 when not known
     * @param raw the text concerned (cut to {@value Problem#MAX_RAW} characters); empty when none
     * @param message what is wrong and what was expected
     */
    public DataFormatException(String file, long line, int column, String raw, String message) {
        this(Problem.error(file, line, column, raw, message));
    }

    /** {@return the positioned problem this exception reports} */
    public Problem problem() {
        return problem;
    }
}
