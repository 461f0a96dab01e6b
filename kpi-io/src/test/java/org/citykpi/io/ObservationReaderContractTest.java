package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.citykpi.data.DuplicatePolicy;
import org.citykpi.io.read.ObservationReader;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Series;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checks every observation reader must pass, whatever its format. A subclass writes readings
 * in its format ({@link #render}), saying where each part of each reading landed; the checks
 * generate the inputs and compare with the readings they started from, so every expected value is
 * the literal text of {@link #SAMPLE}, and every expected message is the one the observations CSV
 * reader gives (written out below).
 */
public abstract class ObservationReaderContractTest {
    /** One reading as text. */
    public record Reading(
            String station,
            String time,
            String property,
            @Nullable String value,
            @Nullable String unit) {
        Reading with(Field f, String text) {
            return new Reading(
                    f == Field.STATION ? text : station,
                    f == Field.TIME ? text : time,
                    f == Field.PROPERTY ? text : property,
                    f == Field.VALUE ? text : value,
                    f == Field.UNIT ? text : unit);
        }
    }

    /** The parts of a reading. */
    public enum Field {
        STATION,
        TIME,
        PROPERTY,
        VALUE,
        UNIT
    }

    /** Where a part landed: line and column as the format counts them. */
    public record Pos(long line, int column) {}

    /** A rendered input: its text and, per reading in the order given, where each part landed. */
    public record Rendered(String text, List<Map<Field, Pos>> positions) {}

    /** Readings of two stations and two properties over three hours; values exact in binary. */
    protected static final List<Reading> SAMPLE = List.of(
            new Reading("S1", "2023-01-01T00:00:00Z", "pm25", "12.5", "ug/m3"),
            new Reading("S1", "2023-01-01T01:00:00Z", "pm25", "10", "ug/m3"),
            new Reading("S1", "2023-01-01T00:00:00Z", "no2", "20.25", "ppb"),
            new Reading("S2", "2023-01-01T00:00:00Z", "pm25", "8", "ug/m3"),
            new Reading("S2", "2023-01-01T01:00:00Z", "pm25", "1e1", "ug/m3"),
            new Reading("S2", "2023-01-01T00:00:00Z", "no2", "0.125", "ppb"),
            new Reading("S1", "2023-01-01T02:00:00Z", "pm25", "11.75", "ug/m3"));

    /** Creates the contract; subclasses supply a format. */
    protected ObservationReaderContractTest() {}

    /** Returns the format under test. */
    protected abstract ObservationFormat format();

    /** Returns the name the input is read under. */
    protected abstract String inputName();

    /** Writes {@code readings} in the format, recording where each part of each reading lands. */
    protected abstract Rendered render(List<Reading> readings);

    /** Returns true when a bad {@code f} can be given to one reading alone (not a whole entity). */
    protected boolean perReading(Field f) {
        return true;
    }

    protected ObservationResult read(String text, ObservationOptions o) throws IOException {
        return ObservationReader.create(o).read(inputName(), new StringReader(text));
    }

    /** Returns the readings as "station|property|time" → value. */
    protected static Map<String, Double> cells(Observations obs) {
        Map<String, Double> m = new TreeMap<>();
        for (Series s : obs.series()) {
            for (int i = 0; i < s.size(); i++) {
                m.put(s.station() + "|" + s.property() + "|" + Instant.ofEpochMilli(s.time(i)), s.value(i));
            }
        }
        return m;
    }

    protected static Map<String, Double> cells(List<Reading> readings) {
        Map<String, Double> m = new TreeMap<>();
        for (Reading r : readings) {
            if (r.value() != null) {
                m.put(r.station() + "|" + r.property() + "|" + Instant.parse(r.time()), Double.parseDouble(r.value()));
            }
        }
        return m;
    }

    private static List<Reading> with(List<Reading> rs, int k, Field f, String text) {
        List<Reading> l = new ArrayList<>(rs);
        l.set(k, l.get(k).with(f, text));
        return l;
    }

    private static void accountingHolds(ObservationResult r) {
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsRejected() + r.rowsSkipped());
        assertTrue(r.rowsRejected() <= r.errorCount(), "every rejected row has an error");
        assertEquals(r.rowsAccepted(), r.observations().size() + r.resolvedDuplicates());
    }

    @Test
    void readsTheReadingsItWasGiven() throws IOException {
        ObservationResult r = read(render(SAMPLE).text(), ObservationOptions.defaults());
        assertEquals(Map.of(inputName(), format()), r.formats());
        assertEquals(cells(SAMPLE), cells(r.observations()));
        assertEquals(SAMPLE.size(), r.rowsRead());
        assertEquals(SAMPLE.size(), r.rowsAccepted());
        assertFalse(r.hasErrors(), () -> r.problems().toString());
        assertEquals(
                "µg/m³",
                r.observations().series("S1", "pm25").orElseThrow().unit().orElseThrow());
        assertEquals(
                "ppb", r.observations().series("S2", "no2").orElseThrow().unit().orElseThrow());
        accountingHolds(r);
    }

    /**
     * Bad cells, with the message every reader gives for them: the texts of the observations CSV
     * reader, whose messages the command's users see.
     */
    enum BadCell {
        NOT_A_TIME(
                Field.TIME,
                "2023-13-01T00:00Z",
                "not a time stamp '2023-13-01T00:00Z': month 13 does not exist (expected ISO 8601 such as"
                        + " 2023-01-01T00:00:00Z or 2023-01-01T01:00+01:00)"),
        NO_ZONE(
                Field.TIME,
                "2023-01-01T05:00:00",
                "time stamp without a zone '2023-01-01T05:00:00' (expected an offset such as Z or +01:00, or the zone"
                        + " of local times: --zone Europe/Paris)"),
        NOT_A_NUMBER(
                Field.VALUE,
                "1x0",
                "not a number '1x0' (expected a number with '.' as decimal separator, or use --decimal-comma)"),
        NOT_FINITE(
                Field.VALUE,
                "NaN",
                "not a finite number 'NaN' (expected a finite number; leave the cell empty for a missing value)"),
        OVERFLOW(Field.VALUE, "1e999", "number out of range '1e999' (expected a magnitude below 1.8e308)"),
        EMPTY_STATION(Field.STATION, "", "empty station (expected a station id)"),
        EMPTY_PROPERTY(Field.PROPERTY, "", "empty property (expected an observed property such as pm25)");

        final Field field;
        final String text;
        final String message;

        BadCell(Field field, String text, String message) {
            this.field = field;
            this.text = text;
            this.message = message;
        }
    }

    @ParameterizedTest
    @EnumSource(BadCell.class)
    void theSameBadCellGivesTheSameMessageAtItsPosition(BadCell c) throws IOException {
        if (!perReading(c.field)) {
            return; // the part is shared by several readings in this format (an entity's id)
        }
        List<Reading> bad = with(SAMPLE, 3, c.field, c.text);
        Rendered in = render(bad);
        ObservationResult r = read(in.text(), ObservationOptions.defaults());
        assertEquals(1, r.rowsRejected(), () -> r.problems().toString());
        assertEquals(SAMPLE.size() - 1, r.rowsAccepted());
        Problem p = r.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals(c.message, p.message());
        assertEquals(inputName(), p.file());
        Pos at = in.positions().get(3).get(c.field);
        assertEquals(at.line(), p.line(), p::toString);
        assertEquals(at.column(), p.column(), p::toString);
        Map<String, Double> expected = cells(SAMPLE);
        expected.remove("S2|pm25|2023-01-01T00:00:00Z");
        assertEquals(expected, cells(r.observations()));
        accountingHolds(r);
    }

    @Test
    void rejectsADuplicateAtItsTimeNamingTheLineOfTheFirst() throws IOException {
        List<Reading> dup = new ArrayList<>(SAMPLE);
        dup.add(new Reading("S2", "2023-01-01T00:00:00Z", "pm25", "99", "ug/m3"));
        Rendered in = render(dup);
        ObservationResult r = read(in.text(), ObservationOptions.defaults());
        assertEquals(1, r.rowsRejected(), () -> r.problems().toString());
        Problem p = r.problems().get(0);
        Pos first = in.positions().get(3).get(Field.TIME);
        Pos second = in.positions().get(dup.size() - 1).get(Field.TIME);
        assertEquals(
                "duplicate reading for (S2, pm25) at 2023-01-01T00:00:00Z: line " + first.line()
                        + " already gave one (duplicates are rejected unless the duplicate policy is first, last or sum)",
                p.message());
        assertEquals(second.line(), p.line());
        assertEquals(second.column(), p.column());
        assertEquals(8.0, cells(r.observations()).get("S2|pm25|2023-01-01T00:00:00Z"));
        accountingHolds(r);

        ObservationResult last = read(in.text(), ObservationOptions.defaults().withDuplicates(DuplicatePolicy.LAST));
        assertFalse(last.hasErrors());
        assertEquals(1, last.resolvedDuplicates());
        assertEquals(99.0, cells(last.observations()).get("S2|pm25|2023-01-01T00:00:00Z"));
        accountingHolds(last);
    }

    @Test
    void readingsOutsideTheYearAndWithoutAValueAreSkippedAndCounted() throws IOException {
        List<Reading> rs = new ArrayList<>(SAMPLE);
        rs.add(new Reading("S1", "2022-12-31T23:00:00Z", "pm25", "7", "ug/m3"));
        rs.add(new Reading("S1", "2024-01-01T00:00:00Z", "pm25", "7", "ug/m3"));
        rs.add(new Reading("S2", "2023-01-01T02:00:00Z", "pm25", null, "ug/m3"));
        ObservationResult r =
                read(render(rs).text(), ObservationOptions.defaults().withYear(2023));
        assertEquals(2, r.outsideYear());
        assertEquals(1, r.withoutValue());
        assertEquals(SAMPLE.size(), r.rowsAccepted());
        assertEquals(rs.size(), r.rowsRead());
        assertEquals(cells(SAMPLE), cells(r.observations()));
        assertEquals(
                rs.size() + " rows read: " + SAMPLE.size() + " accepted, 0 rejected, 3 skipped (2 outside 2023, 1"
                        + " without a value)",
                r.summary());
        accountingHolds(r);
    }

    @Test
    void negativeConcentrationsAreKeptWithOneWarningPerSeries() throws IOException {
        List<Reading> rs = with(with(SAMPLE, 0, Field.VALUE, "-0.5"), 1, Field.VALUE, "-1.25");
        Rendered in = render(rs);
        ObservationResult r = read(in.text(), ObservationOptions.defaults());
        assertFalse(r.hasErrors(), () -> r.problems().toString());
        assertEquals(2, r.negativeValues());
        assertEquals(1, r.warningCount());
        Problem w = r.problems().get(0);
        assertTrue(w.message().startsWith("negative concentration -0.5 for (S1, pm25) kept as measured"), w::toString);
        assertEquals(in.positions().get(0).get(Field.VALUE), new Pos(w.line(), w.column()));
        assertEquals(-1.25, cells(r.observations()).get("S1|pm25|2023-01-01T01:00:00Z"));
    }

    @Test
    void strictModeThrowsAtTheFirstError() {
        List<Reading> bad = with(with(SAMPLE, 2, Field.VALUE, "oops"), 5, Field.TIME, "never");
        Rendered in = render(bad);
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> read(in.text(), ObservationOptions.defaults().withStrict(true)));
        assertTrue(e.isStrictStop());
        assertEquals(in.positions().get(2).get(Field.VALUE).line(), e.problem().line(), e::getMessage);
    }

    @Test
    void readingOrderDoesNotChangeTheStore() throws IOException {
        List<Reading> shuffled = new ArrayList<>(SAMPLE);
        Collections.shuffle(shuffled, new Random(42));
        Observations a =
                read(render(SAMPLE).text(), ObservationOptions.defaults()).observations();
        Observations b =
                read(render(shuffled).text(), ObservationOptions.defaults()).observations();
        assertEquals(cells(a), cells(b));
    }

    @Test
    void everyTruncationReadsOrFailsWithAPosition() throws IOException {
        String text = render(SAMPLE).text();
        for (int n = 0; n <= text.length(); n++) {
            String cut = text.substring(0, n);
            try {
                ObservationResult r = read(cut, ObservationOptions.defaults());
                accountingHolds(r);
                for (Problem p : r.problems()) {
                    assertEquals(inputName(), p.file());
                }
            } catch (DataFormatException e) {
                assertEquals(inputName(), e.problem().file(), e::getMessage);
            } catch (RuntimeException e) {
                fail("prefix of " + n + " characters: " + e, e);
            }
        }
    }

    // ---- helpers for renderers of JSON formats

    /** Builds text line by line, knowing the line and column of what is appended. */
    protected static final class Lines {
        private final StringBuilder all = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private long lineNo = 1;

        /** Starts an empty text on line 1. */
        public Lines() {}

        /** Appends {@code s} (no line break) and returns where it starts. */
        public Pos put(String s) {
            Pos at = new Pos(lineNo, line.length() + 1);
            line.append(s);
            return at;
        }

        /** Ends the current line. */
        public void newline() {
            all.append(line).append('\n');
            line.setLength(0);
            lineNo++;
        }

        public String text() {
            return all.toString() + line;
        }
    }

    /** Returns {@code v} as a JSON value: a number when it reads as one, a string otherwise, null when null. */
    protected static String jsonValue(@Nullable String v) {
        if (v == null) {
            return "null";
        }
        return v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?") ? v : jsonString(v);
    }

    protected static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    protected static Map<Field, Pos> positions() {
        return new EnumMap<>(Field.class);
    }
}
