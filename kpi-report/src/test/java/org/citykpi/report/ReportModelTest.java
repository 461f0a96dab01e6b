package org.citykpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.Numbers;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Direction;
import org.citykpi.report.ReportModel.Card;
import org.citykpi.report.ReportModel.Change;
import org.citykpi.report.ReportModel.City;
import org.citykpi.report.ReportModel.Comparison;
import org.citykpi.report.ReportModel.Dimension;
import org.citykpi.report.ReportModel.HeatBlock;
import org.citykpi.report.ReportModel.HeatCell;
import org.citykpi.report.ReportModel.HeatRow;
import org.citykpi.report.ReportModel.KpiEntry;
import org.citykpi.report.ReportModel.KpiGroup;
import org.citykpi.report.ReportModel.KpiRow;
import org.citykpi.report.ReportModel.RankCell;
import org.citykpi.report.ReportModel.Ranked;
import org.citykpi.report.ReportModel.Trend;
import org.citykpi.score.Band;
import org.junit.jupiter.api.Test;

/**
 * The report model holds the numbers worked out by hand in {@link Fixture}, and the page written
 * from it shows exactly those: every table row, ranking cell and heat cell of the HTML carries the
 * model's value, target, attainment, points and rank.
 */
class ReportModelTest {
    private static final ReportModel MODEL = ReportModel.of(Fixture.input(Fixture.results()));
    private static final String HTML = HtmlPage.write(MODEL);

    private static City city(String entity) {
        return MODEL.cities().stream()
                .filter(c -> c.entity().equals(entity))
                .findFirst()
                .orElseThrow();
    }

    private static List<KpiRow> rows(City c) {
        List<KpiRow> out = new ArrayList<>();
        for (Dimension d : c.dimensions()) {
            for (KpiGroup g : d.groups()) {
                for (KpiEntry e : g.kpis()) {
                    out.add(e.own());
                    out.addAll(e.parts());
                }
            }
        }
        return out;
    }

    private static KpiRow row(City c, String kpi) {
        return rows(c).stream().filter(r -> r.kpi().equals(kpi)).findFirst().orElseThrow();
    }

    @Test
    void holdsTheHandWorkedScores() {
        City k = city(Fixture.CITY);
        assertEquals("2022", k.latestPeriod());
        assertEquals("2020", k.firstPeriod());
        assertEquals(3, k.periodCount());
        // Fixture: points NET 4, BB 4, COV 4, UNEMP 4, RND 1 → Economy 17 / 20 = 85 %; overall 30 / 40 = 75 %.
        Card overall = k.cards().get(0);
        assertTrue(overall.overall());
        assertEquals(75, overall.score().getAsDouble(), 1e-12);
        assertEquals(Optional.of(Band.B66_95), overall.band());
        assertEquals(10, overall.scored());
        Card economy = k.cards().get(1);
        assertEquals("Economy", economy.name());
        assertEquals(85, economy.score().getAsDouble(), 1e-12);
        assertEquals(5, economy.scored());
        // GREEN = 100000 × 12 / 41000 = 29.268…, 58.5 % of its target 50 → 2 points (33-66).
        KpiRow green = row(k, "GREEN");
        assertEquals(
                100 * (100000.0 * 12 / 41000) / 50,
                green.score().orElseThrow().attainment().getAsDouble(),
                1e-12);
        assertEquals(Band.B33_66, green.score().orElseThrow().band());
        // Furthest from target: RND 0.9 of 3 = 30 % first, then PM25 10 / 20 = 50 %, GREEN 58.5 %.
        assertEquals(
                List.of("RND", "PM25", "GREEN"),
                k.furthest().stream().map(f -> f.kpi()).toList().subList(0, 3));
        assertEquals(Band.B0_33, k.furthest().get(0).score().band());
        // SCHOOL lacks both inputs in 2022: no value, not scored.
        KpiRow school = row(k, "SCHOOL");
        assertFalse(school.result().isAvailable());
        assertTrue(school.score().isEmpty());
        assertTrue(k.missing().stream()
                .anyMatch(x -> x.kpi().equals("SCHOOL") && x.lacking().size() == 2));
        // Karmøy 2021: BB 90 > NET 85 breaks the rule.
        assertEquals(1, k.violations().size());
        assertEquals(1, MODEL.account().violations());
        assertEquals(1, MODEL.account().errors(), "one problem of two is a warning");
    }

