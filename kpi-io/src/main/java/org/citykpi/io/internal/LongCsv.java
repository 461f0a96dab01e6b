package org.citykpi.io.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.io.Problem;

/**
 * Reads long CSV: {@code entity,period,variable,value[,unit][,source][,note][,…]}, one
 * observation per row, columns in any order (synonyms in {@link Columns}).
 *
 * <ul>
 *   <li>entity, period, variable and value columns are required (the entity may come from {@link
 *       org.citykpi.io.ReadOptions#entity()} instead); a header without them makes the file
 *       unreadable;
 *   <li>a unit is checked against the catalog and against earlier rows ({@link
 *       DatasetSink#checkUnit});
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
        String fixedEntity = sink.options().entity().orElse(null);
        if (ce < 0 && fixedEntity == null) {
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
        int fixedEntityId = fixedEntity == null ? -1 : sink.entity(fixedEntity);
        boolean comma = sink.options().decimalComma();
        String file = r.name();
        CharInterner entities = new CharInterner();
        CharInterner periods = new CharInterner();
        CharInterner variables = new CharInterner();
        while (CsvReaders.nextRow(r, sink.account(), cols)) {
            long line = r.line();
            // entity
            int e;
            if (ce >= 0) {
                e = interned(entities, r, ce);
                if (e < 0) {
                    String code = CsvReaders.strip(r, ce);
                    if (code.isEmpty()) {
                        sink.reject(Problem.error(
                                file, r.line(ce), ce + 1, r.raw(), "empty entity (expected an entity code)"));
                        continue;
                    }
                    e = sink.entity(code);
                    remember(entities, r, ce, e);
                }
            } else {
                e = fixedEntityId;
            }
            // period
            int p = interned(periods, r, cp);
            if (p < 0) {
                String ptext = CsvReaders.strip(r, cp);
                try {
                    if (ptext.isEmpty()) {
                        sink.reject(Problem.error(
                                file,
                                r.line(cp),
                                cp + 1,
                                r.raw(),
                                "empty period (expected YYYY, YYYY-MM, YYYY-MM-DD or 2015-16)"));
                        continue;
                    }
                    p = sink.period(ptext);
                    remember(periods, r, cp, p);
                } catch (IllegalArgumentException ex) {
                    sink.reject(Problem.error(file, r.line(cp), cp + 1, ptext, ex.getMessage()));
                    continue;
                }
            }
            // variable and value
            boolean noValue = isBlank(r, cx);
            int v = interned(variables, r, cv);
            if (v < 0) {
                String var = CsvReaders.strip(r, cv);
                if (var.isEmpty()) {
                    if (noValue) {
                        sink.row(e, p);
                        sink.accept();
                    } else {
                        sink.reject(Problem.error(
                                file, r.line(cv), cv + 1, r.raw(), "empty variable (expected a variable id)"));
                    }
                    continue;
                }
                v = sink.variable(var);
                remember(variables, r, cv, v);
            }
            if (cu >= 0) {
                Problem up = sink.checkUnit(sink.variableName(v), r.field(cu), r.line(cu), cu + 1);
                if (up != null) {
                    sink.reject(up);
                    continue;
                }
            }
            Map<String, String> attrs = anyAttr ? attributes(r, header, attr) : null;
            if (noValue) {
                sink.row(e, p);
                sink.problem(Problem.warning(
                        file,
                        r.line(cx),
                        cx + 1,
                        "",
                        "no value for " + sink.variableName(v) + " (" + sink.entityName(e) + ", " + sink.periodOf(p)
                                + "); taken as missing"));
                sink.accept();
                continue;
            }
            double x = NumberParser.parse(r.chars(cx), r.start(cx), r.end(cx), comma);
            if (Double.isNaN(x)) {
                String raw = r.field(cx);
                sink.reject(Problem.error(file, r.line(cx), cx + 1, raw, NumberParser.explain(raw, comma)));
                continue;
            }
            // the raw text is only needed for a problem: no String per row on the hot path
            Problem dup = sink.add(e, p, v, x, line, cx + 1, null, attrs);
            if (dup != null) {
                sink.reject(
                        new Problem(dup.file(), dup.line(), dup.column(), r.field(cx), dup.message(), dup.severity()));
                continue;
            }
            sink.accept();
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

    static Map<String, String> attributes(CsvRecordReader r, List<String> header, boolean[] attr) {
        Map<String, String> m = null;
        for (int i = 0; i < attr.length; i++) {
            if (attr[i] && !r.isEmpty(i)) {
                if (m == null) {
                    m = new LinkedHashMap<>();
                }
                String name = header.get(i).isEmpty() ? "column " + (i + 1) : header.get(i);
                m.put(name, r.field(i));
            }
        }
        return m;
    }

    /** Returns the id of field {@code i} (blanks around it ignored), or -1 when not seen yet. */
    static int interned(CharInterner in, CsvRecordReader r, int i) {
        char[] b = r.chars(i);
        int s = r.start(i);
        int e = r.end(i);
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        return s == e ? -1 : in.get(b, s, e);
    }

    /** Remembers the id of field {@code i} (blanks around it ignored). */
    static void remember(CharInterner in, CsvRecordReader r, int i, int id) {
        char[] b = r.chars(i);
        int s = r.start(i);
        int e = r.end(i);
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        in.put(b, s, e, id);
    }
}
