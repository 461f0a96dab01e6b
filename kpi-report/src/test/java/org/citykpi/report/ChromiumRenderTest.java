package org.citykpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium: it must load (the DOM dump holds the report's sections
 * and charts, and the browser logs no console error) and take a screenshot, kept under {@code
 * kpi-report/target/} as a build artefact for people to look at. Skipped, saying so, when {@code
 * /usr/bin/chromium} is absent (CI's {@code .ci/run} installs it).
 */
class ChromiumRenderTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static List<String> command(Path profile, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /** Runs Chromium, returns {exit code, stdout, stderr}; fails the test after 60 s. */
    private static String[] run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 60 s: " + cmd);
        }
        return new String[] {
            Integer.toString(p.exitValue()),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8)
        };
    }

    private static void render(String name, ReportInput input, Path tmp) throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM),
                "headless Chromium test skipped: /usr/bin/chromium is absent (apt-get install chromium)");
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path html = target.resolve(name + ".html").toAbsolutePath();
        Files.writeString(html, HtmlReport.render(input), StandardCharsets.UTF_8);
        Path png = target.resolve(name + ".png").toAbsolutePath();
        Files.deleteIfExists(png);

        // One browser run both takes the screenshot and prints the DOM after load (each run costs seconds).
        String[] run = run(
                command(
                        tmp.resolve("profile"),
                        "--screenshot=" + png,
                        "--window-size=1280,4000",
                        "--dump-dom",
                        html.toUri().toString()),
                tmp);
        assertEquals("0", run[0], "chromium failed:\n" + run[2]);
        assertTrue(Files.isRegularFile(png), "chromium wrote no screenshot:\n" + run[2]);
        assertTrue(Files.size(png) > 10_000, "screenshot is too small to show anything: " + Files.size(png));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, StandardCharsets.US_ASCII), "not a PNG");
        String d = run[1];
        assertTrue(d.contains("<section class=\"city\""), "the DOM has no city section: " + d.length() + " chars");
        assertTrue(d.contains("<svg class=\"radar\""), "the DOM has no radar chart");
        assertTrue(d.contains("id=\"method\""), "the DOM ends before the last section");
        // With --enable-logging=stderr Chromium logs each page console message as an ":CONSOLE:" line (checked
        // by hand with a page calling console.error); the report has no script, so any such line is our fault.
        for (String line : run[2].split("\n")) {
            assertFalse(line.contains("CONSOLE"), "browser console message: " + line);
        }
    }

    @Test
    void oneCityLoadsAndTakesAScreenshot(@TempDir Path tmp) throws Exception {
        render("report-one-city", Fixture.input(Fixture.singleCity()), tmp);
    }

    @Test
    void severalCitiesLoadAndTakeAScreenshot(@TempDir Path tmp) throws Exception {
        render("report-two-cities", Fixture.input(Fixture.results()), tmp);
    }
}
