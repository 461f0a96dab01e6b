package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Format;
import org.citykpi.io.Problem;

/**
 * Reads the CSV data formats (long, wide, Open SDG, SDMX-CSV 1.0 and 2.0) into a {@link
 * DatasetSink}, telling them apart by the header: the CSV half of {@link
 * org.citykpi.io.read.DataReader}. Its header reading and row loop ({@link #header}, {@link #nextRow})
 * are those of every CSV reader of kpi-io, the COINr reader's too.
 *
 * <p>Detection, from the first non-blank record (names matched ignoring case):
 *
 * <ol>
 *   <li>first column {@code DATAFLOW} → SDMX-CSV 1.0; first {@code STRUCTURE} (or {@code
 *       STRUCTURE[x]}) and second {@code STRUCTURE_ID} → SDMX-CSV 2.0;
 *   <li>first column {@code Year}, last {@code Value}, and some column that is not a long-format
 *       column → Open SDG;
 *   <li>a variable column and a value column (see the synonyms in docs/cli.md) → long;
 *   <li>first {@code Year} and last {@code Value} → Open SDG;
 *   <li>a period column and neither variable nor value column → wide;
 *   <li>anything else is unreadable, with a message listing the formats.
 * </ol>
 *
 * Thread-safe (stateless).
 */
public final class CsvReaders {
    /** The message for text that is not valid in the expected encoding. */
    public static final String NOT_DECODABLE = "text that is not valid in the file's encoding (expected UTF-8; save the"
            + " file as UTF-8, it may be in Windows-1252 or Latin-1)";

    private CsvReaders() {}

    /**
     * Reads one CSV input into {@code sink} and returns the format it was read as.
     *
     * @param name the input's name in problems
     * @param in the text (closed by the caller)
     * @param sink where the observations and problems go
     * @param format the format to read, or empty to detect it from the header
     * @throws IOException if reading fails
     * @throws DataFormatException if the input cannot be read at all (no header, a header that
     *     fits no format, a required column absent, text not in the expected encoding), or in
     *     strict mode at the first data error
     */
    public static Format read(String name, Reader in, DatasetSink sink, Optional<Format> format) throws IOException {
        requireNonNull(sink, "sink");
        CsvRecordReader r = CsvRecordReader.open(name, in, sink.options().limits());
        List<String> header = header(r);
        Format f = format.or(() -> detect(header))
                .orElseThrow(() -> new DataFormatException(
                        name,
                        r.line(),
                        0,
                        r.raw(),
                        "cannot tell the format from the header (expected long: entity,period,variable,value; wide:"
                                + " entity,period,<variables>; Open SDG: Year,…,Value; SDMX-CSV: DATAFLOW,… or"
                                + " STRUCTURE,STRUCTURE_ID,…)"));
        sink.beginFile(name, f, r::raw);
        switch (f) {
            case LONG_CSV:
                LongCsv.read(r, header, sink);
                break;
            case WIDE_CSV:
                WideCsv.read(r, header, sink);
                break;
            case OPEN_SDG_CSV:
                OpenSdgCsv.read(r, header, sink);
                break;
            case SDMX_CSV_1:
            case SDMX_CSV_2:
                SdmxCsv.read(r, header, sink, f);
                break;
            default:
                throw new IllegalArgumentException("not a CSV format: " + f);
        }
        return f;
    }

    /** Reads the header: the first record that is not blank. */
    public static List<String> header(CsvRecordReader r) throws IOException {
        while (r.next()) {
            if (r.problem().isPresent()) {
                Problem p = r.problem().get();
                throw new DataFormatException(Problem.error(
                        p.file(), p.line(), p.column(), p.raw(), "the header is malformed: " + p.message()));
            }
            if (!r.isBlank()) {
                List<String> h = new ArrayList<>(r.size());
                for (int i = 0; i < r.size(); i++) {
                    h.add(r.field(i).strip());
                }
                return h;
            }
        }
        throw new DataFormatException(
                r.name(), 0, 0, "", "the input is empty (expected a header line naming the columns)");
    }

