package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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
            KpiResult res = r.result();
            row(
                    csv,
                    r.entity(),
                    r.period().label(),
                    r.kpi(),
                    r.name(),
                    res instanceof KpiResult.Value v ? OptionalDouble.of(v.value()) : OptionalDouble.empty(),
                    r.unit(),
                    res.status(),
                    res instanceof KpiResult.NotAvailable na ? na.detail() : "",
                    r.target().isPresent() ? OptionalDouble.of(r.target().get().value()) : OptionalDouble.empty(),
                    r.attainment(),
                    r.points());
        }
        csv.flush();
    }

    /**
     * Writes the header line, as {@link #write} begins (for results that come row by row, such as
     * the rows of a Spark computation; not flushed).
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void writeHeader(Writer out) throws IOException {
        new CsvWriter(requireNonNull(out, "out")).line(HEADER.split(","));
    }

    /**
     * Writes one result row from its cells, exactly as {@link #write} writes a result (for results
     * that come row by row, such as the rows of a Spark computation; not flushed).
     *
     * @param out where to write
     * @param entity the entity code
     * @param period the period's label
     * @param kpi the indicator or part id
     * @param name the indicator or part name
     * @param value the value; empty when the result is not available
     * @param unit the unit, empty if none
     * @param status {@code ok}, {@code reported} or the cause
     * @param detail why there is no value; empty when there is one
     * @param target the target; empty when there is none
     * @param attainment the attainment in percent of target; empty when not scored
     * @param points the U4SSC points; empty when not scored
     * @throws IOException if writing fails
     */
    public static void writeRow(
            Writer out,
            String entity,
            String period,
            String kpi,
            String name,
            OptionalDouble value,
            String unit,
            String status,
            String detail,
            OptionalDouble target,
            OptionalDouble attainment,
            OptionalInt points)
            throws IOException {
        row(
                new CsvWriter(requireNonNull(out, "out")),
                entity,
                period,
                kpi,
                name,
                value,
                unit,
                status,
                detail,
                target,
                attainment,
                points);
    }

    private static void row(
            CsvWriter csv,
            String entity,
            String period,
            String kpi,
            String name,
            OptionalDouble value,
            String unit,
            String status,
            String detail,
            OptionalDouble target,
            OptionalDouble attainment,
            OptionalInt points)
            throws IOException {
        csv.text(entity).text(period).text(kpi).text(name).number(value);
        csv.text(unit).text(status).text(detail);
        csv.number(target).number(attainment).integer(points).end();
    }
}
