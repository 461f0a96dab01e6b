package org.citykpi.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Computes statistics of a built index over the active units of one period: descriptives,
 * correlations within and across levels, Cronbach's alpha, PCA weights, and effective weights.
 * Values are the result values (normalised indicators and aggregates); {@link #describeRaw}
 * describes the input data as read.
 *
 * <p>Immutable and thread-safe.
 */
public final class IndexStatistics {
    /** Correlation coefficient. */
    public enum Method {
        /** Pearson's product-moment correlation. */
        PEARSON,
        /** Spearman's rank correlation (average ranks for ties). */
        SPEARMAN,
        /** Kendall's tau-b. */
        KENDALL
    }

    private final IndexResult result;
    private final int[] rows;

    private IndexStatistics(IndexResult result, int[] rows) {
        this.result = result;
        this.rows = rows;
    }

    /**
     * Returns statistics over the latest period of a result.
     *
     * @param r a built index
     * @return statistics over the active units (input rows not screened out) of its latest period
     */
    public static IndexStatistics of(IndexResult r) {
        List<String> ps = r.data().periods();
        return of(r, ps.get(ps.size() - 1));
    }

    /**
     * Returns statistics over one period of a result.
     *
     * @param r a built index
     * @param period one of its periods; {@code ""} for data without time
     * @return statistics over the active units (input rows not screened out) of that period
     * @throws IllegalArgumentException if the data have no such period
     */
    public static IndexStatistics of(IndexResult r, String period) {
        int p = r.data().periods().indexOf(period);
        if (p < 0) {
            throw new IllegalArgumentException("no period '" + period + "' in the data");
        }
        int nu = r.data().units().size();
        int[] tmp = new int[nu];
        int n = 0;
        for (int u = 0; u < nu; u++) {
            if (r.isActive(p * nu + u)) {
                tmp[n++] = p * nu + u;
            }
        }
        return new IndexStatistics(r, java.util.Arrays.copyOf(tmp, n));
    }

    /**
     * Returns the descriptives of a node's result values: normalised indicator values or aggregate
     * scores.
     *
     * @param code the code of an indicator or aggregate
     * @return its descriptives over the active units; {@code missing} counts those without a value
     * @throws IllegalArgumentException if no node has this code
     */
    public Descriptives describe(String code) {
        int node = result.nodeOf(code);
        double[] x = new double[rows.length];
        int n = 0;
        for (int r : rows) {
            if (result.isPresent(r, node)) {
                x[n++] = result.value(r, node);
            }
        }
        return Descriptives.of(code, x, n, rows.length - n);
    }

    /**
     * Returns the descriptives of every node's result values.
     *
     * @return one per node, in result order ({@link IndexResult#codes()})
     */
    public List<Descriptives> describeAll() {
        List<Descriptives> out = new ArrayList<>();
        for (String c : result.codes()) {
            out.add(describe(c));
        }
        return out;
    }

    /**
     * Returns the descriptives of an indicator in the input data, before any step.
     *
     * @param code the indicator's code
     * @return its descriptives over the active units, in its own unit
     * @throws IllegalArgumentException if no indicator has this code
     */
    public Descriptives describeRaw(String code) {
        Matrix raw = result.index().raw();
        int c = result.index().hierarchy().indexOf(code);
        if (c < 0 || c >= raw.cols) {
            throw new IllegalArgumentException("no indicator '" + code + "'");
        }
        double[] x = new double[rows.length];
        int n = 0;
        for (int r : rows) {
            if (raw.ok[raw.at(r, c)]) {
                x[n++] = raw.v[raw.at(r, c)];
            }
        }
        return Descriptives.of(code, x, n, rows.length - n);
    }

    /**
     * Returns the correlations of every node in {@code a} with every node in {@code b}, each over
     * the active units where both have a value.
     *
     * @param a the codes of the nodes of the rows
     * @param b the codes of the nodes of the columns
     * @param m the coefficient
     * @return the {@code a} × {@code b} matrix; an entry is empty with fewer than 3 shared units or
     *     a constant column
     * @throws IllegalArgumentException if a code names no node
     */
    public CorrelationMatrix correlations(List<String> a, List<String> b, Method m) {
        double[] vals = new double[a.size() * b.size()];
        boolean[] def = new boolean[vals.length];
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        for (int i = 0; i < a.size(); i++) {
            int na = result.nodeOf(a.get(i));
            for (int j = 0; j < b.size(); j++) {
                int nb = result.nodeOf(b.get(j));
                int n = 0;
                for (int r : rows) {
                    if (result.isPresent(r, na) && result.isPresent(r, nb)) {
                        x[n] = result.value(r, na);
                        y[n++] = result.value(r, nb);
                    }
                }
                OptionalDouble c = correlation(x, y, n, m);
                if (c.isPresent()) {
                    vals[i * b.size() + j] = c.getAsDouble();
                    def[i * b.size() + j] = true;
                }
            }
        }
        return new CorrelationMatrix(a, b, vals, def);
    }

    /**
     * Returns the correlations between the nodes of two levels (e.g. indicators with pillars).
     *
     * @param la the level of the rows, 1 for the indicators
     * @param lb the level of the columns
     * @param m the coefficient
     * @return the matrix of the nodes of level {@code la} × those of level {@code lb}, in result
     *     order; empty lists for a level that has no node
     */
    public CorrelationMatrix correlations(int la, int lb, Method m) {
        Hierarchy h = result.index().hierarchy();
        return correlations(h.codesAt(la), h.codesAt(lb), m);
    }

    static OptionalDouble correlation(double[] x, double[] y, int n, Method m) {
        if (n < 3) {
            return OptionalDouble.empty();
        }
        double[] a = java.util.Arrays.copyOf(x, n);
        double[] b = java.util.Arrays.copyOf(y, n);
        if (constant(a) || constant(b)) {
            return OptionalDouble.empty();
        }
        double c;
        switch (m) {
            case SPEARMAN:
                c = new SpearmansCorrelation().correlation(a, b);
                break;
            case KENDALL:
                c = new KendallsCorrelation().correlation(a, b);
                break;
            default:
                c = new PearsonsCorrelation().correlation(a, b);
                break;
        }
        return Double.isFinite(c) ? OptionalDouble.of(c) : OptionalDouble.empty();
    }

    private static boolean constant(double[] a) {
        for (double v : a) {
            if (v != a[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns Cronbach's alpha of the children of aggregate {@code code}: {@code k²·c̄ / ΣC}, where
     * C is their covariance matrix (pairwise complete, n − 1) and c̄ the mean off-diagonal
     * covariance (COINr {@code get_cronbach}).
     *
     * @param code the code of an aggregate
     * @return the alpha (typically in [0, 1]; negative when the children vary against each other);
     *     empty with fewer than 2 children, fewer than 2 shared units for some pair, or a zero total
     *     variance
     */
    public OptionalDouble cronbachAlpha(String code) {
        Hierarchy h = result.index().hierarchy();
        List<Node> kids = h.children(code);
        int k = kids.size();
        if (k < 2) {
            return OptionalDouble.empty();
        }
        double total = 0;
        double off = 0;
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        for (int i = 0; i < k; i++) {
            int ni = h.indexOf(kids.get(i).code());
            for (int j = 0; j < k; j++) {
                int nj = h.indexOf(kids.get(j).code());
                int n = 0;
                for (int r : rows) {
                    if (result.isPresent(r, ni) && result.isPresent(r, nj)) {
                        x[n] = result.value(r, ni);
                        y[n++] = result.value(r, nj);
                    }
                }
                if (n < 2) {
                    return OptionalDouble.empty();
                }
                double cov = covariance(x, y, n);
                total += cov;
                if (i != j) {
                    off += cov;
                }
            }
        }
        if (total == 0) {
            return OptionalDouble.empty();
        }
        double mean = off / (k * (double) (k - 1));
        return OptionalDouble.of(k * (double) k * mean / total);
    }

    private static double covariance(double[] x, double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (n - 1);
    }

    /**
     * Returns PCA weights for the children of aggregate {@code code}: the loadings of the first
     * principal component of their correlation matrix (data centred and scaled, units with any
     * child missing left out, as COINr's {@code get_PCA}), a unit-length eigenvector signed so that
     * its sum is positive (the sign of an eigenvector is arbitrary; prcomp may print the opposite
     * sign). Also returns the share of variance it explains under the key {@code "(variance)"}.
     *
     * @param code the code of an aggregate
     * @return the weight of each child by code, in child order (they may be negative and their
     *     squares sum to 1), then {@code "(variance)"}: the share, in (0, 1], of the variance that
     *     component explains
     * @throws IllegalArgumentException with fewer than 2 children or fewer than 3 complete units,
     *     or a constant child
     */
    public Map<String, Double> pcaWeights(String code) {
        Hierarchy h = result.index().hierarchy();
        List<Node> kids = h.children(code);
        int k = kids.size();
        if (k < 2) {
            throw new IllegalArgumentException("'" + code + "' has fewer than 2 children; PCA needs at least 2");
        }
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = h.indexOf(kids.get(i).code());
        }
        List<double[]> complete = new ArrayList<>();
        for (int r : rows) {
            double[] row = new double[k];
            boolean all = true;
            for (int i = 0; i < k && all; i++) {
                all = result.isPresent(r, idx[i]);
                if (all) {
                    row[i] = result.value(r, idx[i]);
                }
            }
            if (all) {
                complete.add(row);
            }
        }
        if (complete.size() < 3) {
            throw new IllegalArgumentException(
                    "'" + code + "' has " + complete.size() + " units with every child present; PCA needs at least 3");
        }
        double[][] data = complete.toArray(new double[0][]);
        for (int i = 0; i < k; i++) {
            boolean same = true;
            for (double[] row : data) {
                same &= row[i] == data[0][i];
            }
            if (same) {
                throw new IllegalArgumentException(
                        "'" + kids.get(i).code() + "' is constant over the complete units;" + " PCA cannot scale it");
            }
        }
        double[][] corr = new PearsonsCorrelation(data).getCorrelationMatrix().getData();
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(corr));
        double[] ev = e.getRealEigenvalues();
        int best = 0;
        double sumEv = 0;
        for (int i = 0; i < ev.length; i++) {
            sumEv += ev[i];
            if (ev[i] > ev[best]) {
                best = i;
            }
        }
        double[] v = e.getEigenvector(best).toArray();
        double sum = 0;
        double norm = 0;
        for (double d : v) {
            sum += d;
            norm += d * d;
        }
        norm = Math.sqrt(norm) * (sum < 0 ? -1 : 1);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            out.put(kids.get(i).code(), v[i] / norm);
        }
        out.put("(variance)", ev[best] / sumEv);
        return out;
    }

    /**
     * Returns the effective weight of every node: the product of its weight share within its
     * parent's group ({@code w / Σ siblings' w}) along its lineage to the top (COINr {@code
     * get_eff_weights}; missing data is ignored). Nodes without a parent share among the parentless
     * nodes of the same level. A group whose weights sum to 0 gives 0.
     *
     * @param h the hierarchy, with the weights to use
     * @return the effective weight of every node by code, in result order; the top node's is 1
     *     (with a single top node and a nonzero weight)
     */
    public static Map<String, Double> effectiveWeights(Hierarchy h) {
        List<Node> nodes = h.nodes();
        double[] share = new double[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int p = h.parentIndex(i);
            double sib = 0;
            if (p < 0) {
                for (int j = 0; j < nodes.size(); j++) {
                    if (h.parentIndex(j) < 0
                            && nodes.get(j).level() == nodes.get(i).level()) {
                        sib += nodes.get(j).weight();
                    }
                }
            } else {
                for (int c : h.childIndices(p)) {
                    sib += nodes.get(c).weight();
                }
            }
            share[i] = sib == 0 ? 0 : nodes.get(i).weight() / sib;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            double w = 1;
            for (int j = i; j >= 0; j = h.parentIndex(j)) {
                w *= share[j];
            }
            out.put(nodes.get(i).code(), w);
        }
        return out;
    }
}
