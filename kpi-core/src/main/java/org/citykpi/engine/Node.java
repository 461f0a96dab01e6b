package org.citykpi.engine;

/**
 * One node of a compiled formula: the compiled form of a calculator is a tree of nodes, each
 * evaluated over a whole chunk of rows at once. Value loops are branch-free over primitive arrays
 * (the JIT vectorises them); validity is a bitmask combined a word (64 rows) at a time ({@link
 * Validity}); causes and details are copied only for the rows that have no value, so their cost
 * grows with the missing data, not with the rows.
 *
 * <p>The kinds of node, by concern: {@link Leaves} (constants, variables, other outputs, {@code
 * na()}), {@link Arithmetic} (negation and the four operations), {@link Conditions} (comparisons and
 * {@code if}), {@link Call} (abs, clamp, min, max, the logical functions, and sum and mean
 * through {@link SumKernels}). Before an evaluation, {@link Analysis} decides which nodes must check
 * their values for non-finite ones.
 */
abstract class Node {
    /** The node's number in its program, unique among all its nodes (see {@link Worker#check}). */
    int id;

    /** Evaluates rows {@code [from, from + n)} of the dataset into a buffer's {@code [0, n)}. */
    abstract Buf eval(Worker w, int from, int n);

    /**
     * Returns {@code {lo, hi}}: bounds of every value a row can have where this node has one (rows
     * without a value hold anything), for the dataset {@code a} describes; {@code lo > hi} or
     * infinite bounds where nothing better is known. Marks in {@code a.check} the nodes whose
     * values may not be finite, which must then be checked row by row.
     */
    abstract double[] bounds(Analysis a);

    /** Returns the constant value, or NaN if the node is not a constant. */
    double constant() {
        return Double.NaN;
    }

    /** Returns true when every row's value (with a value or not) is exactly +0 or +1. */
    boolean zeroOne() {
        return false;
    }
}
