package org.citykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.engine.RuleViolation;
import org.citykpi.io.ReadResult;
import org.citykpi.io.csv.OpenSdgCsvWriter;
import org.citykpi.io.csv.ResultsCsvWriter;
import org.citykpi.io.json.ResultsJson;
import org.citykpi.io.ngsi.NgsiLdWriter;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;
import org.citykpi.score.U4sscScoring;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Computes every KPI of a catalog for every entity and period of the data. */
@Command(
        name = "compute",
        mixinStandardHelpOptions = true,
        description = {
            "Computes the catalog's KPIs for every entity and period in the data: a value, or the cause",
            "of its absence (missing_input, division_by_zero, out_of_range, invalid_input, not_applicable).",
            "With --targets, each value is scored as U4SSC does (attainment, points 1-4).",
            "With --observations, sensor readings are rolled up (as rollup does) into the",
            "catalog's variables."
        },
        footer = {
            "",
            "Output columns (csv): entity,period,kpi,name,value,unit,status,detail,target,attainment,points",
            "",
            "Examples:",
            "  citykpi compute --data examples/data/sample-city.csv --catalog u4ssc --out kpis.csv",
            "  citykpi compute --data a.csv b.csv --catalog my-catalog.json --only NET,MORT",
            "  citykpi compute --observations obs.csv --city Town --only EN.EN.AQ.1C"
        })
final class ComputeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ComputeInput input;

    @Option(
            names = "--observations",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Sensor readings to roll up into the catalog's variables (see rollup; the catalog's"
                    + " bundled map, or --map, says which statistic feeds which variable).")
    @Nullable
    List<Path> observations;

    @Mixin
    ObservationInput obs;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description = "Targets CSV or JSON (kpi,target[,target_period][,baseline][,baseline_period][,source]).")
    @Nullable
    Path targets;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "ID",
            description = "Only these KPIs (ids or published codes), comma-separated.")
    @Nullable
    List<String> only;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json|ngsi-ld",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    @Nullable
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat fmt = OutputFormat.parse(format, spec);
        Catalog cat = input.catalog();
        Set<String> wanted = null;
        if (only != null && !only.isEmpty()) {
            wanted = new LinkedHashSet<>();
            for (String id : only) {
                String o = cat.output(id)
                        .orElseThrow(() -> new CliException(
                                ExitCodes.USAGE, "--only: no KPI '" + id + "' in catalog " + cat.id()));
                wanted.add(o);
            }
        }
        Catalog used = wanted == null ? cat : cat.only(wanted);
        List<Path> dataFiles = input.data != null ? input.data : List.of();
        List<Path> observationFiles = observations != null ? observations : List.of();
        boolean hasData = !dataFiles.isEmpty();
        boolean hasObservations = !observationFiles.isEmpty();
        if (!hasData && !hasObservations) {
            // the message picocli gives for a required option: --data is required unless
            // --observations stands in for it
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Missing required option: '--data=FILE'");
        }
        ObservationFeed feed = null;
        if (hasObservations) {
            feed = ObservationFeed.prepare(cat, obs, input, spec);
        }
        ReadResult read = hasData ? input.read(dataFiles, used, false, err) : null;
        Dataset dataset = read != null ? read.dataset() : Dataset.builder().build();
        boolean feedErrors = false;
        if (feed != null) {
            feed.read(observationFiles, read != null, spec, err);
            dataset = feed.merge(dataset, err);
            feedErrors = feed.hasErrors();
        }
        TargetsReader.Result tg = CommandSupport.targets(targets, used, err);
        Results results = Engine.create(used).evaluate(dataset);
        Scores scores = U4sscScoring.score(results, tg.targets());
        Iterable<ScoredResult> records = scores.cells();
        if (wanted != null) {
            // the catalog kept what the wanted KPIs depend on; write only the wanted ones and their parts
            List<String> kept = new ArrayList<>();
            for (String o : results.outputs()) {
                String owner = o.contains("/") ? o.substring(0, o.indexOf('/')) : o;
                if (wanted.contains(o) || wanted.contains(owner)) {
                    kept.add(o);
                }
            }
            records = scores.cells(kept);
        }
        for (RuleViolation v : results.violations()) {
            err.println("citykpi: " + v.message());
        }
        err.flush();
        try (Writer w = CommandSupport.output(out)) {
            if (feed != null && fmt == OutputFormat.JSON) {
                ObservationFeed f = feed;
                ResultsJson.write(records, w, r -> f.chains(used, r));
            } else {
                fmt.write(records, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean dataErrors = read != null && (read.rowsRejected() > 0 || read.hasErrors());
        return dataErrors || feedErrors || tg.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
    }

    /** The output formats of compute, each with its writer. */
    enum OutputFormat {
        CSV(ResultsCsvWriter::write),
        JSON(ResultsJson::write),
        NGSI_LD((records, w) -> NgsiLdWriter.write(records, NgsiLdWriter.Form.NORMALIZED, w)),
        NGSI_LD_KEYVALUES((records, w) -> NgsiLdWriter.write(records, NgsiLdWriter.Form.KEY_VALUES, w)),
        OPENSDG(OpenSdgCsvWriter::write);

        /** Writes result rows in one format. */
        private interface Writes {
            void write(Iterable<ScoredResult> records, Writer w) throws IOException;
        }

        private final Writes writer;

        OutputFormat(Writes writer) {
            this.writer = writer;
        }

        static OutputFormat parse(String s, CommandSpec spec) {
            switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "csv":
                    return CSV;
                case "json":
                    return JSON;
                case "ngsi-ld":
                case "ngsi-ld-normalized":
                    return NGSI_LD;
                case "ngsi-ld-keyvalues":
                    return NGSI_LD_KEYVALUES;
                case "opensdg":
                case "open-sdg":
                    return OPENSDG;
                default:
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(),
                            "--format: unknown format '" + s
                                    + "' (expected csv, json, ngsi-ld, ngsi-ld-keyvalues or opensdg)");
            }
        }

        /** Writes {@code records} to {@code w} in this format. */
        void write(Iterable<ScoredResult> records, Writer w) throws IOException {
            writer.write(records, w);
        }
    }
}
