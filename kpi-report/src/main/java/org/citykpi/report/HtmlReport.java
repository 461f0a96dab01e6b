package org.citykpi.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.assess.ProgressCategory;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.ProgressTable;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Tier;
import org.citykpi.engine.Explanation;
import org.citykpi.engine.RuleViolation;
import org.citykpi.score.Band;
import org.citykpi.score.GroupScore;
import org.citykpi.score.ScoredResult;

/**
 * Renders the report as one self-contained HTML file: styles inline, charts as inline SVG drawn by
 * our own small code (see {@link Charts} for why), no scripts, fonts or images to fetch, so the
 * file opens offline, prints, and can be e-mailed. Values expand ({@code <details>}) to show their
 * formula and inputs; nothing needs JavaScript.
 *
 * <p>What it shows, for each entity (city) at its latest period: a summary (KPIs in the catalog,
 * reported, with values, scored; overall and per-dimension U4SSC bands {@code 0-33}, {@code 33-66},
 * {@code 66-95}, {@code 95+}); a radar chart of sub-dimension scores; per dimension, bars of
 * attainment against target for each KPI, coloured by band and labelled in text, and the full table
 * of its KPIs (value, unit, status, target, attainment, points, source); small line charts of each
 * KPI over time when the entity has several periods, with each targeted KPI's progress towards its
 * target assessed by {@link ReportInput#progress()} (the method named in the heading, each verdict
 * in words); data quality (coverage per category, what is
 * missing per KPI, plausibility warnings). With several entities it starts with a comparison:
 * ranking per dimension, small multiples of the radar, and a heat table of KPIs × entities. It ends
 * with the data account (rows read, accepted, rejected, each problem) and how to read the report.
 *
 * <p>Every indicator of the catalog is named, whether or not it has a value. Numbers are those of
 * {@link ReportInput#records()} (the {@code compute} output): rounded for reading in the text, and
 * exact (as {@code compute} writes them) in {@code data-value}, {@code data-target}, {@code
 * data-attainment} and {@code data-points} attributes of each table row and in each value's
 * explanation. All text from the catalog, the data and the caller is HTML-escaped. Output is
 * deterministic: the same input gives the same bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {
    private final Model m;
    private final StringBuilder sb = new StringBuilder(1 << 16);
    /** Progress rows of KPIs with a target, by entity; computed on first use. */
    private Map<String, List<ProgressTable.Row>> progress;

    private HtmlReport(ReportInput in) {
        this.m = new Model(in);
    }

    /**
     * Writes the report for {@code input} to {@code out} (flushed, not closed).
     *
     * @throws IOException if writing fails
     */
    public static void render(ReportInput input, Writer out) throws IOException {
        requireNonNull(input, "input");
        requireNonNull(out, "out");
        out.write(render(input));
        out.flush();
    }

    /** Returns the report for {@code input} as a string. */
    public static String render(ReportInput input) {
        requireNonNull(input, "input");
        HtmlReport r = new HtmlReport(input);
        r.page();
        return r.sb.toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Small writing helpers

    private HtmlReport raw(String s) {
        sb.append(s);
        return this;
    }

    private HtmlReport t(String s) {
        sb.append(Text.esc(s));
        return this;
    }

    private HtmlReport attr(String name, String value) {
        sb.append(' ').append(name).append("=\"").append(Text.esc(value)).append('"');
        return this;
    }

    private HtmlReport chip(BandColour b, String text) {
        raw("<span class=\"chip ").raw(b.css()).raw("\">").t(text).raw("</span>");
        return this;
    }

    private String cityId(String entity) {
        return "city-" + Text.slug(entity);
    }

    private String dimId(String entity, String dim) {
        return "dim-" + Text.slug(entity) + "-" + Text.slug(dim);
    }

    private boolean multi() {
        return m.rowsByEntity.size() > 1;
    }

    // ---------------------------------------------------------------------------------------------
    // Page

    private void page() {
        ReportInput in = m.in;
        raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"CityKPI\">\n<title>")
                .t(in.title())
                .raw("</title>\n<style>\n")
                .raw(Style.CSS)
                .raw("\n</style>\n</head>\n<body>\n<header class=\"top\"><h1>")
                .t(in.title())
                .raw("</h1><p>")
                .t(subtitle())
                .raw("</p></header>\n<main>\n");
        toc();
        legend();
        if (m.rowsByEntity.isEmpty()) {
            raw("<p class=\"note\">The data holds no entity and period, so there is nothing to report."
                    + " Check the data account below.</p>\n");
        }
        if (multi()) {
            comparison();
        }
        for (String entity : m.rowsByEntity.keySet()) {
            city(entity);
        }
        quality();
        method();
        raw("<footer>Made with CityKPI from catalog ")
                .t(m.catalog.id())
                .raw(" version ")
                .t(m.catalog.version())
                .raw(". Every number can be traced: open a value to see its formula and inputs.</footer>\n");
        raw("</main>\n</body>\n</html>\n");
    }

    private String subtitle() {
        StringBuilder s = new StringBuilder();
        int n = m.rowsByEntity.size();
        s.append(n == 1 ? m.rowsByEntity.keySet().iterator().next() : n + " cities");
        s.append(" \u00b7 catalog ")
                .append(m.catalog.id())
                .append(' ')
                .append(m.catalog.version())
                .append(" (")
                .append(m.catalog.indicators().size())
                .append(" KPIs)");
        s.append(" \u00b7 ").append(m.in.targets().size()).append(m.in.targets().size() == 1 ? " target" : " targets");
        DataAccount a = m.in.account();
        if (!a.sources().isEmpty()) {
            s.append(" \u00b7 data: ").append(String.join(", ", a.sources()));
        }
        return s.toString();
    }

    private void toc() {
        raw("<nav class=\"toc\" aria-label=\"Contents\">");
        if (multi()) {
            raw("<a href=\"#compare\">Comparison of cities</a>");
        }
        for (String e : m.rowsByEntity.keySet()) {
            raw("<a href=\"#").raw(cityId(e)).raw("\">").t(e).raw(": summary</a>");
            if (!multi()) {
                for (String d : m.dimensions) {
                    raw("<a href=\"#").raw(dimId(e, d)).raw("\">").t(d).raw("</a>");
                }
                if (hasOthers()) {
                    raw("<a href=\"#").raw(dimId(e, "")).raw("\">Other indicators</a>");
                }
                if (m.rowsByEntity.get(e).size() > 1) {
                    raw("<a href=\"#trends-").raw(Text.slug(e)).raw("\">Trends</a>");
                    raw("<a href=\"#progress-").raw(Text.slug(e)).raw("\">Progress towards targets</a>");
                }
                raw("<a href=\"#dq-").raw(Text.slug(e)).raw("\">Data quality</a>");
            }
        }
        raw("<a href=\"#quality\">Data account</a><a href=\"#method\">How to read this report</a></nav>\n");
    }

    private void legend() {
        raw("<div class=\"legend\"><strong>U4SSC bands</strong> (attainment of target, or a group's score):");
        for (BandColour b : BandColour.values()) {
            chip(b, b == BandColour.NONE ? "not scored" : b.label);
        }
        raw("<span class=\"muted small\">points 1, 2, 3, 4 for 0-33, 33-66, 66-95, 95+</span></div>\n");
    }

    private boolean hasOthers() {
        for (Indicator i : m.catalog.indicators()) {
            if (i.dimension().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // One city

    private void city(String entity) {
        int row = m.latest(entity);
        List<Integer> rows = m.rowsByEntity.get(entity);
        raw("<section class=\"city\" id=\"")
                .raw(cityId(entity))
                .attr("data-entity", entity)
                .raw(">\n<h2>");
        t(entity)
                .raw(" <span class=\"muted\">\u2014 ")
                .t(m.results.period(row).label())
                .raw("</span></h2>\n");
        if (rows.size() > 1) {
            raw("<p class=\"muted\">The data has ")
                    .raw(Integer.toString(rows.size()))
                    .raw(" periods for this city (")
                    .t(m.results.period(rows.get(0)).label())
                    .raw(" to ")
                    .t(m.results.period(row).label())
                    .raw("); the summary, bars and tables show the latest, the trends all of them.</p>\n");
        }
        summary(entity, row);
        for (String d : m.dimensions) {
            dimension(entity, row, d);
        }
        if (hasOthers()) {
            dimension(entity, row, "");
        }
        if (rows.size() > 1) {
            trends(entity, rows);
            progress(entity);
        }
        cityQuality(entity, row);
        raw("</section>\n");
    }

    private void summary(String entity, int row) {
        CitySummary c = CitySummary.of(m, entity);
        raw("<div class=\"summary\"><div>\n<div class=\"cards\">");
        card(c.kpis(), "KPIs in the catalog");
        card(c.reported(), "KPIs reported (value or some input in the data)");
        card(c.withValues(), "KPIs with a value");
        card(c.scored(), "KPIs scored against a target");
        raw("</div>\n<div class=\"dims\">");
        int total = 0;
        for (GroupScore g : c.dimensions()) {
            total += g.kpisTotal();
        }
        dimCard("Overall", c.overallPercent(), c.maxPoints() / 4, total, true, null);
        for (String d : m.dimensions) {
            GroupScore g = m.score(row, GroupScore.Level.DIMENSION, d);
            OptionalDouble s = g == null ? OptionalDouble.empty() : g.scorePercent();
            dimCard(d, s, g == null ? 0 : g.kpisScored(), g == null ? 0 : g.kpisTotal(), false, dimId(entity, d));
        }
        raw("</div>\n");
        furthest(row);
        if (m.in.targets().size() == 0) {
            raw("<p class=\"note\">No targets were given, so no KPI is scored and no band is shown."
                    + " Pass a targets file (<code>--targets</code>) to score the values.</p>\n");
        }
        raw("</div>\n<div>");
        List<String> labels = new ArrayList<>();
        List<OptionalDouble> scores = new ArrayList<>();
        for (String s : m.subDimensions) {
            GroupScore g = m.score(row, GroupScore.Level.SUB_DIMENSION, s);
            labels.add(s);
            scores.add(g == null ? OptionalDouble.empty() : g.scorePercent());
        }
        if (!labels.isEmpty()) {
            raw("<h4>Score per sub-dimension</h4>");
            raw(Charts.radar(labels, scores, 540, true, "Radar chart of sub-dimension scores of " + entity));
            raw("<p class=\"muted small\">Score = points \u00f7 (4 \u00d7 KPIs scored). Shaded rings: U4SSC bands;"
                    + " 100 at the rim.</p>");
        }
        raw("</div></div>\n");
    }

    /** Lists the scored KPIs furthest from their targets (lowest attainment), so the reader sees where to look. */
    private void furthest(int row) {
        List<ScoredResult> scored = new ArrayList<>();
        for (Indicator i : m.catalog.indicators()) {
            ScoredResult r = m.record(row, i.id());
            if (r.points().isPresent()
                    && r.attainment().isPresent()
                    && r.points().getAsInt() < 4) {
                scored.add(r);
            }
        }
        if (scored.isEmpty()) {
            return;
        }
        scored.sort(
                Comparator.comparingDouble((ScoredResult r) -> r.attainment().getAsDouble()));
        raw("<h4>Furthest from target</h4>\n<table class=\"bars furthest\"><tbody>");
        for (ScoredResult r : scored.subList(0, Math.min(6, scored.size()))) {
            BandColour b = BandColour.of(r.band());
            raw("<tr").attr("data-kpi", r.kpi()).raw("><td>").t(r.name());
            raw(" <span class=\"muted small\">")
                    .t(m.catalog.owner(r.kpi()).dimension())
                    .raw("</span></td>");
            raw("<td class=\"lbl\">");
            chip(b, scoreText(r));
            raw("</td></tr>");
        }
        raw("</tbody></table>\n");
    }

    private void card(int n, String label) {
        raw("<div class=\"card\"><div class=\"n\">")
                .raw(Integer.toString(n))
                .raw("</div><div class=\"l\">")
                .t(label)
                .raw("</div></div>");
    }

    private void dimCard(String name, OptionalDouble score, int scored, int total, boolean overall, String link) {
        BandColour b = Model.band(score);
        raw("<div class=\"dim ").raw(b.css()).raw(overall ? " overall" : "").raw("\"><div><strong>");
        if (link != null) {
            raw("<a href=\"#").raw(link).raw("\">").t(name).raw("</a>");
        } else {
            t(name);
        }
        raw("</strong><br><span class=\"muted small\">")
                .raw(Integer.toString(scored))
                .raw(" of ")
                .raw(Integer.toString(total))
                .raw(" KPIs scored</span></div><div class=\"score\">")
                .t(score.isPresent() ? Text.pct(score.getAsDouble()) : "\u2014")
                .raw(" ");
        chip(b, b.label);
        raw("</div></div>");
    }

    private List<Indicator> indicatorsOf(String dimension) {
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : m.catalog.indicators()) {
            if (i.dimension().equals(dimension)) {
                out.add(i);
            }
        }
        return out;
    }

    private void dimension(String entity, int row, String dim) {
        String name = dim.isEmpty() ? "Other indicators" : dim;
        raw("<section class=\"dimension\" id=\"")
                .raw(dimId(entity, dim))
                .raw("\">\n<h3>")
                .t(name);
        if (!dim.isEmpty()) {
            GroupScore g = m.score(row, GroupScore.Level.DIMENSION, dim);
            OptionalDouble s = g == null ? OptionalDouble.empty() : g.scorePercent();
            BandColour b = Model.band(s);
            raw(" <span class=\"muted\">")
                    .t(s.isPresent() ? Text.pct(s.getAsDouble()) : "not scored")
                    .raw("</span> ");
            chip(b, b.label);
        }
        raw(" <span class=\"muted small\">")
                .t(entity)
                .raw(" \u00b7 ")
                .t(m.results.period(row).label());
        raw("</span></h3>\n");
        List<Indicator> inds = indicatorsOf(dim);
        bars(entity, row, inds);
        table(entity, row, inds);
        raw("</section>\n");
    }

    /** Groups indicators by sub-dimension and category, keeping catalog order. */
    private Map<String, List<Indicator>> bySubCategory(List<Indicator> inds) {
        Map<String, List<Indicator>> g = new LinkedHashMap<>();
        for (Indicator i : inds) {
            String key = i.subDimension().isEmpty() && i.category().isEmpty()
                    ? ""
                    : i.subDimension() + (i.category().isEmpty() ? "" : " \u00b7 " + i.category());
            g.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return g;
    }

    private void bars(String entity, int row, List<Indicator> inds) {
        raw("<h4>Attainment of target per KPI</h4>\n<table class=\"bars\"><thead><tr><th>KPI</th><th>")
                .raw(Charts.barScale())
                .raw("</th><th>Attainment \u00b7 band \u00b7 points</th></tr></thead><tbody>\n");
        for (Map.Entry<String, List<Indicator>> e : bySubCategory(inds).entrySet()) {
            if (!e.getKey().isEmpty()) {
                raw("<tr><td colspan=\"3\"><strong class=\"small\">")
                        .t(e.getKey())
                        .raw("</strong></td></tr>\n");
            }
            for (Indicator i : e.getValue()) {
                ScoredResult r = m.record(row, i.id());
                BandColour b = BandColour.of(r.band());
                raw("<tr").attr("data-kpi", i.id()).raw("><td>").t(i.name()).raw(" <span class=\"muted small\">");
                t(i.code().isEmpty() ? i.id() : i.code()).raw("</span></td><td>");
                if (r.points().isPresent()) {
                    raw(Charts.bar(r.attainment(), b, i.name() + ": " + scoreText(r)));
                    raw("</td><td class=\"lbl\">");
                    chip(b, scoreText(r));
                } else {
                    raw("</td><td class=\"lbl muted\">").t(whyNotScored(r));
                }
                raw("</td></tr>\n");
            }
        }
        raw("</tbody></table>\n");
    }

    private static String scoreText(ScoredResult r) {
        String a = r.attainment().isPresent() ? Text.pct(r.attainment().getAsDouble()) : "meets target";
        return a + " \u00b7 " + r.band().map(Band::label).orElse("") + " \u00b7 "
                + r.points().getAsInt() + " pt" + (r.points().getAsInt() == 1 ? "" : "s");
    }

    private String whyNotScored(ScoredResult r) {
        if (!r.result().isAvailable()) {
            return "not scored: no value (" + r.result().status().replace('_', ' ') + ")";
        }
        if (r.target().isEmpty()) {
            return "not scored: no target";
        }
        // A value and a target but no points: the score is undefined (a zero or negative number).
        return "not scored: " + Text.num(((KpiResult.Value) r.result()).value()) + " against target "
                + Text.num(r.target().get().value()) + " has no defined attainment";
    }

    private void table(String entity, int row, List<Indicator> inds) {
        raw("<h4>All KPIs</h4>\n<table class=\"kpis\"><thead><tr><th>KPI</th><th class=\"num\">Value</th>")
                .raw("<th>Unit</th><th>Status</th><th class=\"num\">Target</th><th class=\"num\">Attainment</th>")
                .raw("<th>Points</th><th>Source</th></tr></thead><tbody>\n");
        for (Map.Entry<String, List<Indicator>> e : bySubCategory(inds).entrySet()) {
            if (!e.getKey().isEmpty()) {
                raw("<tr><td colspan=\"8\"><strong class=\"small\">")
                        .t(e.getKey())
                        .raw("</strong></td></tr>\n");
            }
            for (Indicator i : e.getValue()) {
                kpiRow(row, i, i.id(), false);
                for (Part p : i.parts()) {
                    kpiRow(row, i, i.id() + "/" + p.id(), true);
                }
            }
        }
        raw("</tbody></table>\n");
    }

    private void kpiRow(int row, Indicator ind, String output, boolean part) {
        ScoredResult r = m.record(row, output);
        KpiResult res = r.result();
        raw("<tr").raw(part ? " class=\"part\"" : "");
        attr("data-entity", r.entity()).attr("data-period", r.period().label()).attr("data-kpi", output);
        attr("data-status", res.status());
        if (res instanceof KpiResult.Value v) {
            attr("data-value", Text.exact(v.value()));
        }
        r.target().ifPresent(tg -> attr("data-target", Text.exact(tg.value())));
        if (r.attainment().isPresent()) {
            attr("data-attainment", Text.exact(r.attainment().getAsDouble()));
        }
        if (r.points().isPresent()) {
            attr("data-points", Integer.toString(r.points().getAsInt()));
        }
        raw("><td>");
        if (part) {
            t(m.catalog.part(output).map(Part::name).orElse(output));
            raw("<span class=\"code\">").t(output).raw("</span>");
        } else {
            t(ind.name());
            raw("<span class=\"code\">").t(ind.code().isEmpty() ? ind.id() : ind.code());
            if (ind.tier() != Tier.NONE) {
                raw(" \u00b7 ").t(ind.tier().word());
            }
            raw("</span>");
        }
        raw("</td><td class=\"num\"><details><summary>");
        t(res instanceof KpiResult.Value v ? Text.num(v.value()) : "n/a");
        raw("</summary>");
        explanation(row, output, r);
        raw("</details></td><td>").t(r.unit()).raw("</td><td");
        if (res instanceof KpiResult.NotAvailable na) {
            raw(" class=\"na\">").t(na.cause().word().replace('_', ' '));
            if (!na.detail().isEmpty()) {
                raw("<br><span class=\"small\">").t(na.detail()).raw("</span>");
            }
        } else {
            raw(">").t(res.status());
        }
        raw("</td><td class=\"num\"");
        if (r.target().isPresent()) {
            Target tg = r.target().get();
            String tip = "target" + tg.period().map(p -> " for " + p.label()).orElse("")
                    + (tg.source().isEmpty() ? "" : "; source: " + tg.source());
            attr("title", tip).raw(">").t(Text.num(tg.value()));
            if (tg.period().isPresent()) {
                raw("<br><span class=\"muted small\">by ")
                        .t(tg.period().get().label())
                        .raw("</span>");
            }
        } else {
            raw(">");
        }
        raw("</td><td class=\"num\">");
        if (r.attainment().isPresent()) {
            t(Text.pct(r.attainment().getAsDouble()));
        } else if (r.points().isPresent()) {
            raw("<span class=\"small\">meets target</span>");
        }
        raw("</td><td>");
        if (r.points().isPresent()) {
            chip(
                    BandColour.of(r.band()),
                    r.points().getAsInt() + " \u00b7 "
                            + r.band().map(Band::label).orElse(""));
        }
        raw("</td><td>");
        source(part ? "" : ind.source());
        raw("</td></tr>\n");
    }

    private void source(String src) {
        if (src.isEmpty()) {
            return;
        }
        String s = src.strip();
        if ((s.startsWith("https://") || s.startsWith("http://")) && s.indexOf(' ') < 0) {
            String host = s.substring(s.indexOf("//") + 2);
            int slash = host.indexOf('/');
            host = slash < 0 ? host : host.substring(0, slash);
            raw("<a rel=\"noreferrer\"")
                    .attr("href", s)
                    .attr("title", s)
                    .raw(">")
                    .t(host)
                    .raw("</a>");
        } else {
            raw("<span class=\"small\">").t(Charts.shorten(s, 60)).raw("</span>");
        }
    }

    private void explanation(int row, String output, ScoredResult r) {
        Explanation x = m.results.explain(row, output);
        Indicator ind = m.catalog.owner(output);
        raw("<div class=\"why\">");
        if (x.result() instanceof KpiResult.Value v) {
            raw("<div><strong>Value</strong> ")
                    .t(Text.exact(v.value()))
                    .raw(" ")
                    .t(r.unit())
                    .raw(
                            v.provenance() == KpiResult.Provenance.REPORTED
                                    ? " \u2014 reported in the data as it is"
                                    : " \u2014 computed from the formula")
                    .raw("</div>");
        } else {
            KpiResult.NotAvailable na = (KpiResult.NotAvailable) x.result();
            raw("<div class=\"na\"><strong>No value:</strong> ")
                    .t(na.cause().word().replace('_', ' '))
                    .raw(na.detail().isEmpty() ? "" : " \u2014 ")
                    .t(na.detail())
                    .raw("</div>");
        }
        raw("<div><strong>Formula</strong> <code>").t(x.formula()).raw("</code></div>");
        if (!x.inputs().isEmpty()) {
            raw("<table><thead><tr><th>Input</th><th>Kind</th><th class=\"num\">Value</th></tr></thead><tbody>");
            for (Explanation.Input in : x.inputs()) {
                raw("<tr><td><code>").t(in.name()).raw("</code>");
                String described = m.catalog
                        .variable(in.name())
                        .map(var -> var.description())
                        .orElse("");
                if (!described.isEmpty()) {
                    raw("<br><span class=\"muted small\">").t(described).raw("</span>");
                }
                raw("</td><td>").t(in.kind().name().toLowerCase(java.util.Locale.ROOT));
                raw("</td><td class=\"num\">");
                if (in.value().isPresent()) {
                    t(Text.exact(in.value().getAsDouble()));
                } else {
                    raw("<span class=\"na\">").t(in.status().replace('_', ' ')).raw("</span>");
                }
                raw("</td></tr>");
            }
            raw("</tbody></table>");
        }
        if (r.target().isPresent() && x.result() instanceof KpiResult.Value v) {
            Target tg = r.target().get();
            raw("<div><strong>Score</strong> ");
            Direction d = ind.direction();
            if (r.attainment().isPresent()) {
                String rule = d == Direction.LOWER
                        ? "lower is better: target \u00f7 value \u00d7 100"
                        : d == Direction.HIGHER
                                ? "higher is better: value \u00f7 target \u00d7 100"
                                : "closest to target: the smaller of value \u00f7 target and target \u00f7 value, \u00d7 100";
                t(rule + " = " + Text.exact(r.attainment().getAsDouble()) + "% \u2192 "
                        + r.points().getAsInt() + " points ("
                        + r.band().map(Band::label).orElse("") + ")");
            } else if (r.points().isPresent()) {
                t("a value of 0 where lower is better meets any target \u2192 4 points (95+)");
            } else {
                t("not scored: attainment of " + Text.exact(v.value()) + " against " + Text.exact(tg.value())
                        + " is not defined");
            }
            raw("; target ").t(Text.exact(tg.value()));
            if (!tg.source().isEmpty()) {
                raw(" (source: ").t(tg.source()).raw(")");
            }
            raw("</div>");
        }
        if (!ind.definition().isEmpty() && !output.contains("/")) {
            raw("<div class=\"muted small\">").t(ind.definition()).raw("</div>");
        }
        raw("</div>");
    }

    // ---------------------------------------------------------------------------------------------
    // Trends

    private void trends(String entity, List<Integer> rows) {
        raw("<section class=\"trends-section\" id=\"trends-")
                .raw(Text.slug(entity))
                .raw("\">\n<h3>Trends</h3>\n");
        raw("<p class=\"muted\">Each KPI with values in two or more periods; the dashed line is the target."
                + " \u201cBetter\u201d and \u201cworse\u201d follow the KPI's direction.</p>\n<div class=\"trends\">");
        int shown = 0;
        for (Indicator i : m.catalog.indicators()) {
            List<String> periods = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            Optional<Target> tg = Optional.empty();
            for (int row : rows) {
                ScoredResult r = m.record(row, i.id());
                if (r.result() instanceof KpiResult.Value v) {
                    periods.add(r.period().label());
                    values.add(v.value());
                }
                tg = r.target();
            }
            if (values.size() < 2) {
                continue;
            }
            shown++;
            OptionalDouble target = tg.isPresent() ? OptionalDouble.of(tg.get().value()) : OptionalDouble.empty();
            double first = values.get(0);
            double last = values.get(values.size() - 1);
            raw("<figure")
                    .attr("data-kpi", i.id())
                    .raw("><figcaption><strong>")
                    .t(i.name())
                    .raw("</strong> ");
            t(i.unit().isEmpty() ? "" : "(" + i.unit() + ") ");
            String verdict = verdict(i.direction(), first, last, target);
            if (!verdict.isEmpty()) {
                raw("<span class=\"")
                        .raw(verdict.startsWith("better") ? "good" : verdict.startsWith("worse") ? "bad" : "muted");
                raw("\">").t(verdict).raw("</span>");
            }
            raw("</figcaption>");
            raw(Charts.line(periods, values, target, i.name() + " over time"));
            raw("</figure>");
        }
        raw("</div>\n");
        if (shown == 0) {
            raw("<p class=\"muted\">No KPI has values in two or more periods.</p>\n");
        }
        raw("</section>\n");
    }

    private static String verdict(Direction d, double first, double last, OptionalDouble target) {
        if (first == last) {
            return "no change";
        }
        boolean up = last > first;
        switch (d) {
            case HIGHER:
                return up ? "better \u25b2" : "worse \u25bc";
            case LOWER:
                return up ? "worse \u25b2" : "better \u25bc";
            default:
                if (target.isEmpty()) {
                    return up ? "up \u25b2" : "down \u25bc";
                }
                double t = target.getAsDouble();
                return Math.abs(last - t) < Math.abs(first - t)
                        ? "better (closer to target)"
                        : "worse (further from target)";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Progress towards targets

    /**
     * Writes the progress section of a city with two or more periods: each KPI with a target,
     * assessed over all its periods by the input's method (base 2015 or the first later period
     * with a value, target period from the target or 2030, as {@code citykpi progress} does).
     */
    private void progress(String entity) {
        ProgressMethod method = m.in.progress();
        raw("<section class=\"progress-section\" id=\"progress-")
                .raw(Text.slug(entity))
                .raw("\"")
                .attr("data-method", method.id())
                .raw(">\n<h3>Progress towards targets: ")
                .t(methodName(method))
                .raw(" method (<code>")
                .t(method.id())
                .raw("</code>)</h3>\n");
        raw("<p class=\"muted\">Each KPI with a target, from its base period (2015 unless the target says"
                        + " otherwise, or the first later period with a value) to its latest, towards the target by"
                        + " its target period (2030 unless the target says otherwise). ")
                .t(measureMeaning(method))
                .raw(" The category is the method's own word; <code>unable_to_assess</code> says why."
                        + " Parameters: <code>")
                .t(method.toString())
                .raw("</code>.</p>\n");
        List<ProgressTable.Row> rows = progressRows().getOrDefault(entity, List.of());
        if (rows.isEmpty()) {
            raw("<p class=\"muted\">No KPI with a target has a value for this city, so no progress is assessed.")
                    .raw(
                            m.in.targets().size() == 0
                                    ? " Pass a targets file (<code>--targets</code>) to assess progress towards it."
                                    : "")
                    .raw("</p>\n</section>\n");
            return;
        }
        raw("<table class=\"progress\"><thead><tr><th>KPI</th><th>Category</th><th class=\"num\">Measure</th>")
                .raw("<th>Base</th><th>Latest</th><th>Target</th><th>Reason or note</th></tr></thead><tbody>\n");
        for (ProgressTable.Row row : rows) {
            ProgressResult r = row.result();
            raw("<tr")
                    .attr("data-kpi", row.kpi())
                    .attr("data-category", r.category().word());
            if (r.measure().isPresent()) {
                attr("data-measure", Text.exact(r.measure().getAsDouble()));
            }
            raw("><td>")
                    .t(m.catalog.name(row.kpi()))
                    .raw("<span class=\"code\">")
                    .t(row.kpi());
            raw("</span></td><td><span class=\"")
                    .raw(categoryClass(r.category()))
                    .raw("\">")
                    .t(r.category().word())
                    .raw("</span></td><td class=\"num\">")
                    .t(r.measure().isPresent() ? Text.num(r.measure().getAsDouble()) : "\u2014")
                    .raw("</td><td>");
            observation(r.basePeriod().map(p -> p.label()), r.baseValue());
            raw("</td><td>");
            observation(r.latestPeriod().map(p -> p.label()), r.latestValue());
            raw("</td><td>");
            t(r.target().isPresent() ? Text.num(r.target().getAsDouble()) : "none")
                    .t(" by ")
                    .t(r.targetPeriod().label());
            raw("</td><td>").t(r.reason()).raw("</td></tr>\n");
        }
        raw("</tbody></table>\n</section>\n");
    }

    private void observation(Optional<String> period, OptionalDouble value) {
        if (period.isEmpty() || value.isEmpty()) {
            raw("<span class=\"muted\">\u2014</span>");
        } else {
            t(Text.num(value.getAsDouble())).t(" in ").t(period.get());
        }
    }

    /** Assesses every series once per render and keeps the KPIs that have a target. */
    private Map<String, List<ProgressTable.Row>> progressRows() {
        if (progress == null) {
            progress = new LinkedHashMap<>();
            for (ProgressTable.Row r : ProgressTable.assess(
                    m.results, m.in.targets(), m.in.progress(), Optional.empty(), Optional.empty())) {
                if (m.in.targets().get(r.kpi()).isPresent()) {
                    progress.computeIfAbsent(r.entity(), e -> new ArrayList<>()).add(r);
                }
            }
        }
        return progress;
    }

    /** Returns the method's published name, e.g. {@code Statistics Canada / Open SDG}. */
    static String methodName(ProgressMethod method) {
        switch (method.id()) {
            case "eurostat":
                return "Eurostat (EU SDG monitoring)";
            case "statcan":
                return "Statistics Canada / Open SDG";
            case "unsd":
                return "UNSD SDG Progress Chart";
            case "escap-cs":
                return "UN ESCAP current status";
            case "escap-ap":
                return "UN ESCAP anticipated progress";
            case "sdsn":
                return "SDSN trend arrows";
            default:
                return method.id();
        }
    }

    /** Returns what the method's measure is, in one sentence. */
    private static String measureMeaning(ProgressMethod method) {
        switch (method.id()) {
            case "eurostat":
            case "statcan":
                return "Measure: the observed compound annual growth rate divided by the rate needed to reach the"
                        + " target (1 = on pace).";
            case "unsd":
                return "Measure: the change the current growth rate would make by the target period, as a share of"
                        + " the change needed (1 = target reached).";
            case "escap-cs":
                return "Measure: the share of the way from the base value to the target covered so far, compared"
                        + " with the share of the time elapsed.";
            case "escap-ap":
                return "Measure: the gap the projected trend would leave at the target period, as a share of the"
                        + " change needed (0 or less = target reached).";
            case "sdsn":
                return "Measure: the observed linear annual change divided by the change needed each year to reach"
                        + " the target (1 = on pace).";
            default:
                return "";
        }
    }

    /** Returns the text colour of a category: good, bad or neutral (the word is always shown). */
    private static String categoryClass(ProgressCategory c) {
        switch (c) {
            case TARGET_ACHIEVED:
            case ON_TRACK:
            case SIGNIFICANT_PROGRESS:
            case ON_EXPECTED_PATH:
                return "good";
            case DETERIORATION:
            case MOVEMENT_AWAY:
            case MODERATE_MOVEMENT_AWAY:
            case SIGNIFICANT_MOVEMENT_AWAY:
            case REVERSE_TREND:
            case DECREASING:
            case STAGNATION_OR_REGRESSION:
            case TARGET_NOT_ACHIEVED:
                return "bad";
            case UNABLE_TO_ASSESS:
                return "muted";
            default:
                return "mid";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Data quality per city

    private void cityQuality(String entity, int row) {
        raw("<section class=\"dq\" id=\"dq-")
                .raw(Text.slug(entity))
                .raw("\">\n<h3>Data quality: ")
                .t(entity);
        raw(" <span class=\"muted small\">").t(m.results.period(row).label()).raw("</span></h3>\n");
        // Coverage per category.
        raw("<h4>Coverage per category</h4>\n<table class=\"coverage\"><thead><tr><th>Dimension \u00b7 category</th>")
                .raw("<th class=\"num\">KPIs</th><th class=\"num\">With a value</th><th class=\"num\">Scored</th>")
                .raw("<th>Share with a value</th></tr></thead><tbody>\n");
        Map<String, int[]> cov = new LinkedHashMap<>();
        for (Indicator i : m.catalog.indicators()) {
            String key = (i.dimension().isEmpty() ? "Other" : i.dimension()) + " \u00b7 "
                    + (i.category().isEmpty() ? "(no category)" : i.category());
            int[] a = cov.computeIfAbsent(key, k -> new int[3]);
            ScoredResult r = m.record(row, i.id());
            a[0]++;
            a[1] += r.result().isAvailable() ? 1 : 0;
            a[2] += r.points().isPresent() ? 1 : 0;
        }
        for (Map.Entry<String, int[]> e : cov.entrySet()) {
            int[] a = e.getValue();
            raw("<tr><td>").t(e.getKey()).raw("</td><td class=\"num\">").raw(Integer.toString(a[0]));
            raw("</td><td class=\"num\">").raw(Integer.toString(a[1])).raw("</td><td class=\"num\">");
            raw(Integer.toString(a[2])).raw("</td><td>");
            raw(Charts.share(a[1], a[0], e.getKey() + ": " + a[1] + " of " + a[0] + " KPIs with a value"));
            raw(" <span class=\"small\">")
                    .raw(Integer.toString(Math.round(100f * a[1] / a[0])))
                    .raw("%</span>");
            raw("</td></tr>\n");
        }
        raw("</tbody></table>\n");
        // What is missing, KPI by KPI.
        raw("<h4>KPIs without a value, and what they need</h4>\n");
        StringBuilder missing = new StringBuilder();
        int count = 0;
        for (String out : m.outputs) {
            ScoredResult r = m.record(row, out);
            if (r.result() instanceof KpiResult.NotAvailable na) {
                count++;
                List<String> need = new ArrayList<>();
                for (Explanation.Input in : m.results.explain(row, out).inputs()) {
                    if (in.value().isEmpty()) {
                        need.add(in.name() + (in.kind() == Explanation.Kind.INDICATOR ? " (" + in.status() + ")" : ""));
                    }
                }
                missing.append("<tr")
                        .append(" data-kpi=\"")
                        .append(Text.esc(out))
                        .append("\"><td>");
                missing.append(Text.esc(m.catalog.name(out)))
                        .append("<span class=\"code\">")
                        .append(Text.esc(out));
                missing.append("</span></td><td class=\"na\">")
                        .append(Text.esc(na.cause().word().replace('_', ' ')));
                missing.append("</td><td>");
                if (!need.isEmpty() && na.cause() == KpiResult.Cause.MISSING_INPUT) {
                    for (int k = 0; k < need.size(); k++) {
                        missing.append(k == 0 ? "" : ", ")
                                .append("<code>")
                                .append(Text.esc(need.get(k)))
                                .append("</code>");
                    }
                } else {
                    missing.append(Text.esc(na.detail()));
                }
                missing.append("</td></tr>\n");
            }
        }
        if (count == 0) {
            raw("<p>Every KPI has a value.</p>\n");
        } else {
            raw("<table class=\"missing\"><thead><tr><th>KPI</th><th>Why no value</th><th>Missing inputs or detail</th>")
                    .raw("</tr></thead><tbody>\n")
                    .raw(missing.toString())
                    .raw("</tbody></table>\n");
        }
        // Plausibility.
        raw("<h4>Plausibility checks that do not hold</h4>\n");
        List<RuleViolation> vs = new ArrayList<>();
        for (RuleViolation v : m.in.violations()) {
            if (v.entity().equals(entity)) {
                vs.add(v);
            }
        }
        if (vs.isEmpty()) {
            raw("<p>All plausibility checks of the catalog hold (or lack the inputs to be checked).</p>\n");
        } else {
            raw("<table class=\"violations\"><thead><tr><th>Period</th><th>Severity</th><th>Check</th><th>Values</th>")
                    .raw("<th>Source</th></tr></thead><tbody>\n");
            for (RuleViolation v : vs) {
                raw("<tr><td>")
                        .t(v.period().label())
                        .raw("</td><td>")
                        .t(v.rule().severity().word());
                raw("</td><td>")
                        .t(v.rule().description())
                        .raw("<br><code>")
                        .t(v.rule().checkText());
                raw("</code></td><td><code>").t(v.inputs()).raw("</code></td><td>");
                source(v.rule().source());
                raw("</td></tr>\n");
            }
            raw("</tbody></table>\n");
        }
        raw("</section>\n");
    }

    // ---------------------------------------------------------------------------------------------
    // Comparison of several cities

    private void comparison() {
        List<String> entities = new ArrayList<>(m.rowsByEntity.keySet());
        raw("<section id=\"compare\">\n<h2>Comparison of ")
                .raw(Integer.toString(entities.size()))
                .raw(" cities</h2>\n");
        raw("<p class=\"muted\">Each city at its latest period. Ranks: 1 is the highest score; equal scores share a"
                + " rank; cities without a score are not ranked.</p>\n");
        // Ranking table.
        List<String> cols = new ArrayList<>();
        cols.add("");
        cols.addAll(m.dimensions);
        Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
        for (String c : cols) {
            ranks.put(c, rank(entities, c));
        }
        List<String> order = new ArrayList<>(entities);
        Map<String, Integer> overallRank = ranks.get("");
        order.sort(Comparator.comparingInt((String e) -> overallRank.getOrDefault(e, Integer.MAX_VALUE)));
        raw("<h3>Ranking per dimension</h3>\n<table class=\"ranking\"><thead><tr><th>City</th><th>Period</th>");
        raw("<th>Overall</th>");
        for (String d : m.dimensions) {
            raw("<th>").t(d).raw("</th>");
        }
        raw("</tr></thead><tbody>\n");
        for (String e : order) {
            int row = m.latest(e);
            raw("<tr")
                    .attr("data-entity", e)
                    .raw("><td><a href=\"#")
                    .raw(cityId(e))
                    .raw("\">")
                    .t(e);
            raw("</a></td><td>").t(m.results.period(row).label()).raw("</td>");
            for (String c : cols) {
                OptionalDouble s = scoreOf(row, c);
                Integer rk = ranks.get(c).get(e);
                raw("<td").attr("data-group", c.isEmpty() ? "overall" : c);
                if (rk != null) {
                    attr("data-rank", rk.toString());
                }
                raw(">");
                if (s.isPresent()) {
                    raw("<strong>#")
                            .raw(rk.toString())
                            .raw("</strong> ")
                            .t(Text.pct(s.getAsDouble()))
                            .raw(" ");
                    BandColour b = Model.band(s);
                    chip(b, b.label);
                } else {
                    raw("<span class=\"muted\">not scored</span>");
                }
                raw("</td>");
            }
            raw("</tr>\n");
        }
        raw("</tbody></table>\n");
        // Small multiples.
        raw("<h3>Sub-dimension scores, city by city</h3>\n<div class=\"multiples\">");
        for (String e : order) {
            int row = m.latest(e);
            List<OptionalDouble> scores = new ArrayList<>();
            for (String s : m.subDimensions) {
                GroupScore g = m.score(row, GroupScore.Level.SUB_DIMENSION, s);
                scores.add(g == null ? OptionalDouble.empty() : g.scorePercent());
            }
            OptionalDouble o = m.overall(row);
            raw("<figure").attr("data-entity", e).raw("><figcaption>").t(e).raw(" ");
            BandColour b = Model.band(o);
            chip(b, o.isPresent() ? Text.pct(o.getAsDouble()) + " \u00b7 " + b.label : b.label);
            raw("</figcaption>");
            raw(Charts.radar(m.subDimensions, scores, 320, false, "Sub-dimension scores of " + e));
            raw("</figure>");
        }
        raw("</div>\n");
        // Heat table.
        raw("<h3>Every KPI, city by city</h3>\n<p class=\"muted\">Cell colour and the small label give the U4SSC band"
                + " of the KPI's attainment; grey cells are not scored; n/a means no value.</p>\n");
        raw("<table class=\"heat\"><thead><tr><th>KPI</th>");
        for (String e : order) {
            raw("<th>").t(e).raw("</th>");
        }
        raw("</tr></thead><tbody>\n");
        String lastDim = null;
        for (Indicator i : m.catalog.indicators()) {
            if (!i.dimension().equals(lastDim)) {
                lastDim = i.dimension();
                raw("<tr><td colspan=\"")
                        .raw(Integer.toString(order.size() + 1))
                        .raw("\"><strong>");
                t(lastDim.isEmpty() ? "Other indicators" : lastDim).raw("</strong></td></tr>\n");
            }
            raw("<tr").attr("data-kpi", i.id()).raw("><td>").t(i.name()).raw("<span class=\"code\">");
            t(i.code().isEmpty() ? i.id() : i.code()).raw("</span></td>");
            for (String e : order) {
                ScoredResult r = m.record(m.latest(e), i.id());
                BandColour b = BandColour.of(r.band());
                raw("<td class=\"").raw(b.css()).raw("\"").attr("data-entity", e);
                if (r.result() instanceof KpiResult.Value v) {
                    attr("data-value", Text.exact(v.value()));
                }
                if (r.points().isPresent()) {
                    attr("data-points", Integer.toString(r.points().getAsInt()));
                }
                raw(">");
                t(r.result() instanceof KpiResult.Value v ? Text.num(v.value()) : "n/a");
                if (r.points().isPresent()) {
                    raw("<small>").t(b.label).raw("</small>");
                }
                raw("</td>");
            }
            raw("</tr>\n");
        }
        raw("</tbody></table>\n</section>\n");
    }

    private OptionalDouble scoreOf(int row, String dimension) {
        if (dimension.isEmpty()) {
            return m.overall(row);
        }
        GroupScore g = m.score(row, GroupScore.Level.DIMENSION, dimension);
        return g == null ? OptionalDouble.empty() : g.scorePercent();
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

    // ---------------------------------------------------------------------------------------------
    // Data account and method

    private void quality() {
        DataAccount a = m.in.account();
        raw("<section id=\"quality\">\n<h2>Data account</h2>\n");
        if (!a.counted()) {
            raw("<p>The data was built in code, not read from files: there is no row account.</p>\n");
        } else {
            raw("<div class=\"cards\">");
            card((int) Math.min(Integer.MAX_VALUE, a.rowsRead()), "rows read");
            card((int) Math.min(Integer.MAX_VALUE, a.rowsAccepted()), "rows accepted");
            card((int) Math.min(Integer.MAX_VALUE, a.rowsRejected()), "rows rejected");
            raw("</div>\n");
            if (!a.sources().isEmpty()) {
                raw("<p>Files: ");
                for (int k = 0; k < a.sources().size(); k++) {
                    raw(k == 0 ? "" : ", ").raw("<code>").t(a.sources().get(k)).raw("</code>");
                }
                raw("</p>\n");
            }
        }
        int errors = 0;
        for (String p : a.problems()) {
            errors += p.contains(": warning: ") ? 0 : 1;
        }
        if (a.problems().isEmpty()) {
            raw("<p>No problem was found while reading the data.</p>\n");
        } else {
            raw("<h3>Problems found while reading (")
                    .raw(Integer.toString(a.problems().size()))
                    .raw(", of which ")
                    .raw(Integer.toString(errors))
                    .raw(" rejected a row or a value)</h3>\n<ul class=\"problems\">");
            for (String p : a.problems()) {
                raw("<li>").t(p).raw("</li>");
            }
            raw("</ul>\n");
        }
        if (a.problemsOmitted() > 0) {
            raw("<p>").raw(Long.toString(a.problemsOmitted())).raw(" more problems were found and not kept.</p>\n");
        }
        long warnings = m.in.violations().size();
        raw("<p>Plausibility checks that do not hold, over all cities and periods: ")
                .raw(Long.toString(warnings))
                .raw(warnings == 0 ? "." : " (listed under each city's data quality).")
                .raw("</p>\n</section>\n");
    }

    private void method() {
        raw("<section id=\"method\">\n<h2>How to read this report</h2>\n<ul>");
        raw(
                "<li><strong>Attainment</strong> = value \u00f7 target \u00d7 100 where higher is better; target \u00f7 value"
                        + " \u00d7 100 where lower is better (our documented assumption: U4SSC publishes the higher-is-better"
                        + " form only); for a KPI with a target band, the smaller of the two ratios \u00d7 100.</li>");
        raw("<li><strong>Points</strong> 1, 2, 3, 4 for attainment in 0-33, 33-66, 66-95 and 95+ percent"
                + " (U4SSC verification reports).</li>");
        raw("<li>A <strong>group</strong> (category, sub-dimension, dimension) scores its points \u00f7 (4 \u00d7 KPIs"
                + " scored), banded the same way; <strong>overall</strong> does the same over every KPI scored."
                + " KPIs without a value or a target are left out and counted.</li>");
        raw("<li><strong>Reported</strong>: the data holds the KPI's value or at least one of its inputs;"
                + " <strong>with a value</strong>: computed or reported; <strong>scored</strong>: a value and a"
                + " target gave points.</li>");
        raw("<li>Click a value in the tables to see its formula, every input with its value, and how it was"
                + " scored. Values in the text are rounded; the explanation shows them exactly.</li>");
        raw("</ul>\n</section>\n");
    }
}
