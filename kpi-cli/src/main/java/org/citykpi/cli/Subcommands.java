package org.citykpi.cli;

import java.util.List;

/** Lists the subcommands of {@code citykpi}; each issue adds its command here, one line each. */
final class Subcommands {
    private Subcommands() {}

    static List<Object> all() {
        return List.of(
                // keep one command per line: parallel work adds lines here
                new IndexCommand());
    }
}
