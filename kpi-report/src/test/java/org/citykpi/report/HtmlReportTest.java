package org.citykpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citykpi.Numbers;
import org.citykpi.assess.TargetSet;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Results;
import org.citykpi.score.ScoredResult;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "input", "link", "col", "wbr");

    static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Returns the attributes of every start tag {@code name} that has attribute {@code must}. */
    static List<Map<String, String>> tags(String html, String name, String must) {
        List<Map<String, String>> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            if (!m.group(1).isEmpty() || !m.group(2).equals(name)) {
                continue;
            }
            Map<String, String> a = new LinkedHashMap<>();
            Matcher am = ATTR.matcher(m.group(3));
            while (am.find()) {
                a.put(am.group(1), unescape(am.group(2)));
            }
            if (a.containsKey(must)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Checks that every non-void element is closed in order (the report writes no stray '<'). */
    static void assertBalanced(String html) {
        Deque<String> open = new ArrayDeque<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            if (VOID.contains(name) || m.group(3).endsWith("/")) {
                continue;
            }
            if (m.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertFalse(open.isEmpty(), "closing </" + name + "> with nothing open at " + m.start());
                assertEquals(open.pop(), name, "mismatched close at offset " + m.start());
            }
        }
        assertTrue(open.isEmpty(), "unclosed elements: " + open);
        // A '<' not starting a tag or a comment means unescaped text.
        Matcher lt = Pattern.compile("<(?![a-zA-Z/!])").matcher(html);
        assertFalse(
                lt.find(),
                () -> "stray '<' at " + html.substring(lt.start(), Math.min(html.length(), lt.start() + 40)));
    }

    @Test
    void everyIndicatorAndPartIsNamedAndHasATableRow() {
        Results r = Fixture.results();
        String html = HtmlReport.render(Fixture.input(r));
        for (Indicator i : r.catalog().indicators()) {
            assertTrue(html.contains(Text.esc(i.name())), i.id());
        }
        List<Map<String, String>> rows = tags(html, "tr", "data-period");
        for (String e : List.of(Fixture.CITY, Fixture.ODD_CITY)) {
            for (String out : r.outputs()) {
                long n = rows.stream()
                        .filter(a -> a.get("data-entity").equals(e)
                                && a.get("data-kpi").equals(out))
                        .count();
                assertEquals(1, n, e + " " + out);
            }
        }
        // 2 cities × 16 outputs (13 indicators + COV's 2 parts + ... ) rows, one per output and city.
        assertEquals(2 * r.outputs().size(), rows.size());
    }

    @Test
    void tableNumbersAreTheScoringRecordsExactly() {
        Results r = Fixture.results();
        ReportInput in = Fixture.input(r);
        String html = HtmlReport.render(in);
        Map<String, ScoredResult> byKey = new HashMap<>();
        for (ScoredResult rec : in.scores().cells()) {
            byKey.put(rec.entity() + "|" + rec.period().label() + "|" + rec.kpi(), rec);
        }
        int checked = 0;
        for (Map<String, String> a : tags(html, "tr", "data-period")) {
            ScoredResult rec = byKey.get(a.get("data-entity") + "|" + a.get("data-period") + "|" + a.get("data-kpi"));
            assertNotNull(rec, a.toString());
            assertEquals(rec.result().status(), a.get("data-status"));
            if (rec.result() instanceof KpiResult.Value v) {
                assertEquals(v.value(), Double.parseDouble(a.get("data-value")), 0.0, rec.kpi());
            } else {
                assertFalse(a.containsKey("data-value"));
            }
            assertEquals(rec.target().isPresent(), a.containsKey("data-target"));
            rec.target().ifPresent(t -> assertEquals(t.value(), Double.parseDouble(a.get("data-target")), 0.0));
            assertEquals(rec.attainment().isPresent(), a.containsKey("data-attainment"), rec.kpi());
            if (rec.attainment().isPresent()) {
                assertEquals(rec.attainment().getAsDouble(), Double.parseDouble(a.get("data-attainment")), 0.0);
            }
            assertEquals(
                    rec.points().isPresent() ? Integer.toString(rec.points().getAsInt()) : null, a.get("data-points"));
            checked++;
        }
        assertTrue(checked > 0);
        // Hand check (Fixture comment): Karmøy 2022 GREEN = 100000 × 12 / 41000 = 29.26829268…; 58.5 % of 50 → 2.
        Map<String, String> green = tags(html, "tr", "data-period").stream()
                .filter(a -> a.get("data-entity").equals(Fixture.CITY)
                        && a.get("data-kpi").equals("GREEN"))
                .findFirst()
                .orElseThrow();
        assertEquals(100000.0 * 12 / 41000, Double.parseDouble(green.get("data-value")), 1e-12);
        assertEquals(100 * (100000.0 * 12 / 41000) / 50, Double.parseDouble(green.get("data-attainment")), 1e-12);
        assertEquals("2", green.get("data-points"));
    }

    @Test
    void summaryShowsHandCountedKpisAndBands() {
        String html = HtmlReport.render(Fixture.input(Fixture.singleCity()));
        // Karmøy 2022 (Fixture): 13 indicators; 12 with a value (SCHOOL lacks both inputs, so it is
        // not reported either); 10 scored (LIFE has no target, SCHOOL no value).
        assertTrue(html.contains("<div class=\"n\">13</div><div class=\"l\">KPIs in the catalog"), "total");
        assertTrue(html.contains("<div class=\"n\">12</div><div class=\"l\">KPIs reported"), "reported");
        assertTrue(html.contains("<div class=\"n\">12</div><div class=\"l\">KPIs with a value"), "values");
        assertTrue(html.contains("<div class=\"n\">10</div><div class=\"l\">KPIs scored"), "scored");
        // Points: NET 4, BB 4, COV 4 (4G 39000/41000 = 95.1 %), UNEMP 4, RND 1 → Economy 17/20 = 85 %;
        // PM25 2, GREEN 2, RENEW 3 → Environment 7/12 = 58.3 %; CRIME 3, GENDER 3 → Society 6/8 = 75 %;
        // overall 30/40 = 75 %.
        assertTrue(html.matches("(?s).*Overall</strong>.*?75% <span class=\"chip b3\">66-95</span>.*"), "overall");
        assertTrue(html.matches("(?s).*>Economy</a></strong>.*?85% <span class=\"chip b3\">66-95</span>.*"), "economy");
        assertTrue(html.matches("(?s).*>Environment</a></strong>.*?58.3% <span class=\"chip b2\">33-66</span>.*"));
        assertTrue(
                html.matches("(?s).*>Society and Culture</a></strong>.*?75% <span class=\"chip b3\">66-95</span>.*"));
        for (String band : List.of("0-33", "33-66", "66-95", "95+")) {
            assertTrue(html.contains(">" + band + "</span>"), band);
        }
        assertTrue(html.contains("<svg class=\"radar\""));
        // Furthest from target, lowest attainment first: RND 0.9 of 3 = 30 %, then PM25 10 / 20 = 50 %,
        // GREEN 58.5 %; KPIs at 95+ are not listed.
        int f = html.indexOf("<h4>Furthest from target</h4>");
        String list = html.substring(f, html.indexOf("</table>", f));
        assertTrue(list.indexOf("data-kpi=\"RND\"") < list.indexOf("data-kpi=\"PM25\""), list);
        assertTrue(list.indexOf("data-kpi=\"PM25\"") < list.indexOf("data-kpi=\"GREEN\""), list);
        assertTrue(list.contains("30% \u00b7 0-33 \u00b7 1 pt"), list);
        assertFalse(list.contains("data-kpi=\"NET\""), list);
        assertFalse(html.contains("id=\"compare\""), "one city: no comparison");
        assertTrue(html.contains("id=\"trends-"), "three periods: trends");
        // NET rose from 80 to 90 where higher is better.
        assertTrue(html.matches("(?s).*data-kpi=\"NET\"><figcaption>.*?better \u25b2.*"), "NET trend verdict");
    }

    @Test
    void namesWithMarkupQuotesAndAmpersandsAreEscaped() {
        String html = HtmlReport.render(Fixture.input(Fixture.results()));
        assertBalanced(html);
        for (String raw : List.of(
                Fixture.ODD_NAME,
                Fixture.ODD_CITY,
                "<Karmøy>",
                "<Pilot>",
                "<Subscriptions>",
                "<raw>",
                "Plan <2030>",
                "data <1>.csv",
                "internet & more",
                "kpi=1&page")) {
            assertFalse(html.contains(raw), raw);
        }
        assertTrue(html.contains(Text.esc(Fixture.ODD_NAME)));
        assertTrue(html.contains(Text.esc(Fixture.ODD_CITY)));
        assertTrue(html.contains("<title>Report for &lt;Karmøy&gt; &amp; &quot;friends&quot;</title>"));
        assertTrue(html.contains("href=\"https://example.org/u4ssc?kpi=1&amp;page=33\""));
        assertTrue(html.contains("Plan &lt;2030&gt; &amp; &quot;beyond&quot;"), "target source");
    }

    @Test
    void noExternalAssetsAndNoScript() {
        String html = HtmlReport.render(Fixture.input(Fixture.results()));
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        for (String bad :
                List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src=")) {
            assertFalse(lower.contains(bad), bad);
        }
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            Matcher am = ATTR.matcher(m.group(3));
            while (am.find()) {
                if (am.group(1).equals("href")) {
                    // Links to methodology sources are fine (a reader follows them); assets would not be.
                    assertTrue(m.group(2).equals("a"), "href on <" + m.group(2) + ">");
                    assertTrue(am.group(2).startsWith("#") || am.group(2).startsWith("https://"), am.group(2));
                }
            }
        }
        assertTrue(html.contains("<style>"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("break-before:page"));
    }

    @Test
    void valuesExpandToFormulaAndInputs() {
        String html = HtmlReport.render(Fixture.input(Fixture.singleCity()));
        // GREEN 2022: formula and both inputs with their values (Fixture: green_ha 12, pop 41000).
        int at = html.indexOf("data-period=\"2022\" data-kpi=\"GREEN\"");
        assertTrue(at > 0);
        String row = html.substring(at, html.indexOf("</details>", at));
        assertTrue(row.contains("<details><summary>29.27</summary>"), row);
        assertTrue(row.contains("<code>100000 * green_ha / pop</code>"), row);
        assertTrue(row.contains("<code>green_ha</code>") && row.contains(">12</td>"), row);
        assertTrue(row.contains("<code>pop</code>") && row.contains(">41000</td>"), row);
        assertTrue(row.contains("higher is better: value \u00f7 target \u00d7 100 = "
                + Numbers.format(100 * (100000.0 * 12 / 41000) / 50)));
        // SCHOOL 2022: no value, both inputs missing, named in the data-quality table too.
        int s = html.indexOf("data-period=\"2022\" data-kpi=\"SCHOOL\"");
        String school = html.substring(s, html.indexOf("</tr>", s));
        assertTrue(school.contains("missing input"), school);
        assertTrue(html.matches("(?s).*<tr data-kpi=\"SCHOOL\"><td>Student ICT Access.*?<code>students_ict</code>.*"));
    }

    @Test
    void comparisonRanksCitiesAndFillsTheHeatTable() {
        Results r = Fixture.results();
        String html = HtmlReport.render(Fixture.input(r));
        assertTrue(html.contains("id=\"compare\""));
        // Overall: Karmøy 30/40 = 75 % (rank 1); the odd town COV 4, UNEMP 1, PM25 4, GREEN 4, SCHOOL 1,
        // CRIME 2, GENDER 2 = 18/28 = 64.3 % (rank 2).
        List<Map<String, String>> cells = tags(html, "td", "data-rank");
        Map<String, String> overall = new HashMap<>();
        int i = 0;
        for (Map<String, String> c : cells) {
            if (c.get("data-group").equals("overall")) {
                overall.put(i++ == 0 ? "first" : "second", c.get("data-rank"));
            }
        }
        assertEquals(Map.of("first", "1", "second", "2"), overall);
        assertTrue(html.indexOf("<tr data-entity=\"Karmøy\"><td><a") < html.indexOf("<tr data-entity=\"Town &lt;"));
        assertTrue(html.contains("64.3% \u00b7 33-66"));
        // Heat table: one cell per indicator and city.
        List<Map<String, String>> heat = tags(html, "td", "data-entity");
        long heatCells = heat.stream().filter(a -> !a.containsKey("data-group")).count();
        assertEquals(2L * r.catalog().indicators().size(), heatCells);
        assertEquals(2, html.split("<figure data-entity=", -1).length - 1, "two small radars");
    }

    @Test
    void rendersWithoutTargetsAndWithoutData() throws IOException {
        Results r = Fixture.singleCity();
        String html = HtmlReport.render(ReportInput.of(r, TargetSet.empty()));
        assertTrue(html.contains("No targets were given"));
        assertFalse(html.contains("data-points"));
        assertBalanced(html);
        Results empty = org.citykpi.engine.Engine.create(Fixture.catalog())
                .evaluate(org.citykpi.data.Dataset.builder().build());
        StringWriter w = new StringWriter();
        HtmlReport.render(ReportInput.of(empty, Fixture.targets()), w);
        assertTrue(w.toString().contains("nothing to report"));
        assertTrue(w.toString().contains("there is no row account"));
        assertBalanced(w.toString());
    }

    @Test
    void dataAccountIsShownAndChecked() {
        String html = HtmlReport.render(Fixture.input(Fixture.singleCity()));
        assertTrue(html.contains("<div class=\"n\">12</div><div class=\"l\">rows read"));
        assertTrue(html.contains("<div class=\"n\">2</div><div class=\"l\">rows rejected"));
        assertTrue(html.contains("Problems found while reading (2, of which 1 rejected a row or a value)"));
        assertThrows(IllegalArgumentException.class, () -> new DataAccount(List.of(), 3, 1, 1, List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new DataAccount(List.of(), 0, -1, 1, List.of(), 0));
        // Karmøy 2021: BB 90 > NET 85 breaks the rule, listed with its values.
        assertTrue(html.contains("Broadband &lt;= internet &amp; more"));
        assertTrue(html.contains("BB = 90, NET = 85"));
    }

    @Test
    void outputIsDeterministic() {
        assertEquals(
                HtmlReport.render(Fixture.input(Fixture.results())),
                HtmlReport.render(Fixture.input(Fixture.results())));
    }

    @Test
    void inputRejectsGroupScoresOfOtherResults() {
        Results r = Fixture.singleCity();
        ReportInput ok = ReportInput.of(r, Fixture.targets());
        // the two-city results have group scores of the odd town, which the single city has not
        ReportInput other = ReportInput.of(Fixture.results(), Fixture.targets());
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReportInput("t", ok.scores(), other.groups(), ok.violations(), ok.account()));
        assertEquals("x", ok.withTitle("x").title());
        assertEquals(r.catalog(), ok.catalog());
    }
}
