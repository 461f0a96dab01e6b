package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.coinr.CoinrData;
import org.citykpi.io.coinr.CoinrMeta;
import org.citykpi.io.coinr.CoinrReader;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bad cell of a megabyte, of several shapes, through every reader: one positioned problem whose
 * message quotes the start and the end of the cell and its length, never the whole cell. (How many
 * times the number parser reads each character is counted in {@code NumberParserTest}.)
 */
class LongCellsTest {
    private static final int MB = 1_000_000;

    @TempDir
    Path dir;

    /** Returns a megabyte of {@code unit} with a letter at the end (no number, no period). */
    static String cell(String unit) {
        return unit.repeat(MB / unit.length()) + "x";
    }

    static String csvQuoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static void assertShort(Problem p, String file, long line, int column, String startsWith, int length) {
        String m = p.message();
        assertEquals(file, p.file(), m);
        assertEquals(line, p.line(), m);
        assertEquals(column, p.column(), m);
        assertTrue(m.startsWith(startsWith), m);
        assertTrue(m.contains("' (" + String.format(Locale.ROOT, "%,d", length) + " characters)"), m);
        assertTrue(m.length() < 800, m.length() + " characters");
        assertTrue(p.raw().length() <= Problem.MAX_RAW, p.raw());
    }

    private static ReadResult read(String name, String text) throws IOException {
        return DataReader.create(ReadOptions.defaults()).read(name, new StringReader(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.", "1e", "-", " ", "\t", "\u0001"})
    void longCsvValue(String unit) throws IOException {
        String c = cell(unit);
        ReadResult r = read("v.csv", "entity,period,variable,value\na,2021,x," + csvQuoted(c) + "\na,2021,y,2\n");
        assertEquals(1, r.rowsRejected());
        assertShort(r.problems().get(0), "v.csv", 2, 4, "not a number '", c.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2021-", "-", ".", "\u0001"})
    void longCsvPeriod(String unit) throws IOException {
        String c = cell(unit);
        ReadResult r = read("p.csv", "entity,period,variable,value\na," + csvQuoted(c) + ",x,1\na,2021,y,2\n");
        assertEquals(1, r.rowsRejected());
        assertShort(r.problems().get(0), "p.csv", 2, 2, "not a period '", c.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.", "1e"})
    void wideCsvValue(String unit) throws IOException {
        String c = cell(unit);
        ReadResult r = read("w.csv", "entity,period,x,y\na,2021," + csvQuoted(c) + ",2\n");
        assertEquals(1, r.rowsRejected());
        assertShort(r.problems().get(0), "w.csv", 2, 3, "not a number '", c.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2021-"})
    void jsonDatasetValueAndPeriod(String unit) throws IOException {
        String c = cell(unit);
        ReadResult r = read(
                "d.json",
                "{\"format\":\"citykpi-dataset/1\",\"observations\":[\n"
                        + "{\"entity\":\"a\",\"period\":\"2021\",\"variable\":\"x\",\"value\":\"" + c + "\"},\n"
                        + "{\"entity\":\"a\",\"period\":\"" + c + "\",\"variable\":\"x\",\"value\":1}]}");
        assertEquals(2, r.rowsRejected());
        assertTrue(r.problems().get(0).message().startsWith("\"value\" must be a JSON number, not a string '"));
        assertTrue(r.problems().get(0).message().length() < 800);
        // column 24: where the period's string starts
        assertShort(r.problems().get(1), "d.json", 3, 24, "not a period '", c.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.", "-"})
    void targetsCsvTargetPeriodAndKpi(String unit) throws IOException {
        String c = cell(unit);
        Catalog u4ssc = CatalogJson.u4ssc();
        TargetsReader.Result r = TargetsReader.readCsv(
                "t.csv",
                new StringReader("kpi,target,target_period\n"
                        + "EC.ICT.ICT.1C," + csvQuoted(c) + ",2030\n"
                        + "EC.ICT.ICT.1C,100," + csvQuoted(c) + "\n"
                        + csvQuoted(c) + ",100,2030\n"),
                u4ssc);
        assertEquals(3, r.problems().size());
        assertShort(r.problems().get(0), "t.csv", 2, 2, "not a number '", c.length());
        assertShort(r.problems().get(1), "t.csv", 3, 3, "not a period '", c.length());
        assertShort(r.problems().get(2), "t.csv", 4, 1, "unknown KPI '", c.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.", "1e", "-"})
    void coinrDataAndMeta(String unit) throws IOException {
        String c = cell(unit);
        String meta = "iCode,iName,Level,Parent,Direction,Weight,Type\n"
                + "i1,I1,1,Idx,1,1,Indicator\ni2,I2,1,Idx,1,1,Indicator\nIdx,Index,2,,1,1,Aggregate\n";
        CoinrMeta m = CoinrReader.readMeta(write("m.csv", meta));
        CoinrData d = CoinrReader.readData(write("d.csv", "uCode,i1,i2\nA,1,2\nB," + csvQuoted(c) + ",3\nC,2,1\n"), m);
        assertEquals(1, d.rowsRejected());
        assertShort(d.problems().get(0), dir.resolve("d.csv").toString(), 3, 2, "i1 is not a number '", c.length());
        Path badMeta = write("bad.csv", meta.replace("i1,I1,1,Idx,1,1,", "i1,I1,1,Idx,1," + csvQuoted(c) + ","));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CoinrReader.readMeta(badMeta));
        assertShort(e.problem(), badMeta.toString(), 2, 6, "Weight is not a number '", c.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "(", "a+"})
    void catalogFormula(String unit) throws IOException {
        String c = cell(unit);
        Path cat = write(
                "cat.json",
                "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"variables\":[{\"id\":\"a\"}],\"indicators\":[\n"
                        + "{\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"" + c
                        + "\"}]}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> CatalogJson.read(cat));
        String m = e.problem().message();
        assertTrue(m.startsWith("indicator K: formula '"), m);
        assertTrue(m.contains("' (" + String.format(Locale.ROOT, "%,d", c.length()) + " characters)"), m);
        assertTrue(m.length() < 800, m.length() + " characters");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
