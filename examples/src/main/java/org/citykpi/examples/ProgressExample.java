package org.citykpi.examples;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.citykpi.assess.ProgressAggregate;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.ProgressTable;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;

/**
 * Assesses a city's progress towards its 2030 targets with every method in use, side by side, and
 * rolls the Statistics Canada scores up to the U4SSC dimensions and the whole city.
 *
 * <p>The data are synthetic ({@code examples/data/progress/}, a made-up city and made-up targets).
 * The point: the same series get different verbal verdicts from different methods, so every result
 * names its method.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests
 * java -cp examples/target/classes:... org.citykpi.examples.ProgressExample [DATA_DIR]
 * </pre>
 */
public final class ProgressExample {
    private ProgressExample() {}

    /**
     * What the example computed.
     *
     * @param byMethod every assessed row, per method id, in {@link ProgressMethod#defaults()} order
     * @param byDimension Statistics Canada aggregate per U4SSC dimension
     * @param city Statistics Canada aggregate of the dimensions (each weighs the same)
     */
    public record Outcome(
            Map<String, List<ProgressTable.Row>> byMethod,
            Map<String, ProgressAggregate> byDimension,
            ProgressAggregate city) {}

    /** Runs the example on {@code examples/data/progress} (or the directory given) and prints it. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : defaultDir();
        print(run(dir), System.out);
    }

    static Path defaultDir() {
        Path fromRoot = Path.of("examples", "data", "progress");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("data", "progress");
    }

    /**
     * Reads the city's series and targets from {@code dir}, computes the U4SSC KPIs (here reported
     * directly), and assesses every series by every method.
     *
     * @throws IOException if a file cannot be read
     */
    public static Outcome run(Path dir) throws IOException {
        Catalog u4ssc = CatalogJson.u4ssc();
        ReadResult data = DataReader.create(ReadOptions.defaults()).read(List.of(dir.resolve("city-series.csv")));
        if (data.hasErrors()) {
            throw new IllegalStateException("example data has errors: " + data.problems());
        }
        TargetsReader.Result targets = TargetsReader.read(dir.resolve("targets-2030.csv"), u4ssc);
        Results results = Engine.create(u4ssc).evaluate(data.dataset());

        Map<String, List<ProgressTable.Row>> byMethod = new LinkedHashMap<>();
        for (ProgressMethod m : ProgressMethod.defaults()) {
            byMethod.put(
                    m.id(), ProgressTable.assess(results, targets.targets(), m, Optional.empty(), Optional.empty()));
        }

        // Statistics Canada's aggregation: series → dimension → city, each level a plain mean of scores.
        Map<String, List<ProgressResult>> perDimension = new LinkedHashMap<>();
        List<ProgressTable.Row> statCan = requireNonNull(
                byMethod.get(ProgressMethod.Kind.STATCAN.id()), "ProgressMethod.defaults() holds every method");
        for (ProgressTable.Row r : statCan) {
            String dimension = u4ssc.owner(r.kpi()).dimension();
            perDimension.computeIfAbsent(dimension, k -> new ArrayList<>()).add(r.result());
        }
        Map<String, ProgressAggregate> byDimension = new LinkedHashMap<>();
        perDimension.forEach((d, rs) -> byDimension.put(d, ProgressAggregate.ofResults(rs)));
        ProgressAggregate city = ProgressAggregate.ofGroups(List.copyOf(byDimension.values()));
        return new Outcome(byMethod, byDimension, city);
    }

    /** Prints one line per KPI with every method's verdict, then the aggregates. */
    public static void print(Outcome o, PrintStream out) {
        out.printf(Locale.ROOT, "%-14s", "KPI");
        for (String m : o.byMethod().keySet()) {
            out.printf(Locale.ROOT, " | %-34s", m);
        }
        out.println();
        // One column per method, in the order of the heading; every method assessed the same rows.
        List<List<ProgressTable.Row>> columns = List.copyOf(o.byMethod().values());
        List<ProgressTable.Row> first = columns.get(0);
        for (int i = 0; i < first.size(); i++) {
            out.printf(Locale.ROOT, "%-14s", first.get(i).kpi());
            for (List<ProgressTable.Row> column : columns) {
                ProgressResult r = column.get(i).result();
                String measure = r.measure().isPresent()
                        ? String.format(Locale.ROOT, " (%.4g)", r.measure().getAsDouble())
                        : "";
                out.printf(Locale.ROOT, " | %-34s", r.category().word() + measure);
            }
            out.println();
        }
        out.println();
        out.println("Statistics Canada aggregate (scores in [-5, 5]):");
        o.byDimension().forEach((d, a) -> out.printf(Locale.ROOT, "  %-22s %s%n", d, describe(a)));
        out.printf(Locale.ROOT, "  %-22s %s%n", "city", describe(o.city()));
    }

    private static String describe(ProgressAggregate a) {
        return a.score().isPresent()
                ? String.format(
                        Locale.ROOT,
                        "%.2f %s (%d of %d scored)",
                        a.score().getAsDouble(),
                        a.category().word(),
                        a.scored(),
                        a.members())
                : a.category().word() + " (" + a.reason() + ")";
    }
}
