package org.citykpi.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.citykpi.observe.Statistic.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Statistic names and coverage rules as users write them. */
class NamesTest {

    @ParameterizedTest
    @CsvSource({
        "mean, MEAN, 0",
        "capture, CAPTURE, 0",
        "min, MIN, 0",
        "max, MAX, 0",
        "hourly_p99.8, HOURLY_PERCENTILE, 99.8",
        "daily_p90.4, DAILY_PERCENTILE, 90.4",
        "days_above:50, DAYS_ABOVE, 50",
        "days_above:-2.5, DAYS_ABOVE, -2.5",
        "max_daily_8h, MAX_DAILY_8H, 0",
        "days_8h_above:120, DAYS_8H_ABOVE, 120",
        "daily_mean, DAILY_MEAN, 0",
        "lden, LDEN, 0"
    })
    void parsesEveryName(String text, Kind kind, double parameter) {
        Statistic s = Statistic.parse(" " + text + " ");
        assertEquals(kind, s.kind());
        assertEquals(parameter, s.parameter());
        assertEquals(text, s.name());
        assertEquals(text, s.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "median",
                "Mean",
                "hourly_p",
                "hourly_p1e2",
                "daily_p-1",
                "daily_p100.5",
                "days_above:",
                "days_above:x",
                "days_above:1.2.3",
                "hourly_p99,8",
                "days_above:--1"
            })
    void rejectsBadNamesWithTheAcceptedOnes(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Statistic.parse(text));
        assertTrue(e.getMessage().contains("'" + text.strip() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("(expected"), e.getMessage());
    }

    @Test
    void probabilityIsTheDecimalOverAHundred() {
        // the same double as R's literal 0.998, though 99.8 / 100 in floating point is not
        assertEquals(0.998, Statistic.parse("hourly_p99.8").probability());
        assertEquals(0.904, Statistic.parse("daily_p90.4").probability());
        assertThrows(IllegalStateException.class, () -> Statistic.MEAN.probability());
        assertTrue(Kind.DAYS_ABOVE.countsDays());
        assertFalse(Kind.DAILY_MEAN.countsDays());
        assertThrows(IllegalArgumentException.class, () -> new Statistic(Kind.MEAN, Double.NaN, "mean"));
        assertThrows(IllegalArgumentException.class, () -> new Statistic(Kind.HOURLY_PERCENTILE, 101, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Statistic(Kind.MEAN, 0, " "));
    }

    @Test
    void coverageRules() {
        assertEquals(CoverageRule.EU, CoverageRule.named("eu"));
        assertEquals(CoverageRule.EEA, CoverageRule.named(" eea"));
        assertEquals(CoverageRule.NONE, CoverageRule.named("none"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CoverageRule.named("who"));
        assertEquals("unknown coverage rule 'who' (expected eu, eea or none)", e.getMessage());
        assertEquals("90", CoverageRule.EU.percentText());
        assertEquals("0", CoverageRule.NONE.percentText());

        CoverageRule r = CoverageRule.minCapture("72.5");
        assertEquals("72.5", r.name());
        assertEquals("72.5", r.percentText());
        // 0.725 × 8,760 = 6,351 exactly
        assertTrue(r.passes(6351, 8760));
        assertFalse(r.passes(6350, 8760));
        assertTrue(CoverageRule.minCapture("100").passes(5, 5));
        assertFalse(CoverageRule.minCapture("100").passes(4, 5));
        assertTrue(CoverageRule.minCapture("0").passes(1, 5));
        assertFalse(CoverageRule.minCapture("0").passes(0, 5));
        // one third as a fraction: 1/3 has no finite decimal; its percentage is shown to 12 digits
        assertEquals("33.3333333333", new CoverageRule("third", 1, 3).percentText());
        assertTrue(new CoverageRule("third", 1, 3).passes(1, 3));
        // products beyond 64 bits still compare exactly
        CoverageRule fine = CoverageRule.minCapture("99.999999999");
        assertTrue(fine.passes(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2));
        assertFalse(fine.passes(Long.MAX_VALUE / 4, Long.MAX_VALUE / 2));
        assertThrows(IllegalArgumentException.class, () -> r.passes(1, 0));
        for (String bad : new String[] {"", "abc", "-5", "100.1", "1e2", "50.0000000001"}) {
            assertThrows(IllegalArgumentException.class, () -> CoverageRule.minCapture(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new CoverageRule("x", 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new CoverageRule(" ", 1, 1));
    }
}
