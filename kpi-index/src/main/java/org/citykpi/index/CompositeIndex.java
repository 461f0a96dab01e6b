package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
 * <p>Immutable and thread-safe: builds may run concurrently. Serializable (to ship it to the
 * workers of a cluster, such as Spark executors): the serial form is the hierarchy and the data, and
 * reading it builds the index again through {@link #of}.
 *
 * @see Normaliser
 * @see Aggregator
 */
public final class CompositeIndex implements Serializable {
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
     * @param hierarchy the indicators and aggregates, with their weights and directions
     * @param data the values of the indicators (and of any denominators and group columns); it may
     *     hold more indicators than the hierarchy uses
     * @return the index, ready to build
     * @throws IllegalArgumentException if an indicator of the hierarchy is not in the data (the
     *     message lists every one)
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

    /** {@return the hierarchy, with the weights it was given} */
    public Hierarchy hierarchy() {
        return hierarchy;
    }

    /** {@return the input data} */
    public IndexData data() {
        return data;
    }

    /**
     * Builds the index with every step of {@code p}.
     *
     * @param p the steps: denominate, impute, screen, treat, normalise, aggregate
     * @return the normalised indicators, the aggregates and their ranks, with each step's output
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
     * @param base an earlier result of this index, whose step outputs are reused
     * @param p the steps of the new build
     * @return the same result as {@code build(p)}
     * @throws IllegalArgumentException if {@code base} was built by another index
     * @throws IndexException if a step that is run again cannot be applied
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

    private IndexResult run(@Nullable IndexResult base, Pipeline p, Pipeline.Step from) {
        return run(base, p, from, null);
    }

    /**
     * Runs the steps of {@code p} from {@code from} on, taking the outputs of the steps before it
     * from {@code base} (null for a first build, which starts at the first step). {@code needed}:
     * per aggregate, whether its values are wanted (null: all).
     */
    private IndexResult run(@Nullable IndexResult base, Pipeline p, Pipeline.Step from, boolean @Nullable [] needed) {
        requireNonNull(p, "p");
        Hierarchy h = hierarchy;
        int nu = data.units().size();
        int group = p.scope() == Pipeline.Scope.POOLED ? raw.rows : nu;
        // the base's stages while its steps are reused; null from step 'from' on, so that every
        // later step is computed
        Stages b = base == null || from == Pipeline.Step.DENOMINATE ? null : base.stages();
        List<String> warnDenominate = b != null ? b.warnDenominate : new ArrayList<>();
        Matrix denominated =
                b != null ? b.denominated : PrepareSteps.denominate(raw, data, h, p.denominate(), warnDenominate);
        b = from == Pipeline.Step.IMPUTE ? null : b;
        Matrix imputed =
                b != null ? b.imputed : PrepareSteps.impute(denominated, data, p.imputer(), data.rowExistsMask());
        b = from == Pipeline.Step.SCREEN ? null : b;
        List<String> warnScreen = b != null ? b.warnScreen : new ArrayList<>();
        boolean[] active = b != null ? b.active : PrepareSteps.screen(imputed, data, p.screenThreshold(), warnScreen);
        Matrix screened = b != null ? b.screened : PrepareSteps.mask(imputed, active);
        b = from == Pipeline.Step.TREAT ? null : b;
        List<String> warnTreat = b != null ? b.warnTreat : new ArrayList<>();
        // outliers are treated in each period on its own, as COINr's Treat on a purse treats each
        // coin; only normalisation may pool the periods
        Matrix treated = b != null ? b.treated : TreatStep.run(screened, h.indicators(), p.treatment(), nu, warnTreat);
        b = from == Pipeline.Step.NORMALISE ? null : b;
        NormaliseStep.MinMaxPlan plan;
        Matrix normalised;
        if (b != null) {
            plan = b.plan;
            normalised = b.normalised;
        } else {
            plan = fusedMinMax(treated, p, group);
            normalised = plan == null ? normalise(treated, p, group) : null;
        }
        b = from == Pipeline.Step.AGGREGATE ? null : b;
        double[] weights = b != null ? b.weights : h.weights(p.weights());
        Matrix aggregated = b != null ? b.aggregated : aggregate(normalised, plan, weights, p, needed);
        return new IndexResult(
                this,
                p,
                new Stages(
                        denominated,
                        imputed,
                        active,
                        screened,
                        treated,
                        normalised,
                        plan,
                        weights,
                        aggregated,
                        warnDenominate,
                        warnScreen,
                        warnTreat));
    }

    /**
     * Returns the min-max normalisation of {@code in} as a plan whose matrix is written only on
     * request, when every indicator is min-max normalised over all rows at once and the matrix has
     * more than {@link #FUSE_ABOVE} cells; else null. Below that size the normalised matrix stays
     * in cache between being written and read, so writing it costs little.
     */
    private NormaliseStep.@Nullable MinMaxPlan fusedMinMax(Matrix in, Pipeline p, int group) {
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
    private Normaliser.MinMax @Nullable [] allMinMax(Matrix in, Pipeline p, int group) {
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
                NormaliseStep.column(
                        n, node, in.v, in.ok, from, from + group, out.v, out.ok, where, referenceRow(n, group));
            }
        }
        // every normaliser leaves missing cells at 0, which the column-by-column means need;
        // listing them once lets every aggregation of this matrix take that path
        out.missing();
        return out;
    }

    /**
     * Returns the row, within a normalisation group of {@code group} rows, of the reference unit of
     * {@code n} (a {@link Normaliser.DistanceToReference}); −1 for other normalisers.
     */
    private int referenceRow(Normaliser n, int group) {
        if (!(n instanceof Normaliser.DistanceToReference ref)) {
            return -1;
        }
        int u = data.units().indexOf(ref.unit());
        if (u < 0) {
            throw new IndexException(
                    ref.unit(),
                    "no unit '" + ref.unit() + "' in the data for dist2ref (expected a uCode of the iData)");
        }
        if (group != data.units().size()) {
            throw new IndexException(
                    ref.unit(),
                    "dist2ref with panel data needs each period normalised on its own (--scope per-period):"
                            + " the reference is the unit's value in the same period");
        }
        return u;
    }

    /**
     * Returns the aggregates of the normalised indicators, given as a matrix ({@code normalised})
     * or as an unwritten min-max {@code plan} (the other null).
     */
    private Matrix aggregate(
            @Nullable Matrix normalised,
            NormaliseStep.@Nullable MinMaxPlan plan,
            double[] weights,
            Pipeline p,
            boolean @Nullable [] needed) {
        int aggs = hierarchy.nodes().size() - hierarchy.indicatorCount();
        // every step keeps the rows of the input
        Matrix out = new Matrix(raw.rows, aggs);
        if (aggs == 0) {
            return out;
        }
        AggregateStep.run(
                normalised,
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

    /**
     * The output of every step of a build; a rebuild shares those of the steps before the first
     * step that changed. The normalised indicators are either a matrix ({@link #normalised}) or a
     * min-max plan that writes it on request ({@link #plan}): exactly one of the two is null.
     */
    static final class Stages {
        final Matrix denominated;
        final Matrix imputed;
        final boolean[] active;
        final Matrix screened;
        final Matrix treated;
        /** The normalised indicators; null when {@link #plan} holds them unwritten. */
        final @Nullable Matrix normalised;
        /** The min-max normalisation of a large index, written on request; null otherwise. */
        final NormaliseStep.@Nullable MinMaxPlan plan;

        final double[] weights;
        final Matrix aggregated;
        final List<String> warnDenominate;
        final List<String> warnScreen;
        final List<String> warnTreat;

        Stages(
                Matrix denominated,
                Matrix imputed,
                boolean[] active,
                Matrix screened,
                Matrix treated,
                @Nullable Matrix normalised,
                NormaliseStep.@Nullable MinMaxPlan plan,
                double[] weights,
                Matrix aggregated,
                List<String> warnDenominate,
                List<String> warnScreen,
                List<String> warnTreat) {
            this.denominated = denominated;
            this.imputed = imputed;
            this.active = active;
            this.screened = screened;
            this.treated = treated;
            this.normalised = normalised;
            this.plan = plan;
            this.weights = weights;
            this.aggregated = aggregated;
            this.warnDenominate = warnDenominate;
            this.warnScreen = warnScreen;
            this.warnTreat = warnTreat;
        }

        /** Returns the normalised indicators, writing the plan's matrix if needed. */
        Matrix normalised() {
            Matrix m = normalised;
            return m != null
                    ? m
                    : requireNonNull(plan, "a plan, when there is no matrix").matrix();
        }
    }

    // The serial form: the hierarchy and the data (the index's own matrix is made again from them).
    private record SerialForm(Hierarchy hierarchy, IndexData data) implements Serializable {
        private Object readResolve() throws InvalidObjectException {
            try {
                return of(hierarchy, data);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw SerialForms.invalid("composite index", e);
            }
        }
    }

    private Object writeReplace() {
        return new SerialForm(hierarchy, data);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.notSerialForm("composite index");
    }
}
