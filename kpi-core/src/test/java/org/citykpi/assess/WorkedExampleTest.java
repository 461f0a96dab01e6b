package org.citykpi.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.catalog.Direction;
import org.junit.jupiter.api.Test;

/**
 * The worked example of {@code docs/reference/progress-methods.md} §5.6: PM2.5 annual mean (lower is
 * better), 20 in 2015, 16 in 2022, target 10 by 2030. Hand calculation (also in the reference):
 * CAGRₐ = 0.8^(1/7) − 1 = −0.0313749, CAGRᵣ = 0.5^(1/15) − 1 = −0.0451584.
 */
class WorkedExampleTest {
    static final double TOL = 1e-6;
    static final Series PM25 = Series.ofYears(new int[] {2015, 2022}, new double[] {20, 16});
    static final ProgressGoal GOAL = ProgressGoal.of(Direction.LOWER, 10, Period.year(2030));

    @Test
    void eurostatRatioOfGrowthRates() {
        ProgressResult r = ProgressMethod.Eurostat.defaults().assess(PM25, GOAL);
        // R = −1 · (−0.0313749) / 0.0451584 = 0.6947748 (reference: 0.695) → [0.60, 0.95)
        assertEquals(0.6947747659, r.measure().getAsDouble(), TOL);
        assertEquals(ProgressCategory.MODERATE_PROGRESS, r.category());
        assertEquals("eurostat", r.method().id());
        assertEquals(Optional.of(Period.year(2015)), r.basePeriod());
        assertEquals(Optional.of(Period.year(2022)), r.latestPeriod());
        assertEquals(20, r.baseValue().getAsDouble());
        assertEquals(16, r.latestValue().getAsDouble());
        assertEquals(10, r.target().getAsDouble());
        assertEquals(Period.year(2030), r.targetPeriod());
    }

    @Test
    void statisticsCanadaAccelerationNeeded() {
        ProgressResult r = ProgressMethod.StatCan.defaults().assess(PM25, GOAL);
        // same ratio as Eurostat, 0.6947748 → [0.60, 0.95) acceleration needed;
        // score on the segment (0.60, 0) – (0.95, 2.5): 50/7·0.6947748 − 30/7 = 0.6769626
        assertEquals(0.6947747659, r.measure().getAsDouble(), TOL);
        assertEquals(ProgressCategory.ACCELERATION_NEEDED, r.category());
        assertEquals(0.6769626138, r.score().getAsDouble(), TOL);
    }

    @Test
    void unsdProjectedRatio() {
        ProgressResult r = ProgressMethod.Unsd.defaults().assess(PM25, GOAL);
        // v̂2030 = 16 · 0.8^(8/7) = 12.3984011; ratio = (12.3984 − 20)/(10 − 20) = 0.7601599
        // (reference: 12.40 and 0.760) → [0.10, 0.95) fair progress
        assertEquals(0.7601598900, r.measure().getAsDouble(), TOL);
        assertEquals(ProgressCategory.FAIR_PROGRESS, r.category());
    }

    @Test
    void escapCurrentStatusBehindTheExpectedLine() {
        ProgressResult r = ProgressMethod.EscapCurrentStatus.defaults().assess(PM25, GOAL);
        // CS = (16 − 20)/(10 − 20) = 0.4; expected line (2022 − 2015)/(2030 − 2015) = 0.4667 → behind
        assertEquals(0.4, r.measure().getAsDouble(), 1e-12);
        assertEquals(ProgressCategory.BEHIND, r.category());
        assertTrue(r.reason().contains("0.4666"), r.reason());
    }

    @Test
    void escapAnticipatedAccelerateByRegressionAndByCagr() {
        ProgressResult reg = ProgressMethod.EscapAnticipated.defaults().assess(PM25, GOAL);
        // two points: the weighted line is the line through them, slope −4/7 a year;
        // ŷ2030 = 16 − 8·4/7 = 11.4285714; gap = (10 − 11.428571)/(10 − 20) = 0.1428571 → (0, 1] accelerate
        assertEquals(0.1428571429, reg.measure().getAsDouble(), TOL);
        assertEquals(ProgressCategory.ACCELERATE, reg.category());
        ProgressResult cagr = ProgressMethod.EscapAnticipated.cagr().assess(PM25, GOAL);
        // CAGR stand-in of the reference: ŷ2030 = 12.3984011, gap = (10 − 12.3984)/(−10) = 0.2398401 (reference: 0.24)
        assertEquals(0.2398401100, cagr.measure().getAsDouble(), TOL);
        assertEquals(ProgressCategory.ACCELERATE, cagr.category());
        assertEquals("escap-ap", cagr.method().id());
    }

