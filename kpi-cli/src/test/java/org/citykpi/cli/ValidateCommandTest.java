package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    static final String CATALOG = "{\"format\": \"citykpi-catalog/1\", \"id\": \"t\", \"version\": \"1\",\n"
            + "\"variables\": [{\"id\": \"hh_total\", \"unit\": \"households\", \"min\": 0},\n"
            + "  {\"id\": \"hh_internet\", \"unit\": \"households\", \"min\": 0},\n"
            + "  {\"id\": \"pm25\", \"unit\": \"ug/m3\", \"min\": 0}],\n"
            + "\"indicators\": [{\"id\": \"NET\", \"name\": \"Household Internet access\", \"unit\": \"%\","
            + " \"direction\": \"higher\", \"formula\": \"100 * hh_internet / hh_total\"},\n"
            + "  {\"id\": \"PM\", \"name\": \"PM2.5\", \"unit\": \"ug/m3\", \"direction\": \"lower\", \"formula\":"
            + " \"pm25\"}],\n"
            + "\"rules\": [{\"id\": \"r1\", \"description\": \"households with Internet cannot exceed households\","
            + " \"check\": \"hh_internet <= hh_total\", \"severity\": \"error\"}]}\n";

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = CityKpiCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void reportsFormatRangeRuleAndMissingInputProblemsWithPositions(@TempDir Path dir) throws IOException {
        Path cat = Files.writeString(dir.resolve("cat.json"), CATALOG);
        Path data = Files.writeString(
                dir.resolve("d.csv"),
                "entity,period,variable,value\n"
                        + "a,2022,hh_total,100\n"
                        + "a,2022,hh_internet,120\n"
                        + "b,2022,hh_total,-5\n"
                        + "b,2022,hh_internet,50\n"
                        + "c,2022,hh_total,1x\n");
        Run r = run("validate", "--data", data.toString(), "--catalog", cat.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(data + ":4:4: value -5 of hh_total is outside its valid range >= 0"), r.err());
        assertTrue(r.err().contains(data + ":6:4: not a number '1x'"), r.err());
        assertTrue(
                r.err().contains("citykpi: error: a 2022: households with Internet cannot exceed households"), r.err());
        assertTrue(r.err().contains("citykpi: warning: PM PM2.5: cannot be computed, the data has no pm25"), r.err());
        assertTrue(r.err().contains("citykpi: 5 rows read: 3 accepted, 2 rejected"), r.err());
        // 2 rejected rows + 1 broken error rule = 3 errors; warnings: NET lacks inputs for b and c, PM for all
        assertTrue(r.out().startsWith("citykpi validate: 3 errors, 2 warnings"), r.out());
    }

    @Test
    void cleanDataExitsZero(@TempDir Path dir) throws IOException {
        Path cat = Files.writeString(dir.resolve("cat.json"), CATALOG);
        Path data =
                Files.writeString(dir.resolve("d.csv"), "City;Year;hh_total;hh_internet;pm25\r\nx;2022;100;80;7,5\r\n");
        Run r = run("validate", "--data", data.toString(), "--catalog", cat.toString(), "--decimal-comma");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("citykpi validate: no errors, 0 warnings"), r.out());
    }

    @Test
    void strictStopsAtTheFirstErrorAndUnreadableInputIsExitThree(@TempDir Path dir) throws IOException {
        Path cat = Files.writeString(dir.resolve("cat.json"), CATALOG);
        Path data = Files.writeString(
                dir.resolve("d.csv"), "entity,period,variable,value\na,2022,hh_total,-1\na,2023,x,y\n");
        Run strict = run("validate", "--data", data.toString(), "--catalog", cat.toString(), "--strict");
        assertEquals(1, strict.code());
        assertTrue(strict.err().startsWith(data + ":2:4: value -1"), strict.err());
        assertFalse(strict.err().contains(":3:"), strict.err());
        Run missing = run("validate", "--data", dir.resolve("nope.csv").toString(), "--catalog", cat.toString());
        assertEquals(3, missing.code());
        Path broken = Files.writeString(dir.resolve("b.csv"), "just,some,columns\n1,2,3\n");
        Run unreadable = run("validate", "--data", broken.toString(), "--catalog", cat.toString());
        assertEquals(3, unreadable.code());
        assertTrue(unreadable.err().startsWith(broken + ":1: cannot tell the format"), unreadable.err());
    }
}
