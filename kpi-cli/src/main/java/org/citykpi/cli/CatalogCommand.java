package org.citykpi.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.csv.CatalogCsv;
import org.citykpi.io.json.CatalogJson;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Lists a catalog's indicators. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description =
                "Lists a catalog: one row per KPI (csv), the full definition with parts, variables and rules (json), or a readable table (markdown).",
        footer = {
            "",
            "Output columns (csv): id,code,name,dimension,sub_dimension,category,tier,unit,direction,formula,source",
            "",
            "Examples:",
            "  citykpi catalog --catalog u4ssc --format csv",
            "  citykpi catalog --catalog my-catalog.json --format json --out checked.json"
        })
final class CatalogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--catalog",
            defaultValue = "u4ssc",
            paramLabel = "u4ssc|FILE",
            description = "Bundled catalog id or catalog JSON file (default: ${DEFAULT-VALUE}).")
    String catalog;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json|markdown",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    @Nullable
    Path out;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json") && !f.equals("markdown") && !f.equals("md")) {
            throw new ParameterException(
                    spec.commandLine(), "--format: unknown format '" + format + "' (expected csv, json or markdown)");
        }
        Catalog cat = CommandSupport.catalog(catalog);
        try (Writer w = CommandSupport.output(out)) {
            switch (f) {
                case "csv":
                    CatalogCsv.write(cat, w);
                    break;
                case "json":
                    CatalogJson.write(cat, w);
                    break;
                default:
                    org.citykpi.io.catalog.CatalogMarkdown.write(cat, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }
}
