package org.citykpi.index;

import java.util.Arrays;

/**
 * A column-major table of doubles with a presence mask: cell (row, col) is {@code v[col·rows +
 * row]}, present when {@code ok[...]} is true. Missing cells hold 0 and are never read. Mutable
 * while a step fills it; treated as immutable once handed on.
 */
final class Matrix {
    final int rows;
    final int cols;
    final double[] v;
    final boolean[] ok;

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

    private volatile double[] logs;

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
