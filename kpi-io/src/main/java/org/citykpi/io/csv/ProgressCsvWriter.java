package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.ProgressTable;

/**
 * Writes progress assessments as the {@code progress} CSV (docs/cli.md, a stable contract): the
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
 *       separator); text cells are quoted by the one CSV rule of this package (RFC 4180, formula
 *       text made inert).
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
     * @param rows the progress rows, written in order
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(List<ProgressTable.Row> rows, Writer out) throws IOException {
        requireNonNull(rows, "rows");
        CsvWriter csv = new CsvWriter(out);
        csv.line(HEADER.split(","));
        for (ProgressTable.Row row : rows) {
            ProgressResult r = row.result();
            csv.text(row.entity()).text(row.kpi()).text(r.method().id());
            period(csv, r.basePeriod());
            period(csv, r.latestPeriod());
            csv.number(r.baseValue()).number(r.latestValue()).number(r.target());
            period(csv, r.target().isPresent() ? Optional.of(r.targetPeriod()) : Optional.empty());
            csv.number(r.measure()).text(r.category().word()).end();
        }
        csv.flush();
    }

    private static void period(CsvWriter csv, Optional<Period> p) throws IOException {
        if (p.isPresent()) {
            csv.text(p.get().label());
        } else {
            csv.empty();
        }
    }
}
