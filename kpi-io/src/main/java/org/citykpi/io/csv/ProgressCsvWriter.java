package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.ProgressTable;

/**
 * Writes progress assessments as the {@code progress} CSV (DESIGN.md, a stable contract): the
 * columns {@code
 * entity,kpi,method,base_period,latest_period,base_value,latest_value,target,target_period,measure,category},
 * in that order, one row per assessed series, lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@code method} is the method's id ({@code eurostat}, {@code statcan}, …), {@code category}
 *       its verdict word ({@code moderate_progress}, {@code unable_to_assess}, …);
 *   <li>empty cells where there is nothing: no base or latest observation, no target ({@code
 *       target_period} is then empty too), no measure (unable to assess, target achieved, a yes/no
 *       indicator);
 *   <li>numbers are written by {@link Numbers#format} (full precision, {@code .} as decimal
 *       separator); text cells are made safe for spreadsheets (see {@link CsvCells}).
 * </ul>
 *
 * <p>The reason for {@code unable_to_assess} is not a column (the contract fixes the columns); the
 * JSON form carries it. Thread-safe (stateless).
 */
public final class ProgressCsvWriter {
    /** The header line, without its line end. */
    public static final String HEADER = "entity,kpi,method,base_period,latest_period,base_value,latest_value,target,"
            + "target_period,measure,category";

    private ProgressCsvWriter() {}

    /**
     * Writes the header and {@code rows} to {@code out} (not closed, flushed).
     *
     * @throws IOException if writing fails
     */
    public static void write(List<ProgressTable.Row> rows, Writer out) throws IOException {
        requireNonNull(rows, "rows");
        requireNonNull(out, "out");
        out.write(HEADER);
        out.write('\n');
        for (ProgressTable.Row r : rows) {
            row(r, out);
        }
        out.flush();
    }

    private static void row(ProgressTable.Row row, Writer out) throws IOException {
        final char s = ',';
        ProgressResult r = row.result();
        CsvCells.safe(out, row.entity(), s);
        out.write(s);
        CsvCells.safe(out, row.kpi(), s);
        out.write(s);
        CsvCells.safe(out, r.method().id(), s);
        out.write(s);
        period(out, r.basePeriod());
        out.write(s);
        period(out, r.latestPeriod());
        out.write(s);
        number(out, r.baseValue());
        out.write(s);
        number(out, r.latestValue());
        out.write(s);
        number(out, r.target());
        out.write(s);
        if (r.target().isPresent()) {
            CsvCells.safe(out, r.targetPeriod().label(), s);
        }
        out.write(s);
        number(out, r.measure());
        out.write(s);
        CsvCells.safe(out, r.category().word(), s);
        out.write('\n');
    }

    private static void period(Writer out, Optional<Period> p) throws IOException {
        if (p.isPresent()) {
            CsvCells.safe(out, p.get().label(), ',');
        }
    }

    private static void number(Writer out, OptionalDouble d) throws IOException {
        if (d.isPresent()) {
            out.write(Numbers.format(d.getAsDouble()));
        }
    }
}
