package org.citykpi.data;

/**
 * Holds the values of one variable for every row of a {@link Dataset}: a primitive {@code double[]}
 * and a presence bit per row. A missing cell is absent, never NaN: {@link #get(int)} returns 0 for
 * it, so always ask {@link #isPresent(int)} first. Immutable and thread-safe.
 */
public final class Column {
    private final String variable;
    private final double[] values;
    private final long[] present;
    private final int size;
    private final int presentCount;
    private final double min;
    private final double max;

    Column(String variable, double[] values, long[] present, int size) {
        this.variable = variable;
        this.values = values;
        this.present = present;
        this.size = size;
        int n = 0;
        for (long w : present) {
            n += Long.bitCount(w);
        }
        this.presentCount = n;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < size; r++) {
            if ((present[r >>> 6] & (1L << r)) != 0) {
                lo = Math.min(lo, values[r]);
                hi = Math.max(hi, values[r]);
            }
        }
        this.min = lo;
        this.max = hi;
    }

    /** {@return the smallest value present, or +Infinity when no row holds a value} */
    public double min() {
        return min;
    }

    /** {@return the largest value present, or -Infinity when no row holds a value} */
    public double max() {
        return max;
    }

    /** {@return the variable id} */
    public String variable() {
        return variable;
    }

    /** {@return the number of rows} */
    public int size() {
        return size;
    }

    /** {@return how many rows hold a value} */
    public int presentCount() {
        return presentCount;
    }

    /**
     * Returns true when row {@code row} holds a value.
     *
     * @param row a row index, {@code 0} to {@code size() - 1}
     * @return whether the row holds a value
     */
    public boolean isPresent(int row) {
        return (present[row >>> 6] & (1L << row)) != 0;
    }

    /**
     * Returns the value at {@code row}, or 0 when it is missing (check {@link #isPresent}).
     *
     * @param row a row index, {@code 0} to {@code size() - 1}
     * @return the value, or 0 when the row holds none
     */
    public double get(int row) {
        return values[row];
    }

    /**
     * Copies rows {@code [from, from + length)} into {@code dest[destPos…]} and their presence into
     * {@code presentDest[destPos…]} (1 present, 0 missing).
     *
     * @param from first row copied
     * @param length number of rows copied
     * @param dest receives the values (0 where missing)
     * @param presentDest receives the presence of each row
     * @param destPos index in both arrays of the first row copied
     * @throws IndexOutOfBoundsException if a range is outside its array
     */
    public void copyTo(int from, int length, double[] dest, byte[] presentDest, int destPos) {
        System.arraycopy(values, from, dest, destPos, length);
        for (int i = 0; i < length; i++) {
            int r = from + i;
            presentDest[destPos + i] = (byte) ((present[r >>> 6] >>> r) & 1L);
        }
    }

    /**
     * Copies rows {@code [from, from + length)} into {@code dest[0…]} and their presence bits into
     * {@code presentDest} (bit {@code i} of word {@code i / 64} set where row {@code from + i} holds a
     * value; bits past {@code length} cleared).
     *
     * @param from first row copied
     * @param length number of rows copied, at least 1
     * @param dest receives the values (0 where missing), from index 0
     * @param presentDest receives the presence bits, at least {@code (length + 63) / 64} words
     * @throws IndexOutOfBoundsException if a range is outside its array
     */
    public void copyTo(int from, int length, double[] dest, long[] presentDest) {
        System.arraycopy(values, from, dest, 0, length);
        int words = (length + 63) >>> 6;
        if ((from & 63) == 0) {
            System.arraycopy(present, from >>> 6, presentDest, 0, words);
        } else {
            for (int w = 0; w < words; w++) {
                int r = from + (w << 6);
                long lo = present[r >>> 6] >>> (r & 63);
                long hi = (r >>> 6) + 1 < present.length ? present[(r >>> 6) + 1] << (64 - (r & 63)) : 0;
                presentDest[w] = lo | hi;
            }
        }
        if ((length & 63) != 0) {
            presentDest[words - 1] &= (1L << (length & 63)) - 1;
        }
    }

    Column select(int[] rows) {
        double[] v = new double[rows.length];
        long[] p = new long[(rows.length + 63) >>> 6];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (isPresent(r)) {
                v[i] = values[r];
                p[i >>> 6] |= 1L << i;
            }
        }
        return new Column(variable, v, p, rows.length);
    }
}
