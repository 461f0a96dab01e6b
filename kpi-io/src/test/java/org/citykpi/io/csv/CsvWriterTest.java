package org.citykpi.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.IndexResult;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.index.UncertainInput;
import org.citykpi.index.UncertaintyAnalysis;
import org.citykpi.index.UncertaintyResult;
import org.citykpi.io.coinr.CoinrData;
import org.citykpi.io.coinr.CoinrMeta;
import org.citykpi.io.coinr.CoinrReader;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.score.GroupScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one quoting rule of every CSV output: RFC 4180 (a cell with the separator, a quote or a line
 * break is quoted, quotes doubled) and the spreadsheet guard of OWASP's "CSV injection" advice
 * (text starting with {@code = + - @}, tab or carriage return that is not a number is quoted with a
 * leading apostrophe). Every expected cell below is worked out by hand from those two rules.
 */
class CsvWriterTest {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "plain            | plain",
                "a b              | a b",
                "2015-16          | 2015-16",
                "a,b              | `\"a,b\"`",
                "`say \"hi\"`     | `\"say \"\"hi\"\"\"`",
                "=1+2             | `\"'=1+2\"`",
                "+cmd             | `\"'+cmd\"`",
                "-cmd             | `\"'-cmd\"`",
                "@SUM(A1)         | `\"'@SUM(A1)\"`",
                "`=a,\"b\"`       | `\"'=a,\"\"b\"\"\"`",
                "-                | `\"'-\"`",
                "-1x0             | `\"'-1x0\"`",
                "-12.5            | -12.5",
                "+3               | +3",
                "-1e-3            | -1e-3",
                "-0               | -0",
            })
    void quotesByRfc4180AndGuardsFormulas(String text, String cell) {
        assertEquals(cell, CsvWriter.cell(text));
    }

    @Test
    void quotesLineBreaksAndGuardsControlCharactersFirst() {
        assertEquals("\"two\nlines\"", CsvWriter.cell("two\nlines"));
        assertEquals("\"cr\rhere\"", CsvWriter.cell("cr\rhere"));
        assertEquals("\"'\tx\"", CsvWriter.cell("\tx"));
        assertEquals("\"'\rx\"", CsvWriter.cell("\rx"));
        // a tab inside a cell is neither a separator nor a formula start
        assertEquals("a\tb", CsvWriter.cell("a\tb"));
        assertEquals("", CsvWriter.cell(""));
    }

    @Test
    void writesCellsNumbersAndEmptyCellsInLines() throws IOException {
        StringWriter w = new StringWriter();
        new CsvWriter(w)
                .line("h1", "h,2")
                .text("=x")
                .number(-0.5)
                .empty()
                .integer(7)
                .end()
                .flush();
        // Numbers.format(-0.5) = "-0.5": a number cell is never quoted
        assertEquals("h1,\"h,2\"\n\"'=x\",-0.5,,7\n", w.toString());
    }

    @Test
    void datasetScoresAndCatalogWritersUseTheRule() throws IOException {
        Dataset.Builder b = Dataset.builder();
        b.add("-cmd", Period.year(2022), "=v", -1.5);
        Dataset d = b.build();
        StringWriter lng = new StringWriter();
        DatasetCsvWriter.writeLong(d, lng);
        assertEquals("entity,period,variable,value\n\"'-cmd\",2022,\"'=v\",-1.5\n", lng.toString());
        StringWriter wide = new StringWriter();
        DatasetCsvWriter.writeWide(d, wide);
        assertEquals("entity,period,\"'=v\"\n\"'-cmd\",2022,-1.5\n", wide.toString());

        StringWriter scores = new StringWriter();
        ScoresCsv.write(
                List.of(new GroupScore("@x", Period.year(2022), GroupScore.Level.CATEGORY, "=g", 2, 1, 3, 4)), scores);
        // 3 of 4 points: score_pct 100 * 3 / 4 = 75
        assertTrue(
                scores.toString().startsWith(ScoresCsv.HEADER + "\n\"'@x\",2022,category,\"'=g\",2,1,3,4,75,"),
                scores::toString);

        String json = "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\","
                + "\"variables\":[{\"id\":\"hh\",\"unit\":\"households\"}],"
                + "\"indicators\":[{\"id\":\"X\",\"name\":\"=evil\",\"unit\":\"households\","
                + "\"direction\":\"higher\",\"formula\":\"hh\"}]}";
        Catalog c = CatalogJson.read("t.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        StringWriter cat = new StringWriter();
        CatalogCsv.write(c, cat);
        assertTrue(cat.toString().contains(",\"'=evil\","), cat::toString);
    }

    static final String META = "iCode,Level,Parent,Direction,Weight\nx,1,P,1,1\ny,1,P,-1,1\nP,2,NA,1,1\n";

    @Test
    void indexAndUncertaintyWritersUseTheRule(@TempDir Path dir) throws IOException {
        Path m = Files.writeString(dir.resolve("m.csv"), META);
        Path dd = Files.writeString(dir.resolve("d.csv"), "uCode,x,y\n=A,1,4\n-2,3,2\n@C,2,NA\n");
        CoinrMeta meta = CoinrReader.readMeta(m);
        CoinrData data = CoinrReader.readData(dd, meta);
        IndexResult r = CompositeIndex.of(meta.hierarchy(), data.data()).build(Pipeline.defaults());
        StringWriter w = new StringWriter();
        IndexCsvWriter.write(r, w);
        // min-max 0-100: x over 1, 3, 2 → 0, 100, 50; y (lower is better) over 4, 2 → 0, 100; P the
        // mean of its children; units in code order (- before = before @); -2 is a number, so plain
        assertEquals(
                IndexCsvWriter.HEADER + "\n"
                        + "-2,x,1,100,1\n-2,y,1,100,1\n-2,P,2,100,1\n"
                        + "\"'=A\",x,1,0,3\n\"'=A\",y,1,0,2\n\"'=A\",P,2,0,3\n"
                        + "\"'@C\",x,1,50,2\n\"'@C\",y,1,,\n\"'@C\",P,2,50,2\n",
                w.toString());

        Normaliser minmax = Normaliser.parse("minmax");
        UncertaintyResult u = UncertaintyAnalysis.create(
                        CompositeIndex.of(meta.hierarchy(), data.data()),
                        Pipeline.defaults(),
                        List.of(new UncertainInput.NormaliserChoice("normalisation", List.of(minmax, minmax))))
                .run(3, 1);
        StringWriter uw = new StringWriter();
        UncertaintyCsvWriter.write(u, false, uw);
        // every run normalises as the nominal pipeline does, so each rank interval is the nominal rank
        assertEquals(
                UncertaintyCsvWriter.HEADER + "\n" + "-2,P,1,1,1,1,1,3\n\"'=A\",P,3,3,3,3,3,3\n\"'@C\",P,2,2,2,2,2,3\n",
                uw.toString());
    }
}
