package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code citykpi catalog}: the bundled U4SSC catalog against the reference list, formats, errors. */
class CatalogCommandTest {
    @TempDir
    Path dir;

    /**
     * The CSV lists exactly the 91 KPIs as published ({@code u4ssc-reference/u4ssc-kpis.json} in
     * kpi-io's test resources, each with its source pages).
     */
    @Test
    void u4sscCsvListsExactlyTheReferenceKpis() throws IOException {
        Path ref = Cli.ioTestData("u4ssc-reference").resolve("u4ssc-kpis.json");
        JsonNode kpis = new ObjectMapper().readTree(ref.toFile());
        Set<String> want = new HashSet<>();
        for (JsonNode k : kpis) {
            want.add(k.get("id").asText());
        }
        assertEquals(91, want.size(), "the reference lists 91 KPIs");

        Cli.Run run =
                Cli.run("catalog", "--catalog", "u4ssc", "--format", "csv").assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        assertEquals(Cli.CATALOG_HEADER, Cli.header(run.out()));
        List<Map<String, String>> rows = run.rows();
        assertEquals(91, rows.size(), "one row per KPI, parts not listed");
        Set<String> got = new HashSet<>();
        for (Map<String, String> r : rows) {
            got.add(r.get("id"));
            assertFalse(r.get("name").isEmpty(), r.toString());
            assertTrue(Set.of("higher", "lower", "target").contains(r.get("direction")), r.toString());
            assertTrue(Set.of("core", "advanced").contains(r.get("tier")), r.toString());
            assertFalse(r.get("formula").isEmpty(), r.toString());
            assertFalse(r.get("source").isEmpty(), r.toString());
            // the published code spells the id with ": " (EC.ICT.ICT.1C <-> EC: ICT: ICT: 1C)
            assertEquals(r.get("id"), r.get("code").replace(": ", "."), r.toString());
        }
        assertEquals(want, got);
        // code, name, groups and tier exactly as the reference has them (its "level" is our tier)
        for (JsonNode k : kpis) {
            Map<String, String> row = rows.stream()
                    .filter(r -> r.get("id").equals(k.get("id").asText()))
                    .findFirst()
                    .orElseThrow();
            for (String f : List.of("code", "name", "dimension", "sub_dimension", "category")) {
                assertEquals(k.get(f).asText(), row.get(f), () -> f + " of " + row);
            }
            assertEquals(k.get("level").asText(), row.get("tier"), row.toString());
        }
    }

    @Test
    void u4sscJsonRoundTripsThroughTheCommand() throws IOException {
        Path out = dir.resolve("u4ssc.json");
        Cli.Run run =
                Cli.run("catalog", "--format", "json", "--out", out.toString()).assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals("citykpi-catalog/1", root.get("format").asText());
        assertEquals(91, root.get("indicators").size());
        // what the command wrote is a catalog the command reads back, with the same 91 rows
        Cli.Run again = Cli.run("catalog", "--catalog", out.toString(), "--format", "csv")
                .assertNoStackTrace();
        assertEquals(0, again.code(), again.err());
        Cli.Run original = Cli.run("catalog", "--format", "csv");
        assertEquals(original.out(), again.out());
    }

    @Test
    void markdownHasATablePerDimension() {
        Cli.Run run = Cli.run("catalog", "--format", "markdown").assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Economy"), run.out());
        assertTrue(run.out().contains("Environment"));
        assertTrue(run.out().contains("Society and Culture"));
        assertTrue(run.out().contains("| "), "a markdown table");
        assertTrue(run.out().contains("Household Internet Access"));
    }

    @Test
    void userCatalog() throws IOException {
        Path cat = Cli.write(dir, "cat.json", ComputeCommandTest.USER_CATALOG);
        Cli.Run run = Cli.run("catalog", "--catalog", cat.toString()).assertNoStackTrace();
        assertEquals(0, run.code(), run.err());
        List<Map<String, String>> rows = run.rows();
        assertEquals(
                List.of("NET", "MORT", "GAP"),
                rows.stream().map(r -> r.get("id")).toList());
        assertEquals("100 - NET", rows.get(2).get("formula"));
        assertEquals("lower", rows.get(2).get("direction"));
    }

    @Test
    void errors() throws IOException {
        assertEquals(
                2, Cli.run("catalog", "--format", "pdf").assertNoStackTrace().code());
        Cli.Run missing = Cli.run(
                        "catalog", "--catalog", dir.resolve("nope.json").toString())
                .assertNoStackTrace();
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("nope.json"), missing.err());
        // an indicator reading an unknown name: the indicator and the name are given
        Path unknown = Cli.write(
                dir,
                "unknown.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\"variables\":[],"
                        + "\"indicators\":[{\"id\":\"A\",\"name\":\"a\",\"unit\":\"%\",\"direction\":\"higher\","
                        + "\"formula\":\"100 * b / c\"}]}");
        Cli.Run unknownName =
                Cli.run("catalog", "--catalog", unknown.toString()).assertNoStackTrace();
        assertEquals(3, unknownName.code(), unknownName.err());
        assertTrue(unknownName.err().contains("unknown.json:"), unknownName.err());
        assertTrue(
                unknownName.err().contains("indicator A") && unknownName.err().contains("'b'"), unknownName.err());
        // two indicators reading each other: a cycle, named
        Path cyclic = Cli.write(
                dir,
                "cycle.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\"variables\":[],"
                        + "\"indicators\":[{\"id\":\"P\",\"name\":\"p\",\"unit\":\"%\",\"direction\":\"higher\","
                        + "\"formula\":\"Q + 1\"},{\"id\":\"Q\",\"name\":\"q\",\"unit\":\"%\","
                        + "\"direction\":\"higher\",\"formula\":\"P + 1\"}]}");
        Cli.Run cycle = Cli.run("catalog", "--catalog", cyclic.toString()).assertNoStackTrace();
        assertEquals(3, cycle.code(), cycle.err());
        assertTrue(cycle.err().contains("cycle") && cycle.err().contains("P"), cycle.err());
    }
}
