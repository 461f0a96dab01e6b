package org.citykpi.examples;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.calc.Calculators;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;

/**
 * Embeds CityKPI in a few lines: builds a catalog in code (one formula as text, one built from
 * calculator blocks, one indicator reading another), computes a small dataset, and prints every
 * result — a value, or why there is none — and one explanation.
 *
 * <p>Run it with {@code java org.citykpi.examples.EmbedExample} (the examples jar on the class
 * path); {@code EmbedExampleTest} runs it and checks what it prints.
 */
public final class EmbedExample {
    private EmbedExample() {}

    /** Prints the example's output to standard output. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        run(out);
        out.flush();
    }

    /** Builds the catalog and the data, computes, and prints to {@code out}. */
    public static void run(PrintWriter out) {
        // 1. A catalog in code: variables with units, indicators with formulas.
        Catalog catalog = Catalog.builder("my-city", "1")
                .variable(Variable.of("households_total", "households"))
                .variable(Variable.of("households_online", "households"))
                .variable(Variable.of("bus_stops", "stops"))
                .variable(Variable.of("bus_stops_realtime", "stops"))
                .indicator(Indicator.of(
                        "NET",
                        "Household Internet access",
                        "%",
                        Direction.HIGHER,
                        "100 * households_online / households_total"))
                .indicator(Indicator.of("OFFLINE", "Households offline", "%", Direction.LOWER, "100 - NET"))
                .indicator(Indicator.of(
                        "RTPI",
                        "Stops with real-time information",
                        "%",
                        Direction.HIGHER,
                        Calculators.percent("bus_stops_realtime", "bus_stops")))
                .build();

        // 2. Data for two cities; Southport has no count of online households and no bus stops.
        Dataset.Builder b = Dataset.builder();
        Period y2023 = Period.year(2023);
        b.add("northbay", y2023, "households_total", 120_000);
        b.add("northbay", y2023, "households_online", 90_000);
        b.add("northbay", y2023, "bus_stops", 400);
        b.add("northbay", y2023, "bus_stops_realtime", 300);
        b.add("southport", y2023, "households_total", 50_000);
        b.add("southport", y2023, "bus_stops", 0);
        b.add("southport", y2023, "bus_stops_realtime", 0);
        Dataset data = b.build();

        // 3. Compute every indicator for every entity and period, column by column.
        Results results = Engine.create(catalog).evaluate(data);

        // 4. Every cell is a value or a cause with a detail naming what is wrong.
        for (int row = 0; row < results.rowCount(); row++) {
            for (String kpi : results.outputs()) {
                KpiResult r = results.get(row, kpi);
                String text = r instanceof KpiResult.Value v
                        ? String.valueOf(v.value()) + " " + catalog.unit(kpi)
                        : "not available: " + r.status() + " (" + ((KpiResult.NotAvailable) r).detail() + ")";
                out.println(results.entity(row) + " " + results.period(row) + " " + kpi + " = " + text);
            }
        }

        // 5. Any value explains itself: formula, inputs and their values.
        out.println("explanation: " + results.explain(data.row("northbay", y2023), "OFFLINE"));
    }
}
