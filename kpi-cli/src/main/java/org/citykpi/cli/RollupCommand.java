package org.citykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.io.csv.RollupCsvWriter;
import org.citykpi.io.json.RollupJson;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.VariableMap;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Rolls sensor readings up into daily and annual statistics under coverage rules. */
@Command(
        name = "rollup",
        mixinStandardHelpOptions = true,
        description = {
            "Rolls sensor readings up into daily and annual statistics under coverage rules.",
            "One row per station (and per city with --city or --stations), property, period",
            "and statistic: a value, or insufficient_coverage with the capture that fails",
            "the rule. Capture counts the calendar's hours (8,760 in 2023), not the span of",
            "a station's data; a day needs 18 valid hours. Reads observations CSV,",
            "SensorThings pages and NGSI-LD temporal entities."
        },
        footer = {
            "",
            "Output columns (csv):",
            "  entity,period,property,statistic,value,status,detail,n_valid,n_expected,",
            "  capture_pct",
            "",
            "Statistics: mean (default), capture, min, max, hourly_p<q>, daily_p<q>,",
            "  days_above:<x>, max_daily_8h, days_8h_above:<x>, daily_mean, lden.",
            "",
            "Examples:",
            "  citykpi rollup --observations examples/data/observations/air-2023.csv",
            "  citykpi rollup --observations obs.csv --rule eea --statistic mean",
            "      --statistic daily_p90.4 --statistic days_above:50 --city Town",
            "  citykpi rollup --observations page1.json page2.json --station S1",
            "      --property pm25 --format json --out rollup.json"
        })
final class RollupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required
    @Option(
            names = "--observations",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Observation files: observations CSV, SensorThings JSON pages, NGSI-LD temporal"
                    + " JSON. A page that names no station and property: page.json#station=S,property=P.")
    List<Path> observations;

    @Mixin
    ObservationInput input;

    @Option(
            names = "--statistic",
            paramLabel = "NAME",
            description = "A statistic to compute (repeat for several; default: mean, or the statistics --map names).")
    @Nullable
    List<String> statistics;

    @SuppressWarnings("NullAway.Init") // picocli sets it: defaulted
    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "csv|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    @Nullable
    Path out;

    @Option(names = "--strict", description = "Stop at the first data error (exit 1, no output).")
    boolean strict;

    @Option(names = "--decimal-comma", description = "Read numbers with ',' as decimal separator.")
    boolean decimalComma;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.strip().toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("json")) {
            throw new ParameterException(
                    spec.commandLine(), "--format: unknown format '" + format + "' (expected csv or json)");
        }
        ObservationOptions o = input.options(strict, decimalComma, spec);
        input.rule(spec);
        Optional<VariableMap> map = input.map == null ? Optional.empty() : input.variableMap("");
        List<Statistic> stats = statistics(map);
        input.stationMap();
        ObservationResult read = ObservationInput.read(observations, o, "", err);
        ObservationInput.Rolled rolled = input.rollUp(read.observations(), stats, spec, err);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rule", input.rule(spec).name());
        settings.put("time_stamps", input.stamps(spec).name().toLowerCase(Locale.ROOT));
        settings.put("zone", input.calendarZone(spec).getId());
        if (input.year != null) {
            settings.put("year", String.valueOf(input.year));
        }
        try (Writer w = CommandSupport.output(out)) {
            if (fmt.equals("csv")) {
                RollupCsvWriter.write(rolled.all(), w);
            } else {
                RollupJson.write(rolled.all(), settings, map, w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read.rowsRejected() > 0 || read.hasErrors() ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
    }

    /** Returns the statistics asked for, or those the map names, or the mean; bad usage for a bad name. */
    private List<Statistic> statistics(Optional<VariableMap> map) {
        List<Statistic> out = new ArrayList<>();
        if (statistics != null && !statistics.isEmpty()) {
            for (String s : statistics) {
                Statistic st;
                try {
                    st = Statistic.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--statistic: " + e.getMessage());
                }
                if (out.stream().noneMatch(x -> x.name().equals(st.name()))) {
                    out.add(st);
                }
            }
            return out;
        }
        if (map.isPresent()) {
            for (VariableMap.Entry e : map.get().entries()) {
                if (out.stream().noneMatch(x -> x.name().equals(e.statistic().name()))) {
                    out.add(e.statistic());
                }
            }
            return out;
        }
        return List.of(Statistic.MEAN);
    }
}
