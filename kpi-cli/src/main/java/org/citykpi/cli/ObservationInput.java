package org.citykpi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.citykpi.data.DuplicatePolicy;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.io.Problem;
import org.citykpi.io.read.ObservationReader;
import org.citykpi.io.read.RollupMaps;
import org.citykpi.observe.CityMean;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.TimeStamps;
import org.citykpi.observe.VariableMap;
import org.citykpi.observe.YearGrid;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of the commands that roll sensor readings up ({@code rollup}, and {@code compute
 * --observations}): the coverage rule, the year, the calendar's zone, the time-stamp convention,
 * how stations group into cities and which variables the roll-ups feed (a picocli mixin, so that
 * their names, defaults and help read the same in both). The files themselves are each command's
 * own {@code --observations} option, required by one and not the other.
 */
final class ObservationInput {
    @Option(
            names = "--rule",
            paramLabel = "eu|eea|none",
            description = "Annual coverage rule: eu (>= 90 %% capture, the default), eea (>= 75 %%), none.")
    @Nullable
    String rule;

    @Option(
            names = "--min-capture",
            paramLabel = "PCT",
            description = "Least annual capture in percent, such as 85 (replaces --rule).")
    @Nullable
    String minCapture;

    @Option(
            names = "--year",
            paramLabel = "Y",
            description = "Only this year; readings outside it are skipped and counted (default: every year).")
    @Nullable
    Integer year;

    @Option(
            names = "--city",
            paramLabel = "NAME",
            description = "Combine every station into one city of this name (mean of the stations that pass).")
    @Nullable
    String city;

    @Option(
            names = "--stations",
            paramLabel = "MAP.csv",
            description = "Combine stations into cities by a table station,city[,weight].")
    @Nullable
    Path stations;

