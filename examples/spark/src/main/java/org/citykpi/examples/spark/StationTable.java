package org.citykpi.examples.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The station table of {@code --stations}: {@code station,city[,weight]} with a header, read on
 * the driver. Cities keep the order of their first row.
 */
record StationTable(Map<String, String> cityOf, Map<String, Double> weights, List<String> cities) {
    static StationTable read(Path file) throws IOException {
        Map<String, String> cityOf = new LinkedHashMap<>();
        Map<String, Double> weights = new LinkedHashMap<>();
        List<String> cities = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new SparkApp.Unreadable(file + ":1:1: empty station table (expected station,city[,weight])");
            }
            String[] h = header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).split(",", -1);
            if (h.length < 2 || !h[0].strip().equals("station") || !h[1].strip().equals("city")) {
                throw new SparkApp.Unreadable(file + ":1:1: header '" + header + "' (expected station,city[,weight])");
            }
            boolean weighted = h.length > 2 && h[2].strip().equals("weight");
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < (weighted ? 3 : 2) || f[0].isBlank() || f[1].isBlank()) {
                    throw new SparkApp.Unreadable(file + ":" + n + ":1: '" + line + "' (expected station,city"
                            + (weighted ? ",weight" : "") + ")");
                }
                String station = f[0].strip();
                String city = f[1].strip();
                if (cityOf.put(station, city) != null) {
                    throw new SparkApp.Unreadable(file + ":" + n + ":1: station " + station + " is listed twice");
                }
                if (!cities.contains(city)) {
                    cities.add(city);
                }
                if (weighted) {
                    try {
                        weights.put(station, Double.parseDouble(f[2].strip()));
                    } catch (NumberFormatException e) {
                        throw new SparkApp.Unreadable(file + ":" + n + ":" + (f[0].length() + f[1].length() + 3)
                                + ": not a weight '" + f[2] + "' (expected a number)");
                    }
                }
            }
        }
        return new StationTable(cityOf, weights, cities);
    }
}
