package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code citykpi} in-process, as a user would from a shell, and reads what it prints. Standard
 * output is captured by swapping {@link System#out} for the call (the commands write results there
 * in UTF-8 when {@code --out} is absent); standard error through picocli's error writer. Tests in
 * this module run one at a time (no parallel execution is configured), so the swap is safe.
 */
final class Cli {
    /** The compute CSV header of docs/cli.md, in order. */
    static final String COMPUTE_HEADER = "entity,period,kpi,name,value,unit,status,detail,target,attainment,points";

    /** The score CSV header of docs/cli.md, in order. */
    static final String SCORE_HEADER =
            "entity,period,level,group,kpis_total,kpis_scored,points,max_points,score_pct,band";

    /** The catalog CSV header of docs/cli.md, in order. */
    static final String CATALOG_HEADER =
            "id,code,name,dimension,sub_dimension,category,tier,unit,direction,formula,source";

    private Cli() {}

    /** What one run of the command gave. */
    record Run(int code, String out, String err) {
        /** Parses standard output as CSV with a header row. */
        List<Map<String, String>> rows() {
            return records(out);
        }

        /** Fails when standard error shows a Java stack trace or an exception class name. */
        Run assertNoStackTrace() {
            for (String line : err.split("\\R")) {
                assertFalse(line.matches("\\s*at [\\w.$/<>]+\\(.*"), () -> "stack trace on stderr:\n" + err);
                assertFalse(line.contains("Exception"), () -> "exception name on stderr:\n" + err);
                assertFalse(line.contains("internal error"), () -> "internal error on stderr:\n" + err);
            }
            return this;
        }
    }

    /** Runs {@code citykpi args...} and returns its exit code, standard output and standard error. */
    static Run run(String... args) {
        CommandLine cl = CityKpiCommand.commandLine();
        StringWriter err = new StringWriter();
        StringWriter help = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(help, true));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            code = cl.execute(args);
        } finally {
            System.out.flush();
            System.setOut(saved);
        }
        return new Run(code, bytes.toString(StandardCharsets.UTF_8) + help, err.toString());
    }

    /** Writes {@code text} as UTF-8 to {@code dir/name} and returns the path. */
    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Reads a CSV file written by the command (header row first). */
    static List<Map<String, String>> records(Path file) throws IOException {
        return records(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses RFC 4180 text with a header row into maps, checking each row has as many cells as the
     * header. Written here, independent of kpi-io's readers, so the check does not lean on the code
     * it checks.
     */
    static List<Map<String, String>> records(String text) {
        List<List<String>> table = parse(text);
        assertFalse(table.isEmpty(), "no header line in output");
        List<String> head = table.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : table.subList(1, table.size())) {
            assertEquals(head.size(), row.size(), () -> "cells in " + row);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < head.size(); i++) {
                m.put(head.get(i), row.get(i));
            }
            out.add(m);
        }
        return out;
    }

    /** Returns the first line of {@code text} (the header of a CSV output). */
    static String header(String text) {
        int nl = text.indexOf('\n');
        String h = nl < 0 ? text : text.substring(0, nl);
        return h.endsWith("\r") ? h.substring(0, h.length() - 1) : h;
    }

    /** Splits RFC 4180 text into rows of cells ({@code ""} inside quotes is one quote). */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        assertFalse(quoted, "unclosed quote in output");
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** Returns the project root (tests run in the module directory; an IDE may run them at the root). */
    static Path root() {
        Path up = Path.of("..");
        return Files.isDirectory(up.resolve("examples").resolve("data")) ? up : Path.of(".");
    }

    /** Returns {@code examples/data/<name>} of the project. */
    static Path sampleData(String name) {
        Path p = root().resolve("examples").resolve("data").resolve(name);
        assertTrue(Files.isRegularFile(p), () -> "sample data missing: " + p.toAbsolutePath());
        return p;
    }

    /**
     * Returns {@code kpi-io/src/test/resources/<name>} of the project: public data the tests of
     * several modules share is kept there once, with its origin and licence (see that folder's
     * README). Fails when it is not there: a missing file is never a reason to skip.
     */
    static Path ioTestData(String name) {
        Path p = root().resolve("kpi-io")
                .resolve("src")
                .resolve("test")
                .resolve("resources")
                .resolve(name);
        assertTrue(Files.exists(p), () -> "test data missing: " + p.toAbsolutePath());
        return p;
    }

    /** Returns COINr's ASEM example ({@code coinr-asem/}: {@code input/}, {@code reference/}). */
    static Path asem() {
        return ioTestData("coinr-asem");
    }

    /** Returns a file of this module's test class path (e.g. {@code /u4ssc-scoring/...}) as a path. */
    static Path resource(String name) {
        URL url = Cli.class.getResource(name);
        assertNotNull(url, "missing test resource " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file URL: " + url, e);
        }
    }
}
