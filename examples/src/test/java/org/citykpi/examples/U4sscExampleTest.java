package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link U4sscExample} on the sample city and checks its numbers against values worked out here
 * from the raw sample file (read line by line, not with the library), the U4SSC scoring rule and the
 * documented gaps of {@code examples/data/README.md}.
 */
class U4sscExampleTest {
    static final Pattern ROLL_UP = Pattern.compile(
            "^  (dimension|sub_dimension)\\s+(.+?)\\s+(\\d+) of\\s+(\\d+) KPIs scored,\\s+(\\d+) of\\s+(\\d+) points"
                    + "(?: = ([0-9.]+) % -> (\\S+))?$");

    static String text;
    static Map<String, Double> raw2023;

    @BeforeAll
    static void runOnce() throws IOException {
        StringWriter sw = new StringWriter();
        U4sscExample.run(
                U4sscExample.sampleFile("sample-city.csv"),
                U4sscExample.sampleFile("sample-targets.csv"),
                new PrintWriter(sw, true));
        text = sw.toString();
        raw2023 = new HashMap<>();
        for (String line : Files.readAllLines(U4sscExample.sampleFile("sample-city.csv"))) {
            String[] c = line.split(",");
            if (c.length == 4 && c[1].equals("2023")) {
                raw2023.put(c[2], Double.parseDouble(c[3]));
            }
        }
    }

    static String kpiLine(String id) {
        return text.lines()
                .filter(l -> l.startsWith("  " + id + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + id + " in\n" + text));
    }

    static double valueOf(String line) {
        Matcher m = Pattern.compile("\\s(-?[0-9]+\\.[0-9]{4}) ").matcher(line);
        assertTrue(m.find(), line);
        return Double.parseDouble(m.group(1));
    }

    static int pointsFor(double attainment) {
        // U4SSC: [0,33) 1, [33,66) 2, [66,95) 3, [95,inf) 4 (U4SSC Factsheet Pully 2020 p.12)
        return attainment < 33 ? 1 : attainment < 66 ? 2 : attainment < 95 ? 3 : 4;
    }

    static String bandFor(double pct) {
        return List.of("0-33", "33-66", "66-95", "95+").get(pointsFor(pct) - 1);
    }

    @Test
    void readsTheWholeExportAndReportsTheLatestYear() {
        // 443 lines in sample-city.csv: a header and 442 observations, all accepted
        assertTrue(text.contains("sample-city.csv: 442 rows read: 442 accepted, 0 rejected"), text);
        // examples/data/README.md: five planted gaps in 2023, so 86 of 91
        assertTrue(text.contains("sampleville 2023: 86 of 91 KPIs have a value"), text);
        assertTrue(text.contains("== Economy (45 KPIs)"), text);
        assertTrue(text.contains("== Environment (17 KPIs)"), text);
        assertTrue(text.contains("== Society and Culture (29 KPIs)"), text);
    }

    @Test
    void householdInternetAccessFromTheRawNumbers() {
        // 100 * households_with_internet / households_total, sample-city.csv 2023: 100 * 105092 / 113002
        double want = 100 * raw2023.get("households_with_internet") / raw2023.get("households_total");
        String line = kpiLine("EC.ICT.ICT.1C");
        assertEquals(want, valueOf(line), 5e-5);
        // illustrative target 100 (sample-targets.csv): attainment = value -> 93.0 % -> 3 points
        assertTrue(line.contains(String.format(java.util.Locale.ROOT, "%.2f %% of target", want)), line);
        assertTrue(line.contains(pointsFor(want) + " points, " + bandFor(want)), line);
        assertEquals(3, pointsFor(want));
    }

    @Test
    void lowerIsBetterWaterSupplyLoss() {
        // 100 * (supplied - consumed) / supplied = 100 * (21025200 - 17240664) / 21025200 = 18.0
        double loss = 100
                * (raw2023.get("water_supplied_m3") - raw2023.get("water_consumed_m3"))
                / raw2023.get("water_supplied_m3");
        String line = kpiLine("EC.I.WS.3C");
        assertEquals(loss, valueOf(line), 5e-5);
        // target 10 (sample-targets.csv), lower is better: 100 * 10 / 18 = 55.56 % -> 2 points
        double attainment = 100 * 10 / loss;
        assertTrue(line.contains(String.format(java.util.Locale.ROOT, "%.2f %% of target", attainment)), line);
        assertTrue(line.contains("2 points, 33-66"), line);
    }

    @Test
    void theGapsShowTheirCauses() {
        assertTrue(kpiLine("EC.ICT.ICT.2C").contains("no value: out_of_range"));
        assertTrue(kpiLine("EC.ICT.PS.1A").contains("no value: division_by_zero"));
        assertTrue(kpiLine("EC.I.UP.2A").contains("no value: invalid_input"));
        assertTrue(kpiLine("EN.EN.WS.3C").contains("no value: missing_input (needs freshwater_withdrawal_m3"));
        assertTrue(kpiLine("SC.SH.SI.2C").contains("no value: missing_input (needs gini_coefficient"));
    }

    @Test
    void rollUpFollowsTheU4sscRule() {
        int dimensionKpis = 0;
        int dimensionPoints = 0;
        int subDimensionPoints = 0;
        int lines = 0;
        for (String line : text.split("\\R")) {
            Matcher m = ROLL_UP.matcher(line);
            if (!m.matches()) {
                continue;
            }
            lines++;
            int scored = Integer.parseInt(m.group(3));
            int total = Integer.parseInt(m.group(4));
            int points = Integer.parseInt(m.group(5));
            int max = Integer.parseInt(m.group(6));
            assertTrue(scored <= total, line);
            assertEquals(4 * scored, max, line);
            assertTrue(points >= scored && points <= max, line);
            if (scored > 0) {
                double pct = 100.0 * points / max;
                assertEquals(pct, Double.parseDouble(m.group(7)), 0.005, line);
                assertEquals(bandFor(pct), m.group(8), line);
            }
            if (m.group(1).equals("dimension")) {
                dimensionKpis += total;
                dimensionPoints += points;
            } else {
                subDimensionPoints += points;
            }
        }
        // 3 dimensions + 7 sub-dimensions; the dimensions hold all 91 KPIs
        assertEquals(10, lines, text);
        assertEquals(91, dimensionKpis);
        assertEquals(dimensionPoints, subDimensionPoints);
        assertTrue(dimensionPoints > 0);
    }

    @Test
    void findsTheSampleDataFromTheModuleDirectory() {
        // tests run in examples/: the files are under data/
        Path p = U4sscExample.sampleFile("sample-city.csv");
        assertTrue(Files.isRegularFile(p));
        assertThrows(IllegalStateException.class, () -> U4sscExample.sampleFile("no-such-file.csv"));
    }

    @Test
    void mainRunsOnTheSampleCity() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            U4sscExample.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertEquals(
                text.lines().toList(),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
