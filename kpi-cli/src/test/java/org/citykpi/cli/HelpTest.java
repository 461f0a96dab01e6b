package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers --help with a description, its options and at least one example. */
class HelpTest {
    @Test
    void everyCommandHasHelpWithAnExample() {
        CommandLine root = CityKpiCommand.commandLine();
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue; // picocli's own help command
            }
            String usage = e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
            if (!usage.contains("Example") || !usage.contains("citykpi " + e.getKey() + " ")) {
                without.add(e.getKey());
            }
            assertTrue(usage.contains("--help"), e.getKey());
        }
        assertEquals(List.of(), without, "commands whose --help shows no example");
    }

    @Test
    void reportHelpShowsTheMainJob() {
        ReportCommandTest.Run r = ReportCommandTest.run("report", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--targets examples/data/sample-targets.csv --out report.html"), r.out());
        assertTrue(r.out().contains("--decimal-comma"));
        assertTrue(r.out().contains("--title=TEXT"));
    }
}
