package org.citykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.ReadResult;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads city data against a catalog: {@code --data},
 * {@code --catalog}, {@code --strict} and {@code --decimal-comma} (a picocli mixin, so that their
 * names, defaults and help read the same everywhere).
 */
final class DataInput extends DataOptions {
    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--data",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Data files (long, wide, SDMX, Open SDG CSV or JSON).")
    List<Path> data;

    /** Reads every data file against {@code cat}, printing problems and the account line to {@code err}. */
    ReadResult read(Catalog cat, PrintWriter err) {
        return read(data, cat, false, err);
    }

    /** Reads like {@link #read}, also rejecting values outside their variable's valid range. */
    ReadResult readChecked(Catalog cat, PrintWriter err) {
        return read(data, cat, true, err);
    }
}
