package org.citykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.ReadResult;
import org.citykpi.io.csv.ScoresCsv;
import org.citykpi.io.json.ScoresJson;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.score.GroupScore;
import org.citykpi.score.U4sscScoring;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Rolls U4SSC points up to category, sub-dimension and dimension. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores each KPI against its target as U4SSC does (attainment = value / target x 100, or",
            "target / value x 100 where lower is better; points 1-4 for [0,33) [33,66) [66,95) [95,inf))",
            "and rolls the points up: a group scores points / (4 x KPIs scored), banded the same way.",
            "KPIs not reported or without a target are left out and counted."
        },
        footer = {
            "",
            "Output columns (csv): entity,period,level,group,kpis_total,kpis_scored,points,max_points,score_pct,band",
            "",
            "Example:",
            "  citykpi score --data examples/data/sample-city.csv --catalog u4ssc --targets examples/data/sample-targets.csv"
        })
final class ScoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataInput input;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(names = "--targets", required = true, paramLabel = "FILE", description = "Targets CSV or JSON.")
    Path targets;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    @Nullable
    Path out;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw new ParameterException(
                    spec.commandLine(), "--format: unknown format '" + format + "' (expected csv or json)");
        }
        PrintWriter err = spec.commandLine().getErr();
        Catalog cat = input.catalog();
        ReadResult read = input.read(cat, err);
        TargetsReader.Result tg = CommandSupport.targets(targets, cat, err);
        Results results = Engine.create(cat).evaluate(read.dataset());
        List<GroupScore> scores = U4sscScoring.rollUp(U4sscScoring.score(results, tg.targets()));
        try (Writer w = CommandSupport.output(out)) {
            if (f.equals("csv")) {
                ScoresCsv.write(scores, w);
            } else {
                ScoresJson.write(scores, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read.rowsRejected() > 0 || read.hasErrors() || tg.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
    }
}
