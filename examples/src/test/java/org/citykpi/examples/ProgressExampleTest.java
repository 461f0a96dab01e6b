package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.citykpi.assess.ProgressAggregate;
import org.citykpi.assess.ProgressCategory;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.ProgressTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ProgressExample} on its synthetic data ({@code examples/data/progress}) and checks a
 * few verdicts by hand (CAGR(a, b, n) = (a/b)^(1/n) − 1; base 2015, latest 2023, target 2030).
 */
class ProgressExampleTest {
    static ProgressExample.Outcome outcome;

    @BeforeAll
    static void run() throws IOException {
        outcome = ProgressExample.run(ProgressExample.defaultDir());
    }

    static ProgressResult result(String method, String kpi) {
        return outcome.byMethod().get(method).stream()
                .filter(r -> r.kpi().equals(kpi))
                .findFirst()
                .orElseThrow()
                .result();
    }

    @Test
    void everyMethodAssessesEveryKpiAndNamesItself() {
        assertEquals(
                List.of("eurostat", "statcan", "unsd", "escap-cs", "escap-ap", "sdsn"),
                List.copyOf(outcome.byMethod().keySet()));
        for (Map.Entry<String, List<ProgressTable.Row>> e : outcome.byMethod().entrySet()) {
            assertEquals(8, e.getValue().size(), e.getKey()); // eight KPIs in city-series.csv
            for (ProgressTable.Row r : e.getValue()) {
                assertEquals(e.getKey(), r.result().method().id());
                assertEquals("example-city", r.entity());
            }
        }
    }

    @Test
    void unemploymentByHand() {
        // 9.5 % → 7.2 % (lower is better), target 5 %: CAGRₐ = (7.2/9.5)^(1/8) − 1 = −0.0340579,
        // CAGRᵣ = (5/9.5)^(1/15) − 1 = −0.0418877, R = 0.8130760 → Eurostat moderate progress
        ProgressResult e = result("eurostat", "EC.P.EM.1C");
        assertEquals(0.8130759916, e.measure().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.MODERATE_PROGRESS, e.category());
        // ESCAP current status: (7.2 − 9.5)/(5 − 9.5) = 0.5111 < 8/15 = 0.5333 → behind
        ProgressResult cs = result("escap-cs", "EC.P.EM.1C");
        assertEquals(2.3 / 4.5, cs.measure().getAsDouble(), 1e-12);
        assertEquals(ProgressCategory.BEHIND, cs.category());
        // SDSN: (2.3/8)/(4.5/15) = 0.9583333 → moderately improving
        assertEquals(
                ProgressCategory.MODERATELY_IMPROVING,
                result("sdsn", "EC.P.EM.1C").category());
    }

    @Test
    void worseningTrafficFatalitiesAndAYesNoPlan() {
        // 4.1 → 4.6 (lower is better), target 2: R = −(1.1220^(1/8) − 1)/|0.4878^(1/15) − 1| = −0.3100351
        ProgressResult t = result("statcan", "SC.SH.SA.9C");
        assertEquals(-0.3100350519, t.measure().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.DETERIORATION, t.category());
        // score 25/6·(−0.3100351) − 2.5 = −3.7918127
        assertEquals(-3.7918127161, t.score().getAsDouble(), 1e-9);
        // resilience plan: yes since 2021 → achieved by every method
        for (String m : outcome.byMethod().keySet()) {
            assertEquals(
                    ProgressCategory.TARGET_ACHIEVED, result(m, "SC.SH.SA.3A").category(), m);
        }
    }

    @Test
    void literacyHasNoTargetSoOnlyGrowthMethodsAssessIt() {
        // 97.8 % → 98.4 %: g = (98.4/97.8)^(1/8) − 1 = 0.0007648; near the 100 % limit Statistics
        // Canada scales its thresholds by C = 1 − 0.978^4.44 = 0.0940494 (0.5 %·C = 0.00047) →
        // acceleration needed, where Eurostat (no limit rule) says moderate progress
        assertEquals(0.0007648207, result("statcan", "SC.EH.ED.4C").measure().getAsDouble(), 1e-9);
        assertEquals(
                ProgressCategory.ACCELERATION_NEEDED,
                result("statcan", "SC.EH.ED.4C").category());
        assertEquals(
                ProgressCategory.MODERATE_PROGRESS,
                result("eurostat", "SC.EH.ED.4C").category());
        assertEquals(
                ProgressCategory.UNABLE_TO_ASSESS,
                result("escap-cs", "SC.EH.ED.4C").category());
        assertEquals(
                ProgressCategory.UNABLE_TO_ASSESS, result("sdsn", "SC.EH.ED.4C").category());
    }

    @Test
    void statisticsCanadaRollsUpByDimension() {
        // series scores (published breakpoints, see ProgressAggregate): internet access R 1.0890812 → 3.4934374,
        // unemployment 0.8130760 → 1.5219714; GHG 0.5340755 → −0.2746854, renewables 0.7865812 → 1.3327226;
        // literacy 0.7830291 (C-scaled segment), gender parity 0.6686751 → 0.4905367, plan 5, traffic −3.7918127
        Map<String, ProgressAggregate> d = outcome.byDimension();
        assertEquals(2.5077043950, d.get("Economy").score().getAsDouble(), 1e-6); // (3.4934 + 1.5220)/2
        assertEquals(ProgressCategory.ON_TRACK, d.get("Economy").category());
        assertEquals(0.5290185763, d.get("Environment").score().getAsDouble(), 1e-6);
        assertEquals(0.6204382848, d.get("Society and Culture").score().getAsDouble(), 1e-6);
        // city: mean of the three dimensions = 1.2190538 → acceleration needed
        assertEquals(1.2190537520, outcome.city().score().getAsDouble(), 1e-6);
        assertEquals(ProgressCategory.ACCELERATION_NEEDED, outcome.city().category());
    }

    @Test
    void printsATableAndTheAggregates() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProgressExample.print(outcome, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("EC.P.EM.1C"), text);
        assertTrue(text.contains("moderate_progress (0.8131)"), text);
        assertTrue(text.contains("city                   1.22 acceleration_needed (3 of 3 scored)"), text);
    }

    @Test
    void dataAreMarkedSynthetic() throws IOException {
        Path dir = ProgressExample.defaultDir();
        assertTrue(Files.readString(dir.resolve("README.md")).contains("Synthetic data"));
        for (String line : Files.readAllLines(dir.resolve("city-series.csv")).subList(1, 73)) {
            assertTrue(line.endsWith("synthetic example data (not a real city)"), line);
        }
    }
}
