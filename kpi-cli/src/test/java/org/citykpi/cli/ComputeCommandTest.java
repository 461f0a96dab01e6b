package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.io.json.CatalogJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code citykpi compute} end to end, in-process: a catalog a user wrote, over a long CSV; the
 * U4SSC catalog over the sample city; the output formats, {@code --only}, reported values and
 * targets named by published code, and the exit codes of docs/cli.md.
 */
class ComputeCommandTest {
    /**
     * Three indicators, one referring to another (GAP = 100 − NET), as a user would write them.
     */
    static final String USER_CATALOG = "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\n"
            + " \"variables\":[{\"id\":\"hh\",\"unit\":\"households\"},{\"id\":\"hh_net\",\"unit\":\"households\"},"
            + "{\"id\":\"pop\",\"unit\":\"persons\"},{\"id\":\"deaths\",\"unit\":\"persons\"}],\n"
            + " \"indicators\":[\n"
            + "  {\"id\":\"NET\",\"name\":\"Household internet access\",\"unit\":\"%\",\"direction\":\"higher\","
            + "\"formula\":\"100 * hh_net / hh\"},\n"
            + "  {\"id\":\"MORT\",\"name\":\"Deaths per 100 000\",\"unit\":\"per 100 000\",\"direction\":\"lower\","
            + "\"formula\":\"100000 * deaths / pop\"},\n"
            + "  {\"id\":\"GAP\",\"name\":\"Offline households\",\"unit\":\"%\",\"direction\":\"lower\","
            + "\"formula\":\"100 - NET\"}]}\n";

    /** Entity a has everything; b has zero households and no deaths figure. */
    static final String DATA = "entity,period,variable,value\n"
            + "a,2021,hh,200\na,2021,hh_net,150\na,2021,pop,50000\na,2021,deaths,12\n"
            + "b,2021,hh,0\nb,2021,hh_net,0\nb,2021,pop,1000\n";

    @TempDir
    Path dir;

    Path catalog;
    Path data;

    @BeforeEach
    void files() throws IOException {
        catalog = Cli.write(dir, "cat.json", USER_CATALOG);
        data = Cli.write(dir, "data.csv", DATA);
    }

    static Map<String, Map<String, String>> byEntityKpi(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> m = new HashMap<>();
        for (Map<String, String> r : rows) {
            m.put(r.get("entity") + "|" + r.get("period") + "|" + r.get("kpi"), r);
        }
        return m;
    }

