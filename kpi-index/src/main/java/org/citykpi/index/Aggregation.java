package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The making of one aggregate from its children, in the way of its kind of {@link Aggregator}: the
 * public records say what is computed, the subclasses here how ({@link Means} for the weighted
 * means, {@link Outranking} for Copeland). {@link #of} is the one place that goes from one to the
 * other; every kind has its class, and an unknown kind is an error, never a silent default.
 */
abstract sealed class Aggregation permits Means.Mean, Outranking {
    final AggregateStep.Context c;
    /** The aggregate's hierarchy index. */
    final int node;
    /** The aggregate's column in {@code c.agg}. */
    final int col;
    /** The offset of the aggregate's cells in {@code c.agg.v} and {@code c.agg.ok}. */
    final int out;
    /** The children's hierarchy indices, in order. */
    final int[] kids;
    /** The children's raw weights, in the same order. */
    final double[] w;
    /** The minimum share of present children (COINr's {@code dat_thresh}). */
    final double cov;

    Aggregation(AggregateStep.Context c, int node) {
        this.c = c;
        this.node = node;
        this.col = node - c.first;
        this.out = col * c.rows;
        this.kids = c.h.childIndices(node);
        this.w = new double[kids.length];
        for (int k = 0; k < kids.length; k++) {
            w[k] = c.weights[kids[k]];
        }
        this.cov = c.p.coverageFor(c.h.nodes().get(node).code());
    }

    /**
     * Returns the making of aggregate {@code node} with the aggregator the pipeline gives it.
     *
     * @throws IllegalStateException for a kind of aggregator that has no class here
     */
    static Aggregation of(AggregateStep.Context c, int node) {
        // the one place that maps each record to its behaviour: a pattern switch (Java 21) would let
        // the compiler check that every record is here; AggregatorContractTest checks it meanwhile
        // (a case per record, each built into an index)
        Aggregator a = c.p.aggregatorFor(c.h.nodes().get(node).code());
        if (a instanceof Aggregator.Arithmetic) {
            return new Means.Arithmetic(c, node);
        } else if (a instanceof Aggregator.Geometric) {
            return new Means.Geometric(c, node);
        } else if (a instanceof Aggregator.Harmonic) {
            return new Means.Harmonic(c, node);
        } else if (a instanceof Aggregator.Generalised g) {
            return new Means.Power(c, node, g.p());
        } else if (a instanceof Aggregator.Copeland) {
            return new Outranking(c, node);
        }
        throw new IllegalStateException("no aggregation for " + a);
    }

    /** Writes the aggregate's values and presence into its column of {@code c.agg}. */
    abstract void make();

    /** Returns whether child {@code i} is an indicator (else an aggregate). */
    final boolean leaf(int i) {
        return kids[i] < c.first;
    }

    /**
     * Returns the children's cells; asks for the normalised indicators' matrix (writing a min-max
     * plan's) only if some child is an indicator.
     */
    final Children children() {
        boolean anyLeaf = false;
        for (int i = 0; i < kids.length; i++) {
            anyLeaf |= leaf(i);
        }
        Matrix ind = anyLeaf ? c.leaves.matrix() : null;
        int k = kids.length;
        double[][] v = new double[k][];
        boolean[][] ok = new boolean[k][];
        int[] b = new int[k];
        for (int i = 0; i < k; i++) {
            // ind is there whenever a child is an indicator
            Matrix m = ind != null && leaf(i) ? ind : c.agg;
            v[i] = m.v;
            ok[i] = m.ok;
            b[i] = (leaf(i) ? kids[i] : kids[i] - c.first) * c.rows;
        }
        return new Children(ind, v, ok, b);
    }

    /**
     * The cells of an aggregate's children: child i's cell of row r is {@code v[i][b[i] + r]},
     * present where {@code ok[i][b[i] + r]}; {@code ind} is the normalised indicators' matrix, or
     * null when no child is an indicator.
     */
    record Children(@Nullable Matrix ind, double[][] v, boolean[][] ok, int[] b) {
        /**
         * Returns {@link #ind}, for use with a child that is an indicator (which makes it non-null).
         */
        Matrix indicators() {
            return requireNonNull(ind, "the indicators' matrix, asked for with a child that is an indicator");
        }
    }
}
