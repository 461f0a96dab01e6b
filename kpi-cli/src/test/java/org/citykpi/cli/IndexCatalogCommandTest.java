package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citykpi index --catalog}: the KPIs of three cities (catalog-index/README.md) computed and
 * arranged in the U4SSC hierarchy, with expected values worked by hand from the raw variables.
 */
class IndexCatalogCommandTest {
    static final Path DATA = Cli.resource("/org/citykpi/cli/catalog-index/three-cities.csv");
    static final Path TARGETS = Cli.resource("/org/citykpi/cli/catalog-index/three-cities-targets.csv");

    @TempDir
    Path dir;

    /** Returns {@code code -> row} of a CSV file's rows, keyed by their first column {@code key}. */
    static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, String key) {
        Map<String, Map<String, String>> m = new HashMap<>();
        rows.forEach(r -> m.put(r.get(key), r));
        return m;
    }

    @Test
    void writesTheMetaWithTheCatalogsParentsDirectionsAndTargets() throws IOException {
        Path meta = dir.resolve("iMeta.csv");
        Path data = dir.resolve("iData.csv");
        Cli.Run r = Cli.run(
                        "index",
                        "--data",
                        DATA.toString(),
                        "--catalog",
                        "u4ssc",
                        "--targets",
                        TARGETS.toString(),
                        "--write-meta",
                        meta.toString(),
                        "--write-data",
                        data.toString())
                .assertNoStackTrace();
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "iCode,iName,Level,Parent,Direction,Weight,Type,Unit,Target",
                Files.readAllLines(meta).get(0));
        Map<String, Map<String, String>> m = byKey(Cli.records(meta), "iCode");
        // five KPIs have values; the gender income equity KPI (a target band) and 85 without values are left out
        assertEquals(5 + 4 + 4 + 3 + 1, m.size(), m.keySet().toString());
        assertTrue(r.err().contains("left out 1 KPI(s) best within a target band")
                && r.err().contains("SC.SH.SI.1C"));
        assertTrue(r.err().contains("left out 85 KPI(s) with no value for any city"), r.err());
        // U4SSC catalog: unemployment rate, Economy / Productivity / Employment, lower is better, target 5
        assertEquals(row("1", "Economy.Productivity.Employment", "-1", "Indicator", "5"), pick(m.get("EC.P.EM.1C")));
        assertEquals(row("1", "Economy.ICT.ICT_Infrastructure", "1", "Indicator", "90"), pick(m.get("EC.ICT.ICT.1C")));
        assertEquals(row("1", "Economy.ICT.ICT_Infrastructure", "1", "Indicator", ""), pick(m.get("EC.ICT.ICT.2C")));
        // GHG emissions per capita: Environment / Environment / Air Quality, lower is better
        assertEquals(
                row("1", "Environment.Environment.Air_Quality", "-1", "Indicator", ""), pick(m.get("EN.EN.AQ.2C")));
        assertEquals(row("2", "Economy.ICT", "1", "Aggregate", ""), pick(m.get("Economy.ICT.ICT_Infrastructure")));
        assertEquals(row("3", "Economy", "1", "Aggregate", ""), pick(m.get("Economy.ICT")));
        assertEquals(row("4", "Index", "1", "Aggregate", ""), pick(m.get("Society_and_Culture")));
        assertEquals(row("5", "NA", "1", "Aggregate", ""), pick(m.get("Index")));
        assertEquals(
                "Education, Health and Culture",
                m.get("Society_and_Culture.Education_Health_and_Culture").get("iName"));
        assertEquals("tCO2e per capita", m.get("EN.EN.AQ.2C").get("Unit"));

        // the iData holds the KPI values: 100 · 98441 / 111422 households with Internet access in sampleville
        Map<String, Map<String, String>> d = byKey(Cli.records(data), "uCode");
        assertEquals(
                100 * 98441.0 / 111422, Double.parseDouble(d.get("sampleville").get("EC.ICT.ICT.1C")), 1e-12);
        assertEquals("", d.get("eastmoor").get("EN.EN.AQ.2C")); // no emissions reported: NA
        assertEquals("2021", d.get("northbay").get("Time"));

        // COINr's input read back builds the same index
        Path direct = dir.resolve("direct.csv");
        Path back = dir.resolve("back.csv");
        assertEquals(
                0,
                Cli.run("index", "--data", DATA.toString(), "--catalog", "u4ssc", "--out", direct.toString())
                        .code());
        Cli.Run b = Cli.run("index", "--data", data.toString(), "--meta", meta.toString(), "--out", back.toString());
        assertEquals(0, b.code(), b.err());
        assertEquals(1 + 3 * 17, Files.readAllLines(direct).size()); // header, then 3 units × 17 nodes
        assertEquals(Files.readString(direct), Files.readString(back));
    }

    static List<String> row(String level, String parent, String direction, String type, String target) {
        return List.of(level, parent, direction, "1", type, target);
    }

    static List<String> pick(Map<String, String> r) {
        return List.of(
                r.get("Level"), r.get("Parent"), r.get("Direction"), r.get("Weight"), r.get("Type"), r.get("Target"));
    }

    @Test
    void indexValuesAreTheMeansOfHandNormalisedKpis() throws IOException {
        Path out = dir.resolve("index.csv");
        Cli.Run r = Cli.run("index", "--data", DATA.toString(), "--catalog", "u4ssc", "--out", out.toString())
                .assertNoStackTrace();
        assertEquals(0, r.code(), r.err());
        Map<String, Double> v = new HashMap<>();
        for (Map<String, String> row : Cli.records(out)) {
            if (!row.get("value").isEmpty()) {
                v.put(row.get("unit") + " " + row.get("code"), Double.parseDouble(row.get("value")));
            }
        }
        // KPI values from the raw variables (catalog formulas), then min-max to [0, 100] over the three
        // cities (x' = -x where lower is better), then equal-weight arithmetic means level by level
        double ict1 = 100 * 98441.0 / 111422; // northbay 80, eastmoor 95
        double ict2 = 100 * 79956.0 / 111422; // northbay 60, eastmoor 50
        double unemployment = 100 * 9112.0 / 128336; // northbay 10, eastmoor 2.5 (lower is better)
        // GHG per capita: sampleville 1283360 / 246800 = 5.2, northbay 8, eastmoor missing: sampleville best, 100
        // life expectancy: sampleville 81.2, northbay 79, eastmoor 83: (81.2 - 79)/4 · 100 = 55
        double ictInfrastructure = ((ict1 - 80) / 15 * 100 + 100) / 2;
        double economy = (ictInfrastructure + (10 - unemployment) / 7.5 * 100) / 2;
        assertEquals(economy, v.get("sampleville Economy"), 1e-12);
        assertEquals((economy + 100 + 55) / 3, v.get("sampleville Index"), 1e-12);
        // northbay: worst on every KPI but fixed broadband, (60 - 50)/(ict2 - 50) · 100
        assertEquals(((60 - 50) / (ict2 - 50) * 100 / 2) / 2 / 3, v.get("northbay Index"), 1e-12);
        // eastmoor: best on everything but fixed broadband (0); no Environment, so the index is the mean of
        // Economy (50 + 100)/2 and Society 100 (missing children are skipped, weights renormalised)
        assertFalse(v.containsKey("eastmoor Environment"));
        assertEquals(87.5, v.get("eastmoor Index"), 1e-12);
    }

    @Test
    void targetNormalisationNeedsATargetForEveryKpi() {
        // the targets file has targets for two of the five KPIs
        Cli.Run r = Cli.run(
                        "index",
                        "--data",
                        DATA.toString(),
                        "--catalog",
                        "u4ssc",
                        "--targets",
                        TARGETS.toString(),
                        "--normalise",
                        "target")
                .assertNoStackTrace();
        assertEquals(ExitCodes.DATA_ERRORS, r.code());
        assertTrue(r.err().contains("indicator 'EC.ICT.ICT.2C' has no target"), r.err());
    }

    @Test
    void metaAndCatalogAreAlternatives() {
        Path meta = Cli.sampleData("index/synthetic-cities-iMeta.csv");
        assertEquals(
                ExitCodes.USAGE,
                Cli.run("index", "--data", DATA.toString(), "--catalog", "u4ssc", "--meta", meta.toString())
                        .code());
        assertEquals(
                ExitCodes.USAGE, Cli.run("index", "--data", DATA.toString()).code());
        Cli.Run r = Cli.run(
                "index",
                "--data",
                Cli.sampleData("index/synthetic-cities-iData.csv").toString(),
                "--meta",
                meta.toString(),
                "--targets",
                TARGETS.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--targets, --write-meta and --write-data go with --catalog"), r.err());
    }
}
