package org.citykpi.consumer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.Numbers;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.IndexData;
import org.citykpi.index.IndexResult;
import org.citykpi.index.Node;
import org.citykpi.index.Pipeline;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.read.DataReader;

/**
 * Uses the library as an application would: a catalog built in code, city data read from a CSV
 * file, the KPIs computed, and a composite index built over them.
 */
public final class Main {
    private static final List<String> KPIS = List.of("NET", "GREEN");

    private Main() {}

    /**
     * Runs on the long-format CSV file {@code args[0]} and prints to standard output.
     *
     * @param args the data file
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        System.exit(run(Path.of(args[0]), System.out));
    }

    /**
     * Reads {@code file}, computes the KPIs and the index, and prints one line per fact to {@code
     * out}: {@code read <accepted> accepted <rejected> rejected}, then {@code kpi <city> <period>
     * <id> <value>} per city and KPI, then {@code index <city> <score> rank <rank>} per city.
     *
     * @param file long-format CSV data
     * @param out where the lines go
     * @return 0, or 1 when the data has errors (each printed as a {@code problem} line)
     * @throws IOException if the file cannot be read
     */
    public static int run(Path file, PrintStream out) throws IOException {
        Catalog catalog = Catalog.builder("consumer", "1")
                .variable(Variable.of("households_total", "households"))
                .variable(Variable.of("households_online", "households"))
                .variable(Variable.of("population", "persons"))
                .variable(Variable.of("green_area_m2", "m2"))
                .indicator(Indicator.of(
                        "NET",
                        "Household Internet access",
                        "%",
                        Direction.HIGHER,
                        "100 * households_online / households_total"))
                .indicator(Indicator.of(
                        "GREEN",
                        "Green area per inhabitant",
                        "m2 per person",
                        Direction.HIGHER,
                        "green_area_m2 / population"))
                .build();

        ReadResult read = DataReader.create(ReadOptions.defaults()).read(List.of(file));
        out.println("read " + read.rowsAccepted() + " accepted " + read.rowsRejected() + " rejected");
        if (read.hasErrors()) {
            read.problems().forEach(p -> out.println("problem " + p));
            return 1;
        }

        Results results = Engine.create(catalog).evaluate(read.dataset());
        IndexData.Builder data = IndexData.builder(KPIS);
        for (int row = 0; row < results.rowCount(); row++) {
            for (String kpi : KPIS) {
                double v = results.value(row, kpi);
                out.println(
                        "kpi " + results.entity(row) + " " + results.period(row) + " " + kpi + " " + Numbers.format(v));
                data.value(results.entity(row), "", kpi, v);
            }
        }

        Hierarchy tree = Hierarchy.of(List.of(
                Node.indicator("NET", "CITY", 1), Node.indicator("GREEN", "CITY", 1), Node.aggregate("CITY", 2, null)));
        IndexResult index = CompositeIndex.of(tree, data.build()).build(Pipeline.defaults());
        for (String city : results.dataset().entities()) {
            out.println("index " + city + " "
                    + Numbers.format(index.value(city, "CITY").orElseThrow()) + " rank "
                    + index.rank(city, "CITY").orElseThrow());
        }
        return 0;
    }
}
