package org.citykpi.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs the {@code citykpi} command: parses the arguments and dispatches to a subcommand. */
@Command(
        name = "citykpi",
        mixinStandardHelpOptions = true,
        version = "citykpi 0.1.0",
        description = "Computes smart sustainable city indicators (U4SSC KPIs, ITU-T Y.4903) from city data.",
        subcommands = {CommandLine.HelpCommand.class},
        footer = {
            "",
            "Exit codes: 0 all rows accepted, 1 output written but some rows rejected or errors found,",
            "            2 bad usage, 3 an input cannot be read at all.",
            "",
            "Example:",
            "  citykpi compute --data examples/data/sample-city.csv --catalog u4ssc --out kpis.csv"
        })
public final class CityKpiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the top-level command alone; {@link #run(String...)} runs it with every subcommand. */
    public CityKpiCommand() {}

    /** Prints the usage when no subcommand is given. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command");
    }

    /** Returns the command line with every subcommand registered. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CityKpiCommand());
        for (Object sub : Subcommands.all()) {
            cl.addSubcommand(sub);
        }
        // Without this, picocli takes an unknown option after a multi-value option such as --data
        // as one more value ("--bogus: no such file", exit 3) instead of bad usage (exit 2).
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("citykpi: " + ex.getMessage());
            err.println("Try 'citykpi " + commandPath(ex.getCommandLine()) + "--help' for more information.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof CliException c) {
                if (c.getMessage() != null) {
                    err.println("citykpi: " + c.getMessage());
                }
                err.flush();
                return c.exitCode();
            }
            if (ex instanceof org.citykpi.io.DataFormatException d) {
                err.println(d.getMessage());
                err.flush();
                return d.isStrictStop() ? ExitCodes.DATA_ERRORS : ExitCodes.UNREADABLE;
            }
            if (ex instanceof java.io.UncheckedIOException u) {
                // UncheckedIOException always carries its IOException (its constructors require one).
                err.println("citykpi: " + CommandSupport.reason(java.util.Objects.requireNonNull(u.getCause())));
                err.flush();
                return ExitCodes.UNREADABLE;
            }
            // A bug of ours, not bad input: say so plainly, with the cause, but no stack trace.
            err.println("citykpi: internal error (please report it): " + ex);
            err.flush();
            return ExitCodes.DATA_ERRORS;
        });
        return cl;
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line, such as {@code compute --data city.csv}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command and returns its exit code (for tests and embedding).
     *
     * @param args the command line, such as {@code compute --data city.csv}
     * @return 0 every row accepted, 1 output written but some rows rejected or errors found, 2 bad
     *     usage, 3 an input cannot be read at all
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
