package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.citykpi.index.CorrelationMatrix;
import org.citykpi.index.Descriptives;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.IndexResult;
import org.citykpi.index.IndexStatistics;
import org.citykpi.index.Node;

/**
 * Writes the analysis tables of a built index as CSV (COINr's {@code get_stats}, {@code get_corr},
 * {@code get_data_avail}, {@code get_cronbach}, {@code get_PCA}, {@code get_eff_weights}), one
 * table per method, over the active units of every period; lines end in {@code \n}, numbers by
 * {@link org.citykpi.Numbers#format}, empty cells where a statistic is undefined. With more than
 * one period a last {@code period} column says which period a row describes.
 *
 * <p>Thread-safe (stateless).
 */
public final class IndexAnalysisCsvWriter {
    private IndexAnalysisCsvWriter() {}

    /**
     * Writes {@code code,level,n,missing,min,max,mean,median,sd,skew,kurtosis,outlier}: the
     * descriptives of every node's result values (normalised indicators, aggregate scores), in
     * result order; {@code outlier} is COINr's {@code Flag.SkewKurt} ({@code |skew| > 2} and
     * kurtosis {@code > 3.5}) as {@code true}/{@code false}.
     *
     * @param r the built index
     * @param out where to write (flushed, not closed)
     * @throws IOException if writing fails
     */
    public static void descriptives(IndexResult r, Writer out) throws IOException {
        requireNonNull(r, "r");
        CsvWriter csv = header(
                out,
                r,
                "code",
                "level",
                "n",
                "missing",
                "min",
                "max",
                "mean",
                "median",
                "sd",
                "skew",
                "kurtosis",
                "outlier");
        Hierarchy h = r.hierarchy();
        for (String period : r.data().periods()) {
            IndexStatistics s = IndexStatistics.of(r, period);
            for (Descriptives d : s.describeAll()) {
                csv.text(d.code())
                        .integer(h.node(d.code()).level())
                        .integer(d.n())
                        .integer(d.missing())
                        .number(d.min())
                        .number(d.max())
                        .number(d.mean())
                        .number(d.median())
                        .number(d.sd())
                        .number(d.skew())
                        .number(d.kurtosis())
                        .text(Boolean.toString(d.outlierFlag()));
                period(csv, r, period).end();
            }
        }
        csv.flush();
    }

    /**
     * Writes {@code level,a,b,r,method}: the correlation of every pair of nodes of the same level
     * (a before b in result order, each unordered pair once), and of every node with its parent
     * ({@code level} then names the child's level, {@code b} the parent), over the active units where
     * both have a value; {@code r} is empty with fewer than 3 such units or a constant node. No
     * significance filter is applied (COINr's {@code get_corr} blanks coefficients with p above
     * 0.05 by default).
     *
     * @param r the built index
     * @param method the coefficient
     * @param out where to write (flushed, not closed)
     * @throws IOException if writing fails
     */
    public static void correlations(IndexResult r, IndexStatistics.Method method, Writer out) throws IOException {
        requireNonNull(r, "r");
        requireNonNull(method, "method");
        CsvWriter csv = header(out, r, "level", "a", "b", "r", "method");
        Hierarchy h = r.hierarchy();
        String name = method.name().toLowerCase(java.util.Locale.ROOT);
        for (String period : r.data().periods()) {
            IndexStatistics s = IndexStatistics.of(r, period);
            for (int level = 1; level <= h.levels(); level++) {
                List<String> codes = h.codesAt(level);
                CorrelationMatrix m = s.correlations(codes, codes, method);
                for (int i = 0; i < codes.size(); i++) {
                    for (int j = i + 1; j < codes.size(); j++) {
                        csv.integer(level).text(codes.get(i)).text(codes.get(j));
                        csv.number(m.get(i, j)).text(name);
                        period(csv, r, period).end();
                    }
                }
                for (String code : codes) {
                    java.util.Optional<String> parent = h.node(code).parent();
                    if (parent.isPresent()) {
                        OptionalDouble c = s.correlations(List.of(code), List.of(parent.get()), method)
                                .get(0, 0);
                        csv.integer(level)
                                .text(code)
                                .text(parent.get())
                                .number(c)
                                .text(name);
                        period(csv, r, period).end();
                    }
                }
            }
        }
        csv.flush();
    }

