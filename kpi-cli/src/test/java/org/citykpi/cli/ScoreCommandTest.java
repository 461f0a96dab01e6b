package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code citykpi score}: the U4SSC roll-up (points / (4 × KPIs scored), banded like a KPI), the
 * published aggregation examples of the test resource {@code u4ssc-scoring/aggregation-examples.csv}, the
 * band labels and boundaries, and the exit codes.
 */
class ScoreCommandTest {
    @TempDir
    Path dir;

    /**
     * A catalog with one category of four reported-only KPIs (Education, as in the published
     * example) and four one-KPI categories, all higher-is-better.
     */
    static String catalog() {
        StringBuilder sb = new StringBuilder(
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"score-test\",\"version\":\"1\",\"variables\":[],\n"
                        + "\"indicators\":[\n");
        List<String> inds = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            inds.add(indicator("E" + k, "Society and Culture", "Education, Health and Culture", "Education"));
        }
        for (int k = 1; k <= 4; k++) {
            inds.add(indicator("B" + k, "Economy", "Band " + k, "Band category " + k));
        }
        sb.append(String.join(",\n", inds)).append("]}\n");
        return sb.toString();
    }

    static String indicator(String id, String dimension, String sub, String category) {
        return "{\"id\":\"" + id + "\",\"name\":\"KPI " + id + "\",\"unit\":\"%\",\"direction\":\"higher\","
                + "\"formula\":\"" + id + "\",\"dimension\":\"" + dimension + "\",\"sub_dimension\":\"" + sub
                + "\",\"category\":\"" + category + "\",\"tier\":\"core\"}";
    }

    /**
     * A value that earns {@code points} against a target of 100 (attainment = value): the middle of
     * each band of the test resource {@code u4ssc-scoring/scoring-bands.csv} — [0,33) 1 pt, [33,66) 2, [66,95)
     * 3, [95,∞) 4.
     */
    static String valueFor(int points) {
        switch (points) {
            case 1:
                return "20";
            case 2:
                return "50";
            case 3:
                return "80";
            default:
                return "100";
        }
    }

    /** Turns a published band label ("33 – 66 % of target", "95 + % of target") into ours. */
    static String band(String published) {
        return published
                .replace("% of target", "")
                .replace("–", "-")
                .replace(" ", "")
                .strip();
    }

    /**
     * Reproduces each published aggregation example: the KPIs of a category earn the published
     * points, KPIs not reported are left out, and the category scores total / (4 × reported),
     * banded. Expected numbers: aggregation-examples.csv (U4SSC Factsheet Pully 2020 p.12).
     */
    @Test
    void publishedAggregationExamples() throws IOException {
        Path ref = Cli.resource("/u4ssc-scoring/aggregation-examples.csv");
        List<Map<String, String>> examples = Cli.records(Files.readString(ref, StandardCharsets.UTF_8));
        assertEquals(2, examples.size(), "the reference has two examples");
        Path cat = Cli.write(dir, "cat.json", catalog());
        StringBuilder data = new StringBuilder("entity,period,variable,value\n");
        StringBuilder targets = new StringBuilder("kpi,target,source\n");
        for (int k = 1; k <= 4; k++) {
            targets.append("E").append(k).append(",100,test\n");
        }
        for (int e = 0; e < examples.size(); e++) {
            Map<String, String> ex = examples.get(e);
            assertEquals("4", ex.get("kpis_in_category"));
            String[] points = ex.get("points_per_reported_kpi").split(";");
            assertEquals(Integer.parseInt(ex.get("kpis_reported")), points.length);
            for (int k = 0; k < points.length; k++) {
                data.append("example").append(e).append(",2020,E").append(k + 1).append(',');
                data.append(valueFor(Integer.parseInt(points[k]))).append('\n');
            }
        }
        Path d = Cli.write(dir, "data.csv", data.toString());
        Path t = Cli.write(dir, "targets.csv", targets.toString());
        Cli.Run run = Cli.run("score", "--data", d.toString(), "--catalog", cat.toString(), "--targets", t.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        assertEquals(Cli.SCORE_HEADER, Cli.header(run.out()));
        for (int e = 0; e < examples.size(); e++) {
            Map<String, String> ex = examples.get(e);
            Map<String, String> row = find(run.rows(), "example" + e, "category", "Education");
            assertEquals(ex.get("kpis_in_category"), row.get("kpis_total"), ex.get("example"));
            assertEquals(ex.get("kpis_reported"), row.get("kpis_scored"), ex.get("example"));
            assertEquals(ex.get("total_points"), row.get("points"), ex.get("example"));
            assertEquals(ex.get("max_points"), row.get("max_points"), ex.get("example"));
            assertEquals(Double.parseDouble(ex.get("score_pct")), Double.parseDouble(row.get("score_pct")), 1e-12);
            assertEquals(band(ex.get("reported_band")), row.get("band"), ex.get("example"));
        }
        // written out, so that a change to the reference file cannot hide a wrong reading of it:
        // 1+3+4+1 = 9 of 16 = 56.25 % -> 33-66; 3+4+2 = 9 of 12 = 75 % -> 66-95
        Map<String, String> all = find(run.rows(), "example0", "category", "Education");
        assertEquals("56.25", all.get("score_pct"));
        assertEquals("33-66", all.get("band"));
        Map<String, String> three = find(run.rows(), "example1", "category", "Education");
        assertEquals("75", three.get("score_pct").replaceAll("\\.0+$", ""));
        assertEquals("66-95", three.get("band"));
        // the roll-up repeats at sub-dimension and dimension (one category each here)
        assertEquals(
                "56.25",
                find(run.rows(), "example0", "sub_dimension", "Education, Health and Culture")
                        .get("score_pct"));
        assertEquals(
                "9",
                find(run.rows(), "example0", "dimension", "Society and Culture").get("points"));
    }

    static Map<String, String> find(List<Map<String, String>> rows, String entity, String level, String group) {
        for (Map<String, String> r : rows) {
            if (r.get("entity").equals(entity)
                    && r.get("level").equals(level)
                    && r.get("group").equals(group)) {
                return r;
            }
        }
        throw new AssertionError("no " + level + " row " + group + " for " + entity + " in " + rows);
    }

    /** The four band labels, exactly as the command contract spells them (docs/cli.md), one per one-KPI category. */
    @Test
    void bandLabelsAreExact() throws IOException {
        Path cat = Cli.write(dir, "cat.json", catalog());
        Path d = Cli.write(
                dir,
                "data.csv",
                "entity,period,variable,value\nx,2022,B1,20\nx,2022,B2,50\nx,2022,B3,80\nx,2022,B4,100\n");
        Path t = Cli.write(dir, "t.csv", "kpi,target\nB1,100\nB2,100\nB3,100\nB4,100\n");
        Cli.Run run = Cli.run(
                        "score",
                        "--data",
                        d.toString(),
                        "--catalog",
                        cat.toString(),
                        "--targets",
                        t.toString(),
                        "--out",
                        dir.resolve("s.csv").toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        List<Map<String, String>> rows = Cli.records(dir.resolve("s.csv"));
        // 20 %, 50 %, 80 %, 100 % of target -> 1, 2, 3, 4 points -> 25 %, 50 %, 75 %, 100 % of the
        // maximum -> bands 0-33, 33-66, 66-95, 95+
        String[] want = {"0-33", "33-66", "66-95", "95+"};
        String[] pct = {"25", "50", "75", "100"};
        for (int k = 1; k <= 4; k++) {
            Map<String, String> r = find(rows, "x", "category", "Band category " + k);
            assertEquals(String.valueOf(k), r.get("points"));
            assertEquals("4", r.get("max_points"));
            assertEquals(Double.parseDouble(pct[k - 1]), Double.parseDouble(r.get("score_pct")), 1e-12);
            assertEquals(want[k - 1], r.get("band"));
        }
        Set<String> bands = new LinkedHashSet<>();
        for (Map<String, String> r : rows) {
            bands.add(r.get("band"));
        }
        // Education has no value at all: nothing scored, no percentage, no band
        Map<String, String> edu = find(rows, "x", "category", "Education");
        assertEquals("4", edu.get("kpis_total"));
        assertEquals("0", edu.get("kpis_scored"));
        assertEquals("", edu.get("score_pct"));
        assertEquals("", edu.get("band"));
        assertTrue(Set.of("0-33", "33-66", "66-95", "95+", "").containsAll(bands), bands.toString());
    }

    /**
     * Band edges: docs/cli.md reads the published "0 – 33, 33 – 66, 66 – 95, 95 +" as [0,33), [33,66),
     * [66,95), [95,∞), so an edge value belongs to the band above it.
     */
    @ParameterizedTest
    @CsvSource({"0, 1", "32.999, 1", "33, 2", "65.999, 2", "66, 3", "94.999, 3", "95, 4", "100, 4", "250, 4"})
    void bandEdgesThroughCompute(String value, String points) throws IOException {
        Path cat = Cli.write(dir, "cat.json", catalog());
        Path d = Cli.write(dir, "data.csv", "entity,period,variable,value\nx,2022,B1," + value + "\n");
        Path t = Cli.write(dir, "t.csv", "kpi,target\nB1,100\n");
        Cli.Run run = Cli.run(
                        "compute",
                        "--data",
                        d.toString(),
                        "--catalog",
                        cat.toString(),
                        "--targets",
                        t.toString(),
                        "--only",
                        "B1")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        Map<String, String> r = run.rows().get(0);
        // target 100: attainment = value
        assertEquals(Double.parseDouble(value), Double.parseDouble(r.get("attainment")), 1e-9);
        assertEquals(points, r.get("points"));
    }

    @Test
    void jsonFormat() throws IOException {
        Path cat = Cli.write(dir, "cat.json", catalog());
        Path d = Cli.write(dir, "data.csv", "entity,period,variable,value\nx,2022,E1,80\nx,2022,E2,100\n");
        Path t = Cli.write(dir, "t.csv", "kpi,target\nE1,100\nE2,100\n");
        Cli.Run run = Cli.run(
                        "score",
                        "--data",
                        d.toString(),
                        "--catalog",
                        cat.toString(),
                        "--targets",
                        t.toString(),
                        "--format",
                        "json")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("citykpi-scores/1", root.get("format").asText());
        JsonNode edu = null;
        for (JsonNode n : root.findParents("group")) {
            if (n.get("group").asText().equals("Education")
                    && n.get("level").asText().equals("category")) {
                edu = n;
            }
        }
        assertNotNull(edu, run.out());
        // 3 + 4 = 7 of 8 = 87.5 % -> 66-95
        assertEquals(7, edu.get("points").asInt());
        assertEquals(8, edu.get("max_points").asInt());
        assertEquals("66-95", edu.get("band").asText());
    }

    @Test
    void sampleCityScoresWithTheSampleTargets() {
        Cli.Run run = Cli.run(
                        "score",
                        "--data",
                        Cli.sampleData("sample-city.csv").toString(),
                        "--catalog",
                        "u4ssc",
                        "--targets",
                        Cli.sampleData("sample-targets.csv").toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        List<Map<String, String>> rows = run.rows();
        Set<String> dims = new LinkedHashSet<>();
        for (Map<String, String> r : rows) {
            assertTrue(Set.of("category", "sub_dimension", "dimension").contains(r.get("level")));
            int scored = Integer.parseInt(r.get("kpis_scored"));
            assertTrue(scored <= Integer.parseInt(r.get("kpis_total")), r.toString());
            assertEquals(4 * scored, Integer.parseInt(r.get("max_points")), r.toString());
            if (r.get("level").equals("dimension")) {
                dims.add(r.get("group"));
            }
        }
        // U4SSC has three dimensions
        assertEquals(Set.of("Economy", "Environment", "Society and Culture"), dims);
        // each year rolls up all 91 KPIs across the three dimensions
        int total2022 = 0;
        for (Map<String, String> r : rows) {
            if (r.get("level").equals("dimension") && r.get("period").equals("2022")) {
                total2022 += Integer.parseInt(r.get("kpis_total"));
            }
        }
        assertEquals(91, total2022);
    }

    @Test
    void usageAndUnreadableInputs() throws IOException {
        Path cat = Cli.write(dir, "cat.json", catalog());
        Path d = Cli.write(dir, "data.csv", "entity,period,variable,value\nx,2022,E1,80\n");
        Path t = Cli.write(dir, "t.csv", "kpi,target\nE1,100\n");
        // --targets is required for score
        Cli.Run noTargets = Cli.run("score", "--data", d.toString(), "--catalog", cat.toString())
                .assertNoStackTrace();
        assertEquals(2, noTargets.code());
        assertTrue(noTargets.err().contains("--targets"), noTargets.err());
        Cli.Run badFormat = Cli.run(
                        "score",
                        "--data",
                        d.toString(),
                        "--catalog",
                        cat.toString(),
                        "--targets",
                        t.toString(),
                        "--format",
                        "ngsi-ld")
                .assertNoStackTrace();
        assertEquals(2, badFormat.code());
        Cli.Run missingTargets = Cli.run(
                        "score",
                        "--data",
                        d.toString(),
                        "--catalog",
                        cat.toString(),
                        "--targets",
                        dir.resolve("none.csv").toString())
                .assertNoStackTrace();
        assertEquals(3, missingTargets.code());
        assertTrue(missingTargets.err().contains("none.csv"), missingTargets.err());
        // a target that is not a number: positioned, exit 1, the rest still scored
        Path badT = Cli.write(dir, "bad-targets.csv", "kpi,target\nE1,100\nE2,lots\n");
        Cli.Run badTarget = Cli.run(
                        "score", "--data", d.toString(), "--catalog", cat.toString(), "--targets", badT.toString())
                .assertNoStackTrace();
        assertEquals(1, badTarget.code(), badTarget.err());
        assertTrue(badTarget.err().contains("bad-targets.csv:3:2"), badTarget.err());
        Map<String, String> edu = find(badTarget.rows(), "x", "category", "Education");
        // E1 = 80 of 100 -> 3 points of 4
        assertEquals("3", edu.get("points"));
        assertFalse(edu.get("band").isEmpty());
    }
}
