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

    /** {@return the pipeline that built this result} */
    public Pipeline pipeline() {
        return pipeline;
    }

    /** {@return the hierarchy with the weights this result used (the pipeline's overrides applied)} */
    public Hierarchy hierarchy() {
        return index.hierarchy().withWeights(pipeline.weights());
    }

    /** {@return the input data, before any step} */
    public IndexData data() {
        return index.data();
    }

    /**
     * Returns the node codes in result order.
     *
     * @return the codes of {@link Hierarchy#nodes()}: indicators first, then aggregates level by
     *     level; a node's position here is its {@code node} number in the other methods
     */
    public List<String> codes() {
        List<String> out = new ArrayList<>();
        for (Node n : index.hierarchy().nodes()) {
            out.add(n.code());
        }
        return out;
    }

    /** {@return the number of grid rows: periods × units of the data} */
    public int rowCount() {
        return stages.active.length;
    }

    /**
     * Returns whether a grid row takes part in the index.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @return true when the row came from the input and was not screened out
     */
    public boolean isActive(int row) {
        return stages.active[row];
    }

    /**
     * Returns the unit of a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @return its unit's code
     */
    public String unit(int row) {
        return index.data().unitOf(row);
    }

    /**
     * Returns the period of a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @return its period; {@code ""} for data without time
     */
    public String period(int row) {
        return index.data().periodOf(row);
    }

    /**
     * Returns whether a node has a value in a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @param node the node's position in {@link #codes()}
     * @return true when it has a value; false when it is missing (never NaN), e.g. for a missing
     *     input, a screened-out row, or an aggregate below its minimum coverage
     */
    public boolean isPresent(int row, int node) {
        Matrix m = matrixOf(node);
        return m.ok[m.at(row, columnOf(node))];
    }

    /**
     * Returns the value of a node in a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @param node the node's position in {@link #codes()}
     * @return the normalised value of an indicator, or the score of an aggregate; finite
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

    /**
     * Returns the value of a node for a unit in a period.
     *
     * @param unit the unit's code
     * @param period the period; {@code ""} for data without time
     * @param code the code of an indicator or aggregate
     * @return the normalised value or score; empty when it is missing or the data have no such unit
     *     or period
     * @throws IllegalArgumentException if no node has this code
     */
    public OptionalDouble value(String unit, String period, String code) {
        int row = rowOf(unit, period);
        int node = nodeOf(code);
        return row >= 0 && isPresent(row, node) ? OptionalDouble.of(value(row, node)) : OptionalDouble.empty();
    }

    /**
     * Returns the value of a node for a unit in the only (or latest) period.
     *
     * @param unit the unit's code
     * @param code the code of an indicator or aggregate
     * @return the normalised value or score; empty when it is missing or there is no such unit
     * @throws IllegalArgumentException if no node has this code
     */
    public OptionalDouble value(String unit, String code) {
        List<String> ps = index.data().periods();
        return value(unit, ps.get(ps.size() - 1), code);
    }

    /**
     * Returns the rank of a node's value in a grid row among the units of its period.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @param node the node's position in {@link #codes()}
     * @return 1 for the highest value, ties sharing the lowest rank ({@code 1, 2, 2, 4}); empty when
     *     the value is missing
     */
    public OptionalInt rank(int row, int node) {
        int r = ranks()[node][row];
        return r == 0 ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /**
     * Returns the rank of a node's value for a unit in the only (or latest) period.
     *
     * @param unit the unit's code
     * @param code the code of an indicator or aggregate
     * @return 1 for the highest value, ties sharing the lowest rank; empty when the value is missing
     *     or there is no such unit
     * @throws IllegalArgumentException if the unit is in the data but no node has this code
     */
    public OptionalInt rank(String unit, String code) {
        List<String> ps = index.data().periods();
        int row = rowOf(unit, ps.get(ps.size() - 1));
        return row < 0 ? OptionalInt.empty() : rank(row, nodeOf(code));
    }

    /**
     * Returns the notes of the steps: divisions by zero, screened units, treated indicators.
     *
     * @return one message per note, in step order (denominate, screen, treat); empty when there is
     *     none; unmodifiable
     */
    public List<String> warnings() {
        List<String> w = new ArrayList<>(stages.warnDenominate);
        w.addAll(stages.warnScreen);
        w.addAll(stages.warnTreat);
        return Collections.unmodifiableList(w);
    }

    /**
     * Returns the units screened out for having too few indicators.
     *
     * @return the codes of the units with at least one period screened out, sorted, each once;
     *     empty when screening dropped nothing
     */
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
