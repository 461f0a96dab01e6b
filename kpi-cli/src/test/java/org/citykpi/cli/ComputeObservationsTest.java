package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citykpi compute --observations}: two stations with a full hourly year of constant PM2.5 —
 * A at 8 µg/m³, B at 12 µg/m³ — and a station C with one day only. Under the EU rule A and B pass
 * (capture 100 %), C does not; the city's annual mean is (8 + 12) / 2 = 10, which is the value of
 * EN.EN.AQ.1C/PM2.5 and of the headline EN.EN.AQ.1C (the catalog takes PM2.5 as the headline).
 */
class ComputeObservationsTest {
    @TempDir
    Path dir;

    Path obs;

    @BeforeEach
    void readings() throws IOException {
        StringBuilder sb = new StringBuilder("station,time,property,value,unit\n");
        java.time.Instant t0 = java.time.Instant.parse("2023-01-01T00:00:00Z");
        for (int h = 0; h < 8760; h++) {
            String t = t0.plusSeconds(3600L * h).toString();
            sb.append("A,").append(t).append(",pm25,8,ug/m3\n");
            sb.append("B,").append(t).append(",pm25,12,µg/m³\n");
        }
        for (int h = 0; h < 24; h++) {
            sb.append("C,").append(t0.plusSeconds(3600L * h)).append(",pm25,50,ug/m3\n");
        }
        obs = Cli.write(dir, "obs.csv", sb.toString());
    }

    @Test
    void cityRollUpsFeedTheAirQualityKpiAndTheJsonShowsTheChain() {
        Cli.Run r = Cli.run(
                        "compute",
                        "--observations",
                        obs.toString(),
                        "--city",
                        "Town",
                        "--only",
                        "EN.EN.AQ.1C",
                        "--format",
                        "json")
                .assertNoStackTrace();
        assertEquals(0, r.code(), r::err);
        JsonNode results = json(r.out()).get("results");
        JsonNode headline = results.get(0);
        assertEquals("EN.EN.AQ.1C", headline.get("kpi").asText());
        assertEquals("Town", headline.get("entity").asText());
        assertEquals(10.0, headline.get("value").asDouble(), 1e-12);
        String chain = headline.get("observations").get(0).asText();
        assertEquals(
                "pm25_ugm3 for Town 2023 = 10 ← mean of pm25 (µg/m³) ← mean of 2 of 3 stations: A (capture 100.0 %),"
                        + " B (capture 100.0 %); left out: C (capture 0.2 % < 90 %)",
                chain);
    }

    @Test
    void withoutCitiesEachStationIsAnEntityAndDataMerges() throws IOException {
        Path data = Cli.write(dir, "d.csv", "entity,period,variable,value\nA,2023,population_total,1000\n");
        Cli.Run r = Cli.run(
                        "compute",
                        "--data",
                        data.toString(),
                        "--observations",
                        obs.toString(),
                        "--only",
                        "EN.EN.AQ.1C/PM2.5")
                .assertNoStackTrace();
        assertEquals(0, r.code(), r::err);
        assertTrue(r.err().contains("citykpi: 1 rows read: 1 accepted, 0 rejected"), r::err);
        assertTrue(r.err().contains("citykpi: observations: 17544 rows read: 17544 accepted, 0 rejected"), r::err);
        List<Map<String, String>> rows = r.rows();
        assertEquals("8", value(rows, "A"));
        assertEquals("12", value(rows, "B"));
        assertEquals("", value(rows, "C"));
        assertEquals("missing_input", status(rows, "C"));
    }

    @Test
    void aCellGivenByDataAndByObservationsIsAnError() throws IOException {
        Path data = Cli.write(dir, "d.csv", "entity,period,variable,value\nTown,2023,pm25_ugm3,99\n");
        Cli.Run r = Cli.run(
                        "compute",
                        "--data",
                        data.toString(),
                        "--observations",
                        obs.toString(),
                        "--city",
                        "Town",
                        "--only",
                        "EN.EN.AQ.1C/PM2.5")
                .assertNoStackTrace();
        assertEquals(1, r.code(), r::err);
        assertTrue(
                r.err()
                        .contains("citykpi: error: Town 2023 pm25_ugm3: given by --data and by the mean of pm25 of"
                                + " --observations; the --data value is kept"),
                r::err);
        assertEquals("99", value(r.rows(), "Town"));
    }

    @Test
    void theReportShowsTheCaptureOfEachStation() throws IOException {
        Path html = dir.resolve("r.html");
        Cli.Run r = Cli.run("report", "--observations", obs.toString(), "--city", "Town", "--out", html.toString())
                .assertNoStackTrace();
        assertEquals(0, r.code(), r::err);
        String page = java.nio.file.Files.readString(html);
        assertTrue(page.contains("Data capture of monitoring stations"), "no capture table");
        // C has 24 of 8,760 hours: 0.27 %, cut to 0.2 %
        assertTrue(page.contains("<td>C</td><td class=\"num\">0.2 %"), "no row for C");
        assertEquals(2, Cli.run("report", "--out", html.toString()).code());
    }

    @Test
    void neitherDataNorObservationsIsTheUsualUsageError() {
        Cli.Run r = Cli.run("compute");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("citykpi: Missing required option: '--data=FILE'"), r::err);
    }

    @Test
    void aCatalogWithoutAMapNeedsOne() throws IOException {
        Path cat = Cli.write(
                dir,
                "c.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\"variables\":[{\"id\":\"pm\","
                        + "\"unit\":\"ug/m3\"}],\"indicators\":[{\"id\":\"K\",\"name\":\"k\",\"unit\":\"ug/m3\","
                        + "\"direction\":\"lower\",\"formula\":\"pm\"}]}");
        Cli.Run none = Cli.run("compute", "--catalog", cat.toString(), "--observations", obs.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("catalog t has no bundled variable map"), none::err);
        Path map = Cli.write(dir, "m.csv", "property,statistic,variable,unit\nPM2.5,mean,pm,ug/m3\n");
        Cli.Run r = Cli.run(
                "compute", "--catalog", cat.toString(), "--observations", obs.toString(), "--map", map.toString());
        assertEquals(0, r.code(), r::err);
        assertEquals("8", value(r.rows(), "A"));
        Path wrong = Cli.write(dir, "w.csv", "property,statistic,variable,unit\npm25,mean,nope,ug/m3\n");
        Cli.Run bad = Cli.run(
                "compute", "--catalog", cat.toString(), "--observations", obs.toString(), "--map", wrong.toString());
        assertEquals(3, bad.code());
        assertTrue(bad.err().contains("map names 'nope', which is neither a variable nor an indicator"), bad::err);
    }

    private static String value(List<Map<String, String>> rows, String entity) {
        return rows.stream()
                .filter(x -> x.get("entity").equals(entity))
                .findFirst()
                .orElseThrow()
                .get("value");
    }

    private static String status(List<Map<String, String>> rows, String entity) {
        return rows.stream()
                .filter(x -> x.get("entity").equals(entity))
                .findFirst()
                .orElseThrow()
                .get("status");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
