package org.citykpi.io.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads long CSV: {@code entity,period,variable,value[,unit][,source][,note][,…]}, one
 * observation per row, columns in any order (synonyms in {@link Columns}).
 *
 * <ul>
 *   <li>entity, period, variable and value columns are required (the entity may come from {@link
 *       org.citykpi.io.ReadOptions#entity()} instead); a header without them makes the file
 *       unreadable;
 *   <li>a unit is checked against the catalog and against earlier rows ({@link
 *       DatasetSink#unit});
 *   <li>source, note and any other named column are kept as observation attributes when not empty;
 *   <li>an empty value cell is accepted as a missing value, with a warning, and the (entity,
 *       period) row exists in the dataset; a row whose variable and value are both empty only
 *       declares the (entity, period) row;
 *   <li>an empty entity, period or variable, a bad period, a bad number, a unit mismatch or a
 *       duplicate rejects the row, with an error at its column.
 * </ul>
 */
final class LongCsv {
    private LongCsv() {}

    static void read(CsvRecordReader r, List<String> header, DatasetSink sink) throws IOException {
        int ce = Columns.find(header, Columns.ENTITY);
        int cp = Columns.find(header, Columns.PERIOD);
        int cv = Columns.find(header, Columns.VARIABLE);
        int cx = Columns.find(header, Columns.VALUE);
        int cu = Columns.find(header, Columns.UNIT);
        int givenEntity = sink.givenEntity();
        if (ce < 0 && givenEntity < 0) {
            throw CsvReaders.absent(r, header, Columns.ENTITY, "long CSV");
        }
        if (cp < 0) {
            throw CsvReaders.absent(r, header, Columns.PERIOD, "long CSV");
        }
        if (cv < 0) {
            throw CsvReaders.absent(r, header, Columns.VARIABLE, "long CSV");
        }
        if (cx < 0) {
            throw CsvReaders.absent(r, header, Columns.VALUE, "long CSV");
        }
        int cols = header.size();
        boolean[] attr = new boolean[cols];
        boolean anyAttr = false;
        for (int i = 0; i < cols; i++) {
            attr[i] = i != ce && i != cp && i != cv && i != cx && i != cu;
            anyAttr |= attr[i];
        }
        FieldIds entities = new FieldIds();
        FieldIds periods = new FieldIds();
        FieldIds variables = new FieldIds();
        while (CsvReaders.nextRow(r, sink.account(), cols)) {
            int e = givenEntity;
            if (ce >= 0) {
                e = entities.get(r, ce);
                if (e < 0) {
                    e = sink.entity(r.field(ce), r.line(ce), ce + 1);
                    if (e == DatasetSink.REJECTED) {
                        continue;
                    }
                    entities.put(e);
                }
            }
            int p = periods.get(r, cp);
            if (p < 0) {
                p = sink.period(r.field(cp), r.line(cp), cp + 1);
                if (p == DatasetSink.REJECTED) {
                    continue;
                }
                periods.put(p);
            }
            boolean noValue = isBlank(r, cx);
            int v = variables.get(r, cv);
            if (v < 0) {
                if (noValue && r.field(cv).isBlank()) {
                    sink.declare(e, p);
                    continue;
                }
                v = sink.variable(r.field(cv), r.line(cv), cv + 1);
                if (v == DatasetSink.REJECTED) {
                    continue;
                }
                variables.put(v);
            }
            if (cu >= 0 && !sink.unit(v, r.field(cu), r.line(cu), cu + 1)) {
                continue;
            }
            Map<String, String> attrs = anyAttr ? attributes(r, header, attr) : Map.of();
            if (noValue) {
                sink.missing(e, p, v, r.line(cx), cx + 1, "", Map.of());
            } else {
                sink.value(e, p, v, r.chars(cx), r.start(cx), r.end(cx), r.line(cx), cx + 1, attrs);
            }
        }
    }

    static boolean isBlank(CsvRecordReader r, int i) {
        char[] b = r.chars(i);
        for (int k = r.start(i); k < r.end(i); k++) {
            if (b[k] != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the non-empty fields of the columns marked in {@code attr}, by header name ({@code
     * column N} for a column without one); empty when there are none.
     */
    static Map<String, String> attributes(CsvRecordReader r, List<String> header, boolean[] attr) {
        Map<String, String> m = Map.of();
        for (int i = 0; i < attr.length; i++) {
            if (attr[i] && !r.isEmpty(i)) {
                if (m.isEmpty()) {
                    m = new LinkedHashMap<>();
                }
                String name = header.get(i).isEmpty() ? "column " + (i + 1) : header.get(i);
                m.put(name, r.field(i));
            }
        }
        return m;
    }

    /**
     * Ids of the texts of one column, looked up by the characters of a field (blanks around it
     * ignored) without creating a String: the hot path of the long reader, where every row repeats
     * an entity, a period and a variable seen before.
     */
    private static final class FieldIds {
        private static final char[] NO_CHARS = {};

        private final CharInterner ids = new CharInterner();
        // the field of the last get: its characters (the reader's buffer, so no copy) and range
        private char[] b = NO_CHARS;
        private int s;
        private int e;

        /** Returns the id of field {@code i} of the current record, or -1 when it is empty or new. */
        int get(CsvRecordReader r, int i) {
            b = r.chars(i);
            s = r.start(i);
            e = r.end(i);
            while (s < e && b[s] == ' ') {
                s++;
            }
            while (e > s && b[e - 1] == ' ') {
                e--;
            }
            return s == e ? -1 : ids.get(b, s, e);
        }

        /** Remembers {@code id} for the field of the last {@link #get}, in the same record. */
        void put(int id) {
            ids.put(b, s, e, id);
        }
    }
}
