package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code citykpi index --uncertainty}: rank intervals of COINr's ASEM example (51 units) under
 * uncertain normalisation, aggregation and weights. Checked against properties that hold whatever
 * the random draws (intervals ordered and within 1..51, the nominal rank equal to the plain
 * command's rank of Index), and for repeatability (same seed, any thread count: same output).
 */
class IndexUncertaintyCommandTest {
    static final Path IN = Cli.asem().resolve("input");

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

    static String[] base(String... more) {
        List<String> a = new ArrayList<>(List.of(
                "index",
                "--data",
                IN.resolve("ASEM_iData.csv").toString(),
                "--meta",
                IN.resolve("ASEM_iMeta.csv").toString(),
                "--normalise",
                "minmax:1,100"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    static final String[] VARY = {
        "--uncertainty", "200",
        "--vary-normalise", "minmax:1,100",
        "--vary-normalise", "rank",
        "--vary-aggregate", "arithmetic",
        "--vary-aggregate", "geometric",
        "--weight-noise", "0.25"
    };

    static String[] with(String[] a, String... more) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(more));
        return l.toArray(new String[0]);
    }

    @Test
    void rankIntervalsAreOrderedWithinTheUnitsAndKeepTheNominalRanks() {
        assertEquals(0, run(base()), err);
        Map<String, Integer> nominal = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split(",", -1);
            if (f[1].equals("Index")) {
                nominal.put(f[0], Integer.parseInt(f[4]));
            }
        }
        assertEquals(51, nominal.size());

        assertEquals(0, run(base(VARY)), err);
        assertTrue(err.contains("uncertainty: 200 runs of normalisation, weights, aggregation, 0 failed"), err);
        String[] lines = out.split("\n");
        assertEquals("unit,target,nominal_rank,median_rank,q05_rank,q95_rank,mean_rank,runs", lines[0]);
        assertEquals(52, lines.length);
        boolean someSpread = false;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertEquals("Index", f[1]);
            assertEquals(nominal.get(f[0]), Integer.valueOf(f[2]), f[0]);
            double median = Double.parseDouble(f[3]);
            double q05 = Double.parseDouble(f[4]);
            double q95 = Double.parseDouble(f[5]);
            assertTrue(1 <= q05 && q05 <= median && median <= q95 && q95 <= 51, lines[i]);
            assertEquals("200", f[7]);
            someSpread |= q95 > q05;
        }
        assertTrue(someSpread, "the uncertain inputs move some ranks");
    }

    @Test
    void runsOutHoldsEveryRunsChoicesAndRanksAndAgreesWithTheSummary(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path runs = dir.resolve("runs.csv");
        assertEquals(0, run(with(base(VARY), "--runs-out", runs.toString())), err);
        Map<String, Double> meanRank = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.split(",", -1);
            if (!f[0].equals("unit")) {
                meanRank.put(f[0], Double.parseDouble(f[6]));
            }
        }
        List<Map<String, String>> rows = Cli.records(runs);
        // one row per run and unit; every run's choices are among the options given
        assertEquals(200 * 51, rows.size());
        assertEquals(
                "run,normalisation,weights,aggregation,unit,rank", Cli.header(java.nio.file.Files.readString(runs)));
        Map<String, Integer> sum = new HashMap<>();
        java.util.Set<String> normalisers = new java.util.HashSet<>();
        for (Map<String, String> r : rows) {
            normalisers.add(r.get("normalisation"));
            assertTrue(List.of("arithmetic", "geometric").contains(r.get("aggregation")), r.toString());
            assertTrue(r.get("weights").matches("set ([1-9]|[1-9][0-9]|100)"), r.toString());
            sum.merge(r.get("unit"), Integer.parseInt(r.get("rank")), Integer::sum);
        }
        assertEquals(java.util.Set.of("minmax:1,100", "rank"), normalisers);
        // the summary's mean rank is the mean of the per-run ranks written here
        for (Map.Entry<String, Double> e : meanRank.entrySet()) {
            assertEquals(e.getValue(), sum.get(e.getKey()) / 200.0, 1e-9, e.getKey());
        }
        // a run's ranks are a ranking of the 51 units (ties share the lowest rank)
        List<Integer> first = rows.stream()
                .filter(r -> r.get("run").equals("1"))
                .map(r -> Integer.parseInt(r.get("rank")))
                .sorted()
                .toList();
        assertEquals(51, first.size());
        assertEquals(1, first.get(0));
    }

    @Test
    void theSameSeedGivesTheSameOutputOnAnyNumberOfThreads() {
        assertEquals(0, run(base(with(VARY, "--threads", "1"))), err);
        String one = out;
        assertEquals(0, run(base(with(VARY, "--threads", "2"))), err);
        assertEquals(one, out);
        assertEquals(0, run(base(with(VARY, "--threads", "2", "--seed", "7"))), err);
        assertNotEquals(one, out, "another seed draws other runs");
    }

    @Test
    void jsonHoldsTheInputsAndEveryUnit() throws IOException {
        assertEquals(0, run(base(with(VARY, "--format", "json", "--target", "Sust"))), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals("citykpi-uncertainty/1", j.get("format").asText());
        assertEquals("Sust", j.get("target").asText());
        assertEquals(200, j.get("runs").asInt());
        assertEquals(3, j.get("inputs").size());
        assertEquals(51, j.get("units").size());
        assertTrue(j.get("units").get(0).has("q95_rank"));
    }

    @Test
    void failedRunsAreNamedAndExitOne() {
        // min-max onto [0, 100] puts a 0 in every indicator, which a geometric mean rejects: the
        // runs that draw both fail and are reported, the others still count
        int rc = run(base(
                "--uncertainty", "50",
                "--vary-normalise", "minmax:0,100",
                "--vary-normalise", "minmax:1,100",
                "--vary-aggregate", "geometric"));
        assertEquals(1, rc, err);
        assertTrue(err.contains("note: run "), err);
        assertTrue(err.contains("geometric mean"), err);
        assertTrue(out.startsWith("unit,target,"), out);
    }

    @Test
    void usageErrors() {
        assertEquals(2, run(base("--uncertainty", "10")));
        assertTrue(err.contains("needs at least one of --vary-normalise"), err);
        assertEquals(2, run(base("--vary-normalise", "rank")));
        assertTrue(err.contains("need --uncertainty RUNS"), err);
        assertEquals(2, run(base("--uncertainty", "10", "--vary-normalise", "bogus")));
        assertTrue(err.contains("unknown normaliser 'bogus'"), err);
        assertEquals(2, run(base("--uncertainty", "0", "--weight-noise", "0.2")));
        assertEquals(2, run(base("--uncertainty", "10", "--weight-noise", "1.5")));
    }
}
