package org.citykpi.index;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The steps before normalisation: denominate, impute, screen and treat (see {@link Pipeline}). */
final class PrepareSteps {
    private PrepareSteps() {}

    /** Returns the indicators divided by their denominators (a copy), or {@code raw} if off. */
    static Matrix denominate(Matrix raw, IndexData data, Hierarchy h, boolean on, List<String> warnings) {
        if (!on) {
            return raw;
        }
        Matrix out = raw.copy();
        Matrix den = data.denominatorValues();
        List<Node> ind = h.indicators();
        boolean any = false;
        for (int c = 0; c < ind.size(); c++) {
            Node n = ind.get(c);
            if (n.denominator().isEmpty()) {
                continue;
            }
            int d = data.denominators().indexOf(n.denominator().get());
            if (d < 0) {
                throw new IndexException(
                        n.code(),
                        "indicator '" + n.code() + "' is to be divided by '"
                                + n.denominator().get()
                                + "', which is not in the data (add that column, or a denominators file)");
            }
            any = true;
            int zeros = 0;
            for (int r = 0; r < raw.rows; r++) {
                int at = out.at(r, c);
                int dat = den.at(r, d);
                if (!out.ok[at]) {
                    continue;
                }
                if (!den.ok[dat] || den.v[dat] == 0) {
                    out.ok[at] = false;
                    out.v[at] = 0;
                    if (den.ok[dat]) {
                        zeros++;
                    }
                    continue;
                }
                out.v[at] = raw.v[at] / den.v[dat];
            }
            if (zeros > 0) {
                warnings.add("denominate: " + n.code() + " / " + n.denominator().get() + " is a division by zero for "
                        + zeros + " row(s); those values are missing");
            }
        }
        if (!any) {
            warnings.add("denominate: no indicator names a denominator; nothing was divided");
        }
        return out;
    }

    /** Returns the data with missing values imputed (a copy), or {@code in} for {@link Imputer.None}. */
    static Matrix impute(Matrix in, IndexData data, Imputer imp, boolean[] exists) {
        if (imp instanceof Imputer.None) {
            return in;
        }
        Matrix out = in.copy();
        int nu = data.units().size();
        int np = data.periods().size();
        for (int c = 0; c < in.cols; c++) {
            int base = c * in.rows;
            if (imp instanceof Imputer.Mean || imp instanceof Imputer.Median) {
                boolean median = imp instanceof Imputer.Median;
                for (int p = 0; p < np; p++) {
                    fillRange(out, base + p * nu, base + (p + 1) * nu, exists, p * nu, median);
                }
            } else if (imp instanceof Imputer.GroupMean || imp instanceof Imputer.GroupMedian) {
                boolean median = imp instanceof Imputer.GroupMedian;
                String g = imp instanceof Imputer.GroupMean
                        ? ((Imputer.GroupMean) imp).group()
                        : ((Imputer.GroupMedian) imp).group();
                @Nullable String[] labels = data.groupColumn(g);
                for (int p = 0; p < np; p++) {
                    fillGroups(out, base, p * nu, nu, labels, exists, median);
                }
            } else {
                boolean linear = imp instanceof Imputer.PanelLinear;
                for (int u = 0; u < nu; u++) {
                    panel(in, out, base, u, nu, np, exists, linear);
                }
            }
        }
        return out;
    }

    private static void fillRange(Matrix m, int from, int to, boolean[] exists, int row0, boolean median) {
        double[] vals = new double[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (m.ok[i]) {
                vals[n++] = m.v[i];
            }
        }
        if (n == 0 || n == to - from) {
            return;
        }
        double fill = centre(vals, n, median);
        for (int i = from; i < to; i++) {
            if (!m.ok[i] && exists[row0 + i - from]) {
                m.v[i] = fill;
                m.ok[i] = true;
            }
        }
    }

    /** The present values of one group of units, and then the value that fills its missing cells. */
    private static final class Group {
        final double[] values;
        int n;
        double fill;

        Group(int capacity) {
            values = new double[capacity];
        }
    }

