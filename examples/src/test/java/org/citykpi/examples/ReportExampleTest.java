package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.report.CitySummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportExampleTest {
    @Test
    void rendersTheReportFromJava(@TempDir Path dir) throws IOException {
        // Internet access 180 of 200 households = 90 % against a 90 % target → 100 %, 4 points (95+);
        // fixed broadband 60 of 200 = 30 % against 60 % → 50 %, 2 points. Economy 6 / 8 = 75 % (66-95).
        Path data = dir.resolve("city.csv");
        Files.writeString(
                data,
                "entity,period,variable,value\n"
                        + "Karmøy,2022,households_total,200\n"
                        + "Karmøy,2022,households_with_internet,180\n"
                        + "Karmøy,2022,fixed_broadband_subscriptions,60\n",
                StandardCharsets.UTF_8);
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, "kpi,target\nEC.ICT.ICT.1C,90\nEC.ICT.ICT.2C,60\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("report.html");
        List<CitySummary> s = ReportExample.run(data, targets, out);
        assertEquals(1, s.size());
        assertEquals(2, s.get(0).scored());
        assertEquals(75.0, s.get(0).overallPercent().getAsDouble(), 1e-12);
        assertEquals("66-95", s.get(0).overallBand().orElseThrow().label());
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("data-kpi=\"EC.ICT.ICT.1C\" data-status=\"ok\" data-value=\"90\""));
    }

    @Test
    void rendersTheSampleCity(@TempDir Path dir) throws IOException {
        Path data = Path.of("data", "sample-city.csv");
        Path targets = Path.of("data", "sample-targets.csv");
        assertTrue(Files.isRegularFile(data) && Files.isRegularFile(targets), "examples/data sample files");
        Path out = dir.resolve("sample.html");
        List<CitySummary> s = ReportExample.run(data, targets, out);
        assertTrue(!s.isEmpty());
        assertTrue(Files.size(out) > 10_000);
    }
}
