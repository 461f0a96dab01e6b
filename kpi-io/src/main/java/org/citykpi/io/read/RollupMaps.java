package org.citykpi.io.read;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Limits;
import org.citykpi.io.Problem;
import org.citykpi.io.internal.CsvReaders;
import org.citykpi.io.internal.CsvRecordReader;
import org.citykpi.io.internal.Failures;
import org.citykpi.io.internal.Measurands;
import org.citykpi.io.internal.NumberParser;
import org.citykpi.io.internal.RowAccount;
import org.citykpi.io.internal.StrictDecoder;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.VariableMap;

/**
 * Reads the two tables that steer a roll-up (docs/observations.md): the variable map ({@code
 * --map MAP.csv}: which (property, statistic) feeds which catalog variable, in which unit) and the
 * station map ({@code --stations MAP.csv}: which city each station belongs to, with an optional
 * weight); and gives the variable map bundled with a catalog.
 *
 * <p>Both tables are CSV (delimiter and byte-order mark detected, names matched ignoring case).
 * Any bad row makes the table unusable: {@link DataFormatException} at its {@code
 * FILE:LINE:COLUMN}, since a half-read map would silently feed or drop a variable or a station.
 * Stateless and thread-safe.
 */
public final class RollupMaps {
    private static final String BUNDLED = "/org/citykpi/io/catalog/";

    private RollupMaps() {}

    /**
     * Which city each station belongs to, and its weight in the city's mean.
     *
     * @param cityOf station → city, in the order of the table
     * @param weights station → weight (finite, not negative) when the table has a {@code weight}
     *     column; empty when it has none (plain means)
     */
    public record Stations(Map<String, String> cityOf, Map<String, Double> weights) {
        /**
         * Copies the maps, keeping their order.
         *
         * @param cityOf station → city
         * @param weights station → weight; empty for plain means
         */
        public Stations {
            cityOf = Collections.unmodifiableMap(new LinkedHashMap<>(cityOf));
            weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        }

        /** {@return the cities, each once, in the order of the table} */
        public List<String> cities() {
            return List.copyOf(new java.util.LinkedHashSet<>(cityOf.values()));
        }

        /**
         * Returns the stations of one city.
         *
         * @param city the city
         * @return its stations in the order of the table; empty for a city not in the table
         */
        public List<String> stations(String city) {
            List<String> out = new ArrayList<>();
            cityOf.forEach((s, c) -> {
                if (c.equals(city)) {
                    out.add(s);
                }
            });
            return out;
        }
    }