    /**
     * Fills the missing cells of the units of one period that exist and have a label in {@code
     * labels} (null: none) with the centre of the present values of their group; a group without
     * any value leaves its cells missing.
     */
    private static void fillGroups(
            Matrix m, int base, int row0, int nu, @Nullable String[] labels, boolean[] exists, boolean median) {
        Map<String, Group> groups = new HashMap<>();
        for (int u = 0; u < nu; u++) {
            String l = labels[row0 + u];
            int at = base + row0 + u;
            if (l != null && m.ok[at]) {
                Group g = groups.computeIfAbsent(l, k -> new Group(nu));
                g.values[g.n++] = m.v[at];
            }
        }
        for (Group g : groups.values()) {
            g.fill = centre(g.values, g.n, median);
        }
        for (int u = 0; u < nu; u++) {
            int at = base + row0 + u;
            String l = labels[row0 + u];
            if (!m.ok[at] && exists[row0 + u] && l != null) {
                Group g = groups.get(l);
                if (g != null) {
                    m.v[at] = g.fill;
                    m.ok[at] = true;
                }
            }
        }
    }

    private static double centre(double[] vals, int n, boolean median) {
        if (median) {
            return ColumnStats.median(Arrays.copyOf(vals, n), n);
        }
        boolean[] ok = new boolean[n];
        Arrays.fill(ok, true);
        return ColumnStats.mean(vals, ok, 0, n, 1);
    }

    private static void panel(
            Matrix in, Matrix out, int base, int u, int nu, int np, boolean[] exists, boolean linear) {
        int prev = -1;
        for (int p = 0; p < np; p++) {
            int at = base + p * nu + u;
            if (in.ok[at]) {
                prev = p;
                continue;
            }
            if (!exists[p * nu + u]) {
                continue;
            }
            int next = -1;
            for (int q = p + 1; q < np; q++) {
                if (in.ok[base + q * nu + u]) {
                    next = q;
                    break;
                }
            }
            double x;
            if (linear) {
                if (prev < 0 && next < 0) {
                    continue;
                }
                if (prev < 0) {
                    x = in.v[base + next * nu + u];
                } else if (next < 0) {
                    x = in.v[base + prev * nu + u];
                } else {
                    double a = in.v[base + prev * nu + u];
                    double b = in.v[base + next * nu + u];
                    x = a + (b - a) * (p - prev) / (double) (next - prev);
                }
            } else {
                if (prev < 0) {
                    continue;
                }
                x = in.v[base + prev * nu + u];
            }
            out.v[at] = x;
            out.ok[at] = true;
        }
    }

    /**
     * Returns the rows kept by screening: those that exist and whose share of present indicators is
     * at least {@code threshold}; adds a warning naming the rows dropped.
     */
    static boolean[] screen(Matrix m, IndexData data, double threshold, List<String> warnings) {
        boolean[] exists = data.rowExistsMask();
        boolean[] active = exists.clone();
        if (threshold <= 0) {
            return active;
        }
        StringBuilder dropped = new StringBuilder();
        int count = 0;
        for (int r = 0; r < m.rows; r++) {
            if (!exists[r]) {
                continue;
            }
            int present = 0;
            for (int c = 0; c < m.cols; c++) {
                if (m.ok[m.at(r, c)]) {
                    present++;
                }
            }
            // COINr's Dat_Avail = 1 − nNA/nInd, kept when ≥ the threshold (its rounding at the boundary)
            if (1 - (double) (m.cols - present) / m.cols < threshold) {
                active[r] = false;
                count++;
                if (count <= 20) {
                    dropped.append(count > 1 ? ", " : "").append(data.unitOf(r));
                    if (data.periods().size() > 1) {
                        dropped.append(' ').append(data.periodOf(r));
                    }
                }
            }
        }
        if (count > 0) {
            warnings.add("screen: " + count + " unit(s) have less than " + threshold
                    + " of their indicators and were left out: " + dropped + (count > 20 ? ", ..." : ""));
        }
        return active;
    }

    /** Returns {@code m} with the cells of inactive rows marked missing (a copy if any). */
    static Matrix mask(Matrix m, boolean[] active) {
        boolean all = true;
        for (boolean a : active) {
            all &= a;
        }
        if (all) {
            return m;
        }
        Matrix out = m.copy();
        for (int c = 0; c < m.cols; c++) {
            for (int r = 0; r < m.rows; r++) {
                if (!active[r]) {
                    out.ok[out.at(r, c)] = false;
                    out.v[out.at(r, c)] = 0;
                }
            }
        }
        return out;
    }
}
