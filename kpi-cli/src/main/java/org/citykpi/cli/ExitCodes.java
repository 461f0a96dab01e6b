package org.citykpi.cli;

/** The exit codes of the {@code citykpi} command (docs/cli.md, a stable contract). */
final class ExitCodes {
    /** Every input row accepted and no error found. */
    static final int OK = 0;
    /** Output written, but some rows were rejected or validation found errors. */
    static final int DATA_ERRORS = 1;
    /** Bad usage. */
    static final int USAGE = 2;
    /** An input cannot be read at all. */
    static final int UNREADABLE = 3;

    private ExitCodes() {}
}
