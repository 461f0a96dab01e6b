package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.Optional;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Limits;
import org.citykpi.io.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 records from text, streaming, and knows where every field starts: the line of
 * the record and of each field (quoted fields may span lines), and the field's column.
 *
 * <p>What it accepts:
 *
 * <ul>
 *   <li>separator {@code ,}, {@code ;} or tab, given or detected from the first line (the most
 *       frequent of the three outside quotes; {@code ,} when none occurs; for a line starting
 *       {@code STRUCTURE}, the character after {@code STRUCTURE} or {@code STRUCTURE[x]}, as
 *       SDMX-CSV 2.0 says);
 *   <li>a UTF-8 byte-order mark at the start (skipped);
 *   <li>line ends {@code \n}, {@code \r\n} or a lone {@code \r}; inside quotes they are kept as
 *       they are (so {@code "a\r\nb"} reads as {@code a\r\nb});
 *   <li>quoted fields with the separator, line breaks and doubled quotes {@code ""} inside;
 *   <li>a quote inside an unquoted field is kept as a character ({@code 37°36'37.8"N});
 *   <li>no unescaping of backslashes ({@code C:\temp} stays {@code C:\temp}).
 * </ul>
 *
 * <p>What it rejects, each as a malformed record ({@link #problem()}) after which reading goes on
 * with the next line: a character other than a separator or line end after a closing quote; a
 * quote that is never closed (the record is cut at the end of the line where the quote opened and
 * reading resumes on the line after it, so one stray quote does not swallow the rest of the file);
 * a field longer than {@link Limits#maxFieldChars()}; a record longer than {@link
 * Limits#maxRecordChars()}; more than {@link Limits#maxColumns()} fields. Text that cannot be
 * decoded throws {@link DataFormatException} with the line where it occurs.
 *
 * <p>Memory is bounded by the longest record (at most {@link Limits#maxRecordChars()} characters).
 * Not thread-safe.
 */
public final class CsvRecordReader implements Closeable {
    private static final int MIN_BUFFER = 1 << 16;

    private final String name;
    private final Reader in;
    private final int maxField;
    private final int maxRecord;
    private final int maxColumns;
    private char sep;
    /** Bits of the characters below 64 that end an unquoted field: separator, \n, \r. */
    private long stopMask;

    private char[] buf = new char[MIN_BUFFER];
    private int pos;
    private int lim;
    private boolean eof;
    private long line = 1;
    private boolean skipLine;

    private int n;
    private int[] fs = new int[16];
    private int[] fe = new int[16];
    private int[] fl = new int[16];
    private boolean[] esc = new boolean[16];
    private boolean[] quoted = new boolean[16];
    private char[] scratch = new char[256];
    private int scratchLen;
    private long recLine;
    private int recLines;
    /** Why the current record is malformed; null when it is well formed. */
    private @Nullable Problem problem;

    private long records;
    private int recStart;
    private boolean longField;

    // result of parse(): a record, or the buffer ran out before the record ended
    private static final int OK = 0;
    private static final int MORE = 1;

    private CsvRecordReader(String name, Reader in, Limits limits) {
        this.name = requireNonNull(name, "name");
        this.in = requireNonNull(in, "in");
        this.maxField = limits.maxFieldChars();
        this.maxRecord = limits.maxRecordChars();
        this.maxColumns = limits.maxColumns();
    }

    /**
     * Opens {@code in} (named {@code name} in problems) and detects the separator from the first
     * line.
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the text cannot be decoded
     */
    public static CsvRecordReader open(String name, Reader in, Limits limits) throws IOException {
        CsvRecordReader r = new CsvRecordReader(name, in, requireNonNull(limits, "limits"));
        r.start();
        r.separator(r.detectSeparator());
        return r;
    }

    /**
     * Opens {@code in} with the separator {@code separator}.
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the text cannot be decoded
     */
    public static CsvRecordReader open(String name, Reader in, Limits limits, char separator) throws IOException {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("separator cannot be a quote or a line end");
        }
        CsvRecordReader r = new CsvRecordReader(name, in, requireNonNull(limits, "limits"));
        r.start();
        r.separator(separator);
        return r;
    }

    private void separator(char c) {
        sep = c;
        stopMask = (1L << '\n') | (1L << '\r') | (c < 64 ? 1L << c : 0L);
    }

    private void start() throws IOException {
        fill();
        if (lim > 0 && buf[0] == '\uFEFF') {
            pos = 1;
        }
    }

    /** Returns the name given for the input. */
    public String name() {
        return name;
    }

    /** Returns the separator in use. */
    public char separator() {
        return sep;
    }

    /**
     * Reads the next record. Returns false at the end of the input. A record may be malformed
     * ({@link #problem()} then says why, and its fields are what could be read).
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the text cannot be decoded
     */
    public boolean next() throws IOException {
        problem = null;
        if (skipLine) {
            skipRestOfLine();
        }
        while (true) {
            if (pos >= lim) {
                if (!eof) {
                    compactAndFill(pos);
                    continue;
                }
                n = 0;
                return false;
            }
            int first = pos;
            int r = parse(first);
            if (r == OK) {
                records++;
                return true;
            }
            // the record runs past the buffer: keep it, read more, parse it again from its start
            if (lim - first >= maxRecord) {
                tooLong(first);
                records++;
                return true;
            }
            compactAndFill(first);
        }
    }

    /** Returns the number of records read so far (including malformed ones). */
    public long recordsRead() {
        return records;
    }

    /** Returns the number of fields of the current record. */
    public int size() {
        return n;
    }

    /** Returns field {@code i} (0-based) of the current record. */
    public String field(int i) {
        check(i);
        return esc[i] ? new String(scratch, fs[i], fe[i] - fs[i]) : new String(buf, fs[i], fe[i] - fs[i]);
    }

    /** Returns true when field {@code i} was quoted in the input. */
    public boolean isQuoted(int i) {
        check(i);
        return quoted[i];
    }

    /** Returns true when field {@code i} is empty. */
    public boolean isEmpty(int i) {
        check(i);
        return fe[i] == fs[i];
    }

    /** Returns true when every field of the current record is empty (a blank line, or {@code ,,,}). */
    public boolean isBlank() {
        for (int i = 0; i < n; i++) {
            if (fe[i] != fs[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the line on which the current record starts (1-based). */
    public long line() {
        return recLine;
    }

    /** Returns the line on which field {@code i} of the current record starts. */
    public long line(int i) {
        check(i);
        return recLine + fl[i];
    }

    /** Returns the number of lines the current record spans. */
    public int lineCount() {
        return recLines;
    }

    /** Returns the problem of the current record when it is malformed. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** Returns the current record as one text, fields joined by the separator (for messages). */
    public String raw() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n && sb.length() <= Problem.MAX_RAW; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(esc[i] ? scratch : buf, fs[i], Math.min(fe[i] - fs[i], Problem.MAX_RAW + 1));
        }
        return sb.toString();
    }

    // Same-package fast access, without creating a String.
    char[] chars(int i) {
        return esc[i] ? scratch : buf;
    }

    int start(int i) {
        return fs[i];
    }

    int end(int i) {
        return fe[i];
    }

    private void check(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("field " + i + " of " + n);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * Parses the record starting at {@code p0}. Returns MORE when the buffer ends before the
     * record does (and the input has more), else OK with the fields set and pos after the record.
     */
    private int parse(int p0) {
        final char[] b = buf;
        final char s = sep;
        final int end = lim;
        int p = p0;
        int lines = 0;
        recStart = p0;
        n = 0;
        scratchLen = 0;
        longField = false;
        boolean tooMany = false;
        while (true) {
            int k = n;
            if (k >= maxColumns) {
                tooMany = true;
                k = maxColumns - 1; // keep overwriting the last slot; the record is rejected anyway
            } else if (k == fs.length) {
                grow();
            }
            fl[k] = lines;
            if (p == end) {
                if (!eof) {
                    return MORE;
                }
                // end of input right after a separator: the last field is empty
                setField(k, p, p, false, false);
                n = k + 1;
                finish(p, lines, tooMany);
                return OK;
            }
            char c = b[p];
            if (c == '"') {
                int q = p;
                int qLines = lines;
                p++;
                int contentStart = p;
                int scratchStart = scratchLen;
                boolean escaped = false;
                while (true) {
                    if (p == end) {
                        if (!eof) {
                            return MORE;
                        }
                        unclosed(p0, q, lines, qLines, k);
                        return OK;
                    }
                    c = b[p];
                    if (c == '"') {
                        if (p + 1 == end && !eof) {
                            return MORE;
                        }
                        if (p + 1 < end && b[p + 1] == '"') {
                            if (!escaped) {
                                escaped = true;
                                appendScratch(b, contentStart, p - contentStart);
                            }
                            appendScratch('"');
                            p += 2;
                            continue;
                        }
                        break; // closing quote
                    }
                    if (c == '\n') {
                        lines++;
                    } else if (c == '\r') {
                        if (p + 1 == end && !eof) {
                            return MORE;
                        }
                        if (p + 1 == end || b[p + 1] != '\n') {
                            lines++;
                        }
                    }
                    if (escaped) {
                        appendScratch(c);
                    }
                    p++;
                }
                if (escaped) {
                    setField(k, scratchStart, scratchLen, true, true);
                } else {
                    setField(k, contentStart, p, false, true);
                }
                n = k + 1;
                p++; // after the closing quote
                if (p == end) {
                    if (!eof) {
                        return MORE;
                    }
                    finish(p, lines, tooMany);
                    return OK;
                }
                c = b[p];
                if (c == s) {
                    p++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    int r = endOfLine(p, lines, tooMany);
                    if (r != OK) {
                        return r;
                    }
                    return OK;
                }
                // a character after the closing quote: reject the record, resume after this line
                recLine = line;
                recLines = lines + 1;
                problem = Problem.error(
                        name,
                        line + lines,
                        k + 1,
                        text(b, q, Math.min(p + 1, end)),
                        "unexpected '" + printable(c) + "' after the closing quote of a quoted field (expected '"
                                + printable(s)
                                + "' or a line end; a quote inside a quoted field must be doubled: \"\")");
                line += lines;
                pos = p;
                skipLine = true;
                return OK;
            }
            int start = p;
            // one test per character for letters (>= 64); a bit mask for the rest
            final long mask = stopMask;
            while (p < end) {
                c = b[p];
                if (c < 64 ? ((mask >>> c) & 1L) != 0 : c == s) {
                    break;
                }
                p++;
            }
            if (p == end && !eof) {
                return MORE;
            }
            setField(k, start, p, false, false);
            n = k + 1;
            if (p == end) {
                finish(p, lines, tooMany);
                return OK;
            }
            if (c == s) {
                p++;
                continue;
            }
            return endOfLine(p, lines, tooMany);
        }
    }

    /** Consumes the line end at {@code p} and finishes the record. */
    private int endOfLine(int p, int lines, boolean tooMany) {
        if (buf[p] == '\r') {
            if (p + 1 == lim && !eof) {
                return MORE;
            }
            p++;
            if (p < lim && buf[p] == '\n') {
                p++;
            }
        } else {
            p++;
        }
        finish(p, lines + 1, tooMany);
        return OK;
    }

    private void finish(int p, int linesAfter, boolean tooMany) {
        recLine = line;
        boolean endsWithBreak = p > 0 && (buf[p - 1] == '\n' || buf[p - 1] == '\r');
        recLines = endsWithBreak ? linesAfter : linesAfter + 1;
        line += linesAfter;
        pos = p;
        if (p - recStart > maxRecord) {
            problem = Problem.error(
                    name,
                    recLine,
                    0,
                    raw(),
                    "record of " + (p - recStart) + " characters is longer than the limit of " + maxRecord
                            + " (expected shorter records; raise the record limit if the file is genuine)");
            return;
        }
        if (tooMany) {
            problem = Problem.error(
                    name,
                    recLine,
                    maxColumns + 1,
                    "",
                    "more than " + maxColumns + " fields in one record (expected at most " + maxColumns
                            + "; raise the column limit if the file is genuine)");
            return;
        }
        if (!longField) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (fe[i] - fs[i] > maxField) {
                problem = Problem.error(
                        name,
                        recLine + fl[i],
                        i + 1,
                        new String(chars(i), fs[i], Math.min(Problem.MAX_RAW, fe[i] - fs[i])),
                        "field of " + (fe[i] - fs[i]) + " characters is longer than the limit of " + maxField
                                + " (expected a shorter value; raise the field limit if the file is genuine)");
                return;
            }
        }
    }

    /**
     * Handles a quote at {@code q} that is never closed (end of input, or the record limit): the
     * record ends at the end of the line where the quote opened, and reading resumes after it.
     */
    private void unclosed(int p0, int q, int lines, int qLines, int k) {
        int p = q;
        while (p < lim && buf[p] != '\n' && buf[p] != '\r') {
            p++;
        }
        boolean lineEndFound = p < lim;
        if (p < lim) {
            if (buf[p] == '\r' && p + 1 < lim && buf[p + 1] == '\n') {
                p++;
            }
            p++;
        }
        recLine = line;
        recLines = qLines + 1;
        n = Math.max(n, k + 1);
        setField(k, q + 1, Math.min(p, q + 1 + Problem.MAX_RAW), false, true);
        problem = Problem.error(
                name,
                line + qLines,
                k + 1,
                text(buf, q, Math.min(p, lim)),
                "quote opened here is never closed (expected a closing '\"' before the end of the "
                        + (eof && lim - p0 < maxRecord ? "file" : "record limit of " + maxRecord + " characters")
                        + "; a quote inside a field must be doubled: \"\"); reading resumes on the next line");
        line += qLines + 1;
        pos = p;
        if (!lineEndFound && !eof) {
            skipLine = true; // the quote's own line goes on beyond the buffer
        }
    }

    /** Handles a record longer than the record limit. */
    private void tooLong(int first) {
        // Is the overflow inside a quoted field? Find the quote that is still open.
        int p = first;
        boolean inQuote = false;
        int openQuote = -1;
        int lines = 0;
        int qLines = 0;
        int field = 0;
        int qField = 0;
        boolean atFieldStart = true;
        while (p < lim) {
            char c = buf[p];
            if (inQuote) {
                if (c == '"') {
                    if (p + 1 < lim && buf[p + 1] == '"') {
                        p += 2;
                        continue;
                    }
                    inQuote = false;
                } else if (c == '\n') {
                    lines++;
                }
            } else if (c == '"' && atFieldStart) {
                inQuote = true;
                openQuote = p;
                qLines = lines;
                qField = field;
            } else if (c == sep) {
                field++;
                atFieldStart = true;
                p++;
                continue;
            } else if (c == '\n' || c == '\r') {
                break;
            }
            atFieldStart = false;
            p++;
        }
        if (inQuote) {
            n = 0;
            unclosed(first, openQuote, lines, qLines, Math.min(qField, fs.length - 1));
            return;
        }
        n = 1;
        line += lines;
        setField(0, first, first + Math.min(Problem.MAX_RAW, lim - first), false, false);
        recLine = line;
        recLines = 1;
        problem = Problem.error(
                name,
                line,
                0,
                new String(buf, first, Math.min(Problem.MAX_RAW, lim - first)),
                "record longer than the limit of " + maxRecord
                        + " characters (expected shorter lines; raise the record limit if the file is genuine)");
        pos = lim;
        skipLine = true;
    }

    /** Skips to just after the next line end (used to resume after a malformed record). */
    private void skipRestOfLine() throws IOException {
        skipLine = false;
        while (true) {
            while (pos < lim) {
                char c = buf[pos++];
                if (c == '\n') {
                    line++;
                    return;
                }
                if (c == '\r') {
                    if (pos == lim && !eof) {
                        compactAndFill(pos);
                    }
                    if (pos < lim && buf[pos] == '\n') {
                        pos++;
                    }
                    line++;
                    return;
                }
            }
            if (eof) {
                return;
            }
            compactAndFill(pos);
        }
    }

    private void setField(int k, int start, int end, boolean escaped, boolean wasQuoted) {
        if (end - start > maxField) {
            longField = true;
        }
        fs[k] = start;
        fe[k] = end;
        esc[k] = escaped;
        quoted[k] = wasQuoted;
    }

    private void grow() {
        int m = Math.min(fs.length * 2, Math.max(maxColumns, 16));
        fs = Arrays.copyOf(fs, m);
        fe = Arrays.copyOf(fe, m);
        fl = Arrays.copyOf(fl, m);
        esc = Arrays.copyOf(esc, m);
        quoted = Arrays.copyOf(quoted, m);
    }

    private void appendScratch(char c) {
        if (scratchLen == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLen++] = c;
    }

    private void appendScratch(char[] b, int from, int len) {
        if (scratchLen + len > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLen + len));
        }
        System.arraycopy(b, from, scratch, scratchLen, len);
        scratchLen += len;
    }

    /** Moves buf[keep, lim) to the front, grows the buffer if it is full, and reads more. */
    private void compactAndFill(int keep) throws IOException {
        int len = lim - keep;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, len);
        } else if (len == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) maxRecord + MIN_BUFFER));
        }
        pos -= keep;
        lim = len;
        fill();
    }

    private void fill() throws IOException {
        while (lim < buf.length && !eof) {
            int r;
            try {
                r = in.read(buf, lim, buf.length - lim);
            } catch (CharacterCodingException e) {
                long at = line;
                for (int i = pos; i < lim; i++) {
                    if (buf[i] == '\n') {
                        at++;
                    }
                }
                throw new DataFormatException(name, at, 0, "", CsvReaders.NOT_DECODABLE);
            }
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
                if (r > 0 && lim - pos >= 1024) {
                    return; // enough to go on; avoid blocking on slow inputs
                }
            }
        }
    }

    private char detectSeparator() throws IOException {
        // make sure the first line (or a good part of it) is in the buffer
        while (!eof && indexOfLineEnd() < 0 && lim < buf.length) {
            fill();
        }
        int p = pos;
        String head = new String(buf, p, Math.min(lim - p, 64));
        if (head.regionMatches(true, 0, "STRUCTURE", 0, 9) && head.length() > 9) {
            char c = head.charAt(9);
            if (c == '[') {
                int close = head.indexOf(']');
                if (close > 0 && close + 1 < head.length()) {
                    c = head.charAt(close + 1);
                }
            }
            if (c == ',' || c == ';' || c == '\t') {
                return c;
            }
        }
        int commas = 0;
        int semis = 0;
        int tabs = 0;
        boolean inQuote = false;
        for (; p < lim; p++) {
            char c = buf[p];
            if (c == '"') {
                inQuote = !inQuote;
            } else if (!inQuote) {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semis++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (semis > commas && semis >= tabs) {
            return ';';
        }
        if (tabs > commas && tabs > semis) {
            return '\t';
        }
        return ',';
    }

    private int indexOfLineEnd() {
        for (int p = pos; p < lim; p++) {
            if (buf[p] == '\n' || buf[p] == '\r') {
                return p;
            }
        }
        return -1;
    }

    private static String text(char[] b, int from, int to) {
        return new String(b, from, Math.min(to - from, Problem.MAX_RAW + 1));
    }

    static String printable(char c) {
        switch (c) {
            case '\t':
                return "\\t";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            default:
                return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        }
    }
}
