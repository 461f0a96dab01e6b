package org.citykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.ReadResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads city data against a catalog: {@code --data},
 * {@code --catalog}, {@code --strict} and {@code --decimal-comma} (a picocli mixin, so that their
 * names, defaults and help read the same everywhere).
 */
final class DataInput {
    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--data",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Data files (long, wide, SDMX, Open SDG CSV or JSON).")
    List<Path> data;

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

    /** Reads every data file against {@code cat}, printing problems and the account line to {@code err}. */
    ReadResult read(Catalog cat, PrintWriter err) {
        return CommandSupport.data(data, strict, decimalComma, entity, cat, false, err);
    }

    /** Reads like {@link #read}, also rejecting values outside their variable's valid range. */
    ReadResult readChecked(Catalog cat, PrintWriter err) {
        return CommandSupport.data(data, strict, decimalComma, entity, cat, true, err);
    }
}
