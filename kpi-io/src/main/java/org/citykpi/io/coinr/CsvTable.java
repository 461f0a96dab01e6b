package org.citykpi.io.coinr;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CSV file record by record with opencsv's RFC 4180 parser (which keeps backslashes),
 * detecting the delimiter ({@code ,} {@code ;} or tab, from the header line) and skipping a UTF-8
 * byte-order mark. Tracks the line each record starts on. Not thread-safe.
 */
final class CsvTable implements Closeable {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MAX_FIELDS = 100_000;

    final String name;
    final String[] header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final CSVReader reader;
    private long line;
    private long nextLine = 2;

    private CsvTable(String name, String[] header, CSVReader reader) {
        this.name = name;
        this.header = header;
        this.reader = reader;
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].strip().toLowerCase(Locale.ROOT), i);
        }
    }

    /**
     * Opens {@code path} and reads its header.
     *
     * @throws IOException if the file cannot be read
     * @throws CoinrFormatException (structural) if it is empty or its header is broken
     */
    static CsvTable open(Path path) throws IOException {
        String name = path.toString();
        BufferedReader in =
                new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8));
        try {
            in.mark(1 << 20);
            int first = in.read();
            if (first != '\uFEFF') {
                in.reset();
            }
            in.mark(1 << 20);
            String headLine = in.readLine();
            if (headLine == null || headLine.isBlank()) {
                throw new CoinrFormatException(name, 1, 0, "the file is empty", null, "a header line", true);
            }
            in.reset();
            char sep = detect(headLine);
            CSVReader r = new CSVReaderBuilder(in)
                    .withCSVParser(new RFC4180ParserBuilder().withSeparator(sep).build())
                    .build();
            String[] header;
            try {
                header = r.readNext();
            } catch (CsvValidationException e) {
                throw new CoinrFormatException(name, 1, 0, "broken header", headLine, "a CSV header line", true);
            }
            if (header == null || header.length > MAX_FIELDS) {
                throw new CoinrFormatException(name, 1, 0, "unusable header", headLine, "at most 100000 columns", true);
            }
            CsvTable t = new CsvTable(name, header, r);
            t.nextLine = r.getLinesRead() + 1;
            return t;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static char detect(String line) {
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (semi > comma && semi >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    /** Returns the index of column {@code name} (case-insensitive), or −1. */
    int column(String colName) {
        Integer i = columns.get(colName.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    /**
     * Returns the next record, or null at the end; blank lines are skipped.
     *
     * @throws CoinrFormatException (not structural) for a record opencsv cannot parse
     */
    String[] next() throws IOException {
        while (true) {
            line = nextLine;
            String[] rec;
            try {
                rec = reader.readNext();
            } catch (CsvValidationException e) {
                nextLine = reader.getLinesRead() + 1;
                throw new CoinrFormatException(name, line, 0, "unreadable record", null, e.getMessage(), false);
            }
            nextLine = reader.getLinesRead() + 1;
            if (rec == null) {
                return null;
            }
            if (rec.length == 1 && rec[0].isBlank()) {
                continue;
            }
            return rec;
        }
    }

    /** Returns the line on which the last record returned by {@link #next} started. */
    long line() {
        return line;
    }

    /** Returns true for COINr's missing markers: empty, {@code NA}. */
    static boolean isMissing(String s) {
        String t = s.strip();
        return t.isEmpty() || t.equals("NA");
    }

    /** Returns true when {@code s} is a plain decimal number ({@code 12}, {@code -0.5}, {@code 1e3}). */
    static boolean isNumber(String s) {
        return NUMBER.matcher(s.strip()).matches();
    }

    /**
     * Parses a plain decimal number in field {@code col} of the current record.
     *
     * @throws CoinrFormatException (with the given structural flag) if it is not one
     */
    double number(String s, int col, String what, boolean structural) {
        String t = s.strip();
        if (!NUMBER.matcher(t).matches()) {
            String hint = t.indexOf(',') >= 0 ? "a number with '.' as decimal separator" : "a number or NA";
            throw new CoinrFormatException(name, line, col + 1, what + " is not a number", s, hint, structural);
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new CoinrFormatException(
                    name, line, col + 1, what + " is too large", s, "a finite number", structural);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
