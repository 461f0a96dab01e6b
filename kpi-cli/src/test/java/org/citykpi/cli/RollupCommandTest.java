package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citykpi rollup} on small hand-worked inputs: station A has 1 January with 24 valid hours
 * of 10, 2 January with 18 valid hours of 20, 3 January with 17 valid hours of 30 and one reading
 * flagged invalid; station B has 1 January with 24 hours of 30. Every expected number below is
 * worked out from these by hand: A's valid hours sum to 24·10 + 18·20 + 17·30 = 1110 over 59 hours.
 */
class RollupCommandTest {
    static final String HEADER = "entity,period,property,statistic,value,status,detail,n_valid,n_expected,capture_pct";
    private static final double A_MEAN = 1110.0 / 59;

    @TempDir
    Path dir;

    Path obs;

    @BeforeEach
    void readings() throws IOException {
        StringBuilder sb = new StringBuilder("station,time,pollutant,value,valid\n");
        for (int h = 0; h < 24; h++) {
            sb.append(String.format("A,2023-01-01T%02d:00:00Z,pm25,10,1%n", h));
        }
        for (int h = 0; h < 18; h++) {
            sb.append(String.format("A,2023-01-02T%02d:00:00Z,pm25,20,1%n", h));
        }
        for (int h = 0; h < 17; h++) {
            sb.append(String.format("A,2023-01-03T%02d:00:00Z,pm25,30,1%n", h));
        }
        sb.append("A,2023-01-03T20:00:00Z,pm25,999,0\n");
        for (int h = 0; h < 24; h++) {
            sb.append(String.format("B,2023-01-01T%02d:00:00Z,pm25,30,1%n", h));
        }
        obs = Cli.write(dir, "obs.csv", sb.toString());
    }

