package org.citykpi.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;

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
 * {@link ReportInput#scores()} (the {@code compute} output): rounded for reading in the text, and
 * exact (as {@code compute} writes them) in {@code data-value}, {@code data-target}, {@code
 * data-attainment} and {@code data-points} attributes of each table row and in each value's
 * explanation. All text from the catalog, the data and the caller is HTML-escaped. Output is
 * deterministic: the same input gives the same bytes.
 *
 * <p>Rendering is split by concern: a {@link ReportModel} is computed once from the input (group
 * scores and bands, ranks, progress, summaries, explanations), then views write it without
 * computing or looking anything up. Stateless and thread-safe.
 */
public final class HtmlReport {
    private HtmlReport() {}

    /**
     * Writes the report for {@code input} to {@code out} (flushed, not closed).
     *
     * @param input what the report shows
     * @param out where the HTML document goes; it should encode UTF-8, the charset the document
     *     declares
     * @throws IOException if writing fails
     */
    public static void render(ReportInput input, Writer out) throws IOException {
        requireNonNull(input, "input");
        requireNonNull(out, "out");
        out.write(render(input));
        out.flush();
    }

    /**
     * Returns the report for {@code input} as a string.
     *
     * @param input what the report shows
     * @return the whole HTML document, the same text for the same input
     */
    public static String render(ReportInput input) {
        requireNonNull(input, "input");
        return HtmlPage.write(ReportModel.of(input));
    }
}
