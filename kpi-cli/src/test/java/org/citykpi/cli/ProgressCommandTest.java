package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code citykpi progress} on the worked example of {@code docs/reference/progress-methods.md} §5.6
 * — PM2.5 (a reported-only indicator, lower is better) 20 in 2015, 16 in 2022, target 10 by 2030 —
 * called as a script would call it.
 */
class ProgressCommandTest {
    static final String HEADER = "entity,kpi,method,base_period,latest_period,base_value,latest_value,target,"
            + "target_period,measure,category";

    @TempDir
    Path dir;

    Path catalog;
    Path data;
    Path targets;
    String err;

    @BeforeEach
    void files() throws IOException {
        catalog = write(
                "pc.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\"variables\":[],\n"
                        + " \"indicators\":[{\"id\":\"PM25\",\"name\":\"PM2.5 annual mean\",\"unit\":\"ug/m3\","
                        + "\"direction\":\"lower\",\"formula\":\"PM25\"}]}\n");
        data = write("p.csv", "entity,period,variable,value\nc,2015,PM25,20\nc,2022,PM25,16\n");
        targets = write("pt.csv", "kpi,target,target_period,baseline_period\nPM25,10,2030,2015\n");
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    int run(String... args) {
        CommandLine cl = CityKpiCommand.commandLine();
        StringWriter sw = new StringWriter();
        cl.setErr(new PrintWriter(sw, true));
        int rc = cl.execute(args);
        err = sw.toString();
        return rc;
    }

    List<Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(HEADER, lines.get(0));
        String[] head = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                m.put(head[i], cells[i]);
            }
            out.add(m);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // Eurostat: R = −(0.8^(1/7) − 1)/|0.5^(1/15) − 1| = 0.6947748 (reference 0.695), [0.60, 0.95)
        "eurostat, 0.6947747659, moderate_progress",
        // Statistics Canada: same ratio, "progress made but acceleration needed"
        "statcan,  0.6947747659, acceleration_needed",
        // UNSD: v̂2030 = 16·0.8^(8/7) = 12.3984; (12.3984 − 20)/(10 − 20) = 0.7601599 (reference 0.760)
        "unsd,     0.7601598900, fair_progress",
        // ESCAP current status: (16 − 20)/(10 − 20) = 0.4 < expected (2022 − 2015)/15 = 0.467
        "escap-cs, 0.4,          behind",
        // ESCAP anticipated (regression through the two points): ŷ2030 = 11.428571, gap 0.1428571
        "escap-ap, 0.1428571429, accelerate",
        // SDSN: (4/7)/(10/15) = 0.8571429 of the required yearly change
        "sdsn,     0.8571428571, moderately_improving"
    })
    void workedExampleByEveryMethod(String method, double measure, String category) throws IOException {
        Path out = dir.resolve(method + ".csv");
        int rc = run(
                "progress",
                "--data",
                data.toString(),
                "--catalog",
                catalog.toString(),
                "--targets",
                targets.toString(),
                "--method",
                method,
                "--out",
                out.toString());
        assertEquals(0, rc, err);
        List<Map<String, String>> rows = rows(out);
        assertEquals(1, rows.size());
        Map<String, String> r = rows.get(0);
        assertEquals("c", r.get("entity"));
        assertEquals("PM25", r.get("kpi"));
        assertEquals(method, r.get("method"));
        assertEquals("2015", r.get("base_period"));
        assertEquals("2022", r.get("latest_period"));
        assertEquals("20", r.get("base_value"));
        assertEquals("16", r.get("latest_value"));
        assertEquals("10", r.get("target"));
        assertEquals("2030", r.get("target_period"));
        assertEquals(measure, Double.parseDouble(r.get("measure")), 1e-9);
        assertEquals(category, r.get("category"));
        assertTrue(err.contains("citykpi: 2 rows read: 2 accepted, 0 rejected"), err);
    }

    @Test
    void periodOptionsOverrideTheTargetsFile() throws IOException {
        Path out = dir.resolve("o.csv");
        int rc = run(
                "progress",
                "--data",
                data.toString(),
                "--catalog",
                catalog.toString(),
                "--targets",
                targets.toString(),
                "--method",
                "eurostat",
                "--target-year",
                "2025",
                "--out",
                out.toString());
        assertEquals(0, rc, err);
        // target due 2025: CAGRᵣ = 0.5^(1/10) − 1 = −0.0669670; R = 0.0313749/0.0669670 = 0.4685130
        Map<String, String> r = rows(out).get(0);
        assertEquals(0.4685130006, Double.parseDouble(r.get("measure")), 1e-9);
        assertEquals("insufficient_progress", r.get("category"));
        assertEquals("2025", r.get("target_period"));
    }

    @Test
    void withoutTargetsTheNoTargetRulesApply() throws IOException {
        Path out = dir.resolve("o.csv");
        int rc = run(
                "progress",
                "--data",
                data.toString(),
                "--catalog",
                catalog.toString(),
                "--method",
                "eurostat",
                "--out",
                out.toString());
        assertEquals(0, rc, err);
        // d·CAGRₐ = +0.0313749 > 1 % → significant progress; no target → empty target cells
        Map<String, String> r = rows(out).get(0);
        assertEquals(0.0313749141, Double.parseDouble(r.get("measure")), 1e-9);
        assertEquals("significant_progress", r.get("category"));
        assertEquals("", r.get("target"));
        assertEquals("", r.get("target_period"));
    }

    @Test
    void jsonCarriesScoreAndReason() throws IOException {
        Path more = write("m.csv", "entity,period,variable,value\nc,2015,PM25,20\nc,2022,PM25,16\nd,2022,PM25,30\n");
        Path out = dir.resolve("o.json");
        int rc = run(
                "progress",
                "--data",
                more.toString(),
                "--catalog",
                catalog.toString(),
                "--targets",
                targets.toString(),
                "--method",
                "statcan",
                "--format",
                "json",
                "--out",
                out.toString());
        assertEquals(0, rc, err);
        String json = Files.readString(out);
        assertTrue(json.contains("\"format\" : \"citykpi-progress/1\""), json);
        // score 50/7·0.6947748 − 30/7 = 0.6769626
        assertTrue(json.contains("\"score\" : 0.67696261"), json);
        assertTrue(json.contains("at least two periods are needed"), json);
        assertTrue(err.contains("citykpi: d PM25: unable to assess by statcan: only one observation"), err);
        assertTrue(err.contains("2 series assessed by statcan, 1 unable to assess"), err);
    }

    @Test
    void rejectedRowsGiveExitOneWithOutputAndPosition() throws IOException {
        Path bad = write("bad.csv", "entity,period,variable,value\nc,2015,PM25,20\nc,2022,PM25,1x6\n");
        Path out = dir.resolve("o.csv");
        int rc = run(
                "progress",
                "--data",
                bad.toString(),
                "--catalog",
                catalog.toString(),
                "--method",
                "sdsn",
                "--out",
                out.toString());
        assertEquals(1, rc, err);
        assertTrue(err.contains("bad.csv:3:"), err);
        // one value left: unable to assess, and SDSN needs a target anyway
        assertEquals("unable_to_assess", rows(out).get(0).get("category"));
    }

    @Test
    void badUsageAndUnreadableInputs() {
        assertEquals(
                2, run("progress", "--data", data.toString(), "--catalog", catalog.toString(), "--method", "oecd"));
        assertTrue(err.contains("not a progress method 'oecd'"), err);
        assertEquals(
                2,
                run(
                        "progress",
                        "--data",
                        data.toString(),
                        "--catalog",
                        catalog.toString(),
                        "--method",
                        "sdsn",
                        "--base-year",
                        "20x5"));
        assertTrue(err.contains("--base-year: not a period '20x5'"), err);
        assertEquals(
                2,
                run(
                        "progress",
                        "--data",
                        data.toString(),
                        "--catalog",
                        catalog.toString(),
                        "--method",
                        "sdsn",
                        "--base-year",
                        "2030",
                        "--target-year",
                        "2020"));
        assertEquals(
                2,
                run(
                        "progress",
                        "--data",
                        data.toString(),
                        "--catalog",
                        catalog.toString(),
                        "--method",
                        "sdsn",
                        "--format",
                        "xml"));
        assertEquals(2, run("progress", "--data", data.toString()));
        assertEquals(
                3,
                run(
                        "progress",
                        "--data",
                        dir.resolve("nope.csv").toString(),
                        "--catalog",
                        catalog.toString(),
                        "--method",
                        "sdsn"));
        assertTrue(err.contains("nope.csv: cannot read data (no such file)"), err);
        assertEquals(
                3,
                run(
                        "progress",
                        "--data",
                        data.toString(),
                        "--catalog",
                        catalog.toString(),
                        "--targets",
                        dir.resolve("none.csv").toString(),
                        "--method",
                        "sdsn"));
        assertFalse(err.isEmpty());
    }
}
