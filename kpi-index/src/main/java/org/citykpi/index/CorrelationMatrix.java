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

    /** Returns the row codes. */
    public List<String> rows() {
        return rows;
    }

    /** Returns the column codes. */
    public List<String> cols() {
        return cols;
    }

    /** Returns the correlation of row {@code i} with column {@code j}, if defined. */
    public OptionalDouble get(int i, int j) {
        int at = i * cols.size() + j;
        return defined[at] ? OptionalDouble.of(values[at]) : OptionalDouble.empty();
    }

    /** Returns the correlation of nodes {@code a} (a row) and {@code b} (a column), if defined. */
    public OptionalDouble get(String a, String b) {
        int i = rows.indexOf(a);
        int j = cols.indexOf(b);
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("no correlation between '" + a + "' and '" + b + "' in this matrix");
        }
        return get(i, j);
    }
}
