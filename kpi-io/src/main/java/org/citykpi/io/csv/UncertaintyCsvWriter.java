package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import org.citykpi.index.RankStats;
import org.citykpi.index.UncertaintyResult;

/**
 * Writes the rank intervals of an uncertainty analysis as CSV: {@code
 * unit,target,nominal_rank,median_rank,q05_rank,q95_rank,mean_rank,runs}, plus {@code period} for
 * panel data, one row per unit (and period) that had a rank in some run, in the result's order,
 * lines ending in {@code \n}.
 *
 * <ul>
 *   <li>{@code target} is the node whose ranks were analysed; {@code nominal_rank} its rank under
 *       the nominal pipeline, empty when the unit has none;
 *   <li>median, percentiles (R's type 7) and mean over the {@code runs} runs in which the unit had
 *       a rank, by {@link org.citykpi.Numbers#format}; text cells quoted by the one CSV rule of this
 *       package.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class UncertaintyCsvWriter {
    /** The header line without the period column, without its line end. */
    public static final String HEADER = "unit,target,nominal_rank,median_rank,q05_rank,q95_rank,mean_rank,runs";

    private UncertaintyCsvWriter() {}

    /**
     * Writes the header and a row per unit of {@code u} to {@code out} (not closed, flushed), with
     * a last {@code period} column when {@code withPeriod} (data with more than one period).
     *
     * @param u the uncertainty analysis result
     * @param withPeriod true to add the {@code period} column (panel data)
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(UncertaintyResult u, boolean withPeriod, Writer out) throws IOException {
        requireNonNull(u, "u");
        CsvWriter csv = new CsvWriter(out);
        for (String h : HEADER.split(",")) {
            csv.text(h);
        }
        if (withPeriod) {
            csv.text("period");
        }
        csv.end();
        for (RankStats s : u.stats()) {
            csv.text(s.unit())
                    .text(u.target())
                    .integer(s.nominal())
                    .number(s.median())
                    .number(s.q05())
                    .number(s.q95())
                    .number(s.mean())
                    .integer(s.runs());
            if (withPeriod) {
                csv.text(s.period());
            }
            csv.end();
        }
        csv.flush();
    }
}
