package org.citykpi.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.ObservationReader;
import org.citykpi.io.read.RollupMaps;
import org.citykpi.observe.Bridge;
import org.citykpi.observe.CityMean;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupProvenance;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.VariableMap;
import org.citykpi.observe.YearGrid;

/**
 * From hourly sensor readings to the U4SSC air-quality KPI EN.EN.AQ.1C, with the library alone:
 * read the readings, roll each station up to its 2023 annual mean under the EU rule (90 % of the
 * year's hours), combine the stations that pass into the city by their weights, map the means to
 * the catalog's variables ({@code pm25_ugm3} …, NO₂ converted from ppb) and compute the KPI.
 *
 * <p>The data are synthetic ({@code examples/data/observations/}, a made-up city). The point: the
 * station that started in April (S3) does not reach 90 % capture and is left out of the city's
 * PM2.5, and the explanation says so.
 *
 * <pre>
 * ./mvnw -q -pl examples -am package -DskipTests
 * java -cp examples/target/classes:... org.citykpi.examples.ObservationsExample [DATA_DIR]
 * </pre>
 */
public final class ObservationsExample {
    private ObservationsExample() {}

    /**
     * What the example computed.
     *
     * @param read the account of the readings
     * @param stations each station's annual means
     * @param city the city's annual means
     * @param kpis the value of EN.EN.AQ.1C and of each of its parts, by output id (empty when the
     *     city has none)
     * @param chains how each of the city's variables was made, by variable
     */
    public record Outcome(
            ObservationResult read,
            List<RollupResult> stations,
            List<RollupResult> city,
            Map<String, OptionalDouble> kpis,
            Map<String, String> chains) {}

    /** Runs the example on {@code examples/data/observations} (or the directory given) and prints it. */
    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : defaultDir();
        print(run(dir), System.out);
    }

    static Path defaultDir() {
        Path fromRoot = Path.of("examples", "data", "observations");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("data", "observations");
    }

    /**
     * Reads {@code air-2023.csv} and {@code stations.csv} from {@code dir}, rolls up, combines and
     * computes EN.EN.AQ.1C for Sampleville 2023.
     *
     * @throws IOException if a file cannot be read
     */
    public static Outcome run(Path dir) throws IOException {
        ObservationResult read = ObservationReader.create(
                        ObservationOptions.defaults().withYear(2023))
                .read(List.of(dir.resolve("air-2023.csv")));
        if (read.hasErrors()) {
            throw new IllegalStateException("example data has errors: " + read.problems());
        }
        List<RollupResult> stations =
                Rollup.create(YearGrid.of(2023)).withRule(CoverageRule.EU).run(read.observations());
        RollupMaps.Stations map = RollupMaps.stations(dir.resolve("stations.csv"));
        List<RollupResult> city = new ArrayList<>();
        for (String c : map.cities()) {
            List<RollupResult> members = new ArrayList<>();
            for (RollupResult r : stations) {
                if (c.equals(map.cityOf().get(r.entity()))) {
                    members.add(r);
                }
            }
            city.addAll(CityMean.combine(c, members, map.weights()));
        }
        Catalog u4ssc = CatalogJson.u4ssc();
        VariableMap variables = RollupMaps.bundled("u4ssc").orElseThrow();
        Bridge.Bridged bridged = Bridge.of(variables, u4ssc).apply(city);
        Results results = Engine.create(u4ssc.only(List.of("EN.EN.AQ.1C"))).evaluate(bridged.dataset());
        Map<String, OptionalDouble> kpis = new LinkedHashMap<>();
        int row = results.dataset().row("Sampleville", Period.year(2023));
        for (String o : results.outputs()) {
            kpis.put(
                    o,
                    row >= 0 && results.isAvailable(row, o)
                            ? OptionalDouble.of(results.value(row, o))
                            : OptionalDouble.empty());
        }
        Map<String, String> chains = new LinkedHashMap<>();
        for (RollupProvenance p : bridged.provenance()) {
            chains.put(p.variable(), p.toString());
        }
        return new Outcome(read, stations, city, kpis, chains);
    }

    /** Prints the outcome for people. */
    static void print(Outcome o, PrintStream out) {
        out.println("readings: " + o.read().summary());
        for (RollupResult r : o.stations()) {
            out.println("  " + r.entity() + " " + r.property() + " " + r.statistic() + ": "
                    + (r.value().isPresent()
                            ? r.value().getAsDouble() + " " + r.unit().orElse("")
                            : r.detail()));
        }
        for (Map.Entry<String, OptionalDouble> e : o.kpis().entrySet()) {
            out.println(e.getKey() + " = "
                    + (e.getValue().isPresent() ? e.getValue().getAsDouble() : "not available"));
        }
        for (String c : o.chains().values()) {
            out.println("  " + c);
        }
    }
}
