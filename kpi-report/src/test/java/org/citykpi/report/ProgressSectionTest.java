package org.citykpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.citykpi.Period;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report's progress section on the worked example of {@code
 * docs/reference/progress-methods.md} §5.6: PM2.5, lower is better, 20 in 2015 and 16 in 2022, target 10 (the fixture's
 * PM25 target, no period given, so due 2030). The city is {@link Fixture#ODD_CITY}, whose name
 * needs escaping; it also reports R&amp;D expenditure 0.9 in 2022 only (target 3, higher is better),
 * a series too short to assess. {@link Fixture#CITY} has a single period, 2022.
 */
class ProgressSectionTest {
    private static Results results() {
        Dataset.Builder b = Dataset.builder();
        b.row(Fixture.ODD_CITY, Period.year(2015));
        b.add(Fixture.ODD_CITY, Period.year(2015), "PM25", 20);
        b.row(Fixture.ODD_CITY, Period.year(2022));
        b.add(Fixture.ODD_CITY, Period.year(2022), "PM25", 16);
        b.add(Fixture.ODD_CITY, Period.year(2022), "RND", 0.9);
        b.row(Fixture.CITY, Period.year(2022));
        b.add(Fixture.CITY, Period.year(2022), "PM25", 12);
        return Engine.create(Fixture.catalog()).evaluate(b.build());
    }

    private static String render(ProgressMethod method) {
        return HtmlReport.render(ReportInput.of(results(), Fixture.targets()).withProgress(method));
    }

    /** Returns the attributes of the progress table row of {@code kpi}. */
    private static Map<String, String> row(String html, String kpi) {
        for (Map<String, String> a : HtmlReportTest.tags(html, "tr", "data-category")) {
            if (a.get("data-kpi").equals(kpi)) {
                return a;
            }
        }
        return null;
    }

    /** Returns the text of the progress section of {@code entity}. */
    private static String section(String html, String entity) {
        int from = html.indexOf("id=\"progress-" + Text.slug(entity) + "\"");
        assertTrue(from >= 0, "no progress section for " + entity);
        return html.substring(from, html.indexOf("</section>", from));
    }

    @Test
    void defaultIsStatisticsCanadaAccelerationNeeded() {
        String html = HtmlReport.render(ReportInput.of(results(), Fixture.targets()));
        HtmlReportTest.assertBalanced(html);
        String s = section(html, Fixture.ODD_CITY);
        assertTrue(s.contains("data-method=\"statcan\""), s);
        assertTrue(s.contains("Progress towards targets: Statistics Canada / Open SDG method"), s);
        Map<String, String> pm = row(html, "PM25");
        assertNotNull(pm, "PM25 row");
        // R = CAGRa / |CAGRr| with the sign for lower-is-better: CAGRa = 0.8^(1/7) − 1 = −0.0313749,
        // CAGRr = 0.5^(1/15) − 1 = −0.0451584, R = 0.0313749 / 0.0451584 = 0.6947748 (worked example §5.6:
        // 0.695) → [0.60, 0.95) acceleration_needed.
        assertEquals("acceleration_needed", pm.get("data-category"));
        assertEquals(0.6947747659, Double.parseDouble(pm.get("data-measure")), 1e-9);
        // Shown in words, rounded (3 significant digits below 1), with base, latest and target.
        assertTrue(s.contains(">acceleration_needed</span>"), s);
        assertTrue(s.contains(">0.695<"), s);
        assertTrue(s.contains("20 in 2015"), s);
        assertTrue(s.contains("16 in 2022"), s);
        assertTrue(s.contains("10 by 2030"), s);
        assertTrue(s.contains("<table class=\"progress\">"), s);
    }

    @Test
    void aSeriesTooShortSaysWhy() {
        String html = render(ProgressMethod.StatCan.defaults());
        Map<String, String> rnd = row(html, "RND");
        assertNotNull(rnd, "RND row");
        assertEquals("unable_to_assess", rnd.get("data-category"));
        assertFalse(rnd.containsKey("data-measure"), "no measure without an assessment");
        String s = section(html, Fixture.ODD_CITY);
        assertTrue(s.contains("only one observation"), s);
        // KPIs with a target but no value (NET, GENDER, …) and KPIs without a target (LIFE) give no row;
        // rows follow the catalog (RND in Economy comes before PM25 in Environment).
        assertEquals(
                List.of("RND", "PM25"),
                HtmlReportTest.tags(s, "tr", "data-category").stream()
                        .map(a -> a.get("data-kpi"))
                        .toList());
    }

    @Test
    void aCityWithOnePeriodHasNoProgressSection() {
        String html = render(ProgressMethod.StatCan.defaults());
        assertFalse(html.contains("id=\"progress-" + Text.slug(Fixture.CITY) + "\""), "single period");
        String single = HtmlReport.render(ReportInput.of(
                Engine.create(Fixture.catalog()).evaluate(Fixture.data().sliceEntities(List.of(Fixture.ODD_CITY))),
                Fixture.targets()));
        assertFalse(single.contains("Progress towards targets"), "one city, one period: no section, no link");
    }

    @Test
    void withoutTargetsTheSectionSaysSo() {
        String html = HtmlReport.render(ReportInput.of(results(), org.citykpi.assess.TargetSet.empty()));
        String s = section(html, Fixture.ODD_CITY);
        assertTrue(s.contains("No KPI with a target has a value for this city"), s);
        assertTrue(s.contains("<code>--targets</code>"), s);
        assertTrue(HtmlReportTest.tags(s, "tr", "data-category").isEmpty(), s);
    }

    /** Categories of the worked example as §5.6 gives them, method by method. */
    @ParameterizedTest
    @CsvSource({
        "eurostat, moderate_progress, Eurostat (EU SDG monitoring)", // R = 0.695 in [0.60, 0.95)
        "unsd, fair_progress, UNSD SDG Progress Chart", // 0.760 in [0.10, 0.95)
        "escap-cs, behind, UN ESCAP current status", // 0.400 below the expected 7/15 = 0.467
        "escap-ap, accelerate, UN ESCAP anticipated progress", // gap 0.143 in (0, 1]
        "sdsn, moderately_improving, SDSN trend arrows" // (4/7) / (10/15) = 0.857 in [0.5, 1)
    })
    void theChosenMethodIsNamedAndUsed(String id, String category, String name) {
        String html = render(ProgressMethod.parse(id));
        String s = section(html, Fixture.ODD_CITY);
        assertTrue(s.contains("data-method=\"" + id + "\""), s);
        assertTrue(s.contains("Progress towards targets: " + name + " method (<code>" + id + "</code>)"), s);
        assertEquals(category, row(html, "PM25").get("data-category"));
        assertTrue(s.contains(">" + category + "</span>"), s);
    }
}
