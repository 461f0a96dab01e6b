package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citykpi.Numbers;
import org.citykpi.calc.KpiResult;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;

/**
 * Writes results as Open SDG tidy CSV: {@code Year,Series,GeoCode,Units,Value} ({@code Year}
 * first and {@code Value} last, as Open SDG's {@code check_csv.py} requires; {@code Series},
 * {@code GeoCode} and {@code Units} are its reserved columns, so every row is a headline row).
 *
 * <ul>
 *   <li>only results with a value are written: Open SDG has no way to say "not available" (the
 *       {@code compute} CSV or JSON carries the causes);
 *   <li>{@code Year} is the period's label ({@code 2022}, {@code 2015-2016});
 *   <li>values by {@link Numbers#format}; text cells made safe for spreadsheets; no leading or
 *       trailing blanks (trimmed, as {@code check_csv.py} requires).
 * </ul>
 *
 * Reading the output back with {@link org.citykpi.io.read.DataReader} gives the values under the KPI
 * ids. Thread-safe (stateless).
 */
public final class OpenSdgCsvWriter {
    /** The header line, without its line end. */
    public static final String HEADER = "Year,Series,GeoCode,Units,Value";

    private OpenSdgCsvWriter() {}

    /**
     * Writes every result with a value to one CSV.
     *
     * @param records the results; those without a value are left out
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(Iterable<ScoredResult> records, Writer out) throws IOException {
        requireNonNull(records, "records");
        CsvWriter csv = new CsvWriter(out);
        csv.line(HEADER.split(","));
        for (ScoredResult r : records) {
            if (r.result() instanceof KpiResult.Value v) {
                csv.text(r.period().label())
                        .text(r.kpi().strip())
                        .text(r.entity().strip())
                        .text(r.unit().strip())
                        .number(v.value())
                        .end();
            }
        }
        csv.flush();
    }

    /**
     * Writes one file per output (KPI or part) of {@code scores} into {@code dir}, named as Open
     * SDG names them: {@code indicator_<kpi>.csv} (characters other than letters, digits, {@code -}
     * and {@code .} become {@code -}). Returns the files written, in output order.
     *
     * @param scores the scored results; every output gets a file (only the header when it has no
     *     value)
     * @param dir the directory to write into (it must exist; files of the same name are replaced)
     * @return the files written, in output order
     * @throws IOException if writing fails
     */
    public static List<Path> writePerIndicator(Scores scores, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String kpi : scores.outputs()) {
            Path f = dir.resolve("indicator_" + kpi.replaceAll("[^A-Za-z0-9.-]", "-") + ".csv");
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                write(scores.cells(List.of(kpi)), w);
            }
            files.add(f);
        }
        return files;
    }
}
