package org.citykpi.report;

import org.citykpi.report.ReportModel.City;

/**
 * Writes the whole page from a {@link ReportModel}: head and styles, contents, band legend, the
 * comparison ({@link ComparisonView}), each city ({@link CityView}), the data account and how to
 * read the report. Writes only; every number and verdict comes from the model. Not thread-safe;
 * one per rendering.
 */
final class HtmlPage {
    private final ReportModel model;
    private final Html h = new Html();

    private HtmlPage(ReportModel model) {
        this.model = model;
    }

    /** Returns the page of {@code model}. */
    static String write(ReportModel model) {
        HtmlPage p = new HtmlPage(model);
        p.page();
        return p.h.toString();
    }

    private boolean multi() {
        return model.comparison().isPresent();
    }

    private void page() {
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta name=\"generator\" content=\"CityKPI\">\n<title>")
                .t(model.title())
                .raw("</title>\n<style>\n")
                .raw(Style.CSS)
                .raw("\n</style>\n</head>\n<body>\n<header class=\"top\"><h1>")
                .t(model.title())
                .raw("</h1><p>")
                .t(subtitle())
                .raw("</p></header>\n<main>\n");
        toc();
        legend();
        if (model.cities().isEmpty()) {
            h.raw("<p class=\"note\">The data holds no entity and period, so there is nothing to report."
                    + " Check the data account below.</p>\n");
        }
        model.comparison().ifPresent(c -> ComparisonView.write(h, c));
        for (City c : model.cities()) {
            CityView.write(h, c, model.targetCount() > 0);
        }
        account();
        method();
        h.raw("<footer>Made with CityKPI from catalog ")
                .t(model.catalogId())
                .raw(" version ")
                .t(model.catalogVersion())
                .raw(". Every number can be traced: open a value to see its formula and inputs.</footer>\n");
        h.raw("</main>\n</body>\n</html>\n");
    }

    private String subtitle() {
        StringBuilder s = new StringBuilder();
        int n = model.cities().size();
        s.append(n == 1 ? model.cities().get(0).entity() : n + " cities");
        s.append(" \u00b7 catalog ")
                .append(model.catalogId())
                .append(' ')
                .append(model.catalogVersion())
                .append(" (")
                .append(model.kpiCount())
                .append(" KPIs)");
        s.append(" \u00b7 ").append(model.targetCount()).append(model.targetCount() == 1 ? " target" : " targets");
        if (!model.sources().isEmpty()) {
            s.append(" \u00b7 data: ").append(String.join(", ", model.sources()));
        }
        return s.toString();
    }

    private void toc() {
        h.raw("<nav class=\"toc\" aria-label=\"Contents\">");
        if (multi()) {
            h.raw("<a href=\"#compare\">Comparison of cities</a>");
        }
        for (City c : model.cities()) {
            String e = c.entity();
            h.raw("<a href=\"#").raw(Html.cityId(e)).raw("\">").t(e).raw(": summary</a>");
            if (!multi()) {
                for (ReportModel.Dimension d : c.dimensions()) {
                    h.raw("<a href=\"#")
                            .raw(Html.dimId(e, d.name()))
                            .raw("\">")
                            .t(d.name().isEmpty() ? "Other indicators" : d.name())
                            .raw("</a>");
                }
                if (c.progress().isPresent()) {
                    h.raw("<a href=\"#trends-").raw(Text.slug(e)).raw("\">Trends</a>");
                    h.raw("<a href=\"#progress-").raw(Text.slug(e)).raw("\">Progress towards targets</a>");
                }
                h.raw("<a href=\"#dq-").raw(Text.slug(e)).raw("\">Data quality</a>");
            }
        }
        h.raw("<a href=\"#quality\">Data account</a><a href=\"#method\">How to read this report</a></nav>\n");
    }

    private void legend() {
        h.raw("<div class=\"legend\"><strong>U4SSC bands</strong> (attainment of target, or a group's score):");
        for (BandColour b : BandColour.values()) {
            h.chip(b, b.label);
        }
        h.raw("<span class=\"muted small\">points 1, 2, 3, 4 for 0-33, 33-66, 66-95, 95+</span></div>\n");
    }

    private void account() {
        ReportModel.Account account = model.account();
        DataAccount a = account.data();
        h.raw("<section id=\"quality\">\n<h2>Data account</h2>\n");
        if (!a.counted()) {
            h.raw("<p>The data was built in code, not read from files: there is no row account.</p>\n");
        } else {
            h.raw("<div class=\"cards\">");
            h.card((int) Math.min(Integer.MAX_VALUE, a.rowsRead()), "rows read");
            h.card((int) Math.min(Integer.MAX_VALUE, a.rowsAccepted()), "rows accepted");
            h.card((int) Math.min(Integer.MAX_VALUE, a.rowsRejected()), "rows rejected");
            h.raw("</div>\n");
            if (!a.sources().isEmpty()) {
                h.raw("<p>Files: ");
                for (int k = 0; k < a.sources().size(); k++) {
                    h.raw(k == 0 ? "" : ", ")
                            .raw("<code>")
                            .t(a.sources().get(k))
                            .raw("</code>");
                }
                h.raw("</p>\n");
            }
        }
        if (a.problems().isEmpty()) {
            h.raw("<p>No problem was found while reading the data.</p>\n");
        } else {
            h.raw("<h3>Problems found while reading (")
                    .raw(Integer.toString(a.problems().size()))
                    .raw(", of which ")
                    .raw(Integer.toString(account.errors()))
                    .raw(" rejected a row or a value)</h3>\n<ul class=\"problems\">");
            for (String p : a.problems()) {
                h.raw("<li>").t(p).raw("</li>");
            }
            h.raw("</ul>\n");
        }
        if (a.problemsOmitted() > 0) {
            h.raw("<p>").raw(Long.toString(a.problemsOmitted())).raw(" more problems were found and not kept.</p>\n");
        }
        int warnings = account.violations();
        h.raw("<p>Plausibility checks that do not hold, over all cities and periods: ")
                .raw(Integer.toString(warnings))
                .raw(warnings == 0 ? "." : " (listed under each city's data quality).")
                .raw("</p>\n</section>\n");
    }

    private void method() {
        h.raw("<section id=\"method\">\n<h2>How to read this report</h2>\n<ul>");
        h.raw(
                "<li><strong>Attainment</strong> = value \u00f7 target \u00d7 100 where higher is better; target \u00f7 value"
                        + " \u00d7 100 where lower is better (our documented assumption: U4SSC publishes the higher-is-better"
                        + " form only); for a KPI with a target band, the smaller of the two ratios \u00d7 100.</li>");
        h.raw("<li><strong>Points</strong> 1, 2, 3, 4 for attainment in 0-33, 33-66, 66-95 and 95+ percent"
                + " (U4SSC verification reports).</li>");
        h.raw(
                "<li>A <strong>group</strong> (category, sub-dimension, dimension) scores its points \u00f7 (4 \u00d7 KPIs"
                        + " scored), banded the same way; <strong>overall</strong> does the same over every KPI scored."
                        + " KPIs without a value or a target are left out and counted.</li>");
        h.raw("<li><strong>Reported</strong>: the data holds the KPI's value or at least one of its inputs;"
                + " <strong>with a value</strong>: computed or reported; <strong>scored</strong>: a value and a"
                + " target gave points.</li>");
        h.raw("<li>Click a value in the tables to see its formula, every input with its value, and how it was"
                + " scored. Values in the text are rounded; the explanation shows them exactly.</li>");
        h.raw("</ul>\n</section>\n");
    }
}
