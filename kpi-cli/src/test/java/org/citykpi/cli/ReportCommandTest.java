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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.io.json.CatalogJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    /** Exit code, standard output and standard error of one run. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = CityKpiCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Two years of one city: internet access 150 of 200 households in 2021 and 180 of 200 in 2022
     * (75 % and 90 %); fixed broadband 120 of 200 (60 %) in 2022; PM2.5 reported as 12.5 µg/m³.
     */
    static Path data(Path dir) throws IOException {
        Path f = dir.resolve("city.csv");
        Files.writeString(
                f,
                "entity,period,variable,value\n"
                        + "Karmøy,2021,households_total,200\n"
                        + "Karmøy,2021,households_with_internet,150\n"
                        + "Karmøy,2022,households_total,200\n"
                        + "Karmøy,2022,households_with_internet,180\n"
                        + "Karmøy,2022,fixed_broadband_subscriptions,120\n"
                        + "Karmøy,2022,EN.EN.AQ.1C,12.5\n",
                StandardCharsets.UTF_8);
        return f;
    }

    /** Targets: internet access 90 %, fixed broadband 80 %, PM2.5 10 µg/m³ (values chosen for hand checks). */
    static Path targets(Path dir) throws IOException {
        Path f = dir.resolve("targets.csv");
        Files.writeString(
                f,
                "kpi,target,target_period,source\n"
                        + "EC.ICT.ICT.1C,90,2030,City plan <2030> & more\n"
                        + "EC.ICT.ICT.2C,80,2030,\n"
                        + "EN.EN.AQ.1C,10,2030,WHO\n",
                StandardCharsets.UTF_8);
        return f;
    }

    /** Reads an RFC 4180 CSV written by compute (quoted cells may hold commas and doubled quotes). */
    static List<Map<String, String>> csv(Path f) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        String s = Files.readString(f, StandardCharsets.UTF_8);
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            Map<String, String> m = new HashMap<>();
            for (int c = 0; c < rows.get(0).size(); c++) {
                m.put(rows.get(0).get(c), rows.get(r).get(c));
            }
            out.add(m);
        }
        return out;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void writesTheReportWithEveryU4sscKpiAndComputeNumbers(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        Run r = run(
                "report",
                "--data",
                data(dir).toString(),
                "--catalog",
                "u4ssc",
                "--targets",
                targets(dir).toString(),
                "--out",
                html.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("citykpi: 6 rows read: 6 accepted, 0 rejected"), r.err());
        assertTrue(r.err().contains("citykpi: report written to " + html), r.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        Catalog u4ssc = CatalogJson.load("u4ssc");
        assertEquals(91, u4ssc.indicators().size());
        for (Indicator i : u4ssc.indicators()) {
            assertTrue(page.contains("data-kpi=\"" + i.id() + "\""), i.id());
            assertTrue(page.contains(esc(i.name())), i.name());
        }
        assertTrue(page.contains("City plan &lt;2030&gt; &amp; more"), "target source escaped");
        for (String band : List.of("0-33", "33-66", "66-95", "95+")) {
            assertTrue(page.contains(">" + band + "</span>"), band);
        }

        // The numbers are those of compute on the same input.
        Path kpis = dir.resolve("kpis.csv");
        Run c = run(
                "compute",
                "--data",
                dir.resolve("city.csv").toString(),
                "--targets",
                dir.resolve("targets.csv").toString(),
                "--out",
                kpis.toString());
        assertEquals(0, c.code(), c.err());
        Map<String, Map<String, String>> rows = new HashMap<>();
        Matcher m = Pattern.compile("<tr[^>]* data-entity=\"([^\"]*)\" data-period=\"([^\"]*)\"[^>]*>")
                .matcher(page);
        while (m.find()) {
            Map<String, String> a = new HashMap<>();
            Matcher am = Pattern.compile("(data-[a-z]+)=\"([^\"]*)\"").matcher(m.group());
            while (am.find()) {
                a.put(am.group(1), unescape(am.group(2)));
            }
            rows.put(a.get("data-entity") + "|" + a.get("data-period") + "|" + a.get("data-kpi"), a);
        }
        int compared = 0;
        for (Map<String, String> k : csv(kpis)) {
            Map<String, String> a = rows.get(k.get("entity") + "|" + k.get("period") + "|" + k.get("kpi"));
            if (!k.get("period").equals("2022")) {
                assertEquals(null, a, "the tables show the latest period only");
                continue;
            }
            assertTrue(a != null, k.toString());
            assertEquals(k.get("status"), a.get("data-status"), k.get("kpi"));
            assertEquals(k.get("value"), a.getOrDefault("data-value", ""), k.get("kpi"));
            assertEquals(k.get("target"), a.getOrDefault("data-target", ""), k.get("kpi"));
            assertEquals(k.get("attainment"), a.getOrDefault("data-attainment", ""), k.get("kpi"));
            assertEquals(k.get("points"), a.getOrDefault("data-points", ""), k.get("kpi"));
            compared++;
        }
        assertTrue(compared >= 91, "compared " + compared);

        // Summary table: 2022 internet 90 % of 90 → 100 %, 4 points; broadband 60 / 80 = 75 %, 3 points;
        // PM2.5 10 / 12.5 = 80 %, 3 points. Economy 7 / 8 = 87.5 %; Environment 3 / 4 = 75 %;
        // overall 10 / 12 = 83.3 %; Society and Culture has no KPI scored.
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("city"), r.out());
        assertTrue(lines[0].contains("overall") && lines[0].contains("Society and Culture"), lines[0]);
        assertTrue(lines[1].startsWith("Karmøy  2022"), lines[1]);
        assertTrue(lines[1].contains("83.3% 66-95"), lines[1]);
        assertTrue(lines[1].contains("87.5% 66-95"), lines[1]);
        assertTrue(lines[1].contains("75% 66-95"), lines[1]);
        assertTrue(lines[1].endsWith(" -"), "Society and Culture is not scored: " + lines[1]);
    }

    @Test
    void rejectedRowsGiveExitOneAndAppearInTheReport(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(
                f, "entity,period,variable,value\nc,2022,households_total,200\nc,2022,households_with_internet,1x0\n");
        Path html = dir.resolve("r.html");
        Run r = run("report", "--data", f.toString(), "--out", html.toString(), "--title", "Test <title>");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("bad.csv:3:4: "), r.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<title>Test &lt;title&gt;</title>"));
        assertTrue(page.contains("bad.csv:3:4: not a number"), "the problem is listed in the report");
        assertTrue(page.contains("No targets were given"));

        Path strict = dir.resolve("strict.html");
        Run s = run("report", "--data", f.toString(), "--out", strict.toString(), "--strict");
        assertEquals(1, s.code(), s.err());
        assertFalse(Files.exists(strict), "strict mode writes no report");
    }

    @Test
    void usageAndUnreadableInputs(@TempDir Path dir) throws IOException {
        Run noOut = run("report", "--data", data(dir).toString());
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--out"), noOut.err());
        Run missing = run(
                "report",
                "--data",
                dir.resolve("nope.csv").toString(),
                "--out",
                dir.resolve("x.html").toString());
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("nope.csv: cannot read data (no such file)"), missing.err());
        Run noDir = run(
                "report",
                "--data",
                data(dir).toString(),
                "--out",
                dir.resolve("no/such/dir/x.html").toString());
        assertEquals(2, noDir.code(), noDir.err());
    }

    @Test
    void decimalCommaIsPassedToTheReader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("comma.csv");
        Files.writeString(f, "entity;period;variable;value\nc;2022;EN.EN.AQ.1C;12,5\n");
        Path html = dir.resolve("c.html");
        Run r = run("report", "--data", f.toString(), "--out", html.toString(), "--decimal-comma");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(html, StandardCharsets.UTF_8).contains("data-value=\"12.5\""));
    }

    @Test
    void summaryTableIsCutAfterTwentyFiveCities(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("entity,period,variable,value\n");
        for (int i = 0; i < 30; i++) {
            sb.append("city")
                    .append(i)
                    .append(",2022,EN.EN.AQ.1C,")
                    .append(10 + i)
                    .append('\n');
        }
        Path f = dir.resolve("many.csv");
        Files.writeString(f, sb.toString());
        Run r = run(
                "report", "--data", f.toString(), "--out", dir.resolve("m.html").toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        // header + 25 cities + the "more" line
        assertEquals(27, lines.length, r.out());
        assertEquals("... and 5 more cities (all are in the report)", lines[26]);
        assertTrue(Files.readString(dir.resolve("m.html")).contains("Comparison of 30 cities"));
    }
}
