package org.citykpi.io.internal;

/**
 * The text of a failure caught from a constructor or parser, for a positioned problem. Stateless.
 */
public final class Failures {
    private Failures() {}

    /**
     * Returns the message of {@code e}: what the validating code said was wrong. Every exception
     * that kpi-io turns into a problem is thrown with a message; one without (which would be a bug
     * in the thrower) is described by its class name rather than by no text at all.
     *
     * @param e the exception caught
     * @return its message, or the simple name of its class when it has none; never empty unless
     *     the message itself is empty
     */
    public static String message(Throwable e) {
        String m = e.getMessage();
        return m != null ? m : e.getClass().getSimpleName();
    }
}
