package org.citykpi.io;

/**
 * Bounds what a reader accepts, so that a hostile or broken file fails with a clear, positioned
 * error instead of exhausting memory. Immutable and thread-safe.
 *
 * <ul>
 *   <li>a field longer than {@code maxFieldChars} rejects its row;
 *   <li>a record longer than {@code maxRecordChars} (typically an unclosed quote) rejects the
 *       record and reading resumes on the next line;
 *   <li>a record with more than {@code maxColumns} fields rejects the record (a header with more
 *       makes the file unreadable);
 *   <li>JSON nested deeper than {@code maxJsonDepth} makes the file unreadable;
 *   <li>after {@code maxProblems} problems, further problems are counted but not kept (the counts
 *       in {@link ReadResult} stay exact).
 * </ul>
 *
 * @param maxFieldChars longest field, in characters (default 1,048,576)
 * @param maxRecordChars longest record, in characters (default 16,777,216)
 * @param maxColumns most fields in one record (default 16,384)
 * @param maxJsonDepth deepest JSON nesting (default 64)
 * @param maxProblems most problems kept in a {@link ReadResult} (default 10,000)
 */
public record Limits(int maxFieldChars, int maxRecordChars, int maxColumns, int maxJsonDepth, int maxProblems) {

    /**
     * Validates that every limit is positive and that a field fits in a record.
     *
     * @param maxFieldChars longest field, in characters; at least 1
     * @param maxRecordChars longest record, in characters; at least {@code maxFieldChars}
     * @param maxColumns most fields in one record; at least 1
     * @param maxJsonDepth deepest JSON nesting; at least 1
     * @param maxProblems most problems kept; 0 keeps none (they are still counted)
     * @throws IllegalArgumentException if a limit is out of range, or a field could not fit in a
     *     record
     */
    public Limits {
        if (maxFieldChars < 1 || maxRecordChars < 1 || maxColumns < 1 || maxJsonDepth < 1 || maxProblems < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxFieldChars > maxRecordChars) {
            throw new IllegalArgumentException(
                    "maxFieldChars " + maxFieldChars + " > maxRecordChars " + maxRecordChars);
        }
    }

    /**
     * Returns the default limits: fields of 1,048,576 characters, records of 16,777,216
     * characters, 16,384 columns, JSON nested 64 deep, 10,000 problems kept.
     *
     * @return the default limits
     */
    public static Limits defaults() {
        return new Limits(1 << 20, 1 << 24, 16_384, 64, 10_000);
    }

    /**
     * Returns a copy with {@code maxFieldChars} changed (and the record limit raised if needed).
     *
     * @param n longest field, in characters; at least 1
     * @return the new limits
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public Limits withMaxFieldChars(int n) {
        return new Limits(n, Math.max(n, maxRecordChars), maxColumns, maxJsonDepth, maxProblems);
    }

    /**
     * Returns a copy with {@code maxRecordChars} changed (and the field limit lowered if needed).
     *
     * @param n longest record, in characters; at least 1
     * @return the new limits
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public Limits withMaxRecordChars(int n) {
        return new Limits(Math.min(n, maxFieldChars), n, maxColumns, maxJsonDepth, maxProblems);
    }

    /**
     * Returns a copy with {@code maxColumns} changed.
     *
     * @param n most fields in one record; at least 1
     * @return the new limits
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public Limits withMaxColumns(int n) {
        return new Limits(maxFieldChars, maxRecordChars, n, maxJsonDepth, maxProblems);
    }

    /**
     * Returns a copy with {@code maxJsonDepth} changed.
     *
     * @param n deepest JSON nesting; at least 1
     * @return the new limits
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public Limits withMaxJsonDepth(int n) {
        return new Limits(maxFieldChars, maxRecordChars, maxColumns, n, maxProblems);
    }

    /**
     * Returns a copy with {@code maxProblems} changed.
     *
     * @param n most problems kept in a {@link ReadResult}; 0 keeps none (they are still counted)
     * @return the new limits
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Limits withMaxProblems(int n) {
        return new Limits(maxFieldChars, maxRecordChars, maxColumns, maxJsonDepth, n);
    }
}
