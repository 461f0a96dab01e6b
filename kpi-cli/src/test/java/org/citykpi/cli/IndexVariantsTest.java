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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * COINr-compatible pipelines beyond the two COINr reference runs, checked through {@code citykpi
 * index} against expected outputs written by the independent Python re-implementation in {@code
 * tools/coinr-check/coinr_check.py} (validated against COINr 1.1.14's minmax_amean and zscore_amean
 * reference outputs to a relative 1e-12, ranks exact). The pipelines, their command lines and the
 * documented deviations from COINr are listed in {@code coinr-variants/README.md}.
 */
class IndexVariantsTest {
    static final Path INPUT = Cli.asem().resolve("input");
    static final String RES = "/org/citykpi/cli/coinr-variants/";

    @TempDir
    Path dir;

    String err;

    int run(List<String> args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        picocli.CommandLine cl = CityKpiCommand.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int rc = cl.execute(args.toArray(String[]::new));
        err = e.toString();
        return rc;
    }

    static List<String> resource(String name) throws IOException {
        try (var in = IndexVariantsTest.class.getResourceAsStream(RES + name)) {
            assertTrue(in != null, "missing test resource " + RES + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** One line of {@code pipelines.txt}: {@code name|iData|iMeta|--option value|...}. */
    static Stream<Arguments> pipelines() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : resource("pipelines.txt")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            out.add(Arguments.of(f[0], line));
        }
        return out.stream();
    }

    static List<String> commandLine(String line, Path out) {
        String[] f = line.split("\\|");
        List<String> args = new ArrayList<>(List.of(
                "index",
                "--data",
                INPUT.resolve(f[1]).toString(),
                "--meta",
                INPUT.resolve(f[2]).toString(),
                "--out",
                out.toString()));
        for (int i = 3; i < f.length; i++) {
            String[] kv = f[i].split(" ", 2);
            args.add(kv[0]);
            if (kv.length == 2) {
                args.add(kv[0].equals("--denominators") ? INPUT.resolve(kv[1]).toString() : kv[1]);
            }
        }
        return args;
    }

    /** unit/code[/period] → {level, value, rank}. */
    static Map<String, String[]> byKey(List<String> lines) {
        List<String> head = List.of(lines.get(0).split(",", -1));
        int period = head.indexOf("period");
        Map<String, String[]> m = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            String key = f[0] + "/" + f[1] + (period >= 0 ? "/" + f[period] : "");
            assertTrue(m.put(key, new String[] {f[2], f[3], f[4]}) == null, "duplicate row " + key);
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void matchesTheIndependentReimplementation(String name, String line) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        assertEquals(0, run(commandLine(line, csv)), err);
        List<String> gotLines = Files.readAllLines(csv);
        List<String> wantLines = resource(name + ".csv");
        assertEquals(wantLines.get(0), gotLines.get(0), "header");
        Map<String, String[]> got = byKey(gotLines);
        // expected: tools/coinr-check/coinr_check.py generate (17 significant digits), see README.md
        Map<String, String[]> want = byKey(wantLines);
        assertEquals(want.keySet(), got.keySet(), name + ": the same unit/code rows");
        List<String> bad = new ArrayList<>();
        for (var e : want.entrySet()) {
            String[] w = e.getValue();
            String[] g = got.get(e.getKey());
            boolean ok = w[0].equals(g[0]) && w[2].equals(g[2]);
            if (w[1].isEmpty() || g[1].isEmpty()) {
                ok &= w[1].equals(g[1]);
            } else {
                double a = Double.parseDouble(w[1]);
                double b = Double.parseDouble(g[1]);
                // relative 1e-9 (coinr-variants/README.md); an absolute 1e-13 floor for values that cancel to ~0
                ok &= Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-13);
            }
            if (!ok) {
                bad.add(e.getKey() + ": expected level " + w[0] + " value " + w[1] + " rank " + w[2] + ", got level "
                        + g[0] + " value " + g[1] + " rank " + g[2]);
            }
        }
        bad.sort(null);
        assertTrue(
                bad.isEmpty(),
                name + ": " + bad.size() + " differences, first: "
                        + String.join("\n", bad.subList(0, Math.min(10, bad.size()))));
    }

    void assertCleanError(List<String> args, String... mustContain) {
        int rc = run(args);
        assertEquals(1, rc, err);
        for (String s : mustContain) {
            assertTrue(err.contains(s), "stderr should contain " + s + ": " + err);
        }
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void geometricAndHarmonicOnZerosAreErrorsNamingTheIndicator() {
        // min-max to [0, 100] maps BRN's Goods (the smallest value) to 0 (ASEM_iData.csv), and
        // docs/reference/composite-methods.md §3.3 / §4.6: COINr's a_gmean and a_hmean stop on a zero
        for (String agg : List.of("geometric", "harmonic")) {
            Path out = dir.resolve(agg + ".csv");
            assertCleanError(
                    commandLine("x|ASEM_iData.csv|ASEM_iMeta.csv|--aggregate " + agg, out),
                    "'ConEcFin'",
                    "'Goods'",
                    "minmax:1,100");
        }
    }

    @Test
    void fractionOfMaxWithAZeroInALowerIsBetterIndicatorIsAnError() {
        // CostImpEx (Direction -1) is 0 for AUT, BEL and others (ASEM_iData.csv): min/x is undefined
        assertCleanError(
                commandLine("x|ASEM_iData.csv|ASEM_iMeta.csv|--normalise fracmax", dir.resolve("f.csv")),
                "'CostImpEx'");
    }

    @Test
    void constantIndicatorIsAnErrorNamingIt() throws IOException {
        // ASEM_iData.csv with LPI set to 3.5 for every unit: COINr gives NaN with a warning (§4.8)
        List<String> lines = Files.readAllLines(INPUT.resolve("ASEM_iData.csv"));
        List<String> head = List.of(lines.get(0).split(",", -1));
        int lpi = head.indexOf("\"LPI\"");
        assertTrue(lpi > 0, lines.get(0));
        List<String> edited = new ArrayList<>(List.of(lines.get(0)));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            f[lpi] = "3.5";
            edited.add(String.join(",", f));
        }
        Path data = dir.resolve("const.csv");
        Files.write(data, edited);
        for (String norm : List.of("minmax", "zscore:0,1", "dist2max")) {
            assertCleanError(
                    List.of(
                            "index",
                            "--data",
                            data.toString(),
                            "--meta",
                            INPUT.resolve("ASEM_iMeta.csv").toString(),
                            "--normalise",
                            norm),
                    "'LPI'",
                    "constant");
        }
    }
}
