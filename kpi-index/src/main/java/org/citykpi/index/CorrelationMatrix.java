package org.citykpi.index;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Holds correlations between two lists of nodes ({@code rows} × {@code cols}), each from the units
 * where both have a value (pairwise complete). An entry is empty when fewer than 3 units are
 * shared or either column is constant over them.
 */
public final class CorrelationMatrix {
    private final List<String> rows;
    private final List<String> cols;
    private final double[] values;
    private final boolean[] defined;

    CorrelationMatrix(List<String> rows, List<String> cols, double[] values, boolean[] defined) {
        this.rows = List.copyOf(rows);
        this.cols = List.copyOf(cols);
        this.values = values;
        this.defined = defined;
    }

    /** {@return the codes of the nodes of the rows, in order} */
    public List<String> rows() {
        return rows;
    }

    /** {@return the codes of the nodes of the columns, in order} */
    public List<String> cols() {
        return cols;
    }

    /**
     * Returns the correlation of row {@code i} with column {@code j}.
     *
     * @param i the row, a position in {@link #rows()}
     * @param j the column, a position in {@link #cols()}
     * @return the coefficient in [−1, 1]; empty when fewer than 3 units have both values or either
     *     is constant over them
     */
    public OptionalDouble get(int i, int j) {
        int at = i * cols.size() + j;
        return defined[at] ? OptionalDouble.of(values[at]) : OptionalDouble.empty();
    }

    /**
     * Returns the correlation of node {@code a} (a row) with node {@code b} (a column).
     *
     * @param a the code of a node in {@link #rows()}
     * @param b the code of a node in {@link #cols()}
     * @return the coefficient in [−1, 1]; empty when fewer than 3 units have both values or either
     *     is constant over them
     * @throws IllegalArgumentException if {@code a} is not a row or {@code b} not a column
     */
    public OptionalDouble get(String a, String b) {
        int i = rows.indexOf(a);
        int j = cols.indexOf(b);
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("no correlation between '" + a + "' and '" + b + "' in this matrix");
        }
        return get(i, j);
    }
}