    /** Returns the format the header says, if it says one. */
    static Optional<Format> detect(List<String> header) {
        String first = Columns.key(header.get(0));
        String last = Columns.key(header.get(header.size() - 1));
        if (first.equals("dataflow")) {
            return Optional.of(Format.SDMX_CSV_1);
        }
        if (first.startsWith("structure")
                && header.size() > 1
                && Columns.key(header.get(1)).equals("structure_id")) {
            return Optional.of(Format.SDMX_CSV_2);
        }
        boolean openSdgShape = first.equals("year") && last.equals("value");
        boolean allLong = true;
        for (String h : header) {
            if (Columns.of(h).isEmpty() && !h.isEmpty()) {
                allLong = false;
            }
        }
        boolean hasVariable = Columns.find(header, Columns.VARIABLE) >= 0;
        boolean hasValue = Columns.find(header, Columns.VALUE) >= 0;
        if (openSdgShape && !allLong) {
            return Optional.of(Format.OPEN_SDG_CSV);
        }
        if (hasVariable && hasValue) {
            return Optional.of(Format.LONG_CSV);
        }
        if (openSdgShape) {
            return Optional.of(Format.OPEN_SDG_CSV);
        }
        if (Columns.find(header, Columns.PERIOD) >= 0 && !hasVariable && !hasValue) {
            return Optional.of(Format.WIDE_CSV);
        }
        return Optional.empty();
    }

    /** Throws the error for a required column that the header lacks. */
    static DataFormatException absent(CsvRecordReader r, List<String> header, Columns c, String format) {
        return new DataFormatException(
                r.name(),
                1,
                0,
                String.join(String.valueOf(r.separator()), header),
                "required column " + c.name().toLowerCase(java.util.Locale.ROOT) + " is absent from the " + format
                        + " header (expected one of " + c.spelled() + ")");
    }

    /**
     * Advances {@code r} to the next record that is well formed, not blank and has {@code cols}
     * fields, rejecting every malformed or ragged record on the way in {@code account}; returns
     * false at the end of the input. The one row loop of every CSV reader (extra fields are
     * allowed when empty, since spreadsheets add trailing separators).
     *
     * @throws IOException if reading fails
     */
    public static boolean nextRow(CsvRecordReader r, RowAccount account, int cols) throws IOException {
        while (r.next()) {
            if (r.problem().isPresent()) {
                account.reject(r.problem().get());
                continue;
            }
            if (r.isBlank()) {
                continue;
            }
            Optional<Problem> bad = fieldCount(r, cols);
            if (bad.isPresent()) {
                account.reject(bad.get());
                continue;
            }
            return true;
        }
        return false;
    }

    /**
     * Checks the field count of a data record against the header. Extra fields are allowed when
     * empty (spreadsheets add trailing separators). Returns the error, if there is one.
     */
    static Optional<Problem> fieldCount(CsvRecordReader r, int expected) {
        int n = r.size();
        if (n == expected) {
            return Optional.empty();
        }
        if (n > expected) {
            for (int i = expected; i < n; i++) {
                if (!r.isEmpty(i)) {
                    return Optional.of(Problem.error(
                            r.name(),
                            r.line(i),
                            i + 1,
                            r.raw(),
                            "row has " + n + " fields but the header has " + expected
                                    + " (expected one field per column; is a value with the separator '"
                                    + CsvRecordReader.printable(r.separator()) + "' not quoted?)"));
                }
            }
            return Optional.empty();
        }
        return Optional.of(Problem.error(
                r.name(),
                r.line(),
                n + 1,
                r.raw(),
                "row has " + n + " fields but the header has " + expected + " (expected one field per column)"));
    }

    /** Returns field {@code i} stripped of surrounding blanks. */
    static String strip(CsvRecordReader r, int i) {
        return r.field(i).strip();
    }
}
