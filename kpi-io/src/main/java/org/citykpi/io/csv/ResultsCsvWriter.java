package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import org.citykpi.Numbers;
import org.citykpi.calc.KpiResult;
import org.citykpi.score.ScoredResult;

/**
 * Writes results as the {@code compute} CSV (DESIGN.md, a stable contract): the columns {@code
 * entity,period,kpi,name,value,unit,status,detail,target,attainment,points}, in that order, one
 * row per result, lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@code value} is empty when the result is not available; {@code status} is {@code ok},
 *       {@code reported} or the cause ({@code missing_input}, …) and {@code detail} says why;
 *   <li>{@code target}, {@code attainment} and {@code points} are empty when there is no target or
 *       no score;
 *   <li>numbers are written by {@link Numbers#format} (full precision, {@code .} as decimal
 *       separator);
 *   <li>text cells that a spreadsheet would run as a formula are neutralised (see {@link
 *       CsvCells}).
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class ResultsCsvWriter {
    /** The header line, without its line end. */
    public static final String HEADER = "entity,period,kpi,name,value,unit,status,detail,target,attainment,points";

    private ResultsCsvWriter() {}

    /**
     * Writes the header and {@code records} to {@code out} (not closed, flushed).
     *
     * @throws IOException if writing fails
     */
    public static void write(Iterable<ScoredResult> records, Writer out) throws IOException {
        requireNonNull(records, "records");
        requireNonNull(out, "out");
        out.write(HEADER);
        out.write('\n');
        for (ScoredResult r : records) {
            row(r, out);
        }
        out.flush();
    }

    /** Writes one row (no header). */
    static void row(ScoredResult r, Writer out) throws IOException {
        final char s = ',';
        CsvCells.safe(out, r.entity(), s);
        out.write(s);
        CsvCells.safe(out, r.period().label(), s);
        out.write(s);
        CsvCells.safe(out, r.kpi(), s);
        out.write(s);
        CsvCells.safe(out, r.name(), s);
        out.write(s);
        KpiResult res = r.result();
        String detail = "";
        if (res instanceof KpiResult.Value) {
            out.write(Numbers.format(((KpiResult.Value) res).value()));
        } else {
            detail = ((KpiResult.NotAvailable) res).detail();
        }
        out.write(s);
        CsvCells.safe(out, r.unit(), s);
        out.write(s);
        CsvCells.safe(out, res.status(), s);
        out.write(s);
        CsvCells.safe(out, detail, s);
        out.write(s);
        if (r.target().isPresent()) {
            out.write(Numbers.format(r.target().get().value()));
        }
        out.write(s);
        if (r.attainment().isPresent()) {
            out.write(Numbers.format(r.attainment().getAsDouble()));
        }
        out.write(s);
        if (r.points().isPresent()) {
            out.write(Integer.toString(r.points().getAsInt()));
        }
        out.write('\n');
    }
}
