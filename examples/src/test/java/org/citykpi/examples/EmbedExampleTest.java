package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs {@link EmbedExample} and checks every number it prints against a hand calculation. */
class EmbedExampleTest {
    static final Pattern RESULT = Pattern.compile("^(\\S+) (\\S+) (\\S+) = (.*)$");

    static Map<String, String> results(String text) {
        Map<String, String> m = new HashMap<>();
        for (String line : text.split("\\R")) {
            Matcher x = RESULT.matcher(line);
            if (x.matches()) {
                m.put(x.group(1) + " " + x.group(2) + " " + x.group(3), x.group(4));
            }
        }
        return m;
    }

    static double number(String text) {
        return Double.parseDouble(text.substring(0, text.indexOf(' ')));
    }

    @Test
    void printsValuesCausesAndAnExplanation() {
        StringWriter sw = new StringWriter();
        EmbedExample.run(new PrintWriter(sw, true));
        String text = sw.toString();
        Map<String, String> r = results(text);
        assertEquals(6, r.size(), text);
        // northbay: NET = 100 * 90 000 / 120 000 = 75; OFFLINE = 100 - 75 = 25; RTPI = 100 * 300 / 400 = 75
        assertEquals(75.0, number(r.get("northbay 2023 NET")), 1e-12);
        assertEquals(25.0, number(r.get("northbay 2023 OFFLINE")), 1e-12);
        assertEquals(75.0, number(r.get("northbay 2023 RTPI")), 1e-12);
        assertTrue(r.get("northbay 2023 NET").endsWith(" %"), text);
        // southport: no households_online figure; no bus stops at all
        assertTrue(r.get("southport 2023 NET").startsWith("not available: missing_input"), text);
        assertTrue(r.get("southport 2023 NET").contains("households_online"), text);
        assertTrue(r.get("southport 2023 OFFLINE").startsWith("not available: "), text);
        assertTrue(r.get("southport 2023 RTPI").startsWith("not available: division_by_zero"), text);
        assertTrue(r.get("southport 2023 RTPI").contains("bus_stops"), text);
        // the explanation names the formula and its input with the input's value (NET = 75)
        String explanation = text.lines()
                .filter(l -> l.startsWith("explanation: "))
                .findFirst()
                .orElseThrow();
        assertTrue(explanation.contains("OFFLINE for northbay 2023 = 25"), explanation);
        assertTrue(explanation.contains("100 - NET") && explanation.contains("NET = 75"), explanation);
    }

    @Test
    void mainPrintsTheSame() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            EmbedExample.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        StringWriter sw = new StringWriter();
        EmbedExample.run(new PrintWriter(sw, true));
        assertEquals(
                sw.toString().lines().toList(),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
