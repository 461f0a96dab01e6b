package org.citykpi.cli;

import java.util.List;

/** Lists the subcommands of {@code citykpi}, in the order the help shows them. */
final class Subcommands {
    private Subcommands() {}

    static List<Object> all() {
        return List.of(
                new ComputeCommand(),
                new ScoreCommand(),
                new ValidateCommand(),
                new IndexCommand(),
                new ReportCommand(),
                new ProgressCommand(),
                new RollupCommand(),
                new CatalogCommand());
    }
}
