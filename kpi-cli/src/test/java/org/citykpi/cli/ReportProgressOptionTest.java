package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code citykpi report --progress-method} on the worked example of {@code
 * docs/reference/progress-methods.md} §5.6: PM2.5 (lower is better) 20 in 2015, 16 in 2022, target
 * 10 by 2030, for which the worked example gives Statistics Canada {@code acceleration_needed} and
 * Eurostat 0.695 {@code moderate_progress}.
 */
class ReportProgressOptionTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private ReportCommandTest.Run report(Path html, String... more) throws IOException {
        Path catalog = write(
                "pc.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\"variables\":[],\n"
                        + " \"indicators\":[{\"id\":\"PM25\",\"name\":\"PM2.5 annual mean\",\"unit\":\"ug/m3\","
                        + "\"direction\":\"lower\",\"formula\":\"PM25\"}]}\n");
        Path data = write("p.csv", "entity,period,variable,value\nc,2015,PM25,20\nc,2022,PM25,16\n");
        Path targets = write("pt.csv", "kpi,target,target_period\nPM25,10,2030\n");
        String[] base = {
            "report",
            "--catalog",
            catalog.toString(),
            "--data",
            data.toString(),
            "--targets",
            targets.toString(),
            "--out",
            html.toString()
        };
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return ReportCommandTest.run(args);
    }

    @Test
    void defaultIsStatisticsCanada() throws IOException {
        Path html = dir.resolve("r.html");
        ReportCommandTest.Run r = report(html);
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("data-method=\"statcan\""), "statcan by default");
        assertTrue(page.contains("<tr data-kpi=\"PM25\" data-category=\"acceleration_needed\""), page);
    }

    @Test
    void eurostatWhenAsked() throws IOException {
        Path html = dir.resolve("r.html");
        ReportCommandTest.Run r = report(html, "--progress-method", "eurostat");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("Progress towards targets: Eurostat (EU SDG monitoring) method"), page);
        // R = 0.0313749 / 0.0451584 = 0.6947748 (worked example §5.6: 0.695) → moderate_progress
        assertTrue(
                page.contains("<tr data-kpi=\"PM25\" data-category=\"moderate_progress\" data-measure=\"0.69477"),
                page);
    }

    @Test
    void anUnknownMethodIsAUsageError() throws IOException {
        Path html = dir.resolve("r.html");
        ReportCommandTest.Run r = report(html, "--progress-method", "gdp");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--progress-method: not a progress method 'gdp'"), r.err());
        assertFalse(Files.exists(html), "nothing written");
    }
}
