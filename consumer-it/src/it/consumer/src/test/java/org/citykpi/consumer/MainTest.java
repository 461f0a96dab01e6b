package org.citykpi.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final double TOLERANCE = 1e-9;

    /**
     * Expected values, worked by hand from data/cities.csv.
     *
     * <pre>
     * NET   = 100 * households_online / households_total
     *         eastfield 100 * 48000 / 80000 = 60, northbay 100 * 90000 / 120000 = 75,
     *         southport 100 * 40000 / 50000 = 80
     * GREEN = green_area_m2 / population
     *         eastfield 2880000 / 160000 = 18, northbay 4000000 / 200000 = 20,
     *         southport 1000000 / 100000 = 10
     * CITY  = arithmetic mean, equal weights, of the min-max [0, 100] scores (Pipeline.defaults()):
     *         NET   (x - 60) / (80 - 60) * 100: eastfield 0, northbay 75, southport 100
     *         GREEN (x - 10) / (20 - 10) * 100: eastfield 80, northbay 100, southport 0
     *         eastfield (0 + 80) / 2 = 40, northbay (75 + 100) / 2 = 87.5, southport (100 + 0) / 2 = 50
     *         ranks, 1 = highest: northbay 1, southport 2, eastfield 3
     * </pre>
     */
    @Test
    void computesTheKpisAndTheIndexOfTheThreeCities() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = Main.run(Path.of("data", "cities.csv"), out);
        }
        List<String> lines =
                new ArrayList<>(bytes.toString(StandardCharsets.UTF_8).lines().toList());

        assertEquals(0, code, String.join("\n", lines));
        assertEquals("read 12 accepted 0 rejected", lines.remove(0));
        assertEquals(9, lines.size(), String.join("\n", lines));
        // rows come sorted by entity code
        kpi(lines.get(0), "eastfield", "NET", 60);
        kpi(lines.get(1), "eastfield", "GREEN", 18);
        kpi(lines.get(2), "northbay", "NET", 75);
        kpi(lines.get(3), "northbay", "GREEN", 20);
        kpi(lines.get(4), "southport", "NET", 80);
        kpi(lines.get(5), "southport", "GREEN", 10);
        index(lines.get(6), "eastfield", 40, 3);
        index(lines.get(7), "northbay", 87.5, 1);
        index(lines.get(8), "southport", 50, 2);
    }

    private static void kpi(String line, String city, String id, double expected) {
        String[] f = line.split(" ");
        assertEquals(List.of("kpi", city, "2023", id), List.of(f[0], f[1], f[2], f[3]), line);
        assertEquals(expected, Double.parseDouble(f[4]), TOLERANCE, line);
    }

    private static void index(String line, String city, double score, int rank) {
        String[] f = line.split(" ");
        assertEquals(List.of("index", city, "rank"), List.of(f[0], f[1], f[3]), line);
        assertEquals(score, Double.parseDouble(f[2]), TOLERANCE, line);
        assertEquals(rank, Integer.parseInt(f[4]), line);
    }
}
