package org.citykpi.index;

/**
 * Signals that an index cannot be built from these data with these methods, e.g. a geometric mean
 * over a zero or a constant indicator in min-max. The message names the indicator or aggregate,
 * the unit and period where relevant, and suggests a fix. Never thrown for a missing value: those
 * stay missing.
 */
public final class IndexException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The code of the indicator or aggregate concerned. */
    private final String code;

    /**
     * Creates the exception for one node.
     *
     * @param code the code of the indicator or aggregate concerned
     * @param message the full text shown to the user: what went wrong, where, and a way out
     */
    public IndexException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** {@return the code of the indicator or aggregate concerned} */
    public String code() {
        return code;
    }
}
