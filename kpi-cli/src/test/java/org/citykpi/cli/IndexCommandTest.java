package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexCommandTest {
    /** COINr's ASEM example and COINr's reference outputs on it (kpi-io's test resources). */
    static final Path PEER = Cli.asem();

    @TempDir
    Path dir;

    String out;
    String err;

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        picocli.CommandLine cl = CityKpiCommand.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int rc = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return rc;
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static String[] fields(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].replace("\"", "");
        }
        return f;
    }

    @ParameterizedTest
    @CsvSource({"minmax_amean, 'minmax'", "zscore_amean, 'zscore:0,1'"})
    void reproducesCoinrAsemThroughTheCommand(String ref, String normaliser) throws IOException {
        Path csv = dir.resolve("out.csv");
        int rc = run(
                "index",
                "--data",
                PEER.resolve("input/ASEM_iData.csv").toString(),
                "--meta",
                PEER.resolve("input/ASEM_iMeta.csv").toString(),
                "--normalise",
                normaliser,
                "--format",
                "csv",
                "--out",
                csv.toString());
        assertEquals(0, rc, err);
        assertTrue(err.contains("51 rows read, 51 accepted, 0 rejected"), err);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("unit,code,level,value,rank", lines.get(0));
        Map<String, String[]> got = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = fields(l);
            got.put(f[0] + "/" + f[1], f);
        }
        List<String> agg =
                Files.readAllLines(PEER.resolve("reference").resolve(ref).resolve("aggregated.csv"));
        List<String> ranks =
                Files.readAllLines(PEER.resolve("reference").resolve(ref).resolve("ranks.csv"));
        String[] head = fields(agg.get(0));
        for (int i = 1; i < agg.size(); i++) {
            String[] want = fields(agg.get(i));
            String[] rk = fields(ranks.get(i));
            for (int c = 1; c < head.length; c++) {
                String[] g = got.get(want[0] + "/" + head[c]);
                if (want[c].equals("NA")) {
                    assertEquals("", g[3], want[0] + " " + head[c]);
                    assertEquals("", g[4]);
                    continue;
                }
                double w = Double.parseDouble(want[c]);
                // values from COINr 1.1.14 (17 significant digits), relative 1e-9; ranks exact
                assertEquals(w, Double.parseDouble(g[3]), 1e-9 * Math.max(Math.abs(w), 1e-9), want[0] + " " + head[c]);
                assertEquals(rk[c], g[4], want[0] + " " + head[c]);
                assertEquals(c <= 49 ? "1" : g[2], g[2]);
            }
        }
        // 51 units × (49 indicators + 11 aggregates) + header
        assertEquals(51 * 60 + 1, lines.size());
    }

    static final String META = "iCode,Level,Parent,Direction,Weight\nx,1,P,1,1\ny,1,P,-1,1\nP,2,NA,1,1\n";

    @Test
    void analysisTablesAgreeWithTheIndexAndTheInput() throws IOException {
        Path in = PEER.resolve("input");
        Path an = dir.resolve("analysis");
        assertEquals(
                0,
                run(
                        "index",
                        "--data",
                        in.resolve("ASEM_iData.csv").toString(),
                        "--meta",
                        in.resolve("ASEM_iMeta.csv").toString(),
                        "--analysis",
                        an.toString()),
                err);
        // the normalised values of the index itself, to check the tables against
        Map<String, Map<String, Double>> byCode = new HashMap<>();
        for (Map<String, String> r : Cli.records(out)) {
            if (!r.get("value").isEmpty()) {
                byCode.computeIfAbsent(r.get("code"), k -> new HashMap<>())
                        .put(r.get("unit"), Double.parseDouble(r.get("value")));
            }
        }
        // effective weights: COINr's get_eff_weights on ASEM gives Goods (1/5)·(1/5)·(1/2) = 0.02
        // (docs/reference/composite-methods.md §3.4), the index 1
        Map<String, String> eff = new HashMap<>();
        for (Map<String, String> r : Cli.records(an.resolve("effective_weights.csv"))) {
            eff.put(r.get("code"), r.get("weight"));
        }
        assertEquals(0.02, Double.parseDouble(eff.get("Goods")), 1e-15);
        assertEquals("1", eff.get("Index"));
        // availability: counted here from the iData (non-empty, non-NA cells of the 49 indicators)
        List<String> indicators = Cli.records(in.resolve("ASEM_iMeta.csv")).stream()
                .filter(r -> r.get("Type").equals("Indicator"))
                .map(r -> r.get("iCode"))
                .toList();
        assertEquals(49, indicators.size());
        Map<String, Integer> have = new HashMap<>();
        for (Map<String, String> r : Cli.records(in.resolve("ASEM_iData.csv"))) {
            have.put(r.get("uCode"), (int) indicators.stream()
                    .filter(c -> !r.get(c).isEmpty() && !r.get(c).equals("NA"))
                    .count());
        }
        List<Map<String, String>> avail = Cli.records(an.resolve("availability.csv"));
        assertEquals(51, avail.size());
        boolean someMissing = false;
        for (Map<String, String> r : avail) {
            int n = have.get(r.get("unit"));
            assertEquals(n, Integer.parseInt(r.get("available")), r.toString());
            assertEquals("49", r.get("total"));
            assertEquals(100.0 * n / 49, Double.parseDouble(r.get("pct")), 1e-12);
            someMissing |= n < 49;
        }
        assertTrue(someMissing);
        // correlations: Pearson's r of LPI and Flights computed here from the normalised values
        Map<String, Double> lpi = byCode.get("LPI");
        Map<String, Double> fl = byCode.get("Flights");
        double[] x = lpi.keySet().stream()
                .filter(fl::containsKey)
                .mapToDouble(lpi::get)
                .toArray();
        double[] y = lpi.keySet().stream()
                .filter(fl::containsKey)
                .mapToDouble(fl::get)
                .toArray();
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double expected = sxy / Math.sqrt(sxx * syy);
        Map<String, String> pair = Cli.records(an.resolve("correlations.csv")).stream()
                .filter(r -> r.get("a").equals("LPI") && r.get("b").equals("Flights"))
                .findFirst()
                .orElseThrow();
        assertEquals("1", pair.get("level"));
        assertEquals("pearson", pair.get("method"));
        assertEquals(expected, Double.parseDouble(pair.get("r")), 1e-12);
        // descriptives: the mean of the normalised LPI
        double mean =
                lpi.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Map<String, String> d = Cli.records(an.resolve("descriptives.csv")).stream()
                .filter(r -> r.get("code").equals("LPI"))
                .findFirst()
                .orElseThrow();
        assertEquals(mean, Double.parseDouble(d.get("mean")), 1e-12);
        assertEquals(String.valueOf(lpi.size()), d.get("n"));
        // PCA: per aggregate a unit-length loading vector; alpha: one row per aggregate
        Map<String, Double> squares = new HashMap<>();
        for (Map<String, String> r : Cli.records(an.resolve("pca.csv"))) {
            if (!r.get("loading").isEmpty()) {
                double l = Double.parseDouble(r.get("loading"));
                squares.merge(r.get("code"), l * l, Double::sum);
            }
        }
        assertTrue(squares.size() >= 8, squares.toString());
        squares.values().forEach(v -> assertEquals(1, v, 1e-9));
        assertEquals(11, Cli.records(an.resolve("alpha.csv")).size());
    }

    @Test
    void writesToStandardOutputAndJson() throws IOException {
        Path m = write("m.csv", META);
        Path d = write("d.csv", "uCode,x,y\nA,1,4\nB,3,2\nC,2,NA\n");
        assertEquals(0, run("index", "--data", d.toString(), "--meta", m.toString()));
        // x: 0, 100, 50; y reversed over 4, 2: 0, 100; P: A 0, B 100, C 50
        assertEquals(
                "unit,code,level,value,rank\nA,x,1,0,3\nA,y,1,0,2\nA,P,2,0,3\nB,x,1,100,1\nB,y,1,100,1\n"
                        + "B,P,2,100,1\nC,x,1,50,2\nC,y,1,,\nC,P,2,50,2\n",
                out.replace("\r\n", "\n"));
        assertTrue(err.contains("3 rows read, 3 accepted, 0 rejected"), err);
        assertEquals(0, run("index", "--data", d.toString(), "--meta", m.toString(), "--format", "json"));
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("citykpi-index/1", j.get("format").asText());
        assertEquals(2, j.get("levels").size());
        assertEquals(
                100, j.get("levels").get(1).get("values").get(1).get("value").asDouble());
        assertTrue(j.get("levels").get(0).get("values").get(5).get("value").isNull());
        assertTrue(j.has("statistics"), j.toString());
        assertEquals(1.0, j.get("statistics").get("effective_weights").get("P").asDouble());
    }

    @Test
    void uncertaintyJsonGoesToAFileWhole() throws IOException {
        Path m = write("m.csv", META);
        Path d = write("d.csv", "uCode,x,y\nA,1,4\nB,3,2\nC,2,NA\n");
        Path json = dir.resolve("u.json");
        int rc = run(
                "index",
                "--data",
                d.toString(),
                "--meta",
                m.toString(),
                "--uncertainty",
                "5",
                "--weight-noise",
                "0.1",
                "--format",
                "json",
                "--out",
                json.toString());
        // the writer leaves the file open for its last line break, which the command then closes
        assertEquals(0, rc, err);
        String text = Files.readString(json);
        assertTrue(text.endsWith("}\n"), text);
        JsonNode j = new ObjectMapper().readTree(text);
        assertEquals(5, j.get("runs").asInt());
        assertEquals(3, j.get("units").size());
    }

    @Test
    void exitCodesAndPositionedErrors() throws IOException {
        Path m = write("m.csv", META);
        Path d = write("d.csv", "uCode,x,y\nA,1,4\nB,3x,2\nC,2,1\n");
        assertEquals(1, run("index", "--data", d.toString(), "--meta", m.toString()));
        assertTrue(err.contains(d + ":3:2: x is not a number '3x'"), err);
        assertTrue(err.contains("3 rows read, 2 accepted, 1 rejected"), err);
        assertTrue(out.startsWith("unit,code,level,value,rank"), out);
        assertEquals(2, run("index", "--data", d.toString(), "--meta", m.toString(), "--normalise", "sigmoid"));
        assertTrue(err.contains("unknown normaliser 'sigmoid'"), err);
        assertEquals(2, run("index", "--data", d.toString(), "--meta", m.toString(), "--format", "xml"));
        assertEquals(2, run("index", "--data", d.toString()));
        assertEquals(3, run("index", "--data", dir.resolve("nope.csv").toString(), "--meta", m.toString()));
        assertTrue(err.contains("nope.csv:0:0: file not found"), err);
        Path noCol = write("n.csv", "uCode,x\nA,1\n");
        assertEquals(3, run("index", "--data", noCol.toString(), "--meta", m.toString()));
        assertTrue(err.contains("missing required column 'y'"), err);
        Path good = write("g.csv", "uCode,x,y\nA,1,4\nB,3,2\n");
        assertEquals(1, run("index", "--data", good.toString(), "--meta", m.toString(), "--aggregate", "geometric"));
        assertTrue(err.contains("geometric mean of 'P' needs values above 0"), err);
        assertEquals(
                0,
                run(
                        "index",
                        "--data",
                        good.toString(),
                        "--meta",
                        m.toString(),
                        "--normalise",
                        "minmax:1,100",
                        "--aggregate",
                        "geometric",
                        "--treat",
                        "winsorise",
                        "--impute",
                        "mean",
                        "--screen",
                        "0.5",
                        "--min-coverage",
                        "0.5",
                        "--scope",
                        "pooled",
                        "--out",
                        dir.resolve("o.csv").toString()));
        assertEquals(2, run("index", "--data", good.toString(), "--meta", m.toString(), "--scope", "global"));
    }

    @Test
    void panelDataGetsAPeriodColumn() throws IOException {
        Path m = write("m.csv", META);
        Path d = write("d.csv", "uCode,Time,x,y\nA,2020,1,4\nB,2020,3,2\nA,2021,2,NA\nB,2021,1,1\n");
        assertEquals(0, run("index", "--data", d.toString(), "--meta", m.toString(), "--impute", "latest"));
        List<String> lines = out.lines().toList();
        assertEquals("unit,code,level,value,rank,period", lines.get(0));
        // 2021: A has y carried forward (4), B y = 1 → reversed: A 0, B 100
        assertTrue(lines.contains("A,y,1,0,2,2021"), out);
    }
}
