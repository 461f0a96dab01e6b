package org.citykpi.index;

import java.io.Serializable;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A column-major table of doubles with a presence mask: cell (row, col) is {@code v[col·rows +
 * row]}, present when {@code ok[...]} is true. Missing cells hold 0 and are never read. Mutable
 * while a step fills it; treated as immutable once handed on.
 */
final class Matrix implements Serializable {
    final int rows;
    final int cols;
    final double[] v;
    final boolean[] ok;

    /** Returns whether this matrix has {@code rows × cols} cells with a presence flag each. */
    boolean fits(int rows, int cols) {
        return this.rows == rows && this.cols == cols && v.length == rows * cols && ok.length == rows * cols;
    }

    Matrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.v = new double[rows * cols];
        this.ok = new boolean[rows * cols];
    }

    private Matrix(int rows, int cols, double[] v, boolean[] ok) {
        this.rows = rows;
        this.cols = cols;
        this.v = v;
        this.ok = ok;
    }

    /**
     * Returns a matrix of fresh values that shares the presence mask (and its list of missing
     * cells) of {@code like}: for steps that never change which cells are present.
     */
    static Matrix sharingMask(Matrix like) {
        Matrix m = new Matrix(like.rows, like.cols, new double[like.rows * like.cols], like.ok);
        m.missing = like.missing();
        return m;
    }

    /** See {@link #missing()}: null until computed or set. */
    private transient volatile int @Nullable [][] missing;
    /** See {@link #ranges()}: null until computed. */
    private transient volatile double @Nullable [][] ranges;

    /**
     * Returns, per column, the rows of its missing cells in ascending order, computed once (the
     * mask never changes after the step that filled it). Fast steps compute every row branch-free
     * (missing cells hold 0) and then fix up only these rows, so their cost grows with the missing
     * data, not with the rows.
     */
    int[][] missing() {
        int[][] m = missing;
        if (m == null) {
            m = new int[cols][];
            for (int c = 0; c < cols; c++) {
                int base = c * rows;
                int n = 0;
                for (int r = 0; r < rows; r++) {
                    if (!ok[base + r]) {
                        n++;
                    }
                }
                int[] list = new int[n];
                n = 0;
                for (int r = 0; r < rows; r++) {
                    if (!ok[base + r]) {
                        list[n++] = r;
                    }
                }
                m[c] = list;
            }
            missing = m;
        }
        return m;
    }

    /** Returns the missing-cell lists if they are already known (see {@link #missing()}), else null. */
    int @Nullable [][] knownMissing() {
        return missing;
    }

    /** Records the missing-cell lists of a matrix filled by a fast step (see {@link #missing()}). */
    void setMissing(int[][] m) {
        missing = m;
    }

    /**
     * Returns, per column, {@code {min, max}} of the present cells (both ±infinity-initialised and
     * updated with strict comparisons in row order, so among equal values the first row's is kept),
     * computed once: min-max normalisation of many builds over the same data reuses it.
     */
    double[][] ranges() {
        double[][] g = ranges;
        if (g == null) {
            g = new double[cols][];
            for (int c = 0; c < cols; c++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = c * rows; i < (c + 1) * rows; i++) {
                    if (ok[i]) {
                        double x = v[i];
                        if (x < min) {
                            min = x;
                        }
                        if (x > max) {
                            max = x;
                        }
                    }
                }
                g[c] = new double[] {min, max};
            }
            ranges = g;
        }
        return g;
    }

    /**
     * The rows where at least one of a set of columns (at most 64) is missing, ascending; for each
     * such row a bit mask of the columns present there (bit i for the i-th column of the set); and
     * the same as numbers, {@code mask[i][j]} = 1 if column i of the set is present in row j of the
     * list, else 0 (multiplying by it drops a missing cell's term without a branch).
     */
    record Partial(int[] rows, long[] present, double[][] mask) {}

    /** A set of column indices as a map key, compared by content. */
    private record Columns(int[] set) {
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Columns && Arrays.equals(set, ((Columns) o).set);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(set);
        }

        @Override
        public String toString() {
            return Arrays.toString(set);
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<Columns, Partial> partials =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Returns the rows of {@code set} (column indices, at most 64) with a missing cell and the
     * pattern of present cells in each, computed once per set: the mask never changes, so the
     * aggregates of many builds over this matrix skip finding them again. Merges the sets'
     * {@link #missing()} lists, so its cost grows with the missing cells, not with the rows.
     */
    Partial partial(int[] set) {
        if (set.length > 64) {
            throw new IllegalArgumentException("at most 64 columns: " + set.length);
        }
        return partials.computeIfAbsent(new Columns(set), k -> findPartial(set));
    }

    private Partial findPartial(int[] set) {
        int[][] miss = missing();
        long all = set.length == 64 ? -1L : (1L << set.length) - 1;
        // a bit per set column that is missing, per row; then the rows with any bit
        long[] absent = new long[rows];
        int n = 0;
        for (int i = 0; i < set.length; i++) {
            for (int r : miss[set[i]]) {
                n += absent[r] == 0 ? 1 : 0;
                absent[r] |= 1L << i;
            }
        }
        int[] rowsOut = new int[n];
        long[] present = new long[n];
        n = 0;
        for (int r = 0; r < rows; r++) {
            if (absent[r] != 0) {
                rowsOut[n] = r;
                present[n++] = all & ~absent[r];
            }
        }
        double[][] mask = new double[set.length][n];
        for (int i = 0; i < set.length; i++) {
            for (int j = 0; j < n; j++) {
                mask[i][j] = (present[j] >>> i) & 1L;
            }
        }
        return new Partial(rowsOut, present, mask);
    }

    /** See {@link #columns()}: null until made. */
    private transient volatile double @Nullable [][] columns;

    /**
     * Returns the values as one array per column (a copy, made once). Loops that read a column and
     * write an accumulator at the same index are vectorised by the JIT; the same loop over {@link
     * #v} at a column's offset is not, since the compiler cannot rule out that the arrays overlap.
     * Racing threads make identical copies, so the unsynchronised cache is safe.
     */
    double[][] columns() {
        double[][] c = columns;
        if (c == null) {
            c = new double[cols][];
            for (int j = 0; j < cols; j++) {
                c[j] = Arrays.copyOfRange(v, j * rows, (j + 1) * rows);
            }
            columns = c;
        }
        return c;
    }

    /** See {@link #logs()}: null until computed. */
    private transient volatile double @Nullable [] logs;

    /**
     * Returns {@code ln v} for every present positive cell (0 elsewhere), computed once: the
     * geometric mean of many runs over the same normalised data reuses it. Racing threads compute
     * identical arrays, so the unsynchronised cache is safe.
     */
    double[] logs() {
        double[] l = logs;
        if (l == null) {
            l = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                l[i] = ok[i] && v[i] > 0 ? Math.log(v[i]) : 0;
            }
            logs = l;
        }
        return l;
    }

    /** See {@link #logColumns()}: null until made. */
    private transient volatile double @Nullable [][] logColumns;

    /** Returns {@link #logs()} as one array per column (a copy, made once; see {@link #columns()}). */
    double[][] logColumns() {
        double[][] c = logColumns;
        if (c == null) {
            double[] l = logs();
            c = new double[cols][];
            for (int j = 0; j < cols; j++) {
                c[j] = Arrays.copyOfRange(l, j * rows, (j + 1) * rows);
            }
            logColumns = c;
        }
        return c;
    }

    int at(int row, int col) {
        return col * rows + row;
    }

    Matrix copy() {
        return new Matrix(rows, cols, v.clone(), ok.clone());
    }

    /** Returns a matrix with {@code extra} more (missing) columns after these. */
    Matrix widen(int extra) {
        double[] nv = Arrays.copyOf(v, rows * (cols + extra));
        boolean[] nok = Arrays.copyOf(ok, rows * (cols + extra));
        return new Matrix(rows, cols + extra, nv, nok);
    }

    Matrix selectRows(int[] keep) {
        Matrix m = new Matrix(keep.length, cols);
        for (int c = 0; c < cols; c++) {
            int src = c * rows;
            int dst = c * keep.length;
            for (int i = 0; i < keep.length; i++) {
                m.v[dst + i] = v[src + keep[i]];
                m.ok[dst + i] = ok[src + keep[i]];
            }
        }
        return m;
    }
}
