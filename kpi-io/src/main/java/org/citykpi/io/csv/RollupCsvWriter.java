package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.citykpi.Numbers;
import org.citykpi.observe.RollupResult;

/**
 * Writes observation roll-ups as the {@code rollup} CSV (docs/cli.md, a stable contract): the
 * columns {@code entity,period,property,statistic,value,status,detail,n_valid,n_expected,capture_pct},
 * in that order, one row per result, lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@code entity} is a station, or a city; {@code period} the year, or the date of a {@code
 *       daily_mean};
 *   <li>{@code value} is empty when {@code status} is {@code insufficient_coverage}, and {@code
 *       detail} then says why ({@code capture 72.6 % < 90 %}); a city's detail says how many
 *       stations it used;
 *   <li>{@code n_valid} and {@code n_expected} are whole numbers of hours, days or stations;
 *       {@code capture_pct} = 100 × n_valid / n_expected (0 when nothing was expected);
 *   <li>numbers are written by {@link Numbers#format} (full precision, {@code .} as decimal
 *       separator); text cells are quoted by the one CSV rule of this package.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class RollupCsvWriter {
    /** The header line, without its line end. */
    public static final String HEADER =
            "entity,period,property,statistic,value,status,detail,n_valid,n_expected,capture_pct";

    private RollupCsvWriter() {}

    /**
     * Writes the header and {@code results} to {@code out} (not closed, flushed).
     *
     * @param results the roll-up results, written in order
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(List<RollupResult> results, Writer out) throws IOException {
        requireNonNull(results, "results");
        CsvWriter csv = new CsvWriter(out);
        csv.line(HEADER.split(","));
        for (RollupResult r : results) {
            csv.text(r.entity())
                    .text(r.period().label())
                    .text(r.property())
                    .text(r.statistic().name())
                    .number(r.value())
                    .text(r.status().word())
                    .text(r.detail())
                    .integer(r.nValid())
                    .integer(r.nExpected())
                    .number(r.capturePct())
                    .end();
        }
        csv.flush();
    }
}
