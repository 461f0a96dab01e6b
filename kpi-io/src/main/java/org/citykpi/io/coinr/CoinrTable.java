package org.citykpi.io.coinr;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citykpi.Quote;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Limits;
import org.citykpi.io.Problem;
import org.citykpi.io.internal.CsvReaders;
import org.citykpi.io.internal.CsvRecordReader;
import org.citykpi.io.internal.NumberParser;
import org.citykpi.io.internal.RowAccount;
import org.citykpi.io.internal.StrictDecoder;

/**
 * A COINr table read through the one CSV tokenizer of kpi-io and its row loop: UTF-8 (text that
 * is not UTF-8 makes the file unreadable, with its line), the delimiter ({@code ,} {@code ;} or
 * tab) detected from the header, a byte-order mark skipped, the header being the first record that
 * is not blank; blank lines are not rows, and a malformed or ragged row is rejected in the {@link
 * RowAccount} like in every other reader. Columns are found ignoring case and surrounding blanks
 * (the first of two equal names wins). Problems read {@code what 'value' (expected)}. Not
 * thread-safe.
 */
final class CoinrTable implements Closeable {
    final String name;
    final List<String> header;
    final RowAccount account;
    private final Map<String, Integer> columns = new HashMap<>();
    private final CsvRecordReader r;

    private CoinrTable(String name, List<String> header, CsvRecordReader r, RowAccount account) {
        this.name = name;
        this.header = header;
        this.r = r;
        this.account = account;
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    /**
     * Opens {@code path} and reads its header; rows will be accounted in {@code mode}.
     *
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if it is empty, not UTF-8 or its header is malformed
     */
    static CoinrTable open(Path path, RowAccount.Mode mode) throws IOException {
        String name = path.toString();
        Limits limits = Limits.defaults();
        CsvRecordReader r = CsvRecordReader.open(
                name, new StrictDecoder(Files.newInputStream(path), StandardCharsets.UTF_8), limits);
        try {
            return new CoinrTable(name, CsvReaders.header(r), r, new RowAccount(mode, limits.maxProblems()));
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /** Returns the index of column {@code colName} (ignoring case), or -1. */
    int column(String colName) {
        return columns.getOrDefault(colName.toLowerCase(Locale.ROOT), -1);
    }

    /**
     * Advances to the next data row with a field for every column, rejecting malformed and ragged
     * rows on the way; returns false at the end.
     *
     * @throws IOException if reading fails
     * @throws DataFormatException for a malformed or ragged row when every problem is structural
     */
    boolean next() throws IOException {
        return CsvReaders.nextRow(r, account, header.size());
    }

    /** Returns field {@code i} of the current row, as written. */
    String field(int i) {
        return r.field(i);
    }

    /** Returns the line on which the current row starts. */
    long line() {
        return r.line();
    }

    /** Returns true when field {@code i} of the current row is missing: empty or {@code NA}. */
    boolean isMissing(int i) {
        return isMissing(r.field(i));
    }

    /** Returns true for COINr's missing markers: empty, {@code NA} (blanks around ignored). */
    static boolean isMissing(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equals("NA");
    }

    /**
     * Returns field {@code col} of the current row as a number ({@code .} as decimal separator,
     * blanks around ignored), naming it {@code what} in problems.
     *
     * @throws DataFormatException if it is not a finite number
     */
    double number(int col, String what) {
        String s = r.field(col);
        String t = s.strip();
        double v = NumberParser.parse(t, false);
        if (!Double.isNaN(v)) {
            return v;
        }
        if (NumberParser.looksNumeric(t, false)) {
            boolean large = NumberParser.overflows(t, false);
            throw error(
                    col,
                    what + (large ? " is too large" : " is too small to be stored"),
                    s,
                    large ? "a finite number" : "0 or a magnitude of at least 4.9e-324");
        }
        String hint = t.indexOf(',') >= 0 ? "a number with '.' as decimal separator" : "a number or NA";
        throw error(col, what + " is not a number", s, hint);
    }

    /** Returns the error {@code what 'value' (expected)} at field {@code col} of the current row. */
    DataFormatException error(int col, String what, String value, String expected) {
        return new DataFormatException(problem(name, r.line(col), col + 1, what, value, expected));
    }

    /** Returns the error {@code what (expected)} at the current row (no column, no value). */
    DataFormatException rowError(String what, String expected) {
        return new DataFormatException(problem(name, r.line(), 0, what, expected));
    }

    /**
     * Returns the error {@code what 'value' (expected)} at {@code file:line:column}, {@code value}
     * quoted by {@link Quote#of} (at most {@value Quote#MAX_CHARS} of its characters); no brackets
     * when {@code expected} is empty.
     */
    static Problem problem(String file, long line, int column, String what, String value, String expected) {
        return Problem.error(file, line, column, value, what + " " + Quote.of(value) + inBrackets(expected));
    }

    /** Returns the error {@code what (expected)} at {@code file:line:column}; no brackets when {@code expected} is empty. */
    static Problem problem(String file, long line, int column, String what, String expected) {
        return Problem.error(file, line, column, "", what + inBrackets(expected));
    }

    private static String inBrackets(String expected) {
        return expected.isEmpty() ? "" : " (" + expected + ")";
    }

    @Override
    public void close() throws IOException {
        r.close();
    }
}
