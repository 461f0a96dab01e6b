package org.citykpi.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.assess.ProgressCategory;
import org.citykpi.assess.ProgressTable;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Tier;
import org.citykpi.engine.Explanation;
import org.citykpi.engine.RuleViolation;
import org.citykpi.report.ReportModel.Axis;
import org.citykpi.report.ReportModel.Card;
import org.citykpi.report.ReportModel.Change;
import org.citykpi.report.ReportModel.City;
import org.citykpi.report.ReportModel.Comparison;
import org.citykpi.report.ReportModel.Coverage;
import org.citykpi.report.ReportModel.Dimension;
import org.citykpi.report.ReportModel.Furthest;
import org.citykpi.report.ReportModel.HeatBlock;
import org.citykpi.report.ReportModel.HeatCell;
import org.citykpi.report.ReportModel.HeatRow;
import org.citykpi.report.ReportModel.Input;
import org.citykpi.report.ReportModel.KpiEntry;
import org.citykpi.report.ReportModel.KpiGroup;
import org.citykpi.report.ReportModel.KpiRow;
import org.citykpi.report.ReportModel.Missing;
import org.citykpi.report.ReportModel.Multiple;
import org.citykpi.report.ReportModel.Progress;
import org.citykpi.report.ReportModel.ProgressLine;
import org.citykpi.report.ReportModel.RankCell;
import org.citykpi.report.ReportModel.Ranked;
import org.citykpi.report.ReportModel.Scored;
import org.citykpi.report.ReportModel.Tone;
import org.citykpi.report.ReportModel.Trend;
import org.citykpi.score.Band;
import org.citykpi.score.GroupScore;
import org.citykpi.score.ScoredResult;

/**
 * Builds the {@link ReportModel} of one input: everything that queries the results, scores, ranks
 * or assesses happens here, once, so that the views only write. Not thread-safe; used once.
 */
final class ModelBuilder {
    /** Scored KPIs listed as furthest from target, at most. */
    static final int FURTHEST = 6;

    private final Layout m;
    /** Progress rows of KPIs with a target, by entity (none when no city has two periods). */
    private final Map<String, List<ProgressTable.Row>> progress = new LinkedHashMap<>();

    ModelBuilder(Layout layout) {
        this.m = layout;
        boolean series = false;
        for (List<Integer> rows : m.rowsByEntity.values()) {
            series |= rows.size() > 1;
        }
        if (series) {
            // only cities with two or more periods show progress: assess nothing otherwise
            for (ProgressTable.Row r : ProgressTable.assess(
                    m.results, m.in.targets(), m.in.progress(), Optional.empty(), Optional.empty())) {
                if (m.in.targets().get(r.kpi()).isPresent()) {
                    progress.computeIfAbsent(r.entity(), e -> new ArrayList<>()).add(r);
                }
            }
        }
    }

    ReportModel build() {
        ReportInput in = m.in;
        List<City> cities = new ArrayList<>();
        for (String entity : m.rowsByEntity.keySet()) {
            cities.add(city(entity));
        }
        int errors = 0;
        for (String p : in.account().problems()) {
            errors += p.contains(": warning: ") ? 0 : 1;
        }
        return new ReportModel(
                in.title(),
                m.catalog.id(),
                m.catalog.version(),
                m.catalog.indicators().size(),
                in.targets().size(),
                in.account().sources(),
                m.rowsByEntity.size() > 1 ? Optional.of(comparison()) : Optional.empty(),
                List.copyOf(cities),
                new ReportModel.Account(in.account(), errors, in.violations().size()));
    }

    // ---------------------------------------------------------------------------------------------
    // One city

    private City city(String entity) {
        int row = m.latest(entity);
        List<Integer> rows = m.rows(entity);
        CitySummary summary = CitySummary.of(m, entity);
        List<Dimension> dims = new ArrayList<>();
        for (String d : m.dimensions) {
            dims.add(dimension(row, d));
        }
        if (hasOthers()) {
            dims.add(dimension(row, ""));
        }
        boolean series = rows.size() > 1;
        List<RuleViolation> violations = new ArrayList<>();
        for (RuleViolation v : m.in.violations()) {
            if (v.entity().equals(entity)) {
                violations.add(v);
            }
        }
        return new City(
                entity,
                m.results.period(row).label(),
                m.results.period(rows.get(0)).label(),
                rows.size(),
                summary,
                cards(row, summary),
                furthest(row),
                axes(row),
                List.copyOf(dims),
                series ? trends(rows) : List.of(),
                series ? Optional.of(progress(entity)) : Optional.empty(),
                coverage(row),
                missing(row),
                List.copyOf(violations),
                m.in.observations().stream()
                        .filter(p -> p.entity().equals(entity))
                        .toList());
    }

