package org.citykpi.cli;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The city-data options of {@code compute}: those of every data command, with {@code --data}
 * optional because {@code --observations} can stand in for it (the command checks that one of the
 * two is given).
 */
final class ComputeInput extends DataOptions {
    @Option(
            names = "--data",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Data files (long, wide, SDMX, Open SDG CSV or JSON).")
    @Nullable
    List<Path> data;
}
