package org.citykpi.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.calc.Calculator;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Rule;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of evaluating a catalog over a dataset: for every row (entity, period) and every
 * output (indicator or part), a value or a cause, stored column by column (a {@code double[]}, a
 * status byte and a detail id per cell; no per-cell objects until asked for).
 *
 * <p>Every cell can explain itself ({@link #explain}): the formula, each input with its value, and
 * whether the value was computed or reported. Provenance follows the value: a cell whose formula is
 * a bare reference to another output (an indicator's reference to its headline part) holds that
 * output's value, and is reported where that value was. Plausibility rules that do not hold are
 * listed by {@link #violations()}. Immutable and thread-safe.
 */
public final class Results {
    private final Program program;
    private final Dataset data;
    private final Store store;

    /**
     * The result arrays, written by workers on disjoint row ranges. Values are laid out chunk by
     * chunk: a chunk's values of every output, one output after the other, so that a worker writes
     * one stream rather than one per output; chunks are grouped into a few large arrays rather than
     * one per output. Output {@code out}'s values of chunk {@code c} start at {@link #base(int, int)
     * base(out, c)} of {@link #values(int) values(c)}. Cells without a value are kept apart, per
     * output and chunk: the chunk-relative rows that have a cause, in increasing order, followed by
     * their detail ids ({@code null} where every row of the chunk has a value); the detail says the
     * cause ({@link Detail#cause()}). Outputs with reported values in the dataset have a bit per row
     * saying which values were reported.
     */
    static final class Store {
        /** Most cells in one values array (chunks are grouped up to this size). */
        static final int BLOCK_CELLS = 1 << 24;

        final int rows;
        final int chunks;
        private final int outputs;
        private final int chunksPerBlock;
        private final double[][] values;
        /** Per output and chunk: rows without a value, then their detail ids; null where every row has one. */
        final int[] @Nullable [] causes;

        /** Per output, a bit per row set where the value was reported; null for an output without reported values. */
        final long[] @Nullable [] reported;

        final long[][] violations;

        /** A store without reported values. */
        Store(int outputs, int rules, int rows) {
            this(outputs, rules, rows, new boolean[outputs], BLOCK_CELLS);
        }

        /**
         * Groups chunks so that an array holds at most {@code blockCells} cells (one chunk at
         * least); {@code hasReported[out]} says whether output {@code out} may have reported values.
         */
        Store(int outputs, int rules, int rows, boolean[] hasReported, int blockCells) {
            this.rows = rows;
            this.outputs = outputs;
            this.chunks = (rows + Program.CHUNK - 1) / Program.CHUNK;
            long chunkCells = Math.max(1L, (long) outputs * Program.CHUNK);
            this.chunksPerBlock = (int) Math.max(1, Math.min(Math.max(1, chunks), blockCells / chunkCells));
            int blocks = (chunks + chunksPerBlock - 1) / chunksPerBlock;
            values = new double[blocks][];
            for (int b = 0; b < blocks; b++) {
                int last = Math.min(chunks, (b + 1) * chunksPerBlock) - 1;
                values[b] = new double[base(outputs, last)];
            }
            causes = new int[outputs * chunks][];
            reported = new long[outputs][];
            for (int out = 0; out < outputs; out++) {
                if (hasReported[out]) {
                    reported[out] = new long[(rows + 63) >>> 6];
                }
            }
            violations = new long[rules][(rows + 63) >>> 6];
        }

        /** Returns the array holding the values of chunk {@code chunk} (from {@link #base}). */
        double[] values(int chunk) {
            return values[chunk / chunksPerBlock];
        }

        /**
         * Returns where output {@code out}'s first row of chunk {@code chunk} is in {@link
         * #values(int) values(chunk)}. Only the last chunk can be short, and it is last in its array.
         */
        int base(int out, int chunk) {
            int length = Math.min(Program.CHUNK, rows - chunk * Program.CHUNK);
            return (chunk % chunksPerBlock) * outputs * Program.CHUNK + out * length;
        }

        double value(int out, int row) {
            int chunk = row / Program.CHUNK;
            return values(chunk)[base(out, chunk) + row % Program.CHUNK];
        }

        /** Returns the detail id of a cell without a value, or −1 for a cell with one. */
        int detail(int out, int row) {
            int[] c = causes[out * chunks + row / Program.CHUNK];
            if (c == null) {
                return -1;
            }
            int count = c.length >>> 1;
            int at = java.util.Arrays.binarySearch(c, 0, count, row % Program.CHUNK);
            return at < 0 ? -1 : c[count + at];
        }

        /** Returns true when the cell's value was reported. */
        boolean reported(int out, int row) {
            long[] bits = reported[out];
            return bits != null && (bits[row >>> 6] & (1L << row)) != 0;
        }

        /** Returns how many cells of output {@code out} have no value. */
        int causeCount(int out) {
            int n = 0;
            for (int k = out * chunks; k < (out + 1) * chunks; k++) {
                n += causes[k] == null ? 0 : causes[k].length >>> 1;
            }
            return n;
        }
    }

    Results(Program program, Dataset data, Store store) {
        this.program = program;
        this.data = data;
        this.store = store;
    }

    /** {@return the catalog that was evaluated} */
    public Catalog catalog() {
        return program.catalog;
    }

    /** {@return the dataset that was evaluated} */
    public Dataset dataset() {
        return data;
    }

    /** {@return the output ids (indicators, each followed by its parts) in presentation order} */
    public List<String> outputs() {
        return program.outputs;
    }

    /** {@return the number of rows, as in the dataset: one per (entity, period)} */
    public int rowCount() {
        return data.rowCount();
    }

    /**
     * Returns the entity of a row.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1} (the dataset's row order)
     * @return the entity code
     * @throws ArrayIndexOutOfBoundsException if there is no such row
     */
    public String entity(int row) {
        return data.entity(row);
    }

    /**
     * Returns the period of a row.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1} (the dataset's row order)
     * @return the period
     * @throws ArrayIndexOutOfBoundsException if there is no such row
     */
    public Period period(int row) {
        return data.period(row);
    }

    /** Returns the output's index, after checking that {@code row} is one of the dataset's. */
    private int index(int row, String output) {
        java.util.Objects.checkIndex(row, store.rows);
        return index(output);
    }

    private int index(String output) {
        Integer i = program.outputIndex.get(output);
        if (i == null) {
            String resolved = program.catalog.output(output).orElse(null);
            i = resolved == null ? null : program.outputIndex.get(resolved);
        }
        if (i == null) {
            throw new IllegalArgumentException("no output '" + output + "' in catalog " + program.catalog.id());
        }
        return i;
    }

    /**
     * Returns whether a cell holds a value.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return true for a value (computed or reported), false for a cause
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public boolean isAvailable(int row, String output) {
        return store.detail(index(row, output), row) < 0;
    }

    /**
     * Returns the value of a cell.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return the value, computed or reported: finite and within the output's valid range
     * @throws IllegalStateException if the cell has no value (check {@link #isAvailable}); the
     *     message gives the cause
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public double value(int row, String output) {
        int i = index(row, output);
        if (store.detail(i, row) >= 0) {
            throw new IllegalStateException(output + " has no value for row " + row + ": " + get(row, output));
        }
        return store.value(i, row);
    }

    /**
     * Returns the outcome of a cell as an object, made on this call.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return the value with its provenance (computed or reported), or the cause with a detail in
     *     words (the missing variable, the zero denominator, the value outside its range)
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public KpiResult get(int row, String output) {
        int i = index(row, output);
        int id = store.detail(i, row);
        double v = store.value(i, row);
        if (id < 0) {
            return new KpiResult.Value(
                    v, store.reported(i, row) ? KpiResult.Provenance.REPORTED : KpiResult.Provenance.COMPUTED);
        }
        Detail d = program.details.get(id);
        if (d instanceof Detail.OutOfRange && ((Detail.OutOfRange) d).output() != i) {
            // taken from the output that is out of range: name it and show its value
            Detail.OutOfRange o = (Detail.OutOfRange) d;
            return new KpiResult.NotAvailable(d.cause(), o.renderInherited(store.value(o.output(), row)));
        }
        return new KpiResult.NotAvailable(d.cause(), d.render(data, row, v));
    }

    /**
     * Returns how many cells of an output hold a value.
     *
     * @param output an output id, or an indicator's published code
     * @return the number of rows with a value (computed or reported), 0 to {@link #rowCount()}
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public int availableCount(String output) {
        return store.rows - store.causeCount(index(output));
    }

    /**
     * Explains a cell: the formula, each input it names with that input's value (or status), and
     * the outcome.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @param output an output id, or an indicator's published code
     * @return the explanation, whose inputs are in the order the formula names them
     * @throws IndexOutOfBoundsException if there is no such row
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public Explanation explain(int row, String output) {
        int i = index(output);
        String out = program.outputs.get(i);
        Calculator f = program.catalog.formula(out);
        List<Explanation.Input> inputs = new ArrayList<>();
        for (String ref : f.references()) {
            String resolved = program.catalog.output(ref).orElse(null);
            if (resolved != null && !resolved.equals(out)) {
                KpiResult r = get(row, resolved);
                inputs.add(new Explanation.Input(
                        resolved,
                        Explanation.Kind.INDICATOR,
                        r instanceof KpiResult.Value val ? OptionalDouble.of(val.value()) : OptionalDouble.empty(),
                        r.status()));
            } else {
                String name = resolved != null ? resolved : ref;
                OptionalDouble v = OptionalDouble.empty();
                Column c = data.has(name) ? data.column(name) : null;
                if (c == null && resolved != null && program.reported(data)[i].length > 0) {
                    c = program.reported(data)[i][0];
                }
                if (c != null && c.isPresent(row)) {
                    v = OptionalDouble.of(c.get(row));
                }
                inputs.add(new Explanation.Input(
                        name,
                        resolved != null ? Explanation.Kind.REPORTED : Explanation.Kind.VARIABLE,
                        v,
                        v.isPresent() ? "ok" : "missing"));
            }
        }
        KpiResult result = get(row, out);
        return new Explanation(
                data.entity(row),
                data.period(row),
                out,
                program.catalog.formulaText(out),
                result,
                List.copyOf(inputs),
                result instanceof KpiResult.Value v && v.provenance() == KpiResult.Provenance.REPORTED
                        ? program.outputs.get(reportedSource(i, row))
                        : "");
    }

    /**
     * Returns the output whose reported value output {@code out}'s reported value is at {@code
     * row}: {@code out} itself when the data gives its value, else the output its formula passes
     * on (followed along a chain of such outputs).
     */
    private int reportedSource(int out, int row) {
        Column[][] reported = program.reported(data);
        int o = out;
        while (program.passThrough[o] >= 0 && !anyPresent(reported[o], row)) {
            o = program.passThrough[o];
        }
        return o;
    }

    private static boolean anyPresent(Column[] columns, int row) {
        for (Column c : columns) {
            if (c.isPresent(row)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns every plausibility rule that does not hold: the rule evaluated to 0 with all its
     * inputs present.
     *
     * @return the violations in rule (catalog) order, then row order; empty when every rule holds
     *     or could not be evaluated
     */
    public List<RuleViolation> violations() {
        List<RuleViolation> out = new ArrayList<>();
        List<Rule> rules = program.catalog.rules();
        for (int k = 0; k < rules.size(); k++) {
            long[] bits = store.violations[k];
            for (int w = 0; w < bits.length; w++) {
                long word = bits[w];
                while (word != 0) {
                    int row = (w << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    out.add(new RuleViolation(
                            data.entity(row), data.period(row), rules.get(k), inputsOf(rules.get(k), row)));
                }
            }
        }
        return out;
    }

    private String inputsOf(Rule rule, int row) {
        StringBuilder sb = new StringBuilder();
        for (String ref : rule.check().references()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String out = program.catalog.output(ref).orElse(null);
            double v;
            if (out != null) {
                v = store.value(program.index(out), row);
            } else {
                v = data.has(ref) ? data.column(ref).get(row) : Double.NaN;
            }
            sb.append(ref).append(" = ").append(Numbers.format(v));
        }
        return sb.toString();
    }
}
