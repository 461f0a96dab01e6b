package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a composite index: a {@link Hierarchy} over {@link IndexData}, put through a {@link
 * Pipeline}. {@link #rebuild} recomputes only the steps after the first one that changed, which is
 * what makes uncertainty analysis cheap.
 *
 * <pre>{@code
 * CompositeIndex index = CompositeIndex.of(hierarchy, data);
 * IndexResult nominal = index.build(Pipeline.defaults());
 * IndexResult zscored = index.rebuild(nominal, nominal.pipeline().withNormaliser(new Normaliser.ZScore(0, 1)));
 * }</pre>
 *
 * <p>Immutable and thread-safe: builds may run concurrently.
 *
 * @see Normaliser
 * @see Aggregator
 */
public final class CompositeIndex {
    private final Hierarchy hierarchy;
    private final IndexData data;
    private final Matrix raw;

    private CompositeIndex(Hierarchy hierarchy, IndexData data, Matrix raw) {
        this.hierarchy = hierarchy;
        this.data = data;
        this.raw = raw;
    }

    /**
     * Returns an index over {@code data} with the tree {@code hierarchy}.
     *
     * @throws IllegalArgumentException if an indicator of the hierarchy is not in the data
     */
    public static CompositeIndex of(Hierarchy hierarchy, IndexData data) {
        requireNonNull(hierarchy, "hierarchy");
        requireNonNull(data, "data");
        List<Node> ind = hierarchy.indicators();
        Matrix m = data.values();
        Matrix raw = new Matrix(m.rows, ind.size());
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < ind.size(); c++) {
            int src = data.indicators().indexOf(ind.get(c).code());
            if (src < 0) {
                missing.add(ind.get(c).code());
                continue;
            }
            System.arraycopy(m.v, src * m.rows, raw.v, c * m.rows, m.rows);
            System.arraycopy(m.ok, src * m.rows, raw.ok, c * m.rows, m.rows);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("indicators of the hierarchy missing from the data: " + missing);
        }
        return new CompositeIndex(hierarchy, data, raw);
    }

    /** Returns the hierarchy. */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** Returns the data. */
    public IndexData data() {
        return data;
    }

    /**
     * Builds the index with every step of {@code p}.
     *
     * @throws IndexException if a step cannot be applied (e.g. a geometric mean over a zero)
     */
    public IndexResult build(Pipeline p) {
        return run(null, p, Pipeline.Step.DENOMINATE);
    }

    /**
     * Builds the index with {@code p}, reusing the outputs of {@code base} up to the first step at
     * which {@code p} differs from {@code base.pipeline()}. Gives the same result as {@link
     * #build}.
     *
     * @throws IllegalArgumentException if {@code base} was built by another index
     */
    public IndexResult rebuild(IndexResult base, Pipeline p) {
        if (base.index() != this) {
            throw new IllegalArgumentException("the base result was built by another index");
        }
        return run(base, p, base.pipeline().firstDifference(p));
    }

    /**
     * Rebuilds as {@link #rebuild} and returns the ranks of aggregate {@code node} only (for
     * uncertainty runs, which need nothing else). The values of geometric means whose parent is a
     * geometric mean, and which are not {@code node}, are not exponentiated: the parent reads their
     * mean logs, and their presence is decided without {@code exp} where it cannot overflow.
     */
    int[] rebuildRanks(IndexResult base, Pipeline p, int node) {
        Hierarchy h = hierarchy;
        int first = h.indicatorCount();
        boolean[] needed = new boolean[h.nodes().size() - first];
        for (int n = first; n < h.nodes().size(); n++) {
            int parent = h.parentIndex(n);
            needed[n - first] = n == node
                    || parent < 0
                    || !(p.aggregatorFor(h.nodes().get(n).code()) instanceof Aggregator.Geometric)
                    || !(p.aggregatorFor(h.nodes().get(parent).code()) instanceof Aggregator.Geometric);
        }
        return run(base, p, base.pipeline().firstDifference(p), needed).rankColumn(node);
    }

    private IndexResult run(IndexResult base, Pipeline p, Pipeline.Step from) {
        return run(base, p, from, null);
    }

    /** {@code needed}: per aggregate, whether its values are wanted (null: all). */
    private IndexResult run(IndexResult base, Pipeline p, Pipeline.Step from, boolean[] needed) {
        requireNonNull(p, "p");
        Stages s = base == null ? new Stages() : base.stages().copyUpTo(from);
        Hierarchy h = hierarchy;
        int nu = data.units().size();
        int group = p.scope() == Pipeline.Scope.POOLED ? raw.rows : nu;
        switch (from) {
            case DENOMINATE:
                s.denominated = PrepareSteps.denominate(raw, data, h, p.denominate(), s.warnDenominate);
            // fall through
            case IMPUTE:
                s.imputed = PrepareSteps.impute(s.denominated, data, p.imputer(), data.rowExistsMask());
            // fall through
            case SCREEN:
                s.active = PrepareSteps.screen(s.imputed, data, p.screenThreshold(), s.warnScreen);
                s.screened = PrepareSteps.mask(s.imputed, s.active);
            // fall through
            case TREAT:
                s.treated = TreatStep.run(s.screened, h.indicators(), p.treatment(), group, s.warnTreat);
            // fall through
            case NORMALISE:
                s.plan = fusedMinMax(s.treated, p, group);
                s.normalised = s.plan == null ? normalise(s.treated, p, group) : null;
            // fall through
            case AGGREGATE:
                s.weights = h.weights(p.weights());
                s.aggregated = aggregate(s.normalised, s.plan, s.weights, p, needed);
            // fall through
            case NONE:
            default:
                break;
        }
        return new IndexResult(this, p, s);
    }

    /**
     * Returns the min-max normalisation of {@code in} as a plan whose matrix is written only on
     * request, when every indicator is min-max normalised over all rows at once and the matrix has
     * more than {@link #FUSE_ABOVE} cells; else null. Below that size the normalised matrix stays
     * in cache between being written and read, so writing it costs little.
     */
    private NormaliseStep.MinMaxPlan fusedMinMax(Matrix in, Pipeline p, int group) {
        if ((long) in.rows * in.cols <= FUSE_ABOVE) {
            return null;
        }
        Normaliser.MinMax[] minMax = allMinMax(in, p, group);
        return minMax == null ? null : NormaliseStep.minMaxPlan(in, hierarchy.indicators(), minMax);
    }

    /** Whether builds split large levels over two threads (more than one core, and not turned off). */
    static final boolean PARALLEL =
            Runtime.getRuntime().availableProcessors() > 1 && !Boolean.getBoolean("citykpi.index.sequential");

    /** Matrices with more cells than this (8 B each: 512 KiB) are normalised by a plan. */
    static final int FUSE_ABOVE = 1 << 16;

    /** Returns each column's min-max normaliser if all are min-max over all rows, else null. */
    private Normaliser.MinMax[] allMinMax(Matrix in, Pipeline p, int group) {
        if (group != in.rows) {
            return null;
        }
        List<Node> ind = hierarchy.indicators();
        Normaliser.MinMax[] minMax = new Normaliser.MinMax[in.cols];
        for (int c = 0; c < in.cols; c++) {
            Normaliser n = p.normaliserFor(ind.get(c).code());
            if (!(n instanceof Normaliser.MinMax)) {
                return null;
            }
            minMax[c] = (Normaliser.MinMax) n;
        }
        return minMax;
    }

    private Matrix normalise(Matrix in, Pipeline p, int group) {
        List<Node> ind = hierarchy.indicators();
        Normaliser.MinMax[] minMax = allMinMax(in, p, group);
        if (minMax != null) {
            return NormaliseStep.minMaxAll(in, ind, minMax);
        }
        Matrix out = new Matrix(in.rows, in.cols);
        boolean panel = data.periods().size() > 1;
        for (int c = 0; c < in.cols; c++) {
            Node node = ind.get(c);
            Normaliser n = p.normaliserFor(node.code());
            for (int g = 0; g < in.rows; g += group) {
                int from = c * in.rows + g;
                String where = panel && group < in.rows ? " in " + data.periodOf(g) : "";
                NormaliseStep.column(n, node, in.v, in.ok, from, from + group, out.v, out.ok, where);
            }
        }
        // every normaliser leaves missing cells at 0, which the column-by-column means need;
        // listing them once lets every aggregation of this matrix take that path
        out.missing();
        return out;
    }

    private Matrix aggregate(
            Matrix normalised, NormaliseStep.MinMaxPlan plan, double[] weights, Pipeline p, boolean[] needed) {
        int aggs = hierarchy.nodes().size() - hierarchy.indicatorCount();
        Matrix out = new Matrix(normalised != null ? normalised.rows : plan.in.rows, aggs);
        if (aggs == 0) {
            return out;
        }
        AggregateStep.run(
                plan == null ? normalised : null,
                plan,
                out,
                hierarchy,
                weights,
                p,
                data.units().size(),
                r -> data.periods().size() > 1 ? data.unitOf(r) + " in " + data.periodOf(r) : data.unitOf(r),
                needed,
                // a build may use a second core for a large level; uncertainty runs (needed set)
                // are spread over cores already
                needed == null && PARALLEL);
        return out;
    }

    Matrix raw() {
        return raw;
    }

    /** The output of every step; fields before the restart step are shared with the base result. */
    static final class Stages {
        Matrix denominated;
        Matrix imputed;
        boolean[] active;
        Matrix screened;
        Matrix treated;
        /** The normalised indicators; null when {@link #plan} holds them unwritten. */
        Matrix normalised;
        /** The min-max normalisation of a large index, written on request; null otherwise. */
        NormaliseStep.MinMaxPlan plan;

        double[] weights;
        Matrix aggregated;
        List<String> warnDenominate = new ArrayList<>();
        List<String> warnScreen = new ArrayList<>();
        List<String> warnTreat = new ArrayList<>();

        /** Returns the normalised indicators, writing the plan's matrix if needed. */
        Matrix normalised() {
            return normalised != null ? normalised : plan.matrix();
        }

        Stages copyUpTo(Pipeline.Step from) {
            Stages s = new Stages();
            int f = from.ordinal();
            if (f > Pipeline.Step.DENOMINATE.ordinal()) {
                s.denominated = denominated;
                s.warnDenominate = warnDenominate;
            }
            if (f > Pipeline.Step.IMPUTE.ordinal()) {
                s.imputed = imputed;
            }
            if (f > Pipeline.Step.SCREEN.ordinal()) {
                s.active = active;
                s.screened = screened;
                s.warnScreen = warnScreen;
            }
            if (f > Pipeline.Step.TREAT.ordinal()) {
                s.treated = treated;
                s.warnTreat = warnTreat;
            }
            if (f > Pipeline.Step.NORMALISE.ordinal()) {
                s.normalised = normalised;
                s.plan = plan;
            }
            if (f > Pipeline.Step.AGGREGATE.ordinal()) {
                s.weights = weights;
                s.aggregated = aggregated;
            }
            return s;
        }
    }
}
