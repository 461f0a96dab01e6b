package org.citykpi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.citykpi.Period;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.observe.Bridge;
import org.citykpi.observe.RollupProvenance;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.VariableMap;
import org.citykpi.score.ScoredResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code compute --observations} does with sensor readings: reads them, rolls them up (as
 * {@code rollup} does, for the statistics the variable map names), turns the results of the
 * cities (or, without {@code --city}/{@code --stations}, of the stations) into the catalog's
 * variables through the map, and merges them with the {@code --data} dataset. A cell given by both
 * is an error (the {@code --data} value is kept). Each value keeps its provenance, so that the
 * JSON output can show the chain: KPI ← annual mean ← stations used, with the capture of each.
 */
final class ObservationFeed {
    private final ObservationInput obs;
    private final ObservationOptions options;
    private final VariableMap map;
    private final Bridge bridge;
    private Bridge.@Nullable Bridged bridged;
    private boolean errors;

    private ObservationFeed(ObservationInput obs, ObservationOptions options, VariableMap map, Bridge bridge) {
        this.obs = obs;
        this.options = options;
        this.map = map;
        this.bridge = bridge;
    }

    /**
     * Checks the options and the maps before anything is read: bad usage for options that do not
     * parse or a catalog without a map; exit 3 for a map or station table that cannot be used.
     */
    static ObservationFeed prepare(Catalog cat, ObservationInput obs, DataOptions input, CommandSpec spec) {
        ObservationOptions o = obs.options(input.strict, input.decimalComma, spec);
        obs.rule(spec);
        VariableMap map = obs.variableMap(cat.id())
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "--observations: catalog " + cat.id() + " has no bundled variable map (expected --map"
                                + " MAP.csv: property,statistic,variable[,unit])"));
        Bridge b;
        try {
            b = Bridge.of(map, cat);
        } catch (IllegalArgumentException e) {
            String where = obs.map != null ? obs.map + ": " : "";
            throw new CliException(ExitCodes.UNREADABLE, where + e.getMessage());
        }
        obs.stationMap();
        return new ObservationFeed(obs, o, map, b);
    }

    /** Reads and rolls up the observation files; the account line is prefixed when city data is read too. */
    void read(List<Path> files, boolean withData, CommandSpec spec, PrintWriter err) {
        ObservationResult r = ObservationInput.read(files, options, withData ? "observations: " : "", err);
        errors |= r.rowsRejected() > 0 || r.hasErrors();
        List<Statistic> stats = new ArrayList<>();
        for (VariableMap.Entry e : map.entries()) {
            if (stats.stream().noneMatch(s -> s.name().equals(e.statistic().name()))) {
                stats.add(e.statistic());
            }
        }
        ObservationInput.Rolled rolled = obs.rollUp(r.observations(), stats, spec, err);
        List<RollupResult> feed = rolled.cities().isEmpty() ? rolled.stations() : rolled.cities();
        Bridge.Bridged b = bridge.apply(feed);
        for (String p : b.problems()) {
            err.println("citykpi: error: " + p);
            errors = true;
        }
        err.flush();
        bridged = b;
    }

    /** Returns {@code data} with the roll-ups' values added; a cell given by both keeps the data's value. */
    Dataset merge(Dataset data, PrintWriter err) {
        Bridge.Bridged b = java.util.Objects.requireNonNull(bridged, "read() first");
        Dataset.Builder out = Dataset.builder();
        copy(data, out, null, err);
        copy(b.dataset(), out, b, err);
        err.flush();
        return out.build();
    }

    private void copy(Dataset d, Dataset.Builder out, Bridge.@Nullable Bridged from, PrintWriter err) {
        for (int r = 0; r < d.rowCount(); r++) {
            out.row(d.entity(r), d.period(r));
        }
        for (String v : d.variables()) {
            Column c = d.column(v);
            for (int r = 0; r < d.rowCount(); r++) {
                if (!c.isPresent(r)) {
                    continue;
                }
                Dataset.Added a = out.add(d.entity(r), d.period(r), v, c.get(r));
                if (a != Dataset.Added.NEW && from != null) {
                    String what = from.find(d.entity(r), d.period(r), v)
                            .map(p -> p.statistic() + " of " + p.property())
                            .orElse("a roll-up");
                    err.println(
                            "citykpi: error: " + d.entity(r) + " " + d.period(r).label() + " " + v
                                    + ": given by --data and by the " + what + " of --observations; the --data value is"
                                    + " kept (expected each variable from one source)");
                    errors = true;
                }
            }
        }
    }

    /** {@return where each value made from readings came from (empty before {@link #read})} */
    List<RollupProvenance> provenance() {
        Bridge.Bridged b = bridged;
        return b == null ? List.of() : b.provenance();
    }

    /** {@return true when a reading was rejected, or a roll-up could not be used} */
    boolean hasErrors() {
        return errors;
    }

    /**
     * Returns the chains of the values that roll-ups gave to the variables {@code r}'s KPI reads
     * (directly or through other KPIs of the catalog), for people: {@code pm25_ugm3 for C 2023 =
     * 12.4 ← mean of pm25 (…) ← mean of 2 of 3 stations: A (capture 95.1 %), …}; empty when no
     * roll-up fed it.
     */
    List<String> chains(Catalog cat, ScoredResult r) {
        Bridge.Bridged b = bridged;
        if (b == null) {
            return List.of();
        }
        Set<String> outputs = new HashSet<>(cat.outputs());
        Set<String> variables = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(r.kpi());
        while (!todo.isEmpty()) {
            String o = todo.poll();
            if (!seen.add(o)) {
                continue;
            }
            for (String ref : cat.formula(o).references()) {
                if (outputs.contains(ref)) {
                    todo.add(ref);
                } else {
                    variables.add(ref);
                }
            }
        }
        List<String> out = new ArrayList<>();
        Period p = r.period();
        for (String v : variables) {
            Optional<RollupProvenance> prov = b.find(r.entity(), p, v);
            prov.ifPresent(x -> out.add(x.toString()));
        }
        return out;
    }
}
