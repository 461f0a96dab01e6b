package org.citykpi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;
import org.citykpi.engine.Explanation;
import org.citykpi.engine.RuleViolation;
import org.citykpi.observe.RollupProvenance;
import org.citykpi.observe.RollupResult;
import org.citykpi.report.ReportModel.Card;
import org.citykpi.report.ReportModel.City;
import org.citykpi.report.ReportModel.Coverage;
import org.citykpi.report.ReportModel.Dimension;
import org.citykpi.report.ReportModel.Furthest;
import org.citykpi.report.ReportModel.Input;
import org.citykpi.report.ReportModel.KpiEntry;
import org.citykpi.report.ReportModel.KpiGroup;
import org.citykpi.report.ReportModel.KpiRow;
import org.citykpi.report.ReportModel.Missing;
import org.citykpi.report.ReportModel.Progress;
import org.citykpi.report.ReportModel.ProgressLine;
import org.citykpi.report.ReportModel.Scored;
import org.citykpi.report.ReportModel.Trend;

/**
 * Writes one city's section from its {@link City} model: the summary (cards, group scores, the KPIs
 * furthest from target, the radar), each dimension (attainment bars and the table of every KPI
 * with its explanation), trends and progress towards targets, and data quality. Writes only.
 * Stateless; thread-safe.
 */
final class CityView {
    private CityView() {}

    /** Writes {@code c}; {@code targetsGiven} says whether any target was given at all. */
    static void write(Html h, City c, boolean targetsGiven) {
        String entity = c.entity();
        h.raw("<section class=\"city\" id=\"")
                .raw(Html.cityId(entity))
                .attr("data-entity", entity)
                .raw(">\n<h2>");
        h.t(entity).raw(" <span class=\"muted\">\u2014 ").t(c.latestPeriod()).raw("</span></h2>\n");
        if (c.periodCount() > 1) {
            h.raw("<p class=\"muted\">The data has ")
                    .raw(Integer.toString(c.periodCount()))
                    .raw(" periods for this city (")
                    .t(c.firstPeriod())
                    .raw(" to ")
                    .t(c.latestPeriod())
                    .raw("); the summary, bars and tables show the latest, the trends all of them.</p>\n");
        }
        summary(h, c, targetsGiven);
        for (Dimension d : c.dimensions()) {
            dimension(h, c, d);
        }
        if (c.progress().isPresent()) {
            trends(h, c);
            progress(h, entity, c.progress().get(), targetsGiven);
        }
        quality(h, c);
        h.raw("</section>\n");
    }

    // ---------------------------------------------------------------------------------------------
    // Summary

    private static void summary(Html h, City c, boolean targetsGiven) {
        CitySummary s = c.summary();
        h.raw("<div class=\"summary\"><div>\n<div class=\"cards\">");
        h.card(s.kpis(), "KPIs in the catalog");
        h.card(s.reported(), "KPIs reported (value or some input in the data)");
        h.card(s.withValues(), "KPIs with a value");
        h.card(s.scored(), "KPIs scored against a target");
        h.raw("</div>\n<div class=\"dims\">");
        for (Card card : c.cards()) {
            card(h, c.entity(), card);
        }
        h.raw("</div>\n");
        furthest(h, c.furthest());
        if (!targetsGiven) {
            h.raw("<p class=\"note\">No targets were given, so no KPI is scored and no band is shown."
                    + " Pass a targets file (<code>--targets</code>) to score the values.</p>\n");
        }
        h.raw("</div>\n<div>");
        if (!c.radar().isEmpty()) {
            h.raw("<h4>Score per sub-dimension</h4>");
            h.raw(Charts.radar(c.radar(), 540, true, "Radar chart of sub-dimension scores of " + c.entity()));
            h.raw("<p class=\"muted small\">Score = points \u00f7 (4 \u00d7 KPIs scored). Shaded rings: U4SSC bands;"
                    + " 100 at the rim.</p>");
        }
        h.raw("</div></div>\n");
    }