    /**
     * Writes {@code unit,available,total,pct}: per unit, how many indicators the input data give
     * a value for, out of all indicators, and that share in percent ({@code 100·available/total};
     * COINr's {@code Dat_Avail} as a fraction is {@code pct/100}); units in result order, rows with
     * no input row left out.
     *
     * @param r the built index
     * @param out where to write (flushed, not closed)
     * @throws IOException if writing fails
     */
    public static void availability(IndexResult r, Writer out) throws IOException {
        requireNonNull(r, "r");
        CsvWriter csv = header(out, r, "unit", "available", "total", "pct");
        List<Node> ind = r.hierarchy().indicators();
        for (int row = 0; row < r.rowCount(); row++) {
            if (!r.data().rowExists(row)) {
                continue;
            }
            int n = 0;
            for (Node node : ind) {
                if (r.data().isPresent(row, node.code())) {
                    n++;
                }
            }
            csv.text(r.unit(row)).integer(n).integer(ind.size()).number(100.0 * n / ind.size());
            period(csv, r, r.period(row)).end();
        }
        csv.flush();
    }

    /**
     * Writes {@code code,level,children,alpha}: Cronbach's alpha of the children of every
     * aggregate ({@link IndexStatistics#cronbachAlpha}), empty where undefined.
     *
     * @param r the built index
     * @param out where to write (flushed, not closed)
     * @throws IOException if writing fails
     */
    public static void alpha(IndexResult r, Writer out) throws IOException {
        requireNonNull(r, "r");
        CsvWriter csv = header(out, r, "code", "level", "children", "alpha");
        Hierarchy h = r.hierarchy();
        for (String period : r.data().periods()) {
            IndexStatistics s = IndexStatistics.of(r, period);
            for (Node n : h.nodes()) {
                if (n.level() > 1) {
                    csv.text(n.code())
                            .integer(n.level())
                            .integer(h.children(n.code()).size())
                            .number(s.cronbachAlpha(n.code()));
                    period(csv, r, period).end();
                }
            }
        }
        csv.flush();
    }

    /**
     * Writes {@code code,child,loading,variance,note}: per aggregate with at least two children,
     * the loading of each child on the first principal component of the children
     * ({@link IndexStatistics#pcaWeights}: each component signed so that its loadings sum to a
     * positive number, which may be the opposite of R's {@code prcomp}) and the share of the
     * variance that component explains; an aggregate where PCA is undefined (fewer than 3 units
     * with every child, a constant child) gets one row with empty numbers and the reason in {@code
     * note}.
     *
     * @param r the built index
     * @param out where to write (flushed, not closed)
     * @throws IOException if writing fails
     */
    public static void pca(IndexResult r, Writer out) throws IOException {
        requireNonNull(r, "r");
        CsvWriter csv = header(out, r, "code", "child", "loading", "variance", "note");
        Hierarchy h = r.hierarchy();
        for (String period : r.data().periods()) {
            IndexStatistics s = IndexStatistics.of(r, period);
            for (Node n : h.nodes()) {
                if (n.level() < 2 || h.children(n.code()).size() < 2) {
                    continue;
                }
                Map<String, Double> w;
                try {
                    w = s.pcaWeights(n.code());
                } catch (IllegalArgumentException e) {
                    csv.text(n.code()).empty().empty().empty().text(String.valueOf(e.getMessage()));
                    period(csv, r, period).end();
                    continue;
                }
                double variance = w.getOrDefault("(variance)", Double.NaN);
                for (Map.Entry<String, Double> e : w.entrySet()) {
                    if (!e.getKey().equals("(variance)")) {
                        csv.text(n.code())
                                .text(e.getKey())
                                .number(e.getValue())
                                .number(variance)
                                .empty();
                        period(csv, r, period).end();
                    }
                }
            }
        }
        csv.flush();
    }

    /**
     * Writes {@code code,level,weight}: the effective weight of every node under the pipeline's
     * weights ({@link IndexStatistics#effectiveWeights}), in hierarchy order. The same for every
     * period, so written once.
     *
     * @param r the built index
     * @param out where to write (flushed, not closed)
     * @throws IOException if writing fails
     */
    public static void effectiveWeights(IndexResult r, Writer out) throws IOException {
        requireNonNull(r, "r");
        CsvWriter csv = new CsvWriter(out);
        csv.line("code", "level", "weight");
        Hierarchy h = r.hierarchy().withWeights(r.pipeline().weights());
        for (Map.Entry<String, Double> e : IndexStatistics.effectiveWeights(h).entrySet()) {
            csv.text(e.getKey())
                    .integer(h.node(e.getKey()).level())
                    .number(e.getValue())
                    .end();
        }
        csv.flush();
    }

    private static CsvWriter header(Writer out, IndexResult r, String... cells) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        for (String c : cells) {
            csv.text(c);
        }
        if (r.data().periods().size() > 1) {
            csv.text("period");
        }
        return csv.end();
    }

    private static CsvWriter period(CsvWriter csv, IndexResult r, String period) throws IOException {
        return r.data().periods().size() > 1 ? csv.text(period) : csv;
    }
}