    @Option(
            names = "--map",
            paramLabel = "MAP.csv",
            description =
                    "Which (property, statistic) feeds which catalog variable: property,statistic,variable[,unit];"
                            + " or the id of a bundled map (u4ssc).")
    @Nullable
    String map;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            description = "Zone of time stamps without an offset, and of days and years: Europe/Paris, +01:00"
                    + " (default: UTC, and stamps without an offset are errors).")
    @Nullable
    String zone;

    @SuppressWarnings("NullAway.Init") // picocli sets it: defaulted
    @Option(
            names = "--time-stamps",
            defaultValue = "start",
            paramLabel = "start|end",
            description = "Whether a time stamp marks the start (default) or the end of its interval.")
    String timeStamps;

    @Option(
            names = "--station",
            paramLabel = "ID",
            description = "Station of readings whose input names none (a SensorThings page saved without $expand).")
    @Nullable
    String station;

    @Option(
            names = "--property",
            paramLabel = "NAME",
            description = "Observed property of readings whose input names none.")
    @Nullable
    String property;

    @SuppressWarnings("NullAway.Init") // picocli sets it: defaulted
    @Option(
            names = "--duplicates",
            defaultValue = "error",
            paramLabel = "error|first|last",
            description = "A second reading for the same station, property and time: error (default), first, last.")
    String duplicates;

    /** Returns the reading options, or throws bad usage for a zone, year or convention that does not parse. */
    ObservationOptions options(boolean strict, boolean decimalComma, CommandSpec spec) {
        ObservationOptions o = ObservationOptions.defaults()
                .withStrict(strict)
                .withDecimalComma(decimalComma)
                .withTimeStamps(stamps(spec))
                .withDuplicates(duplicatePolicy(spec));
        Optional<ZoneId> z = zone(spec);
        if (z.isPresent()) {
            o = o.withZone(z.get());
        }
        if (year != null) {
            if (year < 1 || year > 9998) {
                throw new ParameterException(
                        spec.commandLine(), "--year: " + year + " is out of range (expected 1 to 9998)");
            }
            o = o.withYear(year);
        }
        if (station != null) {
            if (station.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--station: empty (expected a station id)");
            }
            o = o.withStation(station.strip());
        }
        if (property != null) {
            if (property.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--property: empty (expected a property)");
            }
            o = o.withProperty(property.strip());
        }
        if (city != null && stations != null) {
            throw new ParameterException(
                    spec.commandLine(), "--city and --stations exclude each other (expected one of them)");
        }
        if (city != null && city.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--city: empty (expected a city name)");
        }
        return o;
    }

    /** Returns the zone of the calendar: {@code --zone}, or UTC. */
    ZoneId calendarZone(CommandSpec spec) {
        return zone(spec).orElse(ZoneOffset.UTC);
    }

    private Optional<ZoneId> zone(CommandSpec spec) {
        if (zone == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zone.strip()));
        } catch (DateTimeException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--zone: unknown zone '" + zone + "' (expected a region such as Europe/Paris, or an offset such"
                            + " as +01:00)");
        }
    }

    TimeStamps stamps(CommandSpec spec) {
        switch (timeStamps.strip().toLowerCase(Locale.ROOT)) {
            case "start":
                return TimeStamps.START;
            case "end":
                return TimeStamps.END;
            default:
                throw new ParameterException(
                        spec.commandLine(), "--time-stamps: unknown '" + timeStamps + "' (expected start or end)");
        }
    }

    private DuplicatePolicy duplicatePolicy(CommandSpec spec) {
        switch (duplicates.strip().toLowerCase(Locale.ROOT)) {
            case "error":
                return DuplicatePolicy.ERROR;
            case "first":
                return DuplicatePolicy.FIRST;
            case "last":
                return DuplicatePolicy.LAST;
            default:
                throw new ParameterException(
                        spec.commandLine(),
                        "--duplicates: unknown policy '" + duplicates + "' (expected error, first or last)");
        }
    }

    /** Returns the coverage rule: {@code --min-capture}, else {@code --rule}, else eu. */
    CoverageRule rule(CommandSpec spec) {
        try {
            if (minCapture != null) {
                return CoverageRule.minCapture(minCapture);
            }
            return rule == null ? CoverageRule.EU : CoverageRule.named(rule);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), (minCapture != null ? "--min-capture: " : "--rule: ") + e.getMessage());
        }
    }

    /**
     * Returns the variable map of {@code --map} (a file, or the id of a bundled map), or the map
     * bundled with {@code catalogId} when there is no {@code --map}; empty when there is neither.
     */
    Optional<VariableMap> variableMap(String catalogId) {
        if (map == null) {
            return RollupMaps.bundled(catalogId);
        }
        Path p = Path.of(map);
        if (!Files.exists(p)) {
            Optional<VariableMap> bundled = RollupMaps.bundled(map.strip());
            if (bundled.isPresent()) {
                return bundled;
            }
            throw new CliException(ExitCodes.UNREADABLE, map + ": cannot read the variable map (no such file)");
        }
        try {
            return Optional.of(RollupMaps.variables(p));
        } catch (DataFormatException e) {
            throw new CliException(ExitCodes.UNREADABLE, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.UNREADABLE, map + ": cannot read the variable map (" + CommandSupport.reason(e) + ")");
        }
    }

    /** Returns the station map of {@code --stations}, or empty without it. */
    Optional<RollupMaps.Stations> stationMap() {
        if (stations == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RollupMaps.stations(stations));
        } catch (DataFormatException e) {
            throw new CliException(ExitCodes.UNREADABLE, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.UNREADABLE,
                    stations + ": cannot read the station map (" + CommandSupport.reason(e) + ")");
        }
    }

    /**
     * Reads the observation files, printing each problem and then the account line (prefixed by
     * {@code label}) to {@code err}. Strict mode stops at the first data error (exit 1); an
     * unreadable input is exit 3.
     */
    static ObservationResult read(List<Path> files, ObservationOptions o, String label, PrintWriter err) {
        for (Path f : files) {
            String s = f.toString();
            int hash = s.lastIndexOf('#');
            Path plain = !Files.exists(f) && hash > 0 ? Path.of(s.substring(0, hash)) : f;
            if (!Files.isRegularFile(plain)) {
                throw new CliException(
                        ExitCodes.UNREADABLE,
                        plain + ": cannot read observations (" + (Files.exists(plain) ? "not a file" : "no such file")
                                + ")");
            }
        }
        ObservationResult r;
        try {
            r = ObservationReader.create(o).read(files);
        } catch (DataFormatException e) {
            err.println(e.getMessage());
            err.flush();
            throw new CliException(e.isStrictStop() ? ExitCodes.DATA_ERRORS : ExitCodes.UNREADABLE, null);
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE, "cannot read observations (" + CommandSupport.reason(e) + ")");
        }
        for (Problem p : r.problems()) {
            err.println(p);
        }
        if (r.problemsOmitted() > 0) {
            err.println("citykpi: " + r.problemsOmitted() + " more problems not shown");
        }
        if (r.negativeValues() > 1) {
            err.println("citykpi: warning: " + r.negativeValues() + " negative concentrations kept as measured");
        }
        if (r.resolvedDuplicates() > 0) {
            err.println("citykpi: " + r.resolvedDuplicates() + " duplicate readings resolved by --duplicates "
                    + o.duplicates().name().toLowerCase(Locale.ROOT));
        }
        err.println("citykpi: " + label + r.summary());
        err.flush();
        return r;
    }

    /** The roll-up of every station, and of the cities they make. */
    record Rolled(List<RollupResult> stations, List<RollupResult> cities) {
        /** Returns stations then cities, the rows of {@code rollup}. */
        List<RollupResult> all() {
            List<RollupResult> out = new ArrayList<>(stations);
            out.addAll(cities);
            return out;
        }
    }

    /**
     * Rolls every series up for each year ({@code --year}, else every year with readings), then
     * combines stations into cities when {@code --city} or {@code --stations} says so, writing
     * notes to {@code err} about stations a station map leaves out or names without readings.
     */
    Rolled rollUp(Observations obs, List<Statistic> statistics, CommandSpec spec, PrintWriter err) {
        ZoneId z = calendarZone(spec);
        TimeStamps ts = stamps(spec);
        CoverageRule r = rule(spec);
        SortedSet<Integer> years = year != null ? new TreeSet<>(List.of(year)) : Rollup.years(obs, z, ts);
        List<RollupResult> st = new ArrayList<>();
        for (int y : years) {
            st.addAll(Rollup.create(YearGrid.of(y, z))
                    .withRule(r)
                    .withTimeStamps(ts)
                    .withStatistics(statistics)
                    .run(obs));
        }
        List<RollupResult> cities = new ArrayList<>();
        if (city != null) {
            cities.addAll(CityMean.combine(city.strip(), st));
        } else {
            Optional<RollupMaps.Stations> m = stationMap();
            if (m.isPresent()) {
                cities.addAll(combine(m.get(), obs, st, err));
            }
        }
        err.flush();
        return new Rolled(st, cities);
    }

    private List<RollupResult> combine(
            RollupMaps.Stations m, Observations obs, List<RollupResult> st, PrintWriter err) {
        TreeSet<String> withReadings = new TreeSet<>();
        obs.series().forEach(s -> withReadings.add(s.station()));
        for (String s : withReadings) {
            if (!m.cityOf().containsKey(s)) {
                err.println("citykpi: note: station " + s + " is in no city of " + stations
                        + ": its rows are written, but no city uses it");
            }
        }
        for (String s : m.cityOf().keySet()) {
            if (!withReadings.contains(s)) {
                err.println("citykpi: note: station " + s + " of " + stations + " has no readings");
            }
        }
        List<RollupResult> out = new ArrayList<>();
        for (String c : m.cities()) {
            List<String> members = m.stations(c);
            List<RollupResult> part = new ArrayList<>();
            for (RollupResult x : st) {
                if (members.contains(x.entity())) {
                    part.add(x);
                }
            }
            Map<String, Double> w = new java.util.LinkedHashMap<>();
            if (!m.weights().isEmpty()) {
                for (String s : members) {
                    w.put(s, m.weights().get(s));
                }
            }
            out.addAll(CityMean.combine(c, part, w));
        }
        return out;
    }
}
