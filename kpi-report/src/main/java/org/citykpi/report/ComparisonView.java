package org.citykpi.report;

import org.citykpi.report.ReportModel.Comparison;
import org.citykpi.report.ReportModel.HeatBlock;
import org.citykpi.report.ReportModel.HeatCell;
import org.citykpi.report.ReportModel.HeatRow;
import org.citykpi.report.ReportModel.Multiple;
import org.citykpi.report.ReportModel.RankCell;
import org.citykpi.report.ReportModel.Ranked;

/**
 * Writes the comparison of several cities from its {@link Comparison} model: the ranking per
 * dimension, the small radars and the heat table of every KPI, city by city. Writes only: the ranks
 * and the order come from the model. Stateless; thread-safe.
 */
final class ComparisonView {
    private ComparisonView() {}

    /** Writes {@code c}. */
    static void write(Html h, Comparison c) {
        h.raw("<section id=\"compare\">\n<h2>Comparison of ")
                .raw(Integer.toString(c.ranking().size()))
                .raw(" cities</h2>\n");
        h.raw("<p class=\"muted\">Each city at its latest period. Ranks: 1 is the highest score; equal scores share a"
                + " rank; cities without a score are not ranked.</p>\n");
        ranking(h, c);
        h.raw("<h3>Sub-dimension scores, city by city</h3>\n<div class=\"multiples\">");
        for (Multiple m : c.multiples()) {
            h.raw("<figure")
                    .attr("data-entity", m.entity())
                    .raw("><figcaption>")
                    .t(m.entity())
                    .raw(" ");
            BandColour b = BandColour.of(m.band());
            h.chip(b, m.overall().isPresent() ? Text.pct(m.overall().getAsDouble()) + " \u00b7 " + b.label : b.label);
            h.raw("</figcaption>");
            h.raw(Charts.radar(m.axes(), 320, false, "Sub-dimension scores of " + m.entity()));
            h.raw("</figure>");
        }
        h.raw("</div>\n");
        heat(h, c);
    }

    private static void ranking(Html h, Comparison c) {
        h.raw("<h3>Ranking per dimension</h3>\n<table class=\"ranking\"><thead><tr><th>City</th><th>Period</th>");
        h.raw("<th>Overall</th>");
        for (String d : c.dimensions()) {
            h.raw("<th>").t(d).raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (Ranked r : c.ranking()) {
            h.raw("<tr")
                    .attr("data-entity", r.entity())
                    .raw("><td><a href=\"#")
                    .raw(Html.cityId(r.entity()))
                    .raw("\">")
                    .t(r.entity());
            h.raw("</a></td><td>").t(r.period()).raw("</td>");
            for (RankCell cell : r.cells()) {
                h.raw("<td").attr("data-group", cell.group().isEmpty() ? "overall" : cell.group());
                if (cell.rank().isPresent()) {
                    h.attr("data-rank", Integer.toString(cell.rank().getAsInt()));
                }
                h.raw(">");
                if (cell.score().isPresent()) {
                    h.raw("<strong>#")
                            .raw(Integer.toString(cell.rank().getAsInt()))
                            .raw("</strong> ")
                            .t(Text.pct(cell.score().getAsDouble()))
                            .raw(" ");
                    BandColour b = BandColour.of(cell.band());
                    h.chip(b, b.label);
                } else {
                    h.raw("<span class=\"muted\">not scored</span>");
                }
                h.raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table>\n");
    }

    private static void heat(Html h, Comparison c) {
        h.raw("<h3>Every KPI, city by city</h3>\n<p class=\"muted\">Cell colour and the small label give the U4SSC band"
                + " of the KPI's attainment; grey cells are not scored; n/a means no value.</p>\n");
        h.raw("<table class=\"heat\"><thead><tr><th>KPI</th>");
        for (Ranked r : c.ranking()) {
            h.raw("<th>").t(r.entity()).raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (HeatBlock block : c.heat()) {
            h.raw("<tr><td colspan=\"")
                    .raw(Integer.toString(c.ranking().size() + 1))
                    .raw("\"><strong>");
            h.t(block.dimension().isEmpty() ? "Other indicators" : block.dimension())
                    .raw("</strong></td></tr>\n");
            for (HeatRow row : block.rows()) {
                h.raw("<tr")
                        .attr("data-kpi", row.kpi())
                        .raw("><td>")
                        .t(row.name())
                        .raw("<span class=\"code\">");
                h.t(row.code()).raw("</span></td>");
                for (HeatCell cell : row.cells()) {
                    BandColour b = BandColour.of(cell.band());
                    h.raw("<td class=\"").raw(b.css()).raw("\"").attr("data-entity", cell.entity());
                    if (cell.value().isPresent()) {
                        h.attr("data-value", Text.exact(cell.value().getAsDouble()));
                    }
                    if (cell.band().isPresent()) {
                        h.attr("data-points", Integer.toString(cell.band().get().points()));
                    }
                    h.raw(">");
                    h.t(cell.value().isPresent() ? Text.num(cell.value().getAsDouble()) : "n/a");
                    if (cell.band().isPresent()) {
                        h.raw("<small>").t(b.label).raw("</small>");
                    }
                    h.raw("</td>");
                }
                h.raw("</tr>\n");
            }
        }
        h.raw("</tbody></table>\n</section>\n");
    }
}