    @Test
    void sdsnModeratelyImproving() {
        ProgressResult r = ProgressMethod.Sdsn.defaults().assess(PM25, GOAL);
        // observed 4/7 = 0.5714 a year down; required 10/15 = 0.6667 a year; ratio 0.8571429 → [0.5, 1)
        assertEquals(0.8571428571, r.measure().getAsDouble(), TOL);
        assertEquals(ProgressCategory.MODERATELY_IMPROVING, r.category());
    }

    @Test
    void withoutTargetTheSameDataLooksBetter() {
        ProgressGoal noTarget = ProgressGoal.of(Direction.LOWER);
        // d·CAGRₐ = +0.0313749 (reference: +3.14 %)
        ProgressResult e = ProgressMethod.Eurostat.defaults().assess(PM25, noTarget);
        assertEquals(0.0313749141, e.measure().getAsDouble(), TOL);
        assertEquals(ProgressCategory.SIGNIFICANT_PROGRESS, e.category()); // > 1 %
        ProgressResult s = ProgressMethod.StatCan.defaults().assess(PM25, noTarget);
        assertEquals(ProgressCategory.ON_TRACK, s.category()); // ≥ 1.5 %
        assertEquals(5, s.score().getAsDouble(), 0); // ≥ 2 % would be 5; 3.14 % is beyond → clamped at 5
        ProgressResult u = ProgressMethod.Unsd.defaults().assess(PM25, noTarget);
        assertEquals(ProgressCategory.ON_TRACK, u.category()); // ≥ 2 % → score 3
    }

    @Test
    void parseNamesEveryMethod() {
        for (String id : new String[] {"eurostat", "statcan", "unsd", "escap-cs", "escap-ap", "sdsn"}) {
            assertEquals(id, ProgressMethod.parse(id).id());
        }
        assertEquals("sdsn", ProgressMethod.parse(" SDSN ").id());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> ProgressMethod.parse("oecd"));
        assertTrue(e.getMessage().contains("eurostat, statcan"), e.getMessage());
    }

    @Test
    void eachMethodNamesItsKindOnce() {
        List<ProgressMethod.Kind> kinds = new java.util.ArrayList<>();
        for (ProgressMethod m : ProgressMethod.defaults()) {
            kinds.add(m.kind());
            assertEquals(m.kind().id(), m.id());
            assertEquals(m.kind(), ProgressMethod.parse(m.kind().id()).kind());
        }
        // defaults() lists every published method once, in the order of the enum
        assertEquals(List.of(ProgressMethod.Kind.values()), kinds);
        assertEquals("Statistics Canada / Open SDG", ProgressMethod.Kind.STATCAN.title());
        assertEquals("escap-ap", ProgressMethod.EscapAnticipated.cagr().kind().id());
    }

    @Test
    void escapRegressionWeighsRecentYearsMore() {
        // 2000: 30, 2010: 24, 2015: 20, 2022: 16; weights 1 + (t − 2000) = 1, 11, 16, 23 (sum 51).
        // weighted means: t̄ = 2016.7843137, ȳ = 19.2549020; slope = Σw(t−t̄)(y−ȳ)/Σw(t−t̄)² = −0.6460319;
        // ŷ2030 = 19.2549 − 0.6460319·13.2156863 = 10.7171468; gap = −(10 − 10.7171)/10 = 0.0717147 → accelerate.
        // Ordinary least squares (equal weights): slope −0.6445959, ŷ2030 = 10.7361246, gap 0.0736125.
        Series s = Series.ofYears(new int[] {2000, 2010, 2015, 2022}, new double[] {30, 24, 20, 16});
        ProgressResult lin = ProgressMethod.EscapAnticipated.defaults().assess(s, GOAL);
        assertEquals(0.0717146835, lin.measure().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.ACCELERATE, lin.category());
        assertTrue(lin.reason().contains("10.717146835"), lin.reason());
        ProgressMethod ols = new ProgressMethod.EscapAnticipated(
                ProgressMethod.EscapAnticipated.Projection.WEIGHTED_REGRESSION,
                ProgressMethod.EscapAnticipated.Weights.EQUAL,
                2000);
        assertEquals(0.0736124635, ols.assess(s, GOAL).measure().getAsDouble(), 1e-9);
        // fitting from 2015 only uses the last two points: the worked example's 0.1428571
        ProgressMethod late = new ProgressMethod.EscapAnticipated(
                ProgressMethod.EscapAnticipated.Projection.WEIGHTED_REGRESSION,
                ProgressMethod.EscapAnticipated.Weights.LINEAR,
                2015);
        assertEquals(0.1428571429, late.assess(s, GOAL).measure().getAsDouble(), 1e-9);
    }
}
