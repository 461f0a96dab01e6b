package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.Numbers;
import org.citykpi.io.internal.NumberParser;

/**
 * The one way kpi-io writes CSV: cells separated by {@code ,}, every line ended by {@code \n},
 * and one quoting rule for every text cell of every CSV output:
 *
 * <ol>
 *   <li>text that a spreadsheet would run as a formula — it starts with {@code =}, {@code +},
 *       {@code -}, {@code @}, a tab or a carriage return — and that is not a number is quoted with
 *       a leading apostrophe, so that it shows as text ({@code =1+2} → {@code "'=1+2"}; OWASP
 *       "CSV injection");
 *   <li>other text holding the separator, a quote or a line break is quoted, quotes doubled (RFC
 *       4180: {@code say "hi"} → {@code "say ""hi"""});
 *   <li>everything else is written as it is, numbers included ({@code -12.5}, {@code +3},
 *       {@code 1e-3}: a number is whatever {@link NumberParser} reads as a finite number).
 * </ol>
 *
 * Numbers given as {@code double} are written by {@link Numbers#format} and never quoted; absent
 * values are empty cells. Not thread-safe; the writer is not closed.
 */
final class CsvWriter {
    private static final char SEPARATOR = ',';

    private final Writer out;
    private boolean lineStarted;

    CsvWriter(Writer out) {
        this.out = requireNonNull(out, "out");
    }

    /** Writes a line of text cells (a header). */
    CsvWriter line(String... cells) throws IOException {
        for (String c : cells) {
            text(c);
        }
        return end();
    }

    /** Writes a text cell by the quoting rule. */
    CsvWriter text(String s) throws IOException {
        separate();
        out.write(cell(s));
        return this;
    }

    /** Writes a number cell ({@link Numbers#format}). */
    CsvWriter number(double v) throws IOException {
        separate();
        out.write(Numbers.format(v));
        return this;
    }

    /** Writes a number cell, or an empty cell when there is no number. */
    CsvWriter number(OptionalDouble v) throws IOException {
        return v.isPresent() ? number(v.getAsDouble()) : empty();
    }

    /** Writes a whole-number cell. */
    CsvWriter integer(long v) throws IOException {
        separate();
        out.write(Long.toString(v));
        return this;
    }

    /** Writes a whole-number cell, or an empty cell when there is no number. */
    CsvWriter integer(OptionalInt v) throws IOException {
        return v.isPresent() ? integer(v.getAsInt()) : empty();
    }

    /** Writes an empty cell. */
    CsvWriter empty() throws IOException {
        separate();
        return this;
    }

    /** Ends the line. */
    CsvWriter end() throws IOException {
        out.write('\n');
        lineStarted = false;
        return this;
    }

    /** Flushes the writer (the writers of this package flush when done, and leave closing to the caller). */
    void flush() throws IOException {
        out.flush();
    }

    private void separate() throws IOException {
        if (lineStarted) {
            out.write(SEPARATOR);
        }
        lineStarted = true;
    }

    /** Returns {@code s} as one cell, by the quoting rule. */
    static String cell(String s) {
        if (!s.isEmpty() && isFormulaStart(s.charAt(0)) && Double.isNaN(NumberParser.parse(s, false))) {
            return quoted("'" + s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == SEPARATOR || c == '"' || c == '\n' || c == '\r') {
                return quoted(s);
            }
        }
        return s;
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
