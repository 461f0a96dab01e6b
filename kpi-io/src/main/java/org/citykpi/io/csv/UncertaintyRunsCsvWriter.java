package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.citykpi.index.IndexData;
import org.citykpi.index.UncertainInput;
import org.citykpi.index.UncertaintyResult;

/**
 * Writes every run of an uncertainty analysis as CSV (COINr's {@code Para} and {@code Ranks} of
 * {@code get_sensitivity}, in one long table): {@code run,<one column per uncertain input>,unit,rank},
 * plus {@code period} for panel data; one row per run and unit (and period) of the data, runs
 * numbered from 1, the input columns holding the alternative the run used, {@code rank} the
 * target's rank in the unit's period in that run (empty when the unit had no score or the run
 * failed). Lines end in {@code \n}.
 *
 * <p>Thread-safe (stateless).
 */
public final class UncertaintyRunsCsvWriter {
    private UncertaintyRunsCsvWriter() {}

    /**
     * Writes the header and a row per run and grid row of {@code data} that had an input row.
     *
     * @param u the result of the analysis
     * @param inputs the uncertain inputs the analysis ran with, in the order of {@link
     *     UncertaintyResult#inputs()}
     * @param choices per input, the text of each of its alternatives, in the order the input picks
     *     them ({@link UncertainInput#pick})
     * @param data the data the analysis ran on
     * @param out where to write (flushed, not closed)
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if {@code inputs} and {@code choices} do not have one entry
     *     per input of {@code u}, or a list of choices is not as long as its input's alternatives
     */
    public static void write(
            UncertaintyResult u, List<UncertainInput> inputs, List<List<String>> choices, IndexData data, Writer out)
            throws IOException {
        requireNonNull(u, "u");
        requireNonNull(data, "data");
        if (inputs.size() != u.inputs().size() || choices.size() != inputs.size()) {
            throw new IllegalArgumentException("one input and one list of choices per input of " + u.inputs());
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (choices.get(i).size() != inputs.get(i).alternatives()) {
                throw new IllegalArgumentException("input '" + inputs.get(i).name() + "' has "
                        + inputs.get(i).alternatives() + " alternatives, but "
                        + choices.get(i).size() + " choices");
            }
        }
        boolean panel = data.periods().size() > 1;
        CsvWriter csv = new CsvWriter(out);
        csv.text("run");
        for (String in : u.inputs()) {
            csv.text(in);
        }
        csv.text("unit").text("rank");
        if (panel) {
            csv.text("period");
        }
        csv.end();
        String[] picked = new String[choices.size()];
        for (int run = 0; run < u.runs(); run++) {
            for (int i = 0; i < picked.length; i++) {
                picked[i] = choices.get(i).get(inputs.get(i).pick(u.design(run, i)));
            }
            for (int row = 0; row < data.rowCount(); row++) {
                if (!data.rowExists(row)) {
                    continue;
                }
                csv.integer(run + 1L);
                for (String p : picked) {
                    csv.text(p);
                }
                csv.text(data.unitOf(row));
                int rank = u.rank(run, row);
                if (rank > 0) {
                    csv.integer(rank);
                } else {
                    csv.empty();
                }
                if (panel) {
                    csv.text(data.periodOf(row));
                }
                csv.end();
            }
        }
        csv.flush();
    }
}
