package org.citykpi.index;

import org.citykpi.Sum;

/**
 * Copeland's outranking score of one aggregate ({@link Aggregator.Copeland}): each pair of units of
 * a period compared over the children both have, weights renormalised over those; a unit scores +1
 * for each unit it outranks and −1 for each that outranks it. See {@link Aggregator} for the
 * formula and where it departs from COINr.
 */
final class Outranking extends Aggregation {
    Outranking(AggregateStep.Context c, int node) {
        super(c, node);
    }

    @Override
    void make() {
        int rows = c.rows;
        int groupSize = c.groupSize;
        Children ch = children();
        // child i's cells: (cv[i], cok[i]) from offset cb[i]
        double[][] cv = ch.v();
        boolean[][] cok = ch.ok();
        int[] cb = ch.b();
        Matrix agg = c.agg;
        double[] v = agg.v;
        boolean[] ok = agg.ok;
        for (double x : w) {
            if (x < 0) {
                throw new IndexException(
                        c.h.nodes().get(node).code(),
                        "Copeland aggregation of '" + c.h.nodes().get(node).code()
                                + "' needs weights of at least 0 (a negative weight reverses a vote)");
            }
        }
        int need = AggregateStep.minCount(cov, kids.length);
        boolean[] in = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            int present = 0;
            for (int k = 0; k < kids.length; k++) {
                if (cok[k][cb[k] + r]) {
                    present++;
                }
            }
            // every unit with a child takes part in the comparisons; the coverage threshold then
            // removes the scores of units with too few children (COINr applies dat_thresh to the
            // aggregate after aggregating), so it does not change the other units' scores
            in[r] = present > 0;
            ok[out + r] = present > 0 && present >= need;
            v[out + r] = 0;
        }
        for (int g = 0; g < rows; g += groupSize) {
            int end = Math.min(rows, g + groupSize);
            for (int j = g; j < end; j++) {
                if (!in[j]) {
                    continue;
                }
                for (int k = j + 1; k < end; k++) {
                    if (!in[k]) {
                        continue;
                    }
                    // COINr's outrankMatrix in its order of operations: the weights rescaled to
                    // sum to 1 (here over the children both units have, COINr's over all of them:
                    // the same when nothing is missing), o_jk = Σ w[x_j > x_k] + (Σ w[x_j = x_k])/2,
                    // and o_kj = 1 − o_jk; each compared with 1/2 as it rounds
                    double shared = 0;
                    double sharedComp = 0;
                    for (int i = 0; i < kids.length; i++) {
                        int b = cb[i];
                        if (cok[i][b + j] && cok[i][b + k]) {
                            double t = shared + w[i];
                            sharedComp += Sum.twoSumError(shared, w[i], t);
                            shared = t;
                        }
                    }
                    double total = shared + sharedComp;
                    if (total == 0) {
                        continue; // no shared child (or only weights of 0): neither outranks the other
                    }
                    double gt = 0;
                    double gtComp = 0;
                    double eq = 0;
                    double eqComp = 0;
                    for (int i = 0; i < kids.length; i++) {
                        int b = cb[i];
                        if (cok[i][b + j] && cok[i][b + k]) {
                            double xj = cv[i][b + j];
                            double xk = cv[i][b + k];
                            double wi = w[i] / total;
                            if (xj > xk) {
                                double t = gt + wi;
                                gtComp += Sum.twoSumError(gt, wi, t);
                                gt = t;
                            } else if (xj == xk) {
                                double t = eq + wi;
                                eqComp += Sum.twoSumError(eq, wi, t);
                                eq = t;
                            }
                        }
                    }
                    double o = (gt + gtComp) + (eq + eqComp) / 2;
                    double back = 1 - o;
                    v[out + j] += o > 0.5 ? 1 : o < 0.5 ? -1 : 0;
                    v[out + k] += back > 0.5 ? 1 : back < 0.5 ? -1 : 0;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            if (!ok[out + r]) {
                v[out + r] = 0;
            }
        }
    }
}
