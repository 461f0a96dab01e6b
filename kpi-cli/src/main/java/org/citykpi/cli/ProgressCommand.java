package org.citykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.citykpi.Period;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.ProgressTable;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.ReadResult;
import org.citykpi.io.csv.ProgressCsvWriter;
import org.citykpi.io.json.ProgressJson;
import org.citykpi.io.read.TargetsReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Assesses progress over time of every KPI of every entity by one published method: computes the
 * catalog's KPIs over the data, builds each (entity, KPI) series over the periods, and assesses it
 * towards its target (see {@link ProgressTable} and {@link ProgressMethod}).
 *
 * <p>Exit codes as docs/cli.md: 0 all rows accepted; 1 output written but some data or target rows
 * were rejected (each on stderr as {@code FILE:LINE:COLUMN: message}); 2 bad usage; 3 an input
 * cannot be read. A series that the method cannot assess is a row with {@code unable_to_assess}
 * and its reason on stderr, not an error.
 */
@Command(
        name = "progress",
        mixinStandardHelpOptions = true,
        description = "Assesses each KPI's progress over time towards its target by one published method, and names"
                + " the method in every row: eurostat (EU SDG monitoring), statcan (Statistics Canada /"
                + " Open SDG), unsd (UN SDG Progress Chart), escap-cs and escap-ap (UN ESCAP current status"
                + " and anticipated progress), sdsn (SDSN trend arrows). Defaults: base year 2015, target"
                + " year 2030.",
        footer = {
            "",
            "Output columns (csv):",
            "  entity,kpi,method,base_period,latest_period,base_value,latest_value,target,target_period,measure,category",
            "",
            "Example:",
            "  citykpi progress --data city.csv --targets targets.csv --method eurostat \\",
            "                   --out progress.csv"
        })
final class ProgressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataInput input;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--method",
            required = true,
            paramLabel = "METHOD",
            description = "eurostat, statcan, unsd, escap-cs, escap-ap or sdsn.")
    String method;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description = "Targets CSV or JSON (kpi,target[,target_period][,baseline][,baseline_period][,source]).")
    @Nullable
    Path targets;

    @Option(
            names = "--base-year",
            paramLabel = "Y",
            description = "Measure progress from this period (overrides baseline_period; default 2015, or the"
                    + " first later period with data).")
    @Nullable
    String baseYear;

    @Option(
            names = "--target-year",
            paramLabel = "Y",
            description = "Period by which targets are due (overrides target_period; default 2030).")
    @Nullable
    String targetYear;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json",
            description = "Output format (default: ${DEFAULT-VALUE}); json adds score and reason.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    @Nullable
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ProgressMethod m;
        try {
            m = ProgressMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--method: " + e.getMessage());
        }
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "json" -> true;
            default ->
                throw new ParameterException(
                        spec.commandLine(), "--format: unknown format '" + format + "' (expected csv or json)");
        };
        Optional<Period> base = period("--base-year", baseYear);
        Optional<Period> due = period("--target-year", targetYear);
        if (base.isPresent() && due.isPresent() && !(due.get().compareTo(base.get()) > 0)) {
            throw new ParameterException(
                    spec.commandLine(), "--target-year " + due.get() + " must come after --base-year " + base.get());
        }
        Catalog cat = input.catalog();
        ReadResult read = input.read(cat, err);
        TargetsReader.Result tg = CommandSupport.targets(targets, cat, err);
        Results results = Engine.create(cat).evaluate(read.dataset());
        List<ProgressTable.Row> rows = ProgressTable.assess(results, tg.targets(), m, base, due);
        int unable = 0;
        for (ProgressTable.Row r : rows) {
            ProgressResult p = r.result();
            if (!p.assessed()) {
                unable++;
                err.println("citykpi: " + r.entity() + " " + r.kpi() + ": unable to assess by " + m.id() + ": "
                        + p.reason());
            }
        }
        err.println("citykpi: " + rows.size() + " series assessed by " + m.id() + ", " + unable + " unable to assess");
        err.flush();
        try (Writer w = CommandSupport.output(out)) {
            if (json) {
                ProgressJson.write(m, rows, w);
            } else {
                ProgressCsvWriter.write(rows, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read.rowsRejected() > 0 || read.hasErrors() || tg.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
    }

    private Optional<Period> period(String option, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Period.parse(text));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
