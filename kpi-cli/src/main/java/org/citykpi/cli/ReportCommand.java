package org.citykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.engine.RuleViolation;
import org.citykpi.io.Problem;
import org.citykpi.io.ReadResult;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.report.CitySummary;
import org.citykpi.report.DataAccount;
import org.citykpi.report.HtmlReport;
import org.citykpi.report.ReportInput;
import org.citykpi.score.Band;
import org.citykpi.score.GroupScore;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes the HTML report ({@code citykpi report --data FILE... --out report.html}) and prints a
 * short summary table of each city to standard output.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes one self-contained HTML report (inline styles and SVG charts, no scripts: it opens",
            "offline, prints, and can be e-mailed): per city the U4SSC bands overall and per dimension,",
            "a radar of sub-dimension scores, attainment bars, every KPI with its formula and inputs,",
            "trends, progress towards targets (cities with two or more periods; method chosen by",
            "--progress-method) and data quality; for several cities a comparison. Prints a summary table."
        },
        footer = {
            "",
            "Summary columns (stdout): city, period, KPIs, reported, with a value, scored, overall, and one",
            "column per dimension (score and U4SSC band 0-33, 33-66, 66-95, 95+).",
            "",
            "Examples:",
            "  citykpi report --data examples/data/sample-city.csv --catalog u4ssc \\",
            "                 --targets examples/data/sample-targets.csv --out report.html",
            "  citykpi report --data examples/data/sample-cities.csv --targets examples/data/sample-targets.csv \\",
            "                 --title \"Nordic cities 2022\" --out cities.html"
        })
final class ReportCommand implements Callable<Integer> {
    /** Cities listed in the terminal summary; the report itself has them all. */
    static final int MAX_SUMMARY_ROWS = 25;

    @Spec
    CommandSpec spec;

    @Mixin
    ComputeInput input;

    @Option(
            names = "--observations",
            arity = "1..*",
            paramLabel = "FILE",
            description = "Sensor readings to roll up into the catalog's variables, as compute does; the report"
                    + " shows the capture of each station that fed a value.")
    @Nullable
    List<Path> observations;

