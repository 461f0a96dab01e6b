package org.citykpi.examples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.Problem;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.report.CitySummary;
import org.citykpi.report.DataAccount;
import org.citykpi.report.HtmlReport;
import org.citykpi.report.ReportInput;
import org.citykpi.score.Band;

/**
 * Makes the HTML report from Java, as an app would, without the command line: load the bundled
 * U4SSC catalog, read a data file and a targets file, evaluate, and render.
 *
 * <pre>
 * java ... org.citykpi.examples.ReportExample [DATA.csv [TARGETS.csv [OUT.html]]]
 * </pre>
 *
 * Defaults: {@code examples/data/sample-city.csv}, {@code examples/data/sample-targets.csv},
 * {@code report.html}. Prints each city's overall U4SSC score.
 */
public final class ReportExample {
    private ReportExample() {}

    /** Reads {@code data} and {@code targets}, writes the report to {@code out}, and returns the city summaries. */
    public static List<CitySummary> run(Path data, Path targets, Path out) throws IOException {
        Catalog u4ssc = CatalogJson.load("u4ssc");
        ReadResult read = DataReader.create(ReadOptions.defaults()).read(List.of(data));
        TargetSet goals = targets == null
                ? TargetSet.empty()
                : TargetsReader.read(targets, u4ssc).targets();
        Results results = Engine.create(u4ssc).evaluate(read.dataset());

        // The data account lets the report list rejected rows and warnings next to the KPIs.
        List<String> problems = new ArrayList<>();
        for (Problem p : read.problems()) {
            problems.add(p.toString());
        }
        ReportInput input = ReportInput.of(results, goals)
                .withTitle("U4SSC KPIs: " + String.join(", ", read.dataset().entities()))
                .withAccount(new DataAccount(
                        List.of(data.getFileName().toString()),
                        read.rowsRead(),
                        read.rowsAccepted(),
                        read.rowsRejected(),
                        problems,
                        read.problemsOmitted()));
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            HtmlReport.render(input, w);
        }
        return CitySummary.of(input);
    }

    /** Runs the example; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data/sample-city.csv");
        Path targets = Path.of(args.length > 1 ? args[1] : "examples/data/sample-targets.csv");
        Path out = Path.of(args.length > 2 ? args[2] : "report.html");
        for (CitySummary s : run(data, targets, out)) {
            System.out.println(
                    s.entity() + " " + s.period() + ": " + s.scored() + " of " + s.kpis() + " KPIs scored, overall "
                            + s.overallBand().map(Band::label).orElse("not scored"));
        }
        System.out.println("report written to " + out);
    }
}