    private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows) {
        return rows.stream()
                .collect(Collectors.toMap(
                        r -> r.get("entity") + "|" + r.get("period") + "|" + r.get("statistic"), r -> r));
    }

    @Test
    void meansCaptureDailyValuesAndACity() {
        Cli.Run r = Cli.run(
                        "rollup",
                        "--observations",
                        obs.toString(),
                        "--rule",
                        "none",
                        "--statistic",
                        "mean",
                        "--statistic",
                        "daily_mean",
                        "--statistic",
                        "days_above:15",
                        "--city",
                        "C")
                .assertNoStackTrace();
        assertEquals(0, r.code(), r::err);
        assertEquals(HEADER, Cli.header(r.out()));
        // 24 + 18 + 17 + 1 readings of A, 24 of B
        assertTrue(r.err().contains("citykpi: 84 rows read: 84 accepted, 0 rejected"), r::err);
        Map<String, Map<String, String>> rows = byKey(r.rows());
        Map<String, String> a = rows.get("A|2023|mean");
        assertEquals(A_MEAN, Double.parseDouble(a.get("value")), 1e-12);
        assertEquals("59", a.get("n_valid"));
        assertEquals("8760", a.get("n_expected"));
        assertEquals(100.0 * 59 / 8760, Double.parseDouble(a.get("capture_pct")), 1e-12);
        assertEquals("20", rows.get("A|2023-01-02|daily_mean").get("value"));
        Map<String, String> d3 = rows.get("A|2023-01-03|daily_mean");
        assertEquals("", d3.get("value"));
        assertEquals("insufficient_coverage", d3.get("status"));
        assertEquals("1", rows.get("A|2023|days_above:15").get("value")); // only 2 January (20) is valid and > 15
        Map<String, String> c = rows.get("C|2023|mean");
        assertEquals((A_MEAN + 30) / 2, Double.parseDouble(c.get("value")), 1e-12);
        assertEquals("mean of 2 of 2 stations", c.get("detail"));
    }

    @Test
    void theDefaultRuleIsTheEusNinetyPercent() {
        Cli.Run r = Cli.run("rollup", "--observations", obs.toString()).assertNoStackTrace();
        assertEquals(0, r.code(), r::err);
        Map<String, String> a = byKey(r.rows()).get("A|2023|mean");
        assertEquals("", a.get("value"));
        assertEquals("insufficient_coverage", a.get("status"));
        assertEquals("capture 0.6 % < 90 %", a.get("detail")); // 59 / 8760 = 0.67 %, cut to one decimal
    }

    @Test
    void stationsMapWithWeightsAndNotesOnWhatItLeavesOut() throws IOException {
        Path map = Cli.write(dir, "st.csv", "station,city,weight\nA,C,1\nB,C,3\nZ,C,1\n");
        Cli.Run r = Cli.run("rollup", "--observations", obs.toString(), "--rule", "none", "--stations", map.toString())
                .assertNoStackTrace();
        assertEquals(0, r.code(), r::err);
        // Z has no readings, so no result: the weighted mean is over A and B, (1·A + 3·30) / 4
        Map<String, String> c = byKey(r.rows()).get("C|2023|mean");
        assertEquals((A_MEAN + 3 * 30) / 4, Double.parseDouble(c.get("value")), 1e-12);
        assertEquals("weighted mean of 2 of 2 stations", c.get("detail"));
        assertTrue(r.err().contains("citykpi: note: station Z of " + map + " has no readings"), r::err);
    }

    @Test
    void jsonListsEachCitysStationsAndTheVariableOfTheMap() throws IOException {
        Path ppb = Cli.write(
                dir,
                "no2.csv",
                "station,time,property,value,unit\nS,2023-01-01T00:00:00Z,NO2,10,ppb\nS,2023-01-01T01:00:00Z,NO2,20,ppb\n");
        Cli.Run r = Cli.run(
                        "rollup",
                        "--observations",
                        ppb.toString(),
                        "--rule",
                        "none",
                        "--map",
                        "u4ssc",
                        "--city",
                        "T",
                        "--format",
                        "json")
                .assertNoStackTrace();
        assertEquals(0, r.code(), r::err);
        JsonNode root = json(r.out());
        assertEquals("citykpi-rollup/1", root.get("format").asText());
        assertEquals("none", root.get("settings").get("rule").asText());
        JsonNode station = root.get("results").get(0);
        assertEquals("S", station.get("entity").asText());
        assertEquals(15.0, station.get("value").asDouble(), 1e-12); // (10 + 20) / 2 ppb
        assertEquals("ppb", station.get("unit").asText());
        // the U4SSC factor: NO2 ppb × 1.9 µg/m³
        assertEquals("no2_ugm3", station.get("variable").get("id").asText());
        assertEquals(15.0 * 1.9, station.get("variable").get("value").asDouble(), 1e-12);
        JsonNode city = root.get("results").get(1);
        assertEquals("T", city.get("entity").asText());
        assertEquals("S", city.get("stations").get(0).get("station").asText());
        assertTrue(city.get("stations").get(0).get("used").asBoolean());
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void aReadingOutsideTheYearIsSkippedAndABadOneRejectedWithItsPosition() throws IOException {
        Path bad = Cli.write(
                dir,
                "bad.csv",
                "station,time,property,value\nA,2023-01-01T00:00:00Z,pm25,1x0\nA,2022-12-31T23:00:00Z,pm25,5\n"
                        + "A,2023-01-01T01:00:00Z,pm25,7\n");
        Cli.Run r = Cli.run("rollup", "--observations", bad.toString(), "--year", "2023", "--rule", "none")
                .assertNoStackTrace();
        assertEquals(1, r.code(), r::err);
        assertTrue(
                r.err()
                        .contains(bad + ":2:4: not a number '1x0' (expected a number with '.' as decimal separator,"
                                + " or use --decimal-comma)"),
                r::err);
        assertTrue(
                r.err().contains("citykpi: 3 rows read: 1 accepted, 1 rejected, 1 skipped (1 outside 2023)"), r::err);
        assertEquals("7", byKey(r.rows()).get("A|2023|mean").get("value"));
        Cli.Run strict = Cli.run("rollup", "--observations", bad.toString(), "--strict");
        assertEquals(1, strict.code());
        assertEquals("", strict.out());
    }

    @Test
    void badUsageAndUnreadableInputs() throws IOException {
        assertEquals(2, Cli.run("rollup").code());
        Cli.Run stat = Cli.run("rollup", "--observations", obs.toString(), "--statistic", "median");
        assertEquals(2, stat.code());
        assertTrue(stat.err().startsWith("citykpi: --statistic: unknown statistic 'median'"), stat::err);
        assertEquals(
                2,
                Cli.run("rollup", "--observations", obs.toString(), "--rule", "who")
                        .code());
        assertEquals(
                2,
                Cli.run("rollup", "--observations", obs.toString(), "--zone", "Mars/Base")
                        .code());
        assertEquals(
                2,
                Cli.run("rollup", "--observations", obs.toString(), "--city", "C", "--stations", obs.toString())
                        .code());
        assertEquals(
                2,
                Cli.run("rollup", "--observations", obs.toString(), "--format", "xml")
                        .code());
        Cli.Run missing =
                Cli.run("rollup", "--observations", dir.resolve("none.csv").toString());
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("none.csv: cannot read observations (no such file)"), missing::err);
        Path map = Cli.write(dir, "m.csv", "property,statistic,variable\npm25,mean,a\npm25,mean,b\n");
        Cli.Run twice = Cli.run("rollup", "--observations", obs.toString(), "--map", map.toString());
        assertEquals(3, twice.code());
        assertTrue(
                twice.err().contains(map + ":3:1: (pm25, mean) is mapped twice: line 2 maps it already"), twice::err);
    }
}
