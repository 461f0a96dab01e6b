package org.citykpi.cli;

import org.jspecify.annotations.Nullable;

/** Stops a command with a message for stderr and an exit code from {@link ExitCodes}. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** {@code message} is null when the problem has already been printed. */
    CliException(int exitCode, @Nullable String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