    @Test
    void userCatalogGivesExactValuesAndCauses() throws IOException {
        Path out = dir.resolve("out.csv");
        Cli.Run run = Cli.run(
                        "compute", "--data", data.toString(), "--catalog", catalog.toString(), "--out", out.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        assertEquals(Cli.COMPUTE_HEADER, Cli.header(Files.readString(out)));
        assertTrue(run.err().contains("7 rows read: 7 accepted, 0 rejected"), run.err());
        Map<String, Map<String, String>> r = byEntityKpi(Cli.records(out));
        assertEquals(6, r.size(), "2 entities x 3 KPIs");
        // a: NET = 100 * 150 / 200 = 75; MORT = 100000 * 12 / 50000 = 24; GAP = 100 - 75 = 25
        assertEquals(75.0, Double.parseDouble(r.get("a|2021|NET").get("value")), 1e-12);
        assertEquals(24.0, Double.parseDouble(r.get("a|2021|MORT").get("value")), 1e-12);
        assertEquals(25.0, Double.parseDouble(r.get("a|2021|GAP").get("value")), 1e-12);
        assertEquals("ok", r.get("a|2021|GAP").get("status"));
        assertEquals("%", r.get("a|2021|NET").get("unit"));
        assertEquals("Deaths per 100 000", r.get("a|2021|MORT").get("name"));
        // b: hh = 0 -> NET divides by zero; deaths absent -> MORT misses an input, named
        Map<String, String> bNet = r.get("b|2021|NET");
        assertEquals("", bNet.get("value"));
        assertEquals("division_by_zero", bNet.get("status"));
        assertTrue(bNet.get("detail").contains("hh"), bNet.toString());
        Map<String, String> bMort = r.get("b|2021|MORT");
        assertEquals("missing_input", bMort.get("status"));
        assertTrue(bMort.get("detail").contains("deaths"), bMort.toString());
        // GAP reads NET, which has no value: no value either, with a cause, never a silent 100
        Map<String, String> bGap = r.get("b|2021|GAP");
        assertEquals("", bGap.get("value"));
        assertFalse(Set.of("ok", "reported").contains(bGap.get("status")), bGap.toString());
        assertFalse(bGap.get("detail").isEmpty(), bGap.toString());
        // no target given: the scoring cells stay empty
        assertEquals("", r.get("a|2021|NET").get("target"));
        assertEquals("", r.get("a|2021|NET").get("attainment"));
        assertEquals("", r.get("a|2021|NET").get("points"));
    }

    @Test
    void writesToStandardOutputWithoutOut() {
        Cli.Run run = Cli.run("compute", "--data", data.toString(), "--catalog", catalog.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        assertEquals(Cli.COMPUTE_HEADER, Cli.header(run.out()));
        assertEquals(6, run.rows().size());
        // the account goes to stderr, never into the data on stdout
        assertFalse(run.out().contains("rows read"));
        assertTrue(run.err().contains("rows read"));
    }

    @Test
    void aNonNumberIsPositionedAndTheOtherRowsAreStillComputed() throws IOException {
        Path bad = Cli.write(
                dir,
                "bad.csv",
                "entity,period,variable,value\na,2021,hh,200\na,2021,hh_net,1x0\n"
                        + "c,2021,hh,400\nc,2021,hh_net,100\nc,2021,pop,2000\nc,2021,deaths,1\n");
        Path out = dir.resolve("o.csv");
        Cli.Run run = Cli.run(
                        "compute", "--data", bad.toString(), "--catalog", catalog.toString(), "--out", out.toString())
                .assertNoStackTrace();
        assertEquals(1, run.code(), run.err());
        // line 3 (the header is line 1), column 4 (value): FILE:LINE:COLUMN, the raw text, what was expected
        assertTrue(run.err().contains("bad.csv:3:4:"), run.err());
        assertTrue(run.err().contains("1x0"), run.err());
        assertTrue(run.err().contains("6 rows read: 5 accepted, 1 rejected"), run.err());
        Map<String, Map<String, String>> r = byEntityKpi(Cli.records(out));
        // c: NET = 100 * 100 / 400 = 25; MORT = 100000 * 1 / 2000 = 50; GAP = 100 - 25 = 75
        assertEquals(25.0, Double.parseDouble(r.get("c|2021|NET").get("value")), 1e-12);
        assertEquals(50.0, Double.parseDouble(r.get("c|2021|MORT").get("value")), 1e-12);
        assertEquals(75.0, Double.parseDouble(r.get("c|2021|GAP").get("value")), 1e-12);
        // a lost hh_net with the rejected row: its NET says which input is missing
        assertEquals("missing_input", r.get("a|2021|NET").get("status"));
        assertTrue(r.get("a|2021|NET").get("detail").contains("hh_net"));
    }

    @Test
    void strictStopsAtTheFirstErrorWithoutOutput() throws IOException {
        Path bad = Cli.write(
                dir, "bad.csv", "entity,period,variable,value\na,2021,hh,200\na,2021,hh_net,1x0\na,2021,pop,x\n");
        Path out = dir.resolve("strict.csv");
        Cli.Run run = Cli.run(
                        "compute",
                        "--data",
                        bad.toString(),
                        "--catalog",
                        catalog.toString(),
                        "--strict",
                        "--out",
                        out.toString())
                .assertNoStackTrace();
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("bad.csv:3:4:"), run.err());
        // the first problem only: strict mode does not go on to line 4
        assertFalse(run.err().contains("bad.csv:4:"), run.err());
        assertFalse(Files.exists(out), "strict mode writes no output");
        // and on clean data strict mode is exit 0 with output
        Cli.Run clean = Cli.run(
                "compute",
                "--data",
                data.toString(),
                "--catalog",
                catalog.toString(),
                "--strict",
                "--out",
                out.toString());
        assertEquals(0, clean.code(), clean.err());
        assertEquals(6, Cli.records(out).size());
    }

    @Test
    void unreadableInputsAreExit3() throws IOException {
        Cli.Run missing = Cli.run(
                        "compute", "--data", dir.resolve("nope.csv").toString(), "--catalog", catalog.toString())
                .assertNoStackTrace();
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("nope.csv"), missing.err());
        assertEquals("", missing.out());

        Path noValue = Cli.write(dir, "novalue.csv", "entity,period,variable\na,2021,hh\n");
        Cli.Run noCol = Cli.run("compute", "--data", noValue.toString(), "--catalog", catalog.toString())
                .assertNoStackTrace();
        assertEquals(3, noCol.code(), noCol.err());
        assertTrue(noCol.err().contains("novalue.csv:1"), noCol.err());

        // wide layout without an entity column: the required column is named
        Path noEntity = Cli.write(dir, "noentity.csv", "Year,hh,hh_net\n2021,200,100\n");
        Cli.Run noEnt = Cli.run("compute", "--data", noEntity.toString(), "--catalog", catalog.toString())
                .assertNoStackTrace();
        assertEquals(3, noEnt.code(), noEnt.err());
        assertTrue(noEnt.err().contains("noentity.csv:1") && noEnt.err().contains("entity"), noEnt.err());

        Cli.Run noCatalog = Cli.run("compute", "--data", data.toString(), "--catalog", "nope.json")
                .assertNoStackTrace();
        assertEquals(3, noCatalog.code());
        assertTrue(noCatalog.err().contains("nope.json"), noCatalog.err());

        Path broken = Cli.write(dir, "broken.json", "{\"format\":\"citykpi-catalog/1\", \"id\":");
        Cli.Run brokenCatalog = Cli.run("compute", "--data", data.toString(), "--catalog", broken.toString())
                .assertNoStackTrace();
        assertEquals(3, brokenCatalog.code());
        assertTrue(brokenCatalog.err().contains("broken.json:1:"), brokenCatalog.err());

        Path badFormula = Cli.write(
                dir,
                "formula.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\"variables\":[],"
                        + "\"indicators\":[{\"id\":\"A\",\"name\":\"a\",\"unit\":\"%\",\"direction\":\"higher\","
                        + "\"formula\":\"1 +\"}]}");
        Cli.Run formula = Cli.run("compute", "--data", data.toString(), "--catalog", badFormula.toString())
                .assertNoStackTrace();
        assertEquals(3, formula.code());
        // the indicator and the column inside the formula are named
        assertTrue(formula.err().contains("indicator A") && formula.err().contains("column 4"), formula.err());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "compute --catalog CAT", // --data missing
                "compute --data DATA --catalog CAT --bogus", // unknown option after a multi-value option
                "compute --bogus --data DATA --catalog CAT", // unknown option first
                "compute --data DATA --catalog CAT --format xml",
                "compute --data DATA --catalog CAT --only NOPE",
                "compute --data DATA --catalog CAT --out /no/such/dir/out.csv",
                "compute --data", // option without its value
                "frobnicate",
                ""
            })
    void badUsageIsExit2(String line) {
        List<String> args = new ArrayList<>();
        for (String a : line.split(" ")) {
            if (!a.isEmpty()) {
                args.add(a.replace("DATA", data.toString()).replace("CAT", catalog.toString()));
            }
        }
        Cli.Run run = Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
        assertEquals(2, run.code(), line + "\n" + run.err());
        assertFalse(run.err().isBlank(), "a bad usage says why");
        assertFalse(run.out().contains(Cli.COMPUTE_HEADER), "no output on bad usage");
    }

    @Test
    void onlyLimitsOutputToThoseKpisInTheUserCatalog() {
        // GAP reads NET: NET is still computed for it, but only GAP is written
        Cli.Run run = Cli.run("compute", "--data", data.toString(), "--catalog", catalog.toString(), "--only", "GAP")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        List<Map<String, String>> rows = run.rows();
        assertEquals(2, rows.size());
        for (Map<String, String> r : rows) {
            assertEquals("GAP", r.get("kpi"));
        }
        // 100 - 100 * 150 / 200 = 25
        assertEquals(25.0, Double.parseDouble(rows.get(0).get("value")), 1e-12);
    }

    @Test
    void onlyByIdAndByPublishedCodeKeepsThoseKpisAndTheirParts() {
        Cli.Run run = Cli.run(
                        "compute",
                        "--data",
                        Cli.sampleData("sample-city.csv").toString(),
                        "--catalog",
                        "u4ssc",
                        "--only",
                        "EC: ICT: ICT: 1C,EC.ICT.ICT.4C")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        Set<String> kpis = new TreeSet<>();
        for (Map<String, String> r : run.rows()) {
            kpis.add(r.get("kpi"));
        }
        // EC.ICT.ICT.4C has two parts (3G, 4G coverage) in the catalog
        assertEquals(Set.of("EC.ICT.ICT.1C", "EC.ICT.ICT.4C", "EC.ICT.ICT.4C/3G", "EC.ICT.ICT.4C/4G"), kpis);
        // three years of Sampleville, four rows each
        assertEquals(12, run.rows().size());
    }

    @Test
    void reportedValuesAndTargetsByPublishedCode() throws IOException {
        // Fixed broadband reported directly by its published code, target by code too: 45 / 60 = 75 %
        // of target -> [66, 95) -> 3 points (U4SSC bands, test resource u4ssc-scoring/scoring-bands.csv).
        Path d = Cli.write(dir, "r.csv", "entity,period,variable,value\nz,2021,EC: ICT: ICT: 2C,45\n");
        Path t = Cli.write(dir, "t.csv", "kpi,target,source\nEC: ICT: ICT: 2C,60,test\n");
        Cli.Run run = Cli.run("compute", "--data", d.toString(), "--catalog", "u4ssc", "--targets", t.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        Map<String, String> r = byEntityKpi(run.rows()).get("z|2021|EC.ICT.ICT.2C");
        assertNotNull(r);
        assertEquals("reported", r.get("status"));
        assertEquals(45.0, Double.parseDouble(r.get("value")), 0);
        assertEquals(60.0, Double.parseDouble(r.get("target")), 0);
        assertEquals(75.0, Double.parseDouble(r.get("attainment")), 1e-9);
        assertEquals("3", r.get("points"));
        // a KPI with neither data nor a target: a cause, no score
        Map<String, String> other = byEntityKpi(run.rows()).get("z|2021|EC.ICT.ICT.1C");
        assertEquals("missing_input", other.get("status"));
        assertEquals("", other.get("points"));
    }

    /**
     * Wireless broadband coverage (EC.ICT.ICT.4C) takes the value of its headline part, 4G coverage;
     * the data reports the part (70 %), not the indicator. Provenance follows the value: the KPI is
     * {@code reported} in every writer and in the report, and scored as such (70 / 80 = 87.5 % of
     * target, in [66, 95): 3 points, bands of test resource u4ssc-scoring/scoring-bands.csv).
     */
    @Test
    void aKpiTakenFromAReportedHeadlinePartIsReportedInEveryOutput() throws IOException {
        Path d = Cli.write(
                dir,
                "f.csv",
                "entity,period,variable,value\nA,2022,EC.ICT.ICT.4C/4G,70\nA,2022,population_total,100\n");
        Path t = Cli.write(dir, "t.csv", "kpi,target,source\nEC.ICT.ICT.4C,80,test\n");
        String[] args = {
            "--data", d.toString(), "--catalog", "u4ssc", "--only", "EC.ICT.ICT.4C", "--targets", t.toString()
        };
        Cli.Run csv = Cli.run(concat("compute", args)).assertNoStackTrace();
        assertEquals(0, csv.code(), csv.err());
        Map<String, Map<String, String>> rows = byEntityKpi(csv.rows());
        Map<String, String> kpi = rows.get("A|2022|EC.ICT.ICT.4C");
        assertEquals("reported", kpi.get("status"), kpi.toString());
        assertEquals("70", kpi.get("value"));
        assertEquals("3", kpi.get("points"));
        assertEquals("reported", rows.get("A|2022|EC.ICT.ICT.4C/4G").get("status"));

        JsonNode json = new ObjectMapper()
                .readTree(Cli.run(concat("compute", args, "--format", "json")).out())
                .get("results");
        assertEquals("EC.ICT.ICT.4C", json.get(0).get("kpi").asText());
        assertEquals("reported", json.get(0).get("status").asText());
        assertEquals("reported", json.get(0).get("provenance").asText());

        JsonNode ngsi = new ObjectMapper()
                .readTree(
                        Cli.run(concat("compute", args, "--format", "ngsi-ld")).out())
                .get(0);
        assertEquals("manual", ngsi.get("calculationMethod").get("value").asText(), ngsi.toString());
        assertEquals("reported", ngsi.get("kpiStatus").get("value").asText());
        assertEquals("reported", ngsi.get("provenance").get("value").asText());

        Path html = dir.resolve("r.html");
        Cli.Run report = Cli.run("report", "--data", d.toString(), "--targets", t.toString(), "--out", html.toString());
        assertEquals(0, report.code(), report.err());
        String page = Files.readString(html);
        assertTrue(page.contains("70 % \u2014 reported in the data as EC.ICT.ICT.4C/4G"), "the KPI names the part");
        assertTrue(page.contains("70 % \u2014 reported in the data as it is"), "the part is reported as it is");
    }

    private static String[] concat(String first, String[] middle, String... last) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(middle));
        all.addAll(List.of(last));
        return all.toArray(new String[0]);
    }

    @Test
    void lowerIsBetterIsScoredAsTargetOverValue() throws IOException {
        Path t = Cli.write(dir, "t.csv", "kpi,target\nMORT,12\n");
        Cli.Run run = Cli.run(
                        "compute",
                        "--data",
                        data.toString(),
                        "--catalog",
                        catalog.toString(),
                        "--targets",
                        t.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        Map<String, String> r = byEntityKpi(run.rows()).get("a|2021|MORT");
        // MORT = 24 (above), lower is better: 12 / 24 x 100 = 50 % -> [33, 66) -> 2 points
        assertEquals(50.0, Double.parseDouble(r.get("attainment")), 1e-9);
        assertEquals("2", r.get("points"));
    }

    @Test
    void jsonFormat() throws IOException {
        Cli.Run run = Cli.run("compute", "--data", data.toString(), "--catalog", catalog.toString(), "--format", "json")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("citykpi-results/1", root.get("format").asText());
        JsonNode results = root.get("results");
        assertEquals(6, results.size());
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode n : results) {
            byKey.put(n.get("entity").asText() + "|" + n.get("kpi").asText(), n);
        }
        assertEquals(75.0, byKey.get("a|NET").get("value").asDouble(), 1e-12);
        assertEquals("2021", byKey.get("a|NET").get("period").asText());
        assertTrue(byKey.get("b|NET").get("value").isNull());
        assertEquals("division_by_zero", byKey.get("b|NET").get("status").asText());
        assertTrue(byKey.get("b|MORT").get("detail").asText().contains("deaths"));
    }

    @Test
    void ngsiLdFormat() throws IOException {
        Cli.Run run = Cli.run(
                        "compute", "--data", data.toString(), "--catalog", catalog.toString(), "--format", "NGSI-LD")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertTrue(root.isArray());
        assertEquals(6, root.size());
        JsonNode net = null;
        for (JsonNode n : root) {
            assertEquals("KeyPerformanceIndicator", n.get("type").asText());
            if (n.get("id").asText().equals("urn:ngsi-ld:KeyPerformanceIndicator:a:NET:2021")) {
                net = n;
            }
        }
        assertNotNull(net, run.out());
        // normalized form: {"type": "Property", "value": ...}
        assertEquals("Property", net.get("kpiValue").get("type").asText());
        assertEquals(75.0, net.get("kpiValue").get("value").asDouble(), 1e-12);
    }

    @Test
    void formatCsvIsTheDefaultAndCaseDoesNotMatter() {
        Cli.Run run = Cli.run("compute", "--data", data.toString(), "--catalog", catalog.toString(), "--format", "CSV");
        assertEquals(0, run.code(), run.err());
        assertEquals(Cli.COMPUTE_HEADER, Cli.header(run.out()));
    }

    /** The bundled catalog over the sample city: every KPI in every period, the planted gaps explained. */
    @Test
    void sampleCityGivesEveryKpiInEveryPeriod() throws IOException {
        Path out = dir.resolve("kpis.csv");
        Cli.Run run = Cli.run(
                        "compute",
                        "--data",
                        Cli.sampleData("sample-city.csv").toString(),
                        "--catalog",
                        "u4ssc",
                        "--out",
                        out.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        List<Map<String, String>> rows = Cli.records(out);
        Catalog u4ssc = CatalogJson.u4ssc();
        assertEquals(91, u4ssc.indicators().size());
        Map<String, Map<String, String>> r = byEntityKpi(rows);
        Set<String> causes =
                Set.of("missing_input", "division_by_zero", "out_of_range", "invalid_input", "not_applicable");
        int valued2023 = 0;
        List<String> without = new ArrayList<>();
        for (String year : List.of("2021", "2022", "2023")) {
            for (Indicator i : u4ssc.indicators()) {
                Map<String, String> row = r.get("sampleville|" + year + "|" + i.id());
                assertNotNull(row, () -> "no row for " + i.id() + " in " + year);
                String status = row.get("status");
                if (status.equals("ok") || status.equals("reported")) {
                    assertFalse(row.get("value").isEmpty(), row.toString());
                    Double.parseDouble(row.get("value"));
                    if (year.equals("2023")) {
                        valued2023++;
                    }
                } else {
                    assertTrue(causes.contains(status), row.toString());
                    assertEquals("", row.get("value"));
                    // a readable cause: words, naming what is wrong
                    assertTrue(row.get("detail").length() > 5, row.toString());
                    if (year.equals("2023")) {
                        without.add(i.id() + ": " + status + " (" + row.get("detail") + ")");
                    }
                }
            }
        }
        // at least 85 of 91 with a value in the latest period; examples/data/README.md plants five gaps (86)
        int valued = valued2023;
        assertTrue(valued >= 85, () -> valued + " valued; without: " + without);
        assertEquals(91, valued2023 + without.size());
        // the five planted gaps of examples/data/README.md, each with its cause
        String w = String.join("\n", without);
        assertTrue(w.contains("EC.ICT.ICT.2C: out_of_range"), w);
        assertTrue(w.contains("EC.ICT.PS.1A: division_by_zero"), w);
        assertTrue(w.contains("EC.I.UP.2A: invalid_input"), w);
        assertTrue(w.contains("EN.EN.WS.3C: missing_input") && w.contains("freshwater_withdrawal_m3"), w);
        assertTrue(w.contains("SC.SH.SI.2C: missing_input") && w.contains("gini_coefficient"), w);
    }

    /** A multi-part KPI's row comes first, then one row per part, {@code <id>/<part>}. */
    @Test
    void partRowsFollowTheirKpiRow() {
        Cli.Run run = Cli.run(
                        "compute", "--data", Cli.sampleData("sample-city.csv").toString(), "--catalog", "u4ssc")
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        List<Map<String, String>> rows = run.rows();
        Set<String> owners = new LinkedHashSet<>();
        for (int k = 0; k < rows.size(); k++) {
            String kpi = rows.get(k).get("kpi");
            if (!kpi.contains("/")) {
                continue;
            }
            String owner = kpi.substring(0, kpi.indexOf('/'));
            owners.add(owner);
            // walk back over sibling parts to the owner's row, in the same entity and period
            int j = k - 1;
            while (j >= 0 && rows.get(j).get("kpi").startsWith(owner + "/")) {
                j--;
            }
            assertTrue(j >= 0, kpi);
            assertEquals(owner, rows.get(j).get("kpi"), () -> "row before " + kpi);
            assertEquals(rows.get(k).get("period"), rows.get(j).get("period"));
            assertEquals(rows.get(k).get("entity"), rows.get(j).get("entity"));
        }
        // multi-part U4SSC KPIs: 3G/4G coverage, air pollutants, modal split
        assertTrue(owners.containsAll(Set.of("EC.ICT.ICT.4C", "EN.EN.AQ.1C", "EC.I.T.4A")), owners.toString());
        // a headline part: the KPI row holds the value of its headline part (4C holds 4G)
        Map<String, Map<String, String>> r = byEntityKpi(rows);
        assertEquals(
                r.get("sampleville|2022|EC.ICT.ICT.4C/4G").get("value"),
                r.get("sampleville|2022|EC.ICT.ICT.4C").get("value"));
    }
}
