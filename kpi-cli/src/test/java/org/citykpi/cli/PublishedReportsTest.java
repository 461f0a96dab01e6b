package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * KPI values published in real U4SSC verification reports and factsheets, fed in as reported values
 * (named by their published code) with published targets, scored through {@code citykpi} as the
 * U4SSC rules say. Every number and its source is in {@code golden/published-kpi-scores.csv}; the
 * published band table for fixed broadband is read from the test resource {@code
 * u4ssc-scoring/fixed-broadband-target.csv} (Mashhad fact sheet 2021 p.15).
 *
 * <p>What we could find published is thin: verification reports print each KPI's value, but its
 * benchmark (band) only as a coloured graphic, so the text gives no band per KPI. Published
 * targets exist for fixed broadband (60 %, with its band ranges in the Mashhad factsheet) and, by
 * way of the SDGs, for universal access KPIs. The published roll-up examples are in {@link
 * ScoreCommandTest#publishedAggregationExamples()}.
 */
class PublishedReportsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/golden/published-kpi-scores.csv", numLinesToSkip = 1)
    void publishedValueScoredAsU4sscSays(
            String name,
            String code,
            double value,
            double target,
            double attainment,
            int points,
            String band,
            String valueSource,
            String targetSource)
            throws IOException {
        Path data = Cli.write(
                dir, "data.csv", "entity,period,variable,value\n" + name + ",2020," + code + "," + value + "\n");
        Path targets =
                Cli.write(dir, "targets.csv", "kpi,target,source\n" + code + "," + target + "," + targetSource + "\n");
        Cli.Run run = Cli.run(
                        "compute",
                        "--data",
                        data.toString(),
                        "--catalog",
                        "u4ssc",
                        "--targets",
                        targets.toString(),
                        "--only",
                        code,
                        "--format",
                        "json")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        JsonNode r = new ObjectMapper().readTree(run.out()).get("results").get(0);
        assertEquals(code.replace(": ", "."), r.get("kpi").asText());
        assertEquals("reported", r.get("status").asText(), "fed in as a reported value: " + valueSource);
        assertEquals(value, r.get("value").asDouble(), 0);
        assertEquals(attainment, r.get("attainment").asDouble(), 1e-9);
        assertEquals(points, r.get("points").asInt());
        assertEquals(band, r.get("band").asText());
    }

    /**
     * The Mashhad factsheet prints, for the fixed-broadband target of 60 %, the value range of each
     * band. Values 0.05 inside both ends of each printed range land in that band.
     */
    @Test
    void publishedFixedBroadbandBandRangesAreReproduced() throws IOException {
        Path ref = Cli.resource("/u4ssc-scoring/fixed-broadband-target.csv");
        List<Map<String, String>> bands = Cli.records(Files.readString(ref, StandardCharsets.UTF_8));
        assertEquals(4, bands.size());
        StringBuilder data = new StringBuilder("entity,period,variable,value\n");
        List<String[]> want = new ArrayList<>();
        for (Map<String, String> b : bands) {
            assertEquals("60", b.get("target_value"));
            String label = ScoreCommandTest.band(b.get("band_label").replace("Less than 33", "0 – 33"));
            for (String edge : List.of("derived_lower", "derived_upper")) {
                if (b.get(edge).isEmpty()) {
                    continue;
                }
                double v = Double.parseDouble(b.get(edge)) + (edge.equals("derived_lower") ? 0.05 : -0.05);
                String entity = "e" + want.size();
                data.append(entity).append(",2021,EC: ICT: ICT: 2C,").append(v).append('\n');
                want.add(new String[] {entity, label, b.get("actual_range_as_printed")});
            }
        }
        // 33 %, 66 %, 95 % of 60 are the printed edges 19.8, 39.6, 57.0: two values per bounded range,
        // one for the open ones
        assertEquals(6, want.size());
        Path d = Cli.write(dir, "d.csv", data.toString());
        Path t = Cli.write(dir, "t.csv", "kpi,target\nEC: ICT: ICT: 2C,60\n");
        Cli.Run run = Cli.run(
                        "compute",
                        "--data",
                        d.toString(),
                        "--targets",
                        t.toString(),
                        "--only",
                        "EC.ICT.ICT.2C",
                        "--format",
                        "json")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
        for (String[] w : want) {
            JsonNode hit = null;
            for (JsonNode n : results) {
                if (n.get("entity").asText().equals(w[0])) {
                    hit = n;
                }
            }
            assertTrue(hit != null, w[0]);
            assertEquals(w[1], hit.get("band").asText(), "printed range " + w[2] + ": " + hit);
        }
    }

    /**
     * Karmøy's water and sanitation KPIs (Verification Report 2020 p.14) rolled up: the three with a
     * published (SDG) target score 4 points each; Water Supply Loss (35.42 %) and Wastewater
     * Collection (81.57 %) have no published target and are left out, as U4SSC leaves out KPIs it
     * cannot score. Hand calculation: 12 / (4 × 3) = 100 % → 95+.
     */
    @Test
    void karmoyWaterAndSanitationRollUp() throws IOException {
        // values: Karmøy VR 2020 p.14,
        // https://itu.int/en/publications/Documents/tsb/2020-U4SSC-Verification-Report-Karmoy-Norway/files/basic-html/page14.html
        Path d = Cli.write(
                dir,
                "karmoy.csv",
                "entity,period,variable,value\n"
                        + "karmoy,2020,EC: I: WS: 1C,100.00\n"
                        + "karmoy,2020,EC: I: WS: 2C,97.07\n"
                        + "karmoy,2020,EC: I: WS: 3C,35.42\n"
                        + "karmoy,2020,EC: I: WS: 4C,81.57\n"
                        + "karmoy,2020,EC: I: WS: 5C,100.00\n");
        // targets: SDG 1.4, 6.1, 6.2 (A/RES/70/1), universal access = 100 %
        Path t = Cli.write(
                dir,
                "t.csv",
                "kpi,target,source\nEC: I: WS: 1C,100,SDG 1.4\nEC: I: WS: 2C,100,SDG 6.1\nEC: I: WS: 5C,100,SDG 6.2\n");
        Cli.Run run = Cli.run("score", "--data", d.toString(), "--targets", t.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        Map<String, String> ws =
                ScoreCommandTest.find(run.rows(), "karmoy", "category", "Water and Sanitation (Infrastructure)");
        // the catalog's Infrastructure water and sanitation category has the five EC: I: WS KPIs
        assertEquals("5", ws.get("kpis_total"));
        assertEquals("3", ws.get("kpis_scored"));
        assertEquals("12", ws.get("points"));
        assertEquals("12", ws.get("max_points"));
        assertEquals(100.0, Double.parseDouble(ws.get("score_pct")), 0);
        assertEquals("95+", ws.get("band"));
    }
}
