package org.citykpi.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.data.Dataset;
import org.citykpi.data.DuplicatePolicy;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Format;
import org.citykpi.io.Problem;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.read.DataReader;
import org.junit.jupiter.api.Test;

class LongCsvTest {
    private static ReadResult read(String name, String text, ReadOptions o) throws IOException {
        return DataReader.create(o).read(name, new StringReader(text));
    }

    private static ReadResult read(String text) throws IOException {
        return read("t.csv", text, ReadOptions.defaults());
    }

    private static double value(Dataset d, String e, String p, String v) {
        return d.value(e, Period.parse(p), v).orElseThrow();
    }

    @Test
    void readsObservationsInAnyColumnOrderWithSynonyms() throws IOException {
        ReadResult r = read("Indicator,City,Year,Value\nhouseholds,karmoy,2022,1200\nhouseholds,CH-GE,2021,3.5\n");
        assertEquals(Format.LONG_CSV, r.formats().get("t.csv"));
        assertEquals(2, r.rowsRead());
        assertEquals(2, r.rowsAccepted());
        assertEquals(0, r.rowsRejected());
        // values as written in the input
        assertEquals(1200.0, value(r.dataset(), "karmoy", "2022", "households"));
        assertEquals(3.5, value(r.dataset(), "CH-GE", "2021", "households"));
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void rejectsABadNumberWithItsPositionAndGoesOn() throws IOException {
        ReadResult r = read(
                "bad.csv",
                "entity,period,variable,value\na,2020,x,1\nb,2020,x,1x0\nc,2020,x,2\n",
                ReadOptions.defaults());
        assertEquals(3, r.rowsRead());
        assertEquals(2, r.rowsAccepted());
        assertEquals(1, r.rowsRejected());
        Problem p = r.problems().get(0);
        assertEquals(
                "bad.csv:3:4: not a number '1x0' (expected a number with '.' as decimal separator, or use --decimal-comma)",
                p.toString());
        assertEquals("1x0", p.raw());
    }

    @Test
    void strictModeStopsAtTheFirstError() {
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> read(
                        "s.csv",
                        "entity,period,variable,value\na,2020,x,1\nb,20x0,x,1\n",
                        ReadOptions.defaults().withStrict(true)));
        assertEquals(3, e.problem().line());
        assertEquals(2, e.problem().column());
    }

    @Test
    void europeanExportWithSemicolonsDecimalCommaBomAndCrlf() throws IOException {
        String text = "\uFEFFentity;period;variable;value\r\nGenève;2022;share;12,5\r\nGenève;2023;share;-0,25\r\n";
        ReadResult r = read("eu.csv", text, ReadOptions.defaults().withDecimalComma(true));
        assertEquals(2, r.rowsAccepted());
        assertEquals(12.5, value(r.dataset(), "Genève", "2022", "share"));
        assertEquals(-0.25, value(r.dataset(), "Genève", "2023", "share"));
        // without --decimal-comma the same file is rejected row by row, never misread
        ReadResult plain = read("eu.csv", text, ReadOptions.defaults());
        assertEquals(2, plain.rowsRejected());
        assertEquals(
                "eu.csv:2:4: not a number '12,5' (expected a number with '.' as decimal separator, or use"
                        + " --decimal-comma)",
                plain.problems().get(0).toString());
    }

    @Test
    void duplicatesNameBothLines() throws IOException {
        String text = "entity,period,variable,value\na,2020,x,1\na,2021,x,2\na,2020,x,3\n";
        ReadResult r = read("d.csv", text, ReadOptions.defaults());
        assertEquals(1, r.rowsRejected());
        assertEquals(
                "d.csv:4:4: duplicate value for (a, 2020, x): line 2 already gave one (duplicates are rejected unless"
                        + " the duplicate policy is first, last or sum)",
                r.problems().get(0).toString());
        assertEquals(1.0, value(r.dataset(), "a", "2020", "x"));
        // sum: 1 + 3 = 4
        ReadResult s = read("d.csv", text, ReadOptions.defaults().withDuplicates(DuplicatePolicy.SUM));
        assertEquals(0, s.rowsRejected());
        assertEquals(4.0, value(s.dataset(), "a", "2020", "x"));
        ReadResult last = read("d.csv", text, ReadOptions.defaults().withDuplicates(DuplicatePolicy.LAST));
        assertEquals(3.0, value(last.dataset(), "a", "2020", "x"));
        ReadResult first = read("d.csv", text, ReadOptions.defaults().withDuplicates(DuplicatePolicy.FIRST));
        assertEquals(1.0, value(first.dataset(), "a", "2020", "x"));
    }