    private static void card(Html h, String entity, Card card) {
        BandColour b = BandColour.of(card.band());
        h.raw("<div class=\"dim ")
                .raw(b.css())
                .raw(card.overall() ? " overall" : "")
                .raw("\"><div><strong>");
        if (card.overall()) {
            h.t(card.name());
        } else {
            h.raw("<a href=\"#")
                    .raw(Html.dimId(entity, card.name()))
                    .raw("\">")
                    .t(card.name())
                    .raw("</a>");
        }
        h.raw("</strong><br><span class=\"muted small\">")
                .raw(Integer.toString(card.scored()))
                .raw(" of ")
                .raw(Integer.toString(card.total()))
                .raw(" KPIs scored</span></div><div class=\"score\">")
                .t(card.score().isPresent() ? Text.pct(card.score().getAsDouble()) : "\u2014")
                .raw(" ");
        h.chip(b, b.label);
        h.raw("</div></div>");
    }

    private static void furthest(Html h, List<Furthest> furthest) {
        if (furthest.isEmpty()) {
            return;
        }
        h.raw("<h4>Furthest from target</h4>\n<table class=\"bars furthest\"><tbody>");
        for (Furthest f : furthest) {
            h.raw("<tr").attr("data-kpi", f.kpi()).raw("><td>").t(f.name());
            h.raw(" <span class=\"muted small\">").t(f.dimension()).raw("</span></td>");
            h.raw("<td class=\"lbl\">");
            h.chip(BandColour.of(f.score().band()), scoreText(f.score()));
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>\n");
    }

    /** Returns {@code 75% · 66-95 · 3 pts} (or {@code meets target · 95+ · 4 pts}). */
    private static String scoreText(Scored s) {
        String a = s.attainment().isPresent() ? Text.pct(s.attainment().getAsDouble()) : "meets target";
        int points = s.band().points();
        return a + " \u00b7 " + s.band().label() + " \u00b7 " + points + " pt" + (points == 1 ? "" : "s");
    }

    // ---------------------------------------------------------------------------------------------
    // Dimensions

    private static void dimension(Html h, City c, Dimension d) {
        String dim = d.name();
        h.raw("<section class=\"dimension\" id=\"")
                .raw(Html.dimId(c.entity(), dim))
                .raw("\">\n<h3>")
                .t(dim.isEmpty() ? "Other indicators" : dim);
        if (!dim.isEmpty()) {
            BandColour b = BandColour.of(d.band());
            h.raw(" <span class=\"muted\">")
                    .t(d.score().isPresent() ? Text.pct(d.score().getAsDouble()) : "not scored")
                    .raw("</span> ");
            h.chip(b, b.label);
        }
        h.raw(" <span class=\"muted small\">").t(c.entity()).raw(" \u00b7 ").t(c.latestPeriod());
        h.raw("</span></h3>\n");
        bars(h, d);
        table(h, c, d);
        h.raw("</section>\n");
    }

    private static void bars(Html h, Dimension d) {
        h.raw("<h4>Attainment of target per KPI</h4>\n<table class=\"bars\"><thead><tr><th>KPI</th><th>")
                .raw(Charts.barScale())
                .raw("</th><th>Attainment \u00b7 band \u00b7 points</th></tr></thead><tbody>\n");
        for (KpiGroup g : d.groups()) {
            if (!g.title().isEmpty()) {
                h.raw("<tr><td colspan=\"3\"><strong class=\"small\">")
                        .t(g.title())
                        .raw("</strong></td></tr>\n");
            }
            for (KpiEntry e : g.kpis()) {
                KpiRow r = e.own();
                h.raw("<tr").attr("data-kpi", r.kpi()).raw("><td>").t(r.name()).raw(" <span class=\"muted small\">");
                h.t(r.code()).raw("</span></td><td>");
                if (r.score().isPresent()) {
                    Scored s = r.score().get();
                    BandColour b = BandColour.of(s.band());
                    h.raw(Charts.bar(s.attainment(), b, r.name() + ": " + scoreText(s)));
                    h.raw("</td><td class=\"lbl\">");
                    h.chip(b, scoreText(s));
                } else {
                    h.raw("</td><td class=\"lbl muted\">").t(whyNotScored(r));
                }
                h.raw("</td></tr>\n");
            }
        }
        h.raw("</tbody></table>\n");
    }

    private static String whyNotScored(KpiRow r) {
        if (!(r.result() instanceof KpiResult.Value v)) {
            return "not scored: no value (" + r.result().status().replace('_', ' ') + ")";
        }
        if (r.target().isEmpty()) {
            return "not scored: no target";
        }
        // A value and a target but no points: the score is undefined (a zero or negative number).
        return "not scored: " + Text.num(v.value()) + " against target "
                + Text.num(r.target().get().value()) + " has no defined attainment";
    }

    private static void table(Html h, City c, Dimension d) {
        h.raw("<h4>All KPIs</h4>\n<table class=\"kpis\"><thead><tr><th>KPI</th><th class=\"num\">Value</th>")
                .raw("<th>Unit</th><th>Status</th><th class=\"num\">Target</th><th class=\"num\">Attainment</th>")
                .raw("<th>Points</th><th>Source</th></tr></thead><tbody>\n");
        for (KpiGroup g : d.groups()) {
            if (!g.title().isEmpty()) {
                h.raw("<tr><td colspan=\"8\"><strong class=\"small\">")
                        .t(g.title())
                        .raw("</strong></td></tr>\n");
            }
            for (KpiEntry e : g.kpis()) {
                kpiRow(h, c, e.own());
                for (KpiRow p : e.parts()) {
                    kpiRow(h, c, p);
                }
            }
        }
        h.raw("</tbody></table>\n");
    }

    private static void kpiRow(Html h, City c, KpiRow r) {
        KpiResult res = r.result();
        h.raw("<tr").raw(r.part() ? " class=\"part\"" : "");
        h.attr("data-entity", c.entity()).attr("data-period", c.latestPeriod()).attr("data-kpi", r.kpi());
        h.attr("data-status", res.status());
        if (res instanceof KpiResult.Value v) {
            h.attr("data-value", Text.exact(v.value()));
        }
        r.target().ifPresent(tg -> h.attr("data-target", Text.exact(tg.value())));
        Optional<Scored> score = r.score();
        if (score.isPresent() && score.get().attainment().isPresent()) {
            h.attr("data-attainment", Text.exact(score.get().attainment().getAsDouble()));
        }
        if (score.isPresent()) {
            h.attr("data-points", Integer.toString(score.get().band().points()));
        }
        h.raw("><td>");
        h.t(r.name());
        h.raw("<span class=\"code\">").t(r.code());
        if (!r.tier().isEmpty()) {
            h.raw(" \u00b7 ").t(r.tier());
        }
        h.raw("</span>");
        h.raw("</td><td class=\"num\"><details><summary>");
        h.t(res instanceof KpiResult.Value v ? Text.num(v.value()) : "n/a");
        h.raw("</summary>");
        explanation(h, r);
        h.raw("</details></td><td>").t(r.unit()).raw("</td><td");
        if (res instanceof KpiResult.NotAvailable na) {
            h.raw(" class=\"na\">").t(na.cause().word().replace('_', ' '));
            if (!na.detail().isEmpty()) {
                h.raw("<br><span class=\"small\">").t(na.detail()).raw("</span>");
            }
        } else {
            h.raw(">").t(res.status());
        }
        h.raw("</td><td class=\"num\"");
        if (r.target().isPresent()) {
            Target tg = r.target().get();
            String tip = "target" + tg.period().map(p -> " for " + p.label()).orElse("")
                    + (tg.source().isEmpty() ? "" : "; source: " + tg.source());
            h.attr("title", tip).raw(">").t(Text.num(tg.value()));
            if (tg.period().isPresent()) {
                h.raw("<br><span class=\"muted small\">by ")
                        .t(tg.period().get().label())
                        .raw("</span>");
            }
        } else {
            h.raw(">");
        }
        h.raw("</td><td class=\"num\">");
        if (score.isPresent() && score.get().attainment().isPresent()) {
            h.t(Text.pct(score.get().attainment().getAsDouble()));
        } else if (score.isPresent()) {
            h.raw("<span class=\"small\">meets target</span>");
        }
        h.raw("</td><td>");
        if (score.isPresent()) {
            h.chip(
                    BandColour.of(score.get().band()),
                    score.get().band().points() + " \u00b7 "
                            + score.get().band().label());
        }
        h.raw("</td><td>");
        h.source(r.source());
        h.raw("</td></tr>\n");
    }

    private static void explanation(Html h, KpiRow r) {
        h.raw("<div class=\"why\">");
        if (r.result() instanceof KpiResult.Value v) {
            h.raw("<div><strong>Value</strong> ")
                    .t(Text.exact(v.value()))
                    .raw(" ")
                    .t(r.unit())
                    .raw(
                            v.provenance() != KpiResult.Provenance.REPORTED
                                    ? " \u2014 computed from the formula"
                                    : r.reportedAs().equals(r.kpi())
                                                    || r.reportedAs().isEmpty()
                                            ? " \u2014 reported in the data as it is"
                                            : " \u2014 reported in the data as " + r.reportedAs())
                    .raw("</div>");
        } else {
            KpiResult.NotAvailable na = (KpiResult.NotAvailable) r.result();
            h.raw("<div class=\"na\"><strong>No value:</strong> ")
                    .t(na.cause().word().replace('_', ' '))
                    .raw(na.detail().isEmpty() ? "" : " \u2014 ")
                    .t(na.detail())
                    .raw("</div>");
        }
        h.raw("<div><strong>Formula</strong> <code>").t(r.formula()).raw("</code></div>");
        if (!r.inputs().isEmpty()) {
            h.raw("<table><thead><tr><th>Input</th><th>Kind</th><th class=\"num\">Value</th></tr></thead><tbody>");
            for (Input in : r.inputs()) {
                h.raw("<tr><td><code>").t(in.name()).raw("</code>");
                if (!in.description().isEmpty()) {
                    h.raw("<br><span class=\"muted small\">")
                            .t(in.description())
                            .raw("</span>");
                }
                h.raw("</td><td>").t(in.kind().name().toLowerCase(Locale.ROOT));
                h.raw("</td><td class=\"num\">");
                if (in.value().isPresent()) {
                    h.t(Text.exact(in.value().getAsDouble()));
                } else {
                    h.raw("<span class=\"na\">")
                            .t(in.status().replace('_', ' '))
                            .raw("</span>");
                }
                h.raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }
        if (r.target().isPresent() && r.result() instanceof KpiResult.Value v) {
            Target tg = r.target().get();
            h.raw("<div><strong>Score</strong> ");
            Optional<Scored> s = r.score();
            if (s.isPresent() && s.get().attainment().isPresent()) {
                String rule = switch (r.direction()) {
                    case LOWER -> "lower is better: target \u00f7 value \u00d7 100";
                    case HIGHER -> "higher is better: value \u00f7 target \u00d7 100";
                    case TARGET ->
                        "closest to target: the smaller of value \u00f7 target and target \u00f7 value,"
                                + " \u00d7 100";
                };
                h.t(rule + " = " + Text.exact(s.get().attainment().getAsDouble()) + "% \u2192 "
                        + s.get().band().points() + " points (" + s.get().band().label() + ")");
            } else if (s.isPresent()) {
                h.t("a value of 0 where lower is better meets any target \u2192 4 points (95+)");
            } else {
                h.t("not scored: attainment of " + Text.exact(v.value()) + " against " + Text.exact(tg.value())
                        + " is not defined");
            }
            h.raw("; target ").t(Text.exact(tg.value()));
            if (!tg.source().isEmpty()) {
                h.raw(" (source: ").t(tg.source()).raw(")");
            }
            h.raw("</div>");
        }
        if (!r.definition().isEmpty()) {
            h.raw("<div class=\"muted small\">").t(r.definition()).raw("</div>");
        }
        h.raw("</div>");
    }

    // ---------------------------------------------------------------------------------------------
    // Trends and progress

    private static void trends(Html h, City c) {
        h.raw("<section class=\"trends-section\" id=\"trends-")
                .raw(Text.slug(c.entity()))
                .raw("\">\n<h3>Trends</h3>\n");
        h.raw("<p class=\"muted\">Each KPI with values in two or more periods; the dashed line is the target."
                + " \u201cBetter\u201d and \u201cworse\u201d follow the KPI's direction.</p>\n<div class=\"trends\">");
        for (Trend t : c.trends()) {
            h.raw("<figure")
                    .attr("data-kpi", t.kpi())
                    .raw("><figcaption><strong>")
                    .t(t.name())
                    .raw("</strong> ");
            h.t(t.unit().isEmpty() ? "" : "(" + t.unit() + ") ");
            h.raw("<span class=\"").raw(toneClass(t.change().tone)).raw("\">");
            h.t(t.change().words).raw("</span>");
            h.raw("</figcaption>");
            h.raw(Charts.line(t.periods(), t.values(), t.target(), t.name() + " over time"));
            h.raw("</figure>");
        }
        h.raw("</div>\n");
        if (c.trends().isEmpty()) {
            h.raw("<p class=\"muted\">No KPI has values in two or more periods.</p>\n");
        }
        h.raw("</section>\n");
    }

    /** Returns the CSS class that colours a verdict's words (the words are always shown). */
    private static String toneClass(ReportModel.Tone tone) {
        return switch (tone) {
            case GOOD -> "good";
            case BAD -> "bad";
            case MIXED -> "mid";
            case NEUTRAL -> "muted";
        };
    }

    private static void progress(Html h, String entity, Progress p, boolean targetsGiven) {
        ProgressMethod method = p.method();
        h.raw("<section class=\"progress-section\" id=\"progress-")
                .raw(Text.slug(entity))
                .raw("\"")
                .attr("data-method", method.id())
                .raw(">\n<h3>Progress towards targets: ")
                .t(method.kind().title())
                .raw(" method (<code>")
                .t(method.id())
                .raw("</code>)</h3>\n");
        h.raw("<p class=\"muted\">Each KPI with a target, from its base period (2015 unless the target says"
                        + " otherwise, or the first later period with a value) to its latest, towards the target by"
                        + " its target period (2030 unless the target says otherwise). ")
                .t(measureMeaning(method.kind()))
                .raw(" The category is the method's own word; <code>unable_to_assess</code> says why."
                        + " Parameters: <code>")
                .t(method.toString())
                .raw("</code>.</p>\n");
        if (p.lines().isEmpty()) {
            h.raw("<p class=\"muted\">No KPI with a target has a value for this city, so no progress is assessed.")
                    .raw(
                            targetsGiven
                                    ? ""
                                    : " Pass a targets file (<code>--targets</code>) to assess progress towards it.")
                    .raw("</p>\n</section>\n");
            return;
        }
        h.raw("<table class=\"progress\"><thead><tr><th>KPI</th><th>Category</th><th class=\"num\">Measure</th>")
                .raw("<th>Base</th><th>Latest</th><th>Target</th><th>Reason or note</th></tr></thead><tbody>\n");
        for (ProgressLine line : p.lines()) {
            ProgressResult r = line.result();
            h.raw("<tr")
                    .attr("data-kpi", line.kpi())
                    .attr("data-category", r.category().word());
            if (r.measure().isPresent()) {
                h.attr("data-measure", Text.exact(r.measure().getAsDouble()));
            }
            h.raw("><td>").t(line.name()).raw("<span class=\"code\">").t(line.kpi());
            h.raw("</span></td><td><span class=\"")
                    .raw(toneClass(line.tone()))
                    .raw("\">")
                    .t(r.category().word())
                    .raw("</span></td><td class=\"num\">")
                    .t(r.measure().isPresent() ? Text.num(r.measure().getAsDouble()) : "\u2014")
                    .raw("</td><td>");
            observation(h, r.basePeriod().map(x -> x.label()), r.baseValue());
            h.raw("</td><td>");
            observation(h, r.latestPeriod().map(x -> x.label()), r.latestValue());
            h.raw("</td><td>");
            h.t(r.target().isPresent() ? Text.num(r.target().getAsDouble()) : "none")
                    .t(" by ")
                    .t(r.targetPeriod().label());
            h.raw("</td><td>").t(r.reason()).raw("</td></tr>\n");
        }
        h.raw("</tbody></table>\n</section>\n");
    }

    private static void observation(Html h, Optional<String> period, OptionalDouble value) {
        if (period.isEmpty() || value.isEmpty()) {
            h.raw("<span class=\"muted\">\u2014</span>");
        } else {
            h.t(Text.num(value.getAsDouble())).t(" in ").t(period.get());
        }
    }

    /** Returns what the method's measure is, in one sentence. */
    static String measureMeaning(ProgressMethod.Kind kind) {
        return switch (kind) {
            case EUROSTAT, STATCAN ->
                "Measure: the observed compound annual growth rate divided by the rate needed to"
                        + " reach the target (1 = on pace).";
            case UNSD ->
                "Measure: the change the current growth rate would make by the target period, as a share of"
                        + " the change needed (1 = target reached).";
            case ESCAP_CURRENT_STATUS ->
                "Measure: the share of the way from the base value to the target covered so"
                        + " far, compared with the share of the time elapsed.";
            case ESCAP_ANTICIPATED ->
                "Measure: the gap the projected trend would leave at the target period, as a"
                        + " share of the change needed (0 or less = target reached).";
            case SDSN ->
                "Measure: the observed linear annual change divided by the change needed each year to reach"
                        + " the target (1 = on pace).";
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Data quality

    private static void quality(Html h, City c) {
        String entity = c.entity();
        h.raw("<section class=\"dq\" id=\"dq-")
                .raw(Text.slug(entity))
                .raw("\">\n<h3>Data quality: ")
                .t(entity);
        h.raw(" <span class=\"muted small\">").t(c.latestPeriod()).raw("</span></h3>\n");
        h.raw("<h4>Coverage per category</h4>\n<table class=\"coverage\"><thead><tr><th>Dimension \u00b7 category</th>")
                .raw("<th class=\"num\">KPIs</th><th class=\"num\">With a value</th><th class=\"num\">Scored</th>")
                .raw("<th>Share with a value</th></tr></thead><tbody>\n");
        for (Coverage cov : c.coverage()) {
            h.raw("<tr><td>").t(cov.group()).raw("</td><td class=\"num\">").raw(Integer.toString(cov.kpis()));
            h.raw("</td><td class=\"num\">")
                    .raw(Integer.toString(cov.withValue()))
                    .raw("</td><td class=\"num\">");
            h.raw(Integer.toString(cov.scored())).raw("</td><td>");
            h.raw(Charts.share(
                    cov.withValue(),
                    cov.kpis(),
                    cov.group() + ": " + cov.withValue() + " of " + cov.kpis() + " KPIs with a value"));
            h.raw(" <span class=\"small\">")
                    .raw(Integer.toString(Math.round(100f * cov.withValue() / cov.kpis())))
                    .raw("%</span>");
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody></table>\n");
        if (!c.observations().isEmpty()) {
            capture(h, c.observations());
        }
        h.raw("<h4>KPIs without a value, and what they need</h4>\n");
        if (c.missing().isEmpty()) {
            h.raw("<p>Every KPI has a value.</p>\n");
        } else {
            h.raw(
                            "<table class=\"missing\"><thead><tr><th>KPI</th><th>Why no value</th><th>Missing inputs or detail</th>")
                    .raw("</tr></thead><tbody>\n");
            for (Missing x : c.missing()) {
                missing(h, x);
            }
            h.raw("</tbody></table>\n");
        }
        h.raw("<h4>Plausibility checks that do not hold</h4>\n");
        if (c.violations().isEmpty()) {
            h.raw("<p>All plausibility checks of the catalog hold (or lack the inputs to be checked).</p>\n");
        } else {
            h.raw(
                            "<table class=\"violations\"><thead><tr><th>Period</th><th>Severity</th><th>Check</th><th>Values</th>")
                    .raw("<th>Source</th></tr></thead><tbody>\n");
            for (RuleViolation v : c.violations()) {
                h.raw("<tr><td>")
                        .t(v.period().label())
                        .raw("</td><td>")
                        .t(v.rule().severity().word());
                h.raw("</td><td>")
                        .t(v.rule().description())
                        .raw("<br><code>")
                        .t(v.rule().checkText());
                h.raw("</code></td><td><code>").t(v.inputs()).raw("</code></td><td>");
                h.source(v.rule().source());
                h.raw("</td></tr>\n");
            }
            h.raw("</tbody></table>\n");
        }
        h.raw("</section>\n");
    }

    /**
     * Writes the data capture of the monitoring stations behind each value made from sensor
     * readings: one row per station (or one for a station's own value), its capture against the
     * calendar, and whether the value used it.
     */
    private static void capture(Html h, List<RollupProvenance> rollups) {
        h.raw("<h4>Data capture of monitoring stations</h4>\n")
                .raw("<table class=\"capture\"><thead><tr><th>Variable</th><th>Period</th><th>Statistic</th>")
                .raw("<th>Station</th><th class=\"num\">Capture</th><th>Used</th></tr></thead><tbody>\n");
        for (RollupProvenance p : rollups) {
            String what = p.statistic() + " of " + p.property();
            if (p.stations().isEmpty()) {
                captureRow(
                        h,
                        p,
                        what,
                        p.entity(),
                        p.nValid(),
                        p.nExpected(),
                        p.value().isPresent(),
                        p.detail());
            }
            for (RollupResult.Contribution s : p.stations()) {
                captureRow(h, p, what, s.station(), s.nValid(), s.nExpected(), s.used(), s.detail());
            }
        }
        h.raw("</tbody></table>\n");
    }

    private static void captureRow(
            Html h,
            RollupProvenance p,
            String what,
            String station,
            long valid,
            long expected,
            boolean used,
            String detail) {
        h.raw("<tr><td><code>")
                .t(p.variable())
                .raw("</code></td><td>")
                .t(p.period().label());
        h.raw("</td><td>").t(what).raw("</td><td>").t(station).raw("</td><td class=\"num\">");
        // tenths of a percent, cut (not rounded) as the roll-up's own details are: 89.99 % is not 90 %
        long tenths = expected == 0 ? 0 : valid * 1000 / expected;
        h.t(expected == 0 ? "-" : tenths / 10 + "." + tenths % 10 + " %");
        h.raw(" <span class=\"small muted\">").t(valid + " / " + expected).raw("</span></td><td>");
        h.t(used ? "yes" : "no" + (detail.isEmpty() ? "" : ": " + detail)).raw("</td></tr>\n");
    }

    private static void missing(Html h, Missing x) {
        KpiResult.NotAvailable na = x.result();
        List<String> need = new ArrayList<>();
        for (Explanation.Input in : x.lacking()) {
            need.add(in.name() + (in.kind() == Explanation.Kind.INDICATOR ? " (" + in.status() + ")" : ""));
        }
        h.raw("<tr").attr("data-kpi", x.kpi()).raw("><td>");
        h.t(x.name()).raw("<span class=\"code\">").t(x.kpi());
        h.raw("</span></td><td class=\"na\">").t(na.cause().word().replace('_', ' '));
        h.raw("</td><td>");
        if (!need.isEmpty() && na.cause() == KpiResult.Cause.MISSING_INPUT) {
            for (int k = 0; k < need.size(); k++) {
                h.raw(k == 0 ? "" : ", ").raw("<code>").t(need.get(k)).raw("</code>");
            }
        } else {
            h.t(na.detail());
        }
        h.raw("</td></tr>\n");
    }
}
