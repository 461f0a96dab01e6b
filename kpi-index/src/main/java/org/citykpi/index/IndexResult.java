package org.citykpi.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Holds a built index: the normalised indicators (level 1) and every aggregate, for each unit and
 * period, with ranks, plus the output of every earlier step (for statistics and rebuilds).
 *
 * <p>Rows are the grid rows of {@link IndexData} (period-major, units sorted); a row is
 * <em>active</em> when it came from the input and was not screened out. Nodes are in {@link
 * Hierarchy#nodes()} order. A value is present or missing, never NaN. Ranks are per period: 1 =
 * best (highest), ties share the lowest rank ({@code 1, 2, 2, 4}), none when missing.
 *
 * <p>Immutable and thread-safe (ranks are computed once, on first use).
 */
public final class IndexResult {
    private final CompositeIndex index;
    private final Pipeline pipeline;
    private final CompositeIndex.Stages stages;
    /** Ranks per node and row, computed on first use; null until then. */
    private volatile int @Nullable [][] ranks;

    IndexResult(CompositeIndex index, Pipeline pipeline, CompositeIndex.Stages stages) {
        this.index = index;
        this.pipeline = pipeline;
        this.stages = stages;
    }

    CompositeIndex index() {
        return index;
    }

    CompositeIndex.Stages stages() {
        return stages;
    }

    /** Returns the pipeline that built this result. */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** Returns the hierarchy with the weights this result used. */
    public Hierarchy hierarchy() {
        return index.hierarchy().withWeights(pipeline.weights());
    }

    /** Returns the input data. */
    public IndexData data() {
        return index.data();
    }

    /** Returns the node codes in result order. */
    public List<String> codes() {
        List<String> out = new ArrayList<>();
        for (Node n : index.hierarchy().nodes()) {
            out.add(n.code());
        }
        return out;
    }

    /** Returns the number of grid rows. */
    public int rowCount() {
        return stages.active.length;
    }

    /** Returns true when grid row {@code row} exists and was not screened out. */
    public boolean isActive(int row) {
        return stages.active[row];
    }

    /** Returns the unit code of grid row {@code row}. */
    public String unit(int row) {
        return index.data().unitOf(row);
    }

    /** Returns the period of grid row {@code row} ({@code ""} for data without time). */
    public String period(int row) {
        return index.data().periodOf(row);
    }

    /** Returns true when node {@code node} (position in {@link #codes()}) has a value in {@code row}. */
    public boolean isPresent(int row, int node) {
        Matrix m = matrixOf(node);
        return m.ok[m.at(row, columnOf(node))];
    }

    /**
     * Returns the value of node {@code node} in {@code row}.
     *
     * @throws IllegalArgumentException if it is missing (check {@link #isPresent} first)
     */
    public double value(int row, int node) {
        Matrix m = matrixOf(node);
        int at = m.at(row, columnOf(node));
        if (!m.ok[at]) {
            throw new IllegalArgumentException(
                    codes().get(node) + " is missing for " + unit(row) + describePeriod(row));
        }
        return m.v[at];
    }

    /** Returns the value of {@code code} for {@code unit} in {@code period}, if present. */
    public OptionalDouble value(String unit, String period, String code) {
        int row = rowOf(unit, period);
        int node = nodeOf(code);
        return row >= 0 && isPresent(row, node) ? OptionalDouble.of(value(row, node)) : OptionalDouble.empty();
    }

    /** Returns the value of {@code code} for {@code unit} in the only (or latest) period. */
    public OptionalDouble value(String unit, String code) {
        List<String> ps = index.data().periods();
        return value(unit, ps.get(ps.size() - 1), code);
    }

    /** Returns the rank of node {@code node} in {@code row} within its period, if it has a value. */
    public OptionalInt rank(int row, int node) {
        int r = ranks()[node][row];
        return r == 0 ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /** Returns the rank of {@code code} for {@code unit} in the only (or latest) period. */
    public OptionalInt rank(String unit, String code) {
        List<String> ps = index.data().periods();
        int row = rowOf(unit, ps.get(ps.size() - 1));
        return row < 0 ? OptionalInt.empty() : rank(row, nodeOf(code));
    }

    /** Returns the notes of the steps (screened units, treated indicators, divisions by zero). */
    public List<String> warnings() {
        List<String> w = new ArrayList<>(stages.warnDenominate);
        w.addAll(stages.warnScreen);
        w.addAll(stages.warnTreat);
        return Collections.unmodifiableList(w);
    }

    /** Returns the units screened out (at least one of their periods), sorted. */
    public List<String> screenedOut() {
        List<String> out = new ArrayList<>();
        IndexData d = index.data();
        for (int r = 0; r < stages.active.length; r++) {
            if (d.rowExists(r) && !stages.active[r] && !out.contains(d.unitOf(r))) {
                out.add(d.unitOf(r));
            }
        }
        Collections.sort(out);
        return out;
    }

    int rowOf(String unit, String period) {
        IndexData d = index.data();
        int u = Collections.binarySearch(d.units(), unit);
        int p = d.periods().indexOf(period);
        if (u < 0 || p < 0) {
            return -1;
        }
        return p * d.units().size() + u;
    }

    int nodeOf(String code) {
        int i = index.hierarchy().indexOf(code);
        if (i < 0) {
            throw new IllegalArgumentException("no node '" + code + "' in the index");
        }
        return i;
    }

    private String describePeriod(int row) {
        return index.data().periods().size() > 1 ? " in " + period(row) : "";
    }

    Matrix matrixOf(int node) {
        return node < index.hierarchy().indicatorCount() ? stages.normalised() : stages.aggregated;
    }

    int columnOf(int node) {
        int ic = index.hierarchy().indicatorCount();
        return node < ic ? node : node - ic;
    }

    /** Ranks of one node over all rows (0 = missing), per period. */
    int[] rankColumn(int node) {
        Matrix m = matrixOf(node);
        int rows = m.rows;
        int[] out = new int[rows];
        Ranking.rank(
                m.v, m.ok, columnOf(node) * rows, rows, index.data().units().size(), out, new double[rows]);
        return out;
    }

    private int[][] ranks() {
        int[][] r = ranks;
        if (r == null) {
            int nodes = index.hierarchy().nodes().size();
            r = new int[nodes][];
            for (int n = 0; n < nodes; n++) {
                r[n] = rankColumn(n);
            }
            ranks = r;
        }
        return r;
    }
}
