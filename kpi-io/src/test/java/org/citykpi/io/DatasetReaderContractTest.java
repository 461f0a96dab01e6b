package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.citykpi.Variable;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;
import org.citykpi.io.read.DataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checks every dataset reader must pass, whatever its format. A subclass says how to write
 * observations in its format ({@link #render}) and where each one lands ({@link #lineOf}); the
 * checks here generate the inputs and compare with the observations they started from (so every
 * expected value is the literal text of {@link #SAMPLE}).
 */
public abstract class DatasetReaderContractTest {
    /** One observation as text: entity, period, variable, value as written. */
    public record Obs(String entity, String period, String variable, String value) {}

    /** Observations over two entities, two periods and two variables; values exact in binary or decimal. */
    protected static final List<Obs> SAMPLE = List.of(
            new Obs("karmoy", "2021", "hh_total", "4210"),
            new Obs("karmoy", "2021", "hh_internet", "3950.5"),
            new Obs("karmoy", "2022", "hh_total", "4300"),
            new Obs("karmoy", "2022", "hh_internet", "4011.25"),
            new Obs("CH-GE", "2021", "hh_total", "1e3"),
            new Obs("CH-GE", "2021", "hh_internet", "-0.125"),
            new Obs("CH-GE", "2022", "hh_total", "12345.678"),
            new Obs("CH-GE", "2022", "hh_internet", "0"));

    /** Returns the format under test. */
    protected abstract Format format();

    /** Returns the name the input is read under (it matters for Open SDG). */
    protected String inputName() {
        return "data";
    }

    /** Returns the text of a file holding {@code obs}, in order. */
    protected abstract String render(List<Obs> obs);

    /** Returns the line on which observation {@code k} of {@code obs} lands in {@link #render}. */
    protected abstract long lineOf(List<Obs> obs, int k);

    /** The fields of an observation. */
    public enum Field {
        ENTITY,
        PERIOD,
        VALUE
    }

    /**
     * Returns the column at which field {@code f} of observation {@code k} of {@code obs} lands in
     * {@link #render} (the field number for CSV, the character column of the value for JSON).
     */
    protected abstract int columnOf(List<Obs> obs, int k, Field f);

    /** Returns the column of {@code f} in a format whose fields sit in fixed columns. */
    protected static int fixed(Field f, int entity, int period, int value) {
        return switch (f) {
            case ENTITY -> entity;
            case PERIOD -> period;
            case VALUE -> value;
        };
    }

    /** Returns the number of rows {@link #render} writes for {@code obs}. */
    protected long rowsFor(List<Obs> obs) {
        return obs.size();
    }

    /** Returns the options to read with. */
    protected ReadOptions options() {
        return ReadOptions.defaults();
    }

    protected ReadResult read(String text, ReadOptions o) throws IOException {
        return DataReader.create(o).read(inputName(), new StringReader(text));
    }

    /** Returns the dataset as "entity|period|variable" → value. */
    protected static Map<String, Double> cells(Dataset d) {
        Map<String, Double> m = new TreeMap<>();
        for (String v : d.variables()) {
            Column c = d.column(v);
            for (int r = 0; r < d.rowCount(); r++) {
                if (c.isPresent(r)) {
                    m.put(d.entity(r) + "|" + d.period(r) + "|" + v, c.get(r));
                }
            }
        }
        return m;
    }

    protected static Map<String, Double> cells(List<Obs> obs) {
        Map<String, Double> m = new TreeMap<>();
        for (Obs o : obs) {
            m.put(o.entity() + "|" + o.period() + "|" + o.variable(), Double.parseDouble(o.value()));
        }
        return m;
    }

    private static List<Obs> with(List<Obs> obs, int k, String value) {
        List<Obs> l = new ArrayList<>(obs);
        Obs o = l.get(k);
        l.set(k, new Obs(o.entity(), o.period(), o.variable(), value));
        return l;
    }

    private static List<Obs> with(List<Obs> obs, int k, Field f, String text) {
        List<Obs> l = new ArrayList<>(obs);
        Obs o = l.get(k);
        l.set(
                k,
                new Obs(
                        f == Field.ENTITY ? text : o.entity(),
                        f == Field.PERIOD ? text : o.period(),
                        o.variable(),
                        f == Field.VALUE ? text : o.value()));
        return l;
    }

    private static void accountingHolds(ReadResult r) {
        assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsRejected());
        long errors = r.problems().stream().filter(Problem::isError).count();
        assertTrue(r.rowsRejected() <= r.errorCount(), "every rejected row has an error");
        assertEquals(
                errors + r.problems().stream().filter(p -> !p.isError()).count(),
                r.problems().size());
    }

    @Test
    void readsTheObservationsItWasGiven() throws IOException {
        ReadResult r = read(render(SAMPLE), options());
        assertEquals(Map.of(inputName(), format()), r.formats());
        assertEquals(cells(SAMPLE), cells(r.dataset()));
        assertEquals(rowsFor(SAMPLE), r.rowsRead());
        assertEquals(rowsFor(SAMPLE), r.rowsAccepted());
        assertFalse(r.hasErrors(), () -> r.problems().toString());
        accountingHolds(r);
    }

    @Test
    void rejectsABadNumberWithItsPositionAndKeepsTheRest() throws IOException {
        List<Obs> bad = with(SAMPLE, 2, "1x0");
        ReadResult r = read(render(bad), options());
        assertEquals(1, r.rowsRejected());
        assertEquals(rowsFor(bad) - 1, r.rowsAccepted());
        Problem p = r.problems().get(0);
        assertEquals(lineOf(bad, 2), p.line(), p::toString);
        assertTrue(p.column() > 0, p::toString);
        assertTrue(p.toString().startsWith(inputName() + ":" + lineOf(bad, 2) + ":"), p::toString);
        assertTrue(p.message().contains("'1x0'"), p::toString);
        Map<String, Double> expected = cells(SAMPLE);
        expected.keySet().removeIf(k -> rejectedWithRow(SAMPLE, 2).contains(k));
        assertEquals(expected, cells(r.dataset()));
        accountingHolds(r);
    }

    /** Returns the cells lost when the row holding observation {@code k} is rejected. */
    protected List<String> rejectedWithRow(List<Obs> obs, int k) {
        Obs o = obs.get(k);
        return List.of(o.entity() + "|" + o.period() + "|" + o.variable());
    }

    /**
     * Bad cells that every format can hold, with the one message every reader gives for them (the
     * texts of the long CSV reader, whose messages the command's users already see).
     */
    enum BadCell {
        NOT_A_PERIOD(
                Field.PERIOD,
                "20x1",
                "not a period '20x1' (expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or a span of years such as"
                        + " 2015-16)"),
        EMPTY_ENTITY(Field.ENTITY, "", "empty entity (expected an entity code)"),
        OVERFLOW(Field.VALUE, "1e999", "number out of range '1e999' (expected a magnitude below 1.8e308)"),
        // 2e6 is outside the range [0, 1e6] given below for hh_total
        OUT_OF_RANGE(
                Field.VALUE,
                "2e6",
                "value 2000000 of hh_total is outside its valid range [0, 1000000] (expected a value in range, in"
                        + " households)");

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
        // observation 2 is (karmoy, 2022, hh_total)
        List<Obs> bad = with(SAMPLE, 2, c.field, c.text);
        ReadOptions o = options()
                .withRanges(List.of(Variable.of("hh_total", "households").withRange(0, 1e6)));
        ReadResult r = read(render(bad), o);
        assertEquals(1, r.rowsRejected(), () -> r.problems().toString());
        Problem p = r.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals(c.message, p.message());
        assertEquals(lineOf(bad, 2), p.line(), p::toString);
        assertEquals(columnOf(bad, 2, c.field), p.column(), p::toString);
        accountingHolds(r);
    }

    @Test
    void strictModeThrowsAtTheFirstError() {
        List<Obs> bad = with(with(SAMPLE, 3, "-Inf"), 5, "oops");
        DataFormatException e = assertThrows(
                DataFormatException.class, () -> read(render(bad), options().withStrict(true)));
        assertEquals(lineOf(bad, 3), e.problem().line(), e::getMessage);
    }

    @Test
    void rejectsNonFiniteAndOverflowingNumbers() throws IOException {
        List<Obs> bad = with(with(SAMPLE, 1, "Infinity"), 6, "1e999");
        ReadResult r = read(render(bad), options());
        assertEquals(2, r.rowsRejected(), () -> r.problems().toString());
        assertTrue(
                r.problems().get(0).message().startsWith("not a finite number 'Infinity'")
                        || r.problems().get(0).message().contains("Infinity"),
                () -> r.problems().toString());
        assertTrue(
                r.problems().get(1).message().contains("out of range"),
                () -> r.problems().toString());
        accountingHolds(r);
    }

    @Test
    void rejectsADuplicateNamingTheFirstLine() throws IOException {
        List<Obs> dup = new ArrayList<>(SAMPLE);
        dup.add(new Obs("karmoy", "2021", "hh_total", "9"));
        ReadResult r = read(render(dup), options());
        assertEquals(1, r.rowsRejected(), () -> r.problems().toString());
        Problem p = r.problems().get(0);
        assertTrue(p.message().startsWith("duplicate"), p::toString);
        assertTrue(p.message().contains("line " + lineOf(dup, 0) + " "), p::toString);
        assertEquals(lineOf(dup, dup.size() - 1), p.line(), p::toString);
        assertEquals(4210.0, cells(r.dataset()).get("karmoy|2021|hh_total"));
        accountingHolds(r);
    }

    @Test
    void rowOrderDoesNotChangeTheDataset() throws IOException {
        List<Obs> shuffled = new ArrayList<>(SAMPLE);
        Collections.shuffle(shuffled, new Random(42));
        Dataset a = read(render(SAMPLE), options()).dataset();
        Dataset b = read(render(shuffled), options()).dataset();
        assertEquals(cells(a), cells(b));
        assertEquals(a.entities(), b.entities());
        assertEquals(a.periods(), b.periods());
    }

    @Test
    void everyTruncationReadsOrFailsWithAPosition() throws IOException {
        String text = render(SAMPLE);
        for (int n = 0; n <= text.length(); n++) {
            String cut = text.substring(0, n);
            try {
                ReadResult r = read(cut, options());
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
}
