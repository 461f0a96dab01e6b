package org.citykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.ReadResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads city data against a catalog, beside the files
 * themselves: {@code --catalog}, {@code --strict}, {@code --decimal-comma} and {@code --entity}.
 * {@link DataInput} adds a required {@code --data}; {@code compute}, which can read observations
 * instead, has its own.
 */
abstract class DataOptions {
    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--catalog",
            defaultValue = "u4ssc",
            paramLabel = "u4ssc|FILE",
            description = "Bundled catalog id or catalog JSON file (default: ${DEFAULT-VALUE}).")
    String catalog;

    @Option(names = "--strict", description = "Stop at the first data error (exit 1, no output).")
    boolean strict;

    @Option(names = "--decimal-comma", description = "Read numbers with ',' as decimal separator.")
    boolean decimalComma;

    @Option(
            names = "--entity",
            paramLabel = "CODE",
            description =
                    "Entity code for files that name none (an Open SDG or SDMX export without GeoCode or REF_AREA).")
    @Nullable
    String entity;

    /** Loads the catalog named by {@code --catalog} (exit 3 when it cannot be read). */
    Catalog catalog() {
        return CommandSupport.catalog(catalog);
    }

    /** Reads {@code files} against {@code cat}, printing problems and the account line to {@code err}. */
    ReadResult read(List<Path> files, Catalog cat, boolean checkRanges, PrintWriter err) {
        return CommandSupport.data(files, strict, decimalComma, entity, cat, checkRanges, err);
    }
}