    @Test
    void missingRequiredColumnMakesTheFileUnreadable() {
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> read("m.csv", "entity,variable,value\na,x,1\n", ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith("m.csv:1: "), e.getMessage());
        assertTrue(e.getMessage().contains("period|year|Year|Time|TIME_PERIOD"), e.getMessage());
    }

    @Test
    void nonFiniteAndOverflowingNumbersAreRejected() throws IOException {
        ReadResult r =
                read("entity,period,variable,value\na,2020,x,NaN\na,2021,x,Infinity\na,2022,x,1e999\na,2023,x,-inf\n");
        assertEquals(4, r.rowsRejected());
        List<Problem> ps = r.problems();
        assertTrue(
                ps.get(0).message().startsWith("not a finite number 'NaN'"),
                ps.get(0).message());
        assertTrue(
                ps.get(1).message().startsWith("not a finite number 'Infinity'"),
                ps.get(1).message());
        assertTrue(
                ps.get(2).message().startsWith("number out of range '1e999'"),
                ps.get(2).message());
        assertTrue(
                ps.get(3).message().startsWith("not a finite number '-inf'"),
                ps.get(3).message());
        assertEquals(0, r.dataset().observationCount());
    }

    @Test
    void emptyValueIsMissingWithAWarningAndTheRowExists() throws IOException {
        ReadResult r = read("entity,period,variable,value\na,2020,x,\nb,2020,x,5\n");
        assertEquals(2, r.rowsAccepted());
        assertEquals(1, r.warningCount());
        assertFalse(r.hasErrors());
        assertTrue(r.dataset().row("a", Period.parse("2020")) >= 0);
        assertTrue(r.dataset().value("a", Period.parse("2020"), "x").isEmpty());
        assertEquals(
                "t.csv:2:4: warning: no value for x (a, 2020); taken as missing",
                r.problems().get(0).toString());
    }

    @Test
    void unitsAreCheckedAgainstTheCatalogAndEachOther() throws IOException {
        String text =
                "entity,period,variable,value,unit\na,2020,share,50,%\na,2021,share,0.5,ratio\nb,2020,area,3,km2\nb,2021,area,4,ha\n";
        ReadResult r = read("u.csv", text, ReadOptions.defaults().withUnits(java.util.Map.of("share", "%")));
        assertEquals(2, r.rowsRejected());
        assertEquals(
                "u.csv:3:5: unit 'ratio' does not match the catalog unit '%' of share (expected '%', or convert the value)",
                r.problems().get(0).toString());
        assertEquals(
                "u.csv:5:5: unit 'ha' differs from the unit 'km2' that line 4 gave for area (expected one unit per variable)",
                r.problems().get(1).toString());
        assertEquals("%", r.units().get("share"));
    }

    @Test
    void sourceNoteAndExtraColumnsAreKeptAsAttributes() throws IOException {
        ReadResult r = read(
                "entity,period,variable,value,source,note,flag\na,2020,x,1,census,\"est., rounded\",p\na,2021,x,2,,,\n");
        assertEquals(1, r.attributes().size());
        assertEquals(
                java.util.Map.of("source", "census", "note", "est., rounded", "flag", "p"),
                r.attributes().get(0).attributes());
    }

    @Test
    void lineNumbersCountQuotedLineBreaks() throws IOException {
        ReadResult r = read("entity,period,variable,value,note\na,2020,x,1,\"two\nlines\"\na,2021,x,oops,\n");
        assertEquals(
                "t.csv:4:4: not a number 'oops' (expected a number with '.' as decimal separator, or use"
                        + " --decimal-comma)",
                r.problems().get(0).toString());
    }

    @Test
    void unclosedQuoteRejectsOneRowOnly() throws IOException {
        ReadResult r = read("entity,period,variable,value\na,2020,x,1\n\"b,2020,x,2\nc,2020,x,3\n");
        assertEquals(3, r.rowsRead());
        assertEquals(2, r.rowsAccepted());
        assertEquals(1, r.rowsRejected());
        assertTrue(r.problems().get(0).toString().startsWith("t.csv:3:1: quote opened here is never closed"));
        assertEquals(3.0, value(r.dataset(), "c", "2020", "x"));
    }

    @Test
    void valuesOutsideTheCatalogRangeAreRejectedNamingTheRange() throws IOException {
        ReadOptions o = ReadOptions.defaults()
                .withRanges(List.of(
                        org.citykpi.Variable.of("share", "%").withRange(0, 100), org.citykpi.Variable.of("open", "")));
        ReadResult r = read(
                "r.csv", "entity,period,variable,value\na,2020,share,100.5\na,2021,share,100\na,2020,open,-1e9\n", o);
        assertEquals(1, r.rowsRejected());
        assertEquals(
                "r.csv:2:4: value 100.5 of share is outside its valid range [0, 100] (expected a value in range, in %)",
                r.problems().get(0).toString());
    }
}
