package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.citykpi.index.IndexResult;

/**
 * Writes a composite index as the {@code index} CSV (docs/cli.md, a stable contract): the columns
 * {@code unit,code,level,value,rank}, plus {@code period} when the data has more than one period,
 * one row per active unit (and period) and node, units in the result's row order and nodes in the
 * hierarchy's order, lines ending in {@code \n}.
 *
 * <ul>
 *   <li>level 1 rows hold the normalised indicator values, higher levels the aggregates;
 *   <li>{@code rank} 1 is best, ties share the lowest rank; {@code value} and {@code rank} are
 *       empty where the unit has no value for the node;
 *   <li>units screened out of the index (inactive rows) are not written;
 *   <li>numbers by {@link org.citykpi.Numbers#format}; text cells (unit, code, period) quoted by
 *       the one CSV rule of this package.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class IndexCsvWriter {
    /** The header line for single-period data, without its line end. */
    public static final String HEADER = "unit,code,level,value,rank";

    private IndexCsvWriter() {}

    /**
     * Writes the header and every value and rank of {@code r} to {@code out} (not closed, flushed).
     *
     * @param r the index result: one row per unit, period and node
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(IndexResult r, Writer out) throws IOException {
        requireNonNull(r, "r");
        boolean panel = r.data().periods().size() > 1;
        CsvWriter csv = new CsvWriter(out);
        for (String h : HEADER.split(",")) {
            csv.text(h);
        }
        if (panel) {
            csv.text("period");
        }
        csv.end();
        List<String> codes = r.codes();
        int[] levels = new int[codes.size()];
        for (int n = 0; n < codes.size(); n++) {
            levels[n] = r.hierarchy().nodes().get(n).level();
        }
        for (int row = 0; row < r.rowCount(); row++) {
            if (!r.isActive(row)) {
                continue;
            }
            String unit = r.unit(row);
            for (int n = 0; n < codes.size(); n++) {
                csv.text(unit).text(codes.get(n)).integer(levels[n]);
                if (r.isPresent(row, n)) {
                    csv.number(r.value(row, n)).integer(r.rank(row, n));
                } else {
                    csv.empty().empty();
                }
                if (panel) {
                    csv.text(r.period(row));
                }
                csv.end();
            }
        }
        csv.flush();
    }
}
