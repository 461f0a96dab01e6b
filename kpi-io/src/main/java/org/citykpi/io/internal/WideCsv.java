package org.citykpi.io.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citykpi.Quote;
import org.citykpi.data.DuplicatePolicy;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;

/**
 * Reads wide CSV: {@code entity,period,<variable>,<variable>,…}, one row per entity and period,
 * one column per variable (entity and period may be anywhere; synonyms in {@link Columns}).
 *
 * <ul>
 *   <li>an empty cell is a missing value (no warning: that is how wide files say it);
 *   <li>a row is taken whole or rejected whole: any bad cell rejects the row, with an error for
 *       every bad cell, so that fixing the file and reading again gives every value;
 *   <li>a second row for the same entity and period is rejected naming the first (policy {@code
 *       error}); under {@code first}, {@code last} or {@code sum} the policy applies cell by cell;
 *       a cell that a file in another format already gave is rejected on its own (the rest of the
 *       row is kept, and the row counts as rejected);
 *   <li>{@code source} and {@code note} columns are kept as attributes of every value in the row;
 *       label columns ({@code name}, {@code uName}, {@code entity_name}, {@code city_name},
 *       {@code label}) are not variables and are skipped; a column with an empty name must have
 *       empty cells;
 *   <li>a variable named twice in the header makes the file unreadable.
 * </ul>
 */
final class WideCsv {
    private static final Set<String> LABELS = Set.of("name", "uname", "entity_name", "city_name", "label");

    private WideCsv() {}

    static void read(CsvRecordReader r, List<String> header, DatasetSink sink) throws IOException {
        int ce = Columns.find(header, Columns.ENTITY);
        int cp = Columns.find(header, Columns.PERIOD);
        int givenEntity = sink.givenEntity();
        if (ce < 0 && givenEntity < 0) {
            throw CsvReaders.absent(r, header, Columns.ENTITY, "wide CSV");
        }
        if (cp < 0) {
            throw CsvReaders.absent(r, header, Columns.PERIOD, "wide CSV");
        }
        int cols = header.size();
        int[] var = new int[cols];
        boolean[] attr = new boolean[cols];
        boolean[] unnamed = new boolean[cols];
        boolean anyAttr = false;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cols; i++) {
            var[i] = -1;
            String h = header.get(i);
            if (i == ce || i == cp || LABELS.contains(Columns.key(h))) {
                continue;
            }
            if (h.isEmpty()) {
                unnamed[i] = true;
            } else if (Columns.of(h)
                    .filter(c -> c == Columns.SOURCE || c == Columns.NOTE || c == Columns.UNIT)
                    .isPresent()) {
                attr[i] = true;
                anyAttr = true;
            } else {
                Integer before = seen.put(h, i);
                if (before != null) {
                    throw new DataFormatException(
                            r.name(),
                            r.line(),
                            i + 1,
                            h,
                            "variable " + Quote.of(h) + " is named twice in the header, in columns " + (before + 1)
                                    + " and " + (i + 1) + " (expected each variable once)");
                }
                var[i] = sink.variable(h);
            }
        }
        boolean errorOnDuplicate = sink.options().duplicates() == DuplicatePolicy.ERROR;
        Map<Long, Long> rowLine = new HashMap<>();
        double[] values = new double[cols];
        boolean[] has = new boolean[cols];
        String file = r.name();
        while (CsvReaders.nextRow(r, sink.account(), cols)) {
            long line = r.line();
            int e = ce >= 0 ? sink.entity(r.field(ce), r.line(ce), ce + 1) : givenEntity;
            if (e == DatasetSink.REJECTED) {
                continue;
            }
            int p = sink.period(r.field(cp), r.line(cp), cp + 1);
            if (p == DatasetSink.REJECTED) {
                continue;
            }
            // a row is taken whole or rejected whole: every bad cell is reported before anything is added
            int errors = 0;
            for (int i = 0; i < cols; i++) {
                has[i] = false;
                if (var[i] < 0 && !unnamed[i]) {
                    continue;
                }
                if (LongCsv.isBlank(r, i)) {
                    continue;
                }
                if (unnamed[i]) {
                    errors++;
                    sink.problem(Problem.error(
                            file,
                            r.line(i),
                            i + 1,
                            r.field(i),
                            "value " + Quote.of(r.field(i)) + " in column " + (i + 1)
                                    + ", which has no name in the header (expected a variable name)"));
                    continue;
                }
                double x = sink.number(r.chars(i), r.start(i), r.end(i), r.line(i), i + 1);
                if (Double.isNaN(x)) {
                    errors++;
                    continue;
                }
                values[i] = x;
                has[i] = true;
            }
            if (errors > 0) {
                sink.rejectRow();
                continue;
            }
            long key = ((long) e << 32) | (p & 0xffffffffL);
            Long first = rowLine.putIfAbsent(key, line);
            if (first != null && errorOnDuplicate) {
                sink.reject(Problem.error(
                        file,
                        line,
                        cp + 1,
                        r.raw(),
                        "duplicate row for (" + sink.entityName(e) + ", " + sink.periodOf(p) + "): line " + first
                                + " already gave one (duplicates are rejected unless the duplicate policy is first,"
                                + " last or sum)"));
                continue;
            }
            Map<String, String> attrs = anyAttr ? LongCsv.attributes(r, header, attr) : Map.of();
            sink.row(e, p);
            boolean rejected = false;
            for (int i = 0; i < cols; i++) {
                if (has[i] && !sink.add(e, p, var[i], values[i], r.line(i), i + 1, r.field(i), attrs)) {
                    rejected = true;
                }
            }
            if (rejected) {
                sink.rejectRow();
            } else {
                sink.accept();
            }
        }
    }
}