    private boolean hasOthers() {
        for (Indicator i : m.catalog.indicators()) {
            if (i.dimension().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Band> band(OptionalDouble score) {
        return score.isPresent() ? Optional.of(Band.of(score.getAsDouble())) : Optional.empty();
    }

    private OptionalDouble groupScore(int row, GroupScore.Level level, String group) {
        Optional<GroupScore> g = m.score(row, level, group);
        return g.isPresent() ? g.get().scorePercent() : OptionalDouble.empty();
    }

    private List<Card> cards(int row, CitySummary c) {
        List<Card> out = new ArrayList<>();
        int total = 0;
        for (GroupScore g : c.dimensions()) {
            total += g.kpisTotal();
        }
        out.add(new Card("Overall", true, c.overallPercent(), band(c.overallPercent()), c.maxPoints() / 4, total));
        for (String d : m.dimensions) {
            Optional<GroupScore> g = m.score(row, GroupScore.Level.DIMENSION, d);
            OptionalDouble s = g.isPresent() ? g.get().scorePercent() : OptionalDouble.empty();
            out.add(new Card(
                    d,
                    false,
                    s,
                    band(s),
                    g.map(GroupScore::kpisScored).orElse(0),
                    g.map(GroupScore::kpisTotal).orElse(0)));
        }
        return List.copyOf(out);
    }

    private List<Axis> axes(int row) {
        List<Axis> out = new ArrayList<>();
        for (String s : m.subDimensions) {
            OptionalDouble score = groupScore(row, GroupScore.Level.SUB_DIMENSION, s);
            out.add(new Axis(s, score, band(score)));
        }
        return List.copyOf(out);
    }

    private static Optional<Scored> scored(ScoredResult r) {
        return r.band().isPresent()
                ? Optional.of(new Scored(r.attainment(), r.band().get()))
                : Optional.empty();
    }

    /** The scored KPIs furthest from their targets (lowest attainment), so the reader sees where to look. */
    private List<Furthest> furthest(int row) {
        List<Furthest> scored = new ArrayList<>();
        for (Indicator i : m.catalog.indicators()) {
            ScoredResult r = m.scores.cell(row, i.id());
            if (r.band().isPresent() && r.attainment().isPresent() && r.band().get() != Band.B95_PLUS) {
                scored.add(
                        new Furthest(i.id(), r.name(), i.dimension(), scored(r).orElseThrow()));
            }
        }
        // stable: equal attainments keep catalog order
        scored.sort(Comparator.comparingDouble(
                (Furthest f) -> f.score().attainment().getAsDouble()));
        return List.copyOf(scored.subList(0, Math.min(FURTHEST, scored.size())));
    }

    private Dimension dimension(int row, String dim) {
        OptionalDouble s = dim.isEmpty() ? OptionalDouble.empty() : groupScore(row, GroupScore.Level.DIMENSION, dim);
        List<KpiGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<Indicator>> e : bySubCategory(dim).entrySet()) {
            List<KpiEntry> kpis = new ArrayList<>();
            for (Indicator i : e.getValue()) {
                List<KpiRow> parts = new ArrayList<>();
                for (Part p : i.parts()) {
                    parts.add(kpiRow(row, i, i.id() + "/" + p.id(), true));
                }
                kpis.add(new KpiEntry(kpiRow(row, i, i.id(), false), List.copyOf(parts)));
            }
            groups.add(new KpiGroup(e.getKey(), List.copyOf(kpis)));
        }
        return new Dimension(dim, s, band(s), List.copyOf(groups));
    }

    /** Groups the indicators of a dimension by sub-dimension and category, keeping catalog order. */
    private Map<String, List<Indicator>> bySubCategory(String dimension) {
        Map<String, List<Indicator>> g = new LinkedHashMap<>();
        for (Indicator i : m.catalog.indicators()) {
            if (!i.dimension().equals(dimension)) {
                continue;
            }
            String key = i.subDimension().isEmpty() && i.category().isEmpty()
                    ? ""
                    : i.subDimension() + (i.category().isEmpty() ? "" : " \u00b7 " + i.category());
            g.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return g;
    }

    private KpiRow kpiRow(int row, Indicator ind, String output, boolean part) {
        ScoredResult r = m.scores.cell(row, output);
        Explanation x = m.results.explain(row, output);
        List<Input> inputs = new ArrayList<>();
        for (Explanation.Input in : x.inputs()) {
            String described =
                    m.catalog.variable(in.name()).map(var -> var.description()).orElse("");
            inputs.add(new Input(in.name(), described, in.kind(), in.value(), in.status()));
        }
        return new KpiRow(
                output,
                part,
                part ? m.catalog.part(output).map(Part::name).orElse(output) : ind.name(),
                part ? output : ind.code().isEmpty() ? ind.id() : ind.code(),
                part || ind.tier() == Tier.NONE ? "" : ind.tier().word(),
                r.unit(),
                r.result(),
                r.target(),
                scored(r),
                part ? "" : ind.source(),
                ind.direction(),
                x.formula(),
                List.copyOf(inputs),
                part ? "" : ind.definition(),
                x.reportedAs());
    }

    // ---------------------------------------------------------------------------------------------
    // Trends and progress

    private List<Trend> trends(List<Integer> rows) {
        List<Trend> out = new ArrayList<>();
        for (Indicator i : m.catalog.indicators()) {
            List<String> periods = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int row : rows) {
                if (m.results.isAvailable(row, i.id())) {
                    periods.add(m.results.period(row).label());
                    values.add(m.results.value(row, i.id()));
                }
            }
            if (values.size() < 2) {
                continue;
            }
            Optional<Target> tg = m.scores.target(i.id());
            OptionalDouble target = tg.isPresent() ? OptionalDouble.of(tg.get().value()) : OptionalDouble.empty();
            out.add(new Trend(
                    i.id(),
                    i.name(),
                    i.unit(),
                    List.copyOf(periods),
                    List.copyOf(values),
                    target,
                    change(i.direction(), values.get(0), values.get(values.size() - 1), target)));
        }
        return List.copyOf(out);
    }

    /** Says how a KPI moved from {@code first} to {@code last}: better or worse in its direction. */
    static Change change(Direction d, double first, double last, OptionalDouble target) {
        if (first == last) {
            return Change.NO_CHANGE;
        }
        boolean up = last > first;
        return switch (d) {
            case HIGHER -> up ? Change.BETTER_UP : Change.WORSE_DOWN;
            case LOWER -> up ? Change.WORSE_UP : Change.BETTER_DOWN;
            case TARGET ->
                target.isEmpty()
                        ? up ? Change.UP : Change.DOWN
                        : Math.abs(last - target.getAsDouble()) < Math.abs(first - target.getAsDouble())
                                ? Change.CLOSER
                                : Change.FURTHER;
        };
    }

    /**
     * Each KPI of a city with a target, assessed over all its periods by the input's method (base
     * 2015 or the first later period with a value, target period from the target or 2030, as {@code
     * citykpi progress} does).
     */
    private Progress progress(String entity) {
        List<ProgressLine> lines = new ArrayList<>();
        for (ProgressTable.Row r : progress.getOrDefault(entity, List.of())) {
            lines.add(new ProgressLine(
                    r.kpi(),
                    m.catalog.name(r.kpi()),
                    r.result(),
                    tone(r.result().category())));
        }
        return new Progress(m.in.progress(), List.copyOf(lines));
    }

    /** Returns whether a category reads as good, bad, in between, or says nothing (unable to assess). */
    static Tone tone(ProgressCategory c) {
        return switch (c) {
            case TARGET_ACHIEVED, ON_TRACK, SIGNIFICANT_PROGRESS, ON_EXPECTED_PATH -> Tone.GOOD;
            case DETERIORATION,
                    MOVEMENT_AWAY,
                    MODERATE_MOVEMENT_AWAY,
                    SIGNIFICANT_MOVEMENT_AWAY,
                    REVERSE_TREND,
                    DECREASING,
                    STAGNATION_OR_REGRESSION,
                    TARGET_NOT_ACHIEVED -> Tone.BAD;
            case UNABLE_TO_ASSESS -> Tone.NEUTRAL;
            case MODERATE_PROGRESS,
                    INSUFFICIENT_PROGRESS,
                    ACCELERATION_NEEDED,
                    LIMITED_PROGRESS,
                    FAIR_PROGRESS,
                    BEHIND,
                    ACCELERATE,
                    MODERATELY_IMPROVING,
                    STAGNATING -> Tone.MIXED;
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Data quality of a city

    private List<Coverage> coverage(int row) {
        Map<String, int[]> cov = new LinkedHashMap<>();
        for (Indicator i : m.catalog.indicators()) {
            String key = (i.dimension().isEmpty() ? "Other" : i.dimension()) + " \u00b7 "
                    + (i.category().isEmpty() ? "(no category)" : i.category());
            int[] a = cov.computeIfAbsent(key, k -> new int[3]);
            a[0]++;
            a[1] += m.results.isAvailable(row, i.id()) ? 1 : 0;
            a[2] += m.scores.isScored(row, i.id()) ? 1 : 0;
        }
        List<Coverage> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : cov.entrySet()) {
            int[] a = e.getValue();
            out.add(new Coverage(e.getKey(), a[0], a[1], a[2]));
        }
        return List.copyOf(out);
    }

    /** Every output without a value, with the inputs it lacks. */
    private List<Missing> missing(int row) {
        List<Missing> out = new ArrayList<>();
        for (String o : m.results.outputs()) {
            if (m.results.get(row, o) instanceof KpiResult.NotAvailable na) {
                List<Explanation.Input> lacking = new ArrayList<>();
                for (Explanation.Input in : m.results.explain(row, o).inputs()) {
                    if (in.value().isEmpty()) {
                        lacking.add(in);
                    }
                }
                out.add(new Missing(o, m.catalog.name(o), na, List.copyOf(lacking)));
            }
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------------------------------------
    // Comparison of several cities

    private Comparison comparison() {
        List<String> entities = new ArrayList<>(m.rowsByEntity.keySet());
        // Columns: overall (""), then each dimension in catalog order.
        Map<String, Integer> overallRank = rank(entities, "");
        Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
        ranks.put("", overallRank);
        for (String d : m.dimensions) {
            ranks.put(d, rank(entities, d));
        }
        List<String> order = new ArrayList<>(entities);
        order.sort(Comparator.comparingInt((String e) -> overallRank.getOrDefault(e, Integer.MAX_VALUE)));
        List<Ranked> ranking = new ArrayList<>();
        List<Multiple> multiples = new ArrayList<>();
        for (String e : order) {
            int row = m.latest(e);
            List<RankCell> cells = new ArrayList<>();
            for (Map.Entry<String, Map<String, Integer>> c : ranks.entrySet()) {
                OptionalDouble s = scoreOf(row, c.getKey());
                Integer rk = c.getValue().get(e);
                cells.add(new RankCell(c.getKey(), s, rk == null ? OptionalInt.empty() : OptionalInt.of(rk), band(s)));
            }
            ranking.add(new Ranked(e, m.results.period(row).label(), List.copyOf(cells)));
            OptionalDouble o = m.overall(row);
            multiples.add(new Multiple(e, o, band(o), axes(row)));
        }
        return new Comparison(List.copyOf(m.dimensions), List.copyOf(ranking), List.copyOf(multiples), heat(order));
    }

    private OptionalDouble scoreOf(int row, String dimension) {
        return dimension.isEmpty() ? m.overall(row) : groupScore(row, GroupScore.Level.DIMENSION, dimension);
    }

    /** Ranks entities by score in {@code dimension} (empty: overall): 1 highest, ties share the lowest rank. */
    private Map<String, Integer> rank(List<String> entities, String dimension) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String e : entities) {
            OptionalDouble s = scoreOf(m.latest(e), dimension);
            if (s.isPresent()) {
                scores.put(e, s.getAsDouble());
            }
        }
        List<Double> sorted = new ArrayList<>(scores.values());
        sorted.sort(Comparator.reverseOrder());
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            // Competition ranking: 1 + the number of strictly higher scores, so ties share a rank.
            out.put(e.getKey(), sorted.indexOf(e.getValue()) + 1);
        }
        return out;
    }

    /** Every indicator, city by city, in blocks of consecutive indicators of one dimension. */
    private List<HeatBlock> heat(List<String> order) {
        List<HeatBlock> blocks = new ArrayList<>();
        List<HeatRow> rows = new ArrayList<>();
        List<Indicator> inds = m.catalog.indicators();
        for (int k = 0; k < inds.size(); k++) {
            Indicator i = inds.get(k);
            List<HeatCell> cells = new ArrayList<>();
            for (String e : order) {
                int row = m.latest(e);
                OptionalDouble v = m.results.isAvailable(row, i.id())
                        ? OptionalDouble.of(m.results.value(row, i.id()))
                        : OptionalDouble.empty();
                cells.add(new HeatCell(e, v, m.scores.band(row, i.id())));
            }
            rows.add(new HeatRow(i.id(), i.name(), i.code().isEmpty() ? i.id() : i.code(), List.copyOf(cells)));
            if (k == inds.size() - 1 || !inds.get(k + 1).dimension().equals(i.dimension())) {
                blocks.add(new HeatBlock(i.dimension(), List.copyOf(rows)));
                rows.clear();
            }
        }
        return List.copyOf(blocks);
    }
}
