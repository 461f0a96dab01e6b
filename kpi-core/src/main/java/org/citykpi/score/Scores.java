package org.citykpi.score;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.engine.Results;

/**
 * The U4SSC scores of every cell (row × output) of computed {@link Results}, as {@link
 * U4sscScoring#score(Results, TargetSet)} gives them: for each output (indicator or part) the
 * target that applies, and for each row the attainment in percent of target, the points and the
 * band.
 *
 * <p>Stored column by column: per output with a target, a {@code double[]} of attainment and a
 * {@code byte[]} of points over the rows; an output without a target stores nothing. There
 * are no per-cell objects: {@link #cells()} hands out a {@link ScoredResult} view of a cell when
 * asked, reading the columns (and the results) on demand.
 *
 * <ul>
 *   <li>a cell without a value or without a target is not scored: every score accessor is empty;
 *   <li>a cell whose attainment is not defined (a negative value or target, a zero target where
 *       higher is better, a value or target of 0 for a target band unless both are 0) is not scored
 *       either;
 *   <li>a value of 0 where lower is better meets the target: 4 points, attainment empty.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Scores {
    private final Results results;
    private final TargetSet targets;
    private final List<String> outputs;
    private final Map<String, Integer> index;
    /** The target of each output. */
    private final List<Optional<Target>> target;

    private final String[] names;
    private final String[] units;
    private final String[] formulas;
    /** Attainment per output and row; empty for an output without a target. */
    private final double[][] attainment;
    /**
     * Points per output and row: 0 not scored, 1 to 4 points with an attainment, −4 for 4 points
     * without one (a value of 0 where lower is better); empty for an output without a target.
     */
    private final byte[][] points;

    /**
     * Takes the columns {@link U4sscScoring#score(Results, TargetSet)} filled: per output its target
     * and, for an output with one, a column of attainment and of points over the rows.
     */
    Scores(Results results, TargetSet targets, List<Optional<Target>> target, double[][] attainment, byte[][] points) {
        this.results = results;
        this.targets = targets;
        this.outputs = results.outputs();
        this.target = target;
        this.attainment = attainment;
        this.points = points;
        int n = outputs.size();
        this.index = new HashMap<>(n * 2);
        this.names = new String[n];
        this.units = new String[n];
        this.formulas = new String[n];
        for (int k = 0; k < n; k++) {
            String o = outputs.get(k);
            index.put(o, k);
            names[k] = results.catalog().name(o);
            units[k] = results.catalog().unit(o);
            formulas[k] = results.catalog().formulaText(o);
        }
    }

    /** {@return the results that were scored} */
    public Results results() {
        return results;
    }

    /** {@return the targets the results were scored against} */
    public TargetSet targets() {
        return targets;
    }

    /** {@return the output ids (indicators, each followed by its parts) in presentation order} */
    public List<String> outputs() {
        return outputs;
    }

    /** {@return the number of rows, as in the results} */
    public int rowCount() {
        return results.rowCount();
    }

    /**
     * Returns the target that applies to an output: its own or, for an indicator, that of its
     * headline part (see {@link U4sscScoring#targetFor}); the same for every row.
     *
     * @param output an output id, or an indicator's published code
     * @return the target, or empty when the output has none (then no cell of it is scored)
     * @throws IllegalArgumentException if {@code output} is not one of {@link #outputs()}
     */
    public Optional<Target> target(String output) {
        return target.get(indexOf(output));
    }

    /**
     * Returns the attainment in percent of target of a cell.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return the attainment, 0 or more; empty where the cell is not scored or where a value of 0
     *     meets a lower-is-better target (the ratio is infinite)
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if {@code output} is not one of {@link #outputs()}
     */
    public OptionalDouble attainment(int row, String output) {
        return attainment(row, indexOf(output, row));
    }

    /**
     * Returns the U4SSC points of a cell.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return the points, 1 to 4; empty where the cell is not scored
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if {@code output} is not one of {@link #outputs()}
     */
    public OptionalInt points(int row, String output) {
        return points(row, indexOf(output, row));
    }

    /**
     * Returns the U4SSC band of a cell.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return the band of its points; empty where the cell is not scored
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if {@code output} is not one of {@link #outputs()}
     */
    public Optional<Band> band(int row, String output) {
        return band(row, indexOf(output, row));
    }

    /**
     * Returns whether a cell earned points.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return true when it has points (and a band), false when it is not scored
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if {@code output} is not one of {@link #outputs()}
     */
    public boolean isScored(int row, String output) {
        return code(row, indexOf(output, row)) != 0;
    }

    /**
     * Returns a view of one cell.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return a view reading the cell's columns when asked
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if {@code output} is not one of {@link #outputs()}
     */
    public ScoredResult cell(int row, String output) {
        return new ScoredResult(this, row, indexOf(output, row));
    }

    /**
     * Returns a view of every cell: the rows of the {@code compute} output.
     *
     * @return the cells row by row (dataset order) and, within a row, output by output in
     *     presentation order; each iteration makes its views afresh
     */
    public Iterable<ScoredResult> cells() {
        int[] all = new int[outputs.size()];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        return () -> new Cells(all);
    }

    /**
     * Returns a view of the cells of some outputs only.
     *
     * @param selected output ids or published codes, in any order; an output named twice is
     *     listed once; none gives no cell
     * @return the cells of the selected outputs, row by row and, within a row, in presentation
     *     order (whatever the order of {@code selected})
     * @throws IllegalArgumentException if an output is not one of {@link #outputs()}
     */
    public Iterable<ScoredResult> cells(Collection<String> selected) {
        requireNonNull(selected, "selected");
        boolean[] keep = new boolean[outputs.size()];
        for (String o : selected) {
            keep[indexOf(o)] = true;
        }
        int n = 0;
        for (boolean b : keep) {
            n += b ? 1 : 0;
        }
        int[] chosen = new int[n];
        n = 0;
        for (int k = 0; k < keep.length; k++) {
            if (keep[k]) {
                chosen[n++] = k;
            }
        }
        return () -> new Cells(chosen);
    }

    // ---------------------------------------------------------------------------------------------
    // By output index, for the views

    String output(int k) {
        return outputs.get(k);
    }

    String name(int k) {
        return names[k];
    }

    String unit(int k) {
        return units[k];
    }

    String formula(int k) {
        return formulas[k];
    }

    Optional<Target> target(int k) {
        return target.get(k);
    }

    OptionalDouble attainment(int row, int k) {
        int c = code(row, k);
        return c > 0 ? OptionalDouble.of(attainment[k][row]) : OptionalDouble.empty();
    }

    OptionalInt points(int row, int k) {
        int c = code(row, k);
        return c == 0 ? OptionalInt.empty() : OptionalInt.of(Math.abs(c));
    }

    Optional<Band> band(int row, int k) {
        int c = code(row, k);
        return c == 0 ? Optional.empty() : Optional.of(Band.ofPoints(Math.abs(c)));
    }

    private int code(int row, int k) {
        byte[] p = points[k];
        return p.length == 0 ? 0 : p[row];
    }

    private int indexOf(String output) {
        Integer k = index.get(requireNonNull(output, "output"));
        if (k != null) {
            return k;
        }
        // an indicator may be named by its published code
        Optional<Integer> resolved = results.catalog().output(output).map(index::get);
        if (resolved.isPresent()) {
            return resolved.get();
        }
        throw new IllegalArgumentException("no output '" + output + "' in the scored results");
    }

    private int indexOf(String output, int row) {
        java.util.Objects.checkIndex(row, results.rowCount());
        return indexOf(output);
    }

    /** Walks the cells of some outputs, row by row. */
    private final class Cells implements Iterator<ScoredResult> {
        private final int[] chosen;
        private final int rows = results.rowCount();
        private int row;
        private int at;

        Cells(int[] chosen) {
            this.chosen = chosen;
        }

        @Override
        public boolean hasNext() {
            return chosen.length > 0 && row < rows;
        }

        @Override
        public ScoredResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ScoredResult r = new ScoredResult(Scores.this, row, chosen[at]);
            if (++at == chosen.length) {
                at = 0;
                row++;
            }
            return r;
        }
    }
}