    @Mixin
    ObservationInput obs;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description = "Targets CSV or JSON; without it no KPI is scored and no band is shown.")
    @Nullable
    Path targets;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write.")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "Report title (default: a title naming the city).")
    @Nullable
    String title;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--progress-method",
            defaultValue = "statcan",
            paramLabel = "METHOD",
            description = "Method of the progress towards targets section: eurostat, statcan, unsd, escap-cs,"
                    + " escap-ap or sdsn (default: ${DEFAULT-VALUE}, Statistics Canada / Open SDG).")
    String progressMethod;

    @Override
    public Integer call() {
        ProgressMethod method;
        try {
            method = ProgressMethod.parse(progressMethod);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--progress-method: " + e.getMessage());
        }
        PrintWriter stderr = spec.commandLine().getErr();
        try (Progress progress = Progress.start("report", 5, stderr)) {
            PrintWriter err = progress.messages();
            progress.step("loading the catalog");
            Catalog cat = input.catalog();
            progress.step("reading data");
            List<Path> dataFiles = this.input.data != null ? this.input.data : List.of();
            List<Path> observationFiles = observations != null ? observations : List.of();
            if (dataFiles.isEmpty() && observationFiles.isEmpty()) {
                // the message picocli gives for a required option: --data is required unless
                // --observations stands in for it
                throw new ParameterException(spec.commandLine(), "Missing required option: '--data=FILE'");
            }
            ObservationFeed feed =
                    observationFiles.isEmpty() ? null : ObservationFeed.prepare(cat, obs, this.input, spec);
            ReadResult read = dataFiles.isEmpty() ? null : this.input.read(dataFiles, cat, false, err);
            Dataset dataset = read != null ? read.dataset() : Dataset.builder().build();
            if (feed != null) {
                feed.read(observationFiles, read != null, spec, err);
                dataset = feed.merge(dataset, err);
            }
            TargetsReader.Result tg = CommandSupport.targets(targets, cat, err);
            progress.step("computing KPIs");
            Results results = Engine.create(cat).evaluate(dataset);
            progress.step("scoring");
            ReportInput input = ReportInput.of(results, tg.targets())
                    .withTitle(title != null ? title : defaultTitle(results))
                    .withAccount(read != null ? account(read, dataFiles) : DataAccount.none())
                    .withProgress(method);
            if (feed != null) {
                input = input.withObservations(feed.provenance());
            }
            for (RuleViolation v : input.violations()) {
                err.println("citykpi: " + v.message());
            }
            progress.step("writing the report");
            try (Writer w = CommandSupport.output(out)) {
                HtmlReport.render(input, w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.close();
            List<CitySummary> summaries = CitySummary.of(input);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(table(summaries, cat));
            stdout.flush();
            err.println("citykpi: report written to " + out + " (" + size(out) + ")");
            err.flush();
            boolean dataErrors = read != null && (read.rowsRejected() > 0 || read.hasErrors());
            boolean feedErrors = feed != null && feed.hasErrors();
            return dataErrors || feedErrors || tg.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
        }
    }

    private String defaultTitle(Results results) {
        List<String> entities = results.dataset().entities();
        String who = entities.size() == 1 ? entities.get(0) : entities.size() + " cities";
        return "City indicators report: " + who;
    }

    private static DataAccount account(ReadResult read, List<Path> files) {
        List<String> sources = new ArrayList<>();
        for (Path p : files) {
            sources.add(p.toString());
        }
        List<String> problems = new ArrayList<>();
        for (Problem p : read.problems()) {
            problems.add(p.toString());
        }
        return new DataAccount(
                sources, read.rowsRead(), read.rowsAccepted(), read.rowsRejected(), problems, read.problemsOmitted());
    }

    private static String size(Path p) {
        try {
            long b = Files.size(p);
            return b < 1024 ? b + " bytes" : String.format(Locale.ROOT, "%.0f KB", b / 1024.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }

    /**
     * Returns the terminal summary: one line per city (at most {@value #MAX_SUMMARY_ROWS}), columns
     * padded to their widest cell, scores as {@code 62.5% 33-66}, {@code -} where nothing is scored.
     */
    static String table(List<CitySummary> summaries, Catalog cat) {
        List<String> dims = new ArrayList<>();
        for (var i : cat.indicators()) {
            if (!i.dimension().isEmpty() && !dims.contains(i.dimension())) {
                dims.add(i.dimension());
            }
        }
        List<String[]> rows = new ArrayList<>();
        List<String> head =
                new ArrayList<>(List.of("city", "period", "KPIs", "reported", "values", "scored", "overall"));
        head.addAll(dims);
        rows.add(head.toArray(new String[0]));
        int shown = 0;
        for (CitySummary s : summaries) {
            if (shown++ == MAX_SUMMARY_ROWS) {
                break;
            }
            List<String> r = new ArrayList<>();
            r.add(s.entity());
            r.add(s.period().label());
            r.add(Integer.toString(s.kpis()));
            r.add(Integer.toString(s.reported()));
            r.add(Integer.toString(s.withValues()));
            r.add(Integer.toString(s.scored()));
            r.add(score(s.overallPercent()));
            for (String d : dims) {
                OptionalDouble p = OptionalDouble.empty();
                for (GroupScore g : s.dimensions()) {
                    if (g.group().equals(d)) {
                        p = g.scorePercent();
                    }
                }
                r.add(score(p));
            }
            rows.add(r.toArray(new String[0]));
        }
        int[] w = new int[head.size()];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                boolean right = c >= 2 && c <= 5; // counts read best right-aligned
                String cell = r[c];
                String pad = " ".repeat(w[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(right ? pad + cell : cell + pad);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        if (summaries.size() > MAX_SUMMARY_ROWS) {
            sb.append("... and ")
                    .append(summaries.size() - MAX_SUMMARY_ROWS)
                    .append(" more cities (all are in the report)\n");
        }
        if (summaries.isEmpty()) {
            sb.append("(no city in the data)\n");
        }
        return sb.toString();
    }

    private static String score(OptionalDouble p) {
        if (p.isEmpty()) {
            return "-";
        }
        double v = p.getAsDouble();
        String band = Band.of(v).label();
        return new java.math.BigDecimal(Double.toString(v))
                        .setScale(1, java.math.RoundingMode.HALF_EVEN)
                        .stripTrailingZeros()
                        .toPlainString()
                + "% " + band;
    }
}