    @Test
    void trendsSayHowEachKpiMovedInItsDirection() {
        Map<String, Change> changes = new HashMap<>();
        for (Trend t : city(Fixture.CITY).trends()) {
            changes.put(t.kpi(), t.change());
        }
        // NET 80 → 90, higher is better; PM25 14 → 20, lower is better; RND 1.2 → 0.9, higher is better.
        assertEquals(Change.BETTER_UP, changes.get("NET"));
        assertEquals(Change.WORSE_UP, changes.get("PM25"));
        assertEquals(Change.WORSE_DOWN, changes.get("RND"));
        assertTrue(city(Fixture.ODD_CITY).trends().isEmpty(), "one period: no series");
        assertTrue(city(Fixture.ODD_CITY).progress().isEmpty());
        // a target band moving from 0.8 to 0.9 towards 1 comes closer; 1.2 → 1.3 moves away
        assertEquals(Change.CLOSER, ModelBuilder.change(Direction.TARGET, 0.8, 0.9, OptionalDouble.of(1)));
        assertEquals(Change.FURTHER, ModelBuilder.change(Direction.TARGET, 1.2, 1.3, OptionalDouble.of(1)));
        assertEquals(Change.UP, ModelBuilder.change(Direction.TARGET, 1, 2, OptionalDouble.empty()));
        assertEquals(Change.NO_CHANGE, ModelBuilder.change(Direction.LOWER, 2, 2, OptionalDouble.empty()));
    }

    @Test
    void everyTableRowOfThePageIsTheModelsRow() {
        Map<String, Map<String, String>> byKey = new HashMap<>();
        for (Map<String, String> a : HtmlReportTest.tags(HTML, "tr", "data-period")) {
            byKey.put(a.get("data-entity") + "|" + a.get("data-kpi"), a);
        }
        int n = 0;
        for (City c : MODEL.cities()) {
            for (KpiRow r : rows(c)) {
                Map<String, String> a = byKey.get(c.entity() + "|" + r.kpi());
                assertEquals(c.latestPeriod(), a.get("data-period"), r.kpi());
                assertEquals(r.result().status(), a.get("data-status"));
                assertEquals(
                        r.result() instanceof KpiResult.Value v ? Numbers.format(v.value()) : null,
                        a.get("data-value"),
                        r.kpi());
                assertEquals(r.target().map(t -> Numbers.format(t.value())).orElse(null), a.get("data-target"));
                assertEquals(
                        r.score()
                                .filter(s -> s.attainment().isPresent())
                                .map(s -> Numbers.format(s.attainment().getAsDouble()))
                                .orElse(null),
                        a.get("data-attainment"));
                assertEquals(
                        r.score().map(s -> Integer.toString(s.band().points())).orElse(null), a.get("data-points"));
                n++;
            }
        }
        assertEquals(byKey.size(), n, "one page row per model row, and no other");
    }

    @Test
    void theRankingAndHeatTableShowTheModelsRanksAndCells() {
        Comparison cmp = MODEL.comparison().orElseThrow();
        // Karmøy 75 % ranks 1, the odd town 18 / 28 = 64.3 % ranks 2 (Fixture).
        assertEquals(
                List.of(Fixture.CITY, Fixture.ODD_CITY),
                cmp.ranking().stream().map(Ranked::entity).toList());
        assertEquals(OptionalInt.of(2), cmp.ranking().get(1).cells().get(0).rank());
        assertEquals(
                100.0 * 18 / 28, cmp.ranking().get(1).cells().get(0).score().getAsDouble(), 1e-12);
        List<String> expected = new ArrayList<>();
        for (Ranked r : cmp.ranking()) {
            for (RankCell c : r.cells()) {
                expected.add((c.group().isEmpty() ? "overall" : c.group()) + " #"
                        + (c.rank().isPresent() ? Integer.toString(c.rank().getAsInt()) : "-"));
            }
        }
        List<String> shown = HtmlReportTest.tags(HTML, "td", "data-group").stream()
                .map(a -> a.get("data-group") + " #" + a.getOrDefault("data-rank", "-"))
                .toList();
        assertEquals(expected, shown);
        List<Map<String, String>> heat = HtmlReportTest.tags(HTML, "td", "data-entity").stream()
                .filter(a -> !a.containsKey("data-group"))
                .toList();
        int i = 0;
        for (HeatBlock b : cmp.heat()) {
            for (HeatRow row : b.rows()) {
                for (HeatCell c : row.cells()) {
                    Map<String, String> a = heat.get(i++);
                    assertEquals(c.entity(), a.get("data-entity"));
                    assertEquals(
                            c.value().isPresent() ? Numbers.format(c.value().getAsDouble()) : null,
                            a.get("data-value"));
                    assertEquals(c.band().map(x -> Integer.toString(x.points())).orElse(null), a.get("data-points"));
                }
            }
        }
        assertEquals(heat.size(), i);
    }

    @Test
    void theProgressTableShowsTheModelsCategories() {
        ReportModel.Progress p = city(Fixture.CITY).progress().orElseThrow();
        String html = HtmlPage.write(MODEL);
        List<Map<String, String>> shown = HtmlReportTest.tags(html, "tr", "data-category");
        assertEquals(p.lines().size(), shown.size(), "only Karmøy has several periods");
        for (int i = 0; i < shown.size(); i++) {
            assertEquals(p.lines().get(i).kpi(), shown.get(i).get("data-kpi"));
            assertEquals(
                    p.lines().get(i).result().category().word(), shown.get(i).get("data-category"));
        }
    }
}
