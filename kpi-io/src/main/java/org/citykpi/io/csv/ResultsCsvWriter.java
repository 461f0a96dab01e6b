package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import org.citykpi.Numbers;
import org.citykpi.calc.KpiResult;
import org.citykpi.score.ScoredResult;

/**
 * Writes results as the {@code compute} CSV (docs/cli.md, a stable contract): the columns {@code
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
 *   <li>text cells are quoted by the one CSV rule of this package (RFC 4180; text that a
 *       spreadsheet would run as a formula is made inert).
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
     * @param records the results, written in order, with or without a value
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(Iterable<ScoredResult> records, Writer out) throws IOException {
        requireNonNull(records, "records");
        CsvWriter csv = new CsvWriter(out);
        csv.line(HEADER.split(","));
        for (ScoredResult r : records) {
            csv.text(r.entity()).text(r.period().label()).text(r.kpi()).text(r.name());
            KpiResult res = r.result();
            String detail = "";
            if (res instanceof KpiResult.Value v) {
                csv.number(v.value());
            } else {
                csv.empty();
                detail = ((KpiResult.NotAvailable) res).detail();
            }
            csv.text(r.unit()).text(res.status()).text(detail);
            if (r.target().isPresent()) {
                csv.number(r.target().get().value());
            } else {
                csv.empty();
            }
            csv.number(r.attainment()).integer(r.points()).end();
        }
        csv.flush();
    }
}
