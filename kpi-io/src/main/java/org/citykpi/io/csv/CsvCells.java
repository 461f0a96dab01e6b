package org.citykpi.io.csv;

import java.io.IOException;
import java.io.Writer;
import org.citykpi.io.internal.NumberParser;

/**
 * Writes CSV cells: RFC 4180 quoting (a cell with the separator, a quote or a line break is
 * quoted, quotes doubled) and spreadsheet safety — a text cell that a spreadsheet would run as a
 * formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return) and
 * that is not a plain number gets a leading apostrophe and is quoted, so it shows as text (OWASP
 * "CSV injection" advice). Numbers such as {@code -12.5} are written as they are.
 */
final class CsvCells {
    private CsvCells() {}

    /** Writes {@code text} as one cell, made safe for spreadsheets. */
    static void safe(Writer out, String text, char sep) throws IOException {
        if (!text.isEmpty() && isFormulaStart(text.charAt(0)) && Double.isNaN(NumberParser.parse(text, false))) {
            quoted(out, "'" + text);
            return;
        }
        plain(out, text, sep);
    }

    /** Writes {@code text} as one cell, quoted only when RFC 4180 needs it (no formula check). */
    static void plain(Writer out, String text, char sep) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == sep || c == '"' || c == '\n' || c == '\r') {
                quoted(out, text);
                return;
            }
        }
        out.write(text);
    }

    private static void quoted(Writer out, String text) throws IOException {
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
