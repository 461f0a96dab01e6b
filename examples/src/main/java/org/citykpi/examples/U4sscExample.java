package org.citykpi.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.Problem;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.score.GroupScore;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;
import org.citykpi.score.U4sscScoring;

/**
 * Computes and scores a city's U4SSC KPIs from its CSV export: reads {@code
 * examples/data/sample-city.csv} (long format) with {@link DataReader}, takes the bundled U4SSC
 * catalog and {@code examples/data/sample-targets.csv}, and prints, for the latest period, every KPI
 * per dimension (value or cause, and the U4SSC score where there is a target), then the U4SSC roll-up
 * by dimension and sub-dimension.
 *
 * <p>Arguments (optional): {@code DATA.csv [TARGETS.csv]}. Without them the sample files are found
 * under {@code examples/data/} from the repository root, or {@code data/} from the examples module.
 * {@code U4sscExampleTest} runs it and checks its numbers.
 */
public final class U4sscExample {
    private U4sscExample() {}

    /** Runs the example on the given files, or on the sample city. */
    public static void main(String[] args) throws IOException {
        Path data = args.length > 0 ? Path.of(args[0]) : sampleFile("sample-city.csv");
        Path targets = args.length > 1 ? Path.of(args[1]) : sampleFile("sample-targets.csv");
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(data, targets, out);
        out.flush();
    }

    /**
     * Returns {@code examples/data/<name>} as seen from the repository root or from the examples
     * module directory.
     *
     * @throws IllegalStateException if neither place has the file
     */
    public static Path sampleFile(String name) {
        for (Path dir : List.of(Path.of("examples", "data"), Path.of("data"))) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find examples/data/" + name
                + ": run from the repository root or the examples directory, or pass the file as an argument");
    }

    /** Reads, computes, scores and prints to {@code out}. */
    public static void run(Path dataFile, Path targetsFile, PrintWriter out) {
        try {
            Catalog u4ssc = CatalogJson.u4ssc();

            // Read the export; every rejected row would be listed with file:line:column.
            ReadResult read = DataReader.create(ReadOptions.defaults()).read(List.of(dataFile));
            for (Problem p : read.problems()) {
                out.println(p);
            }
            out.println(dataFile.getFileName() + ": " + read.summary());
            TargetsReader.Result targets = TargetsReader.read(targetsFile, u4ssc);
            for (Problem p : targets.problems()) {
                out.println(p);
            }

            Results results = Engine.create(u4ssc).evaluate(read.dataset());
            Scores scored = U4sscScoring.score(results, targets.targets());
            List<GroupScore> scores = U4sscScoring.rollUp(scored);

            for (String entity : read.dataset().entities()) {
                Period latest = null;
                for (Period p : read.dataset().periods()) {
                    if (read.dataset().row(entity, p) >= 0 && (latest == null || p.compareTo(latest) > 0)) {
                        latest = p;
                    }
                }
                if (latest != null) {
                    print(u4ssc, entity, latest, scored, scores, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(
            Catalog u4ssc, String entity, Period period, Scores scored, List<GroupScore> scores, PrintWriter out) {
        int row = scored.results().dataset().row(entity, period);
        int valued = 0;
        Map<String, List<Indicator>> byDimension = new LinkedHashMap<>();
        for (Indicator i : u4ssc.indicators()) {
            byDimension.computeIfAbsent(i.dimension(), k -> new ArrayList<>()).add(i);
            if (scored.results().isAvailable(row, i.id())) {
                valued++;
            }
        }
        out.printf(
                Locale.ROOT,
                "%s %s: %d of %d KPIs have a value%n",
                entity,
                period,
                valued,
                u4ssc.indicators().size());
        for (Map.Entry<String, List<Indicator>> d : byDimension.entrySet()) {
            out.printf(
                    Locale.ROOT, "%n== %s (%d KPIs)%n", d.getKey(), d.getValue().size());
            for (Indicator i : d.getValue()) {
                out.println("  " + line(scored.cell(row, i.id())));
            }
        }
        out.printf(Locale.ROOT, "%nU4SSC roll-up, %s %s (points / (4 x KPIs scored)):%n", entity, period);
        for (GroupScore g : scores) {
            if (g.entity().equals(entity) && g.period().equals(period) && g.level() != GroupScore.Level.CATEGORY) {
                out.printf(
                        Locale.ROOT,
                        "  %-13s %-40s %2d of %2d KPIs scored, %3d of %3d points%s%n",
                        g.level().word(),
                        g.group(),
                        g.kpisScored(),
                        g.kpisTotal(),
                        g.points(),
                        g.maxPoints(),
                        g.scorePercent().isPresent()
                                ? String.format(
                                        Locale.ROOT,
                                        " = %.2f %% -> %s",
                                        g.scorePercent().getAsDouble(),
                                        g.band().get().label())
                                : "");
            }
        }
    }

    /** One KPI: id, name, value with unit or the cause, and the score where there is a target. */
    static String line(ScoredResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s %-48s ", r.kpi(), cut(r.name(), 48)));
        if (r.result().isAvailable()) {
            sb.append(String.format(Locale.ROOT, "%.4f %s", ((KpiResult.Value) r.result()).value(), r.unit()));
            if (r.points().isPresent()) {
                // a lower-is-better KPI at 0 meets any target: 4 points, but no finite attainment
                String attainment = r.attainment().isPresent()
                        ? String.format(
                                Locale.ROOT, "%.2f %% of target", r.attainment().getAsDouble())
                        : "value 0 meets the target";
                sb.append(String.format(
                        Locale.ROOT,
                        "  [target %s, %s, %d points, %s]",
                        Numbers.format(r.target().get().value()),
                        attainment,
                        r.points().getAsInt(),
                        r.band().get().label()));
            }
        } else {
            sb.append("no value: ")
                    .append(r.result().status())
                    .append(" (")
                    .append(((KpiResult.NotAvailable) r.result()).detail())
                    .append(')');
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