    /**
     * Returns the variable map bundled with a catalog: for {@code u4ssc}, the annual means of
     * {@code pm25}, {@code pm10}, {@code no2}, {@code so2} and {@code o3} to the variables of
     * EN.EN.AQ.1C ({@code pm25_ugm3} …), in µg/m³.
     *
     * @param catalogId the bundled catalog's id
     * @return its map, or empty when it has none
     */
    public static Optional<VariableMap> bundled(String catalogId) {
        requireNonNull(catalogId, "catalogId");
        if (!catalogId.matches("[a-z0-9_-]+")) {
            return Optional.empty();
        }
        String name = catalogId + "-observations.csv";
        try (InputStream in = RollupMaps.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(variables(name, new StrictDecoder(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("bundled variable map " + name + " cannot be read", e);
        }
    }

    /**
     * Reads a variable map file: {@code property,statistic,variable[,unit]}.
     *
     * @param file the file; problems name it as given
     * @return the map
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if a row is bad (see {@link #variables(String, Reader)})
     */
    public static VariableMap variables(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return variables(file.toString(), new StrictDecoder(in, StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads a variable map: {@code property,statistic,variable[,unit]}, one row per mapping. The
     * property is normalised as readings' are ({@code PM2.5} → {@code pm25}); the statistic is a
     * {@code rollup} statistic name; the unit, when given, is the unit the variable receives
     * (results are converted into it, and it must agree with the catalog's).
     *
     * @param name the input's name in problems
     * @param in the text (not closed)
     * @return the map
     * @throws IOException if reading fails
     * @throws DataFormatException if a required column is absent, or a row has an empty cell, an
     *     unknown statistic, or a (property, statistic) already mapped
     */
    public static VariableMap variables(String name, Reader in) throws IOException {
        CsvRecordReader r = CsvRecordReader.open(name, in, Limits.defaults());
        List<String> header = CsvReaders.header(r);
        int cp = column(r, header, "property");
        int cs = column(r, header, "statistic");
        int cv = column(r, header, "variable");
        int cu = index(header, "unit");
        RowAccount account = new RowAccount(RowAccount.Mode.STRUCTURAL, 1);
        List<VariableMap.Entry> entries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        while (CsvReaders.nextRow(r, account, header.size())) {
            String property = Measurands.property(required(r, cp, "property", "an observed property such as pm25"));
            String stat = required(r, cs, "statistic", "a statistic such as mean");
            Statistic statistic;
            try {
                statistic = Statistic.parse(stat);
            } catch (IllegalArgumentException e) {
                throw error(r, cs, stat, Failures.message(e));
            }
            String variable = required(r, cv, "variable", "a catalog variable such as pm25_ugm3");
            String unit = cu < 0 ? "" : r.field(cu).strip();
            String key = property.toLowerCase(Locale.ROOT) + " " + statistic.name();
            Long before = seen.putIfAbsent(key, r.line());
            if (before != null) {
                throw error(
                        r,
                        cp,
                        property,
                        "(" + property + ", " + statistic.name() + ") is mapped twice: line " + before
                                + " maps it already (expected one variable per property and statistic)");
            }
            entries.add(new VariableMap.Entry(
                    property, statistic, variable, unit.isEmpty() ? Optional.empty() : Optional.of(unit)));
        }
        return VariableMap.of(entries);
    }

    /**
     * Reads a station map file: {@code station,city[,weight]}, one row per station.
     *
     * @param file the file; problems name it as given
     * @return the stations' cities (and weights)
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if a required column is absent, or a row has an empty cell, a
     *     station listed twice, or a weight that is not a finite number at least 0
     */
    public static Stations stations(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return stations(file.toString(), new StrictDecoder(in, StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads a station map: {@code station,city[,weight]}.
     *
     * @param name the input's name in problems
     * @param in the text (not closed)
     * @return the stations' cities (and weights)
     * @throws IOException if reading fails
     * @throws DataFormatException as {@link #stations(Path)}
     */
    public static Stations stations(String name, Reader in) throws IOException {
        CsvRecordReader r = CsvRecordReader.open(name, in, Limits.defaults());
        List<String> header = CsvReaders.header(r);
        int cs = column(r, header, "station");
        int cc = column(r, header, "city");
        int cw = index(header, "weight");
        RowAccount account = new RowAccount(RowAccount.Mode.STRUCTURAL, 1);
        Map<String, String> cityOf = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        while (CsvReaders.nextRow(r, account, header.size())) {
            String station = required(r, cs, "station", "a station id");
            String city = required(r, cc, "city", "a city name");
            Long before = lineOf.putIfAbsent(station, r.line());
            if (before != null) {
                throw error(
                        r,
                        cs,
                        station,
                        "station '" + cut(station) + "' is listed twice: line " + before
                                + " gives it already (expected one city per station)");
            }
            cityOf.put(station, city);
            if (cw >= 0) {
                String w = required(r, cw, "weight", "a weight, a number at least 0");
                double x = NumberParser.parse(w, false);
                if (Double.isNaN(x)) {
                    throw error(r, cw, w, NumberParser.explain(cut(w), false));
                }
                if (x < 0) {
                    throw error(r, cw, w, "negative weight '" + cut(w) + "' (expected a number at least 0)");
                }
                weights.put(station, x);
            }
        }
        return new Stations(cityOf, weights);
    }

    private static int index(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int column(CsvRecordReader r, List<String> header, String name) {
        int i = index(header, name);
        if (i < 0) {
            throw new DataFormatException(
                    r.name(),
                    1,
                    0,
                    String.join(",", header),
                    "required column " + name + " is absent from the header (expected " + name + ")");
        }
        return i;
    }

    private static String required(CsvRecordReader r, int i, String what, String expected) {
        String v = r.field(i).strip();
        if (v.isEmpty()) {
            throw error(r, i, "", "empty " + what + " (expected " + expected + ")");
        }
        return v;
    }

    private static DataFormatException error(CsvRecordReader r, int column, String raw, String message) {
        return new DataFormatException(Problem.error(r.name(), r.line(column), column + 1, raw, message));
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
