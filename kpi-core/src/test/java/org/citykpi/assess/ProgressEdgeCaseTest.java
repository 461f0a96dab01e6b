package org.citykpi.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.catalog.Direction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge cases of {@code docs/reference/progress-methods.md} (§5.2 edge rules, §5.3 exceptions,
 * the list after the worked example of §5.6), method by method. Every
 * expected number is worked out by hand in the comment beside it (CAGR(a, b, n) = (a/b)^(1/n) − 1).
 */
class ProgressEdgeCaseTest {
    static final double TOL = 1e-6;
    static final ProgressMethod EUROSTAT = ProgressMethod.Eurostat.defaults();
    static final ProgressMethod STATCAN = ProgressMethod.StatCan.defaults();
    static final ProgressMethod UNSD = ProgressMethod.Unsd.defaults();
    static final ProgressMethod ESCAP_CS = ProgressMethod.EscapCurrentStatus.defaults();
    static final ProgressMethod ESCAP_AP = ProgressMethod.EscapAnticipated.defaults();
    static final ProgressMethod SDSN = ProgressMethod.Sdsn.defaults();
    static final Period Y2030 = Period.year(2030);

    static Series years(int y0, double v0, int y1, double v1) {
        return Series.ofYears(new int[] {y0, y1}, new double[] {v0, v1});
    }

    static java.util.List<ProgressMethod> methods() {
        return ProgressMethod.defaults();
    }

    @Nested
    class ZeroBaseOrTarget {
        final Series fromZero = years(2015, 0, 2022, 4);
        final ProgressGoal up10 = ProgressGoal.of(Direction.HIGHER, 10, Y2030);

        @Test
        void statcanReplacesAZeroBaseBy0001() {
            Series s = years(2015, 0, 2020, 5);
            ProgressResult r = STATCAN.assess(s, ProgressGoal.of(Direction.HIGHER));
            // g = (5/0.001)^(1/5) − 1 = 5000^0.2 − 1 = 4.4928027 → ≥ 1.5 % on track; score capped at 5
            assertEquals(4.4928027165, r.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.ON_TRACK, r.category());
            assertEquals(5, r.score().getAsDouble(), 0);
            assertTrue(r.reason().contains("base value 0 replaced by 0.001"), r.reason());
            assertEquals(0, r.baseValue().getAsDouble(), 0); // the observed value is reported, not 0.001
        }

        @Test
        void eurostatAndUnsdCannotGrowFromZero() {
            for (ProgressMethod m : new ProgressMethod[] {EUROSTAT, UNSD}) {
                ProgressResult r = m.assess(fromZero, up10);
                assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category(), m.id());
                assertTrue(r.reason().startsWith("the base value is 0"), r.reason());
                assertTrue(r.measure().isEmpty());
            }
        }

        @Test
        void linearMethodsNeedNoReplacement() {
            // CS = (4 − 0)/(10 − 0) = 0.4 < 7/15 → behind
            ProgressResult cs = ESCAP_CS.assess(fromZero, up10);
            assertEquals(0.4, cs.measure().getAsDouble(), 1e-12);
            assertEquals(ProgressCategory.BEHIND, cs.category());
            // SDSN: (4/7)/(10/15) = 0.8571429 → moderately improving
            ProgressResult sd = SDSN.assess(fromZero, up10);
            assertEquals(0.8571428571, sd.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.MODERATELY_IMPROVING, sd.category());
        }

        @Test
        void zeroTargetEachMethodItsOwnWay() {
            Series pm = years(2015, 20, 2022, 16);
            ProgressGoal zero = ProgressGoal.of(Direction.LOWER, 0, Y2030);
            // Eurostat: CAGRᵣ = (0/20)^(1/15) − 1 = −1, R = 0.0313749/1 → [0, 0.60) insufficient
            ProgressResult e = EUROSTAT.assess(pm, zero);
            assertEquals(0.0313749141, e.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.INSUFFICIENT_PROGRESS, e.category());
            // StatCan: target 0 → 0.001, CAGRᵣ = (0.001/20)^(1/15) − 1 = −0.4832688,
            // R = 0.0313749/0.4832688 = 0.0649223 → limited progress; score 25/6·R − 2.5 = −2.2294905
            ProgressResult s = STATCAN.assess(pm, zero);
            assertEquals(0.0649222807, s.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.LIMITED_PROGRESS, s.category());
            assertEquals(-2.2294904970, s.score().getAsDouble(), TOL);
            assertTrue(s.reason().contains("target 0 replaced by 0.001"), s.reason());
            // UNSD: v̂ = 12.3984011; (12.3984 − 20)/(0 − 20) = 0.3800799 → fair progress
            ProgressResult u = UNSD.assess(pm, zero);
            assertEquals(0.3800799450, u.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.FAIR_PROGRESS, u.category());
            // ESCAP CS: (16 − 20)/(0 − 20) = 0.2 < 0.4667 → behind
            assertEquals(0.2, ESCAP_CS.assess(pm, zero).measure().getAsDouble(), 1e-12);
        }
    }

    @Nested
    class Signs {
        final Series mixed = years(2015, -5, 2022, 3);

        @Test
        void growthRateMethodsRefuseMixedSigns() {
            for (ProgressMethod m :
                    new ProgressMethod[] {EUROSTAT, STATCAN, UNSD, ProgressMethod.EscapAnticipated.cagr()}) {
                ProgressResult r = m.assess(mixed, ProgressGoal.of(Direction.HIGHER, 10, Y2030));
                assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category(), m.id());
                assertTrue(r.reason().contains("opposite signs"), r.reason());
                // the observations are still reported
                assertEquals(-5, r.baseValue().getAsDouble());
                assertEquals(3, r.latestValue().getAsDouble());
            }
        }

        @Test
        void linearMethodsAcceptMixedSigns() {
            // CS = (3 − (−5))/(10 − (−5)) = 8/15 = 0.5333 ≥ 7/15 → on expected path
            ProgressResult r = ESCAP_CS.assess(mixed, ProgressGoal.of(Direction.HIGHER, 10, Y2030));
            assertEquals(8.0 / 15, r.measure().getAsDouble(), 1e-12);
            assertEquals(ProgressCategory.ON_EXPECTED_PATH, r.category());
        }

        @Test
        void targetOfTheOtherSignIsRefused() {
            ProgressResult r = EUROSTAT.assess(years(2015, 20, 2022, 16), ProgressGoal.of(Direction.LOWER, -5, Y2030));
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category());
            assertTrue(r.reason().contains("the target -5"), r.reason());
        }

        @Test
        void allNegativeFlipsTheGrowthDirection() {
            // −20 → −16, higher is better, target −10: CAGRₐ = 0.8^(1/7) − 1 = −0.0313749 (magnitude falls),
            // s = −1: R = −1 · +1 · (−0.0313749)/0.0451584 = +0.6947748 — the mirror of the worked example
            Series neg = years(2015, -20, 2022, -16);
            ProgressResult r = EUROSTAT.assess(neg, ProgressGoal.of(Direction.HIGHER, -10, Y2030));
            assertEquals(0.6947747659, r.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.MODERATE_PROGRESS, r.category());
            assertTrue(r.reason().contains("negative"), r.reason());
            // no target: g = −1 · (−0.0313749) = +0.0313749 → StatCan on track
            ProgressResult s = STATCAN.assess(neg, ProgressGoal.of(Direction.HIGHER));
            assertEquals(0.0313749141, s.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.ON_TRACK, s.category());
        }
    }

    @Nested
    class TargetMetInTheBaseYear {
        @ParameterizedTest
        @MethodSource("org.citykpi.assess.ProgressEdgeCaseTest#methods")
        void stillMetIsAchieved(ProgressMethod m) {
            // lower is better: 8 in 2015 and 7 in 2022, both at or below the target 10
            ProgressResult r = m.assess(years(2015, 8, 2022, 7), ProgressGoal.of(Direction.LOWER, 10, Y2030));
            assertEquals(ProgressCategory.TARGET_ACHIEVED, r.category(), m.id());
            assertTrue(r.measure().isEmpty());
        }

        @Test
        void onlyStatCanScoresAnAchievement() {
            ProgressGoal g = ProgressGoal.of(Direction.LOWER, 10, Y2030);
            assertEquals(5, STATCAN.assess(years(2015, 8, 2022, 7), g).score().getAsDouble(), 0);
            assertTrue(EUROSTAT.assess(years(2015, 8, 2022, 7), g).score().isEmpty());
        }
    }

    @Nested
    class TargetMetThenLost {
        // lower is better, target 10: 8 in 2015 (met), 12 in 2022 (lost)
        final Series lost = years(2015, 8, 2022, 12);
        final ProgressGoal goal = ProgressGoal.of(Direction.LOWER, 10, Y2030);

        @Test
        void growthRatioMethodsSeeTheLoss() {
            // CAGRₐ = 1.5^(1/7) − 1 = 0.0596340, CAGRᵣ = 1.25^(1/15) − 1 = 0.0149874 (both up).
            // The plain ratio CAGRₐ/CAGRᵣ = +3.979 would read "significant progress";
            // d·CAGRₐ/|CAGRᵣ| = −3.9789335 → movement away / deterioration (score clamped at −5)
            ProgressResult e = EUROSTAT.assess(lost, goal);
            assertEquals(-3.9789335491, e.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.MOVEMENT_AWAY, e.category());
            ProgressResult s = STATCAN.assess(lost, goal);
            assertEquals(ProgressCategory.DETERIORATION, s.category());
            assertEquals(-5, s.score().getAsDouble(), 0);
        }

        @Test
        void unsdEscapAndSdsnSeeTheLoss() {
            // UNSD: v̂ = 12·1.5^(8/7) = 19.0734124; −(19.0734 − 8)/|10 − 8| = −5.5367062 → stagnation
            ProgressResult u = UNSD.assess(lost, goal);
            assertEquals(-5.5367062040, u.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.STAGNATION_OR_REGRESSION, u.category());
            // ESCAP CS: −(12 − 8)/2 = −2 (regression) → behind
            ProgressResult cs = ESCAP_CS.assess(lost, goal);
            assertEquals(-2, cs.measure().getAsDouble(), 1e-12);
            assertEquals(ProgressCategory.BEHIND, cs.category());
            // ESCAP AP: line slope 4/7, ŷ2030 = 12 + 8·4/7 = 16.5714286; gap = −(10 − 16.5714)/2 = 3.2857143 > 1
            ProgressResult ap = ESCAP_AP.assess(lost, goal);
            assertEquals(3.2857142857, ap.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.REVERSE_TREND, ap.category());
            // SDSN: (−4/7)/(2/15) = −4.2857143 → decreasing
            ProgressResult sd = SDSN.assess(lost, goal);
            assertEquals(-4.2857142857, sd.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.DECREASING, sd.category());
        }

        @Test
        void targetEqualToTheBaseGivesTheWorstCategoryWithoutANumber() {
            // 10 → 12, target 10: required growth exactly 0; ratio would be −∞
            Series s = years(2015, 10, 2022, 12);
            ProgressResult e = EUROSTAT.assess(s, goal);
            assertEquals(ProgressCategory.MOVEMENT_AWAY, e.category());
            assertTrue(e.measure().isEmpty());
            assertTrue(e.reason().contains("required change is zero"), e.reason());
            ProgressResult c = STATCAN.assess(s, goal);
            assertEquals(ProgressCategory.DETERIORATION, c.category());
            assertEquals(-5, c.score().getAsDouble(), 0);
            assertEquals(ProgressCategory.BEHIND, ESCAP_CS.assess(s, goal).category());
            assertEquals(
                    ProgressCategory.REVERSE_TREND, ESCAP_AP.assess(s, goal).category());
            assertEquals(ProgressCategory.DECREASING, SDSN.assess(s, goal).category());
            assertEquals(
                    ProgressCategory.STAGNATION_OR_REGRESSION,
                    UNSD.assess(s, goal).category());
        }
    }

    @Test
    void requiredGrowthNearZeroGivesALargeButFiniteRatio() {
        // lower is better, 20 → 20.5 (2015 → 2022), target 19.99 by 2030:
        // CAGRₐ = 1.025^(1/7) − 1 = 0.0035337, CAGRᵣ = 0.9995^(1/15) − 1 = −0.0000333;
        // R = −0.0035337/0.0000333 = −105.9876143 → movement away; StatCan score clamped at −5
        Series s = years(2015, 20, 2022, 20.5);
        ProgressGoal g = ProgressGoal.of(Direction.LOWER, 19.99, Y2030);
        ProgressResult e = EUROSTAT.assess(s, g);
        assertEquals(-105.9876143257, e.measure().getAsDouble(), 1e-6);
        assertEquals(ProgressCategory.MOVEMENT_AWAY, e.category());
        assertEquals(-5, STATCAN.assess(s, g).score().getAsDouble(), 0);
    }

    @Nested
    class Periods {
        @Test
        void fiscalYearSpansCountAsTheirFirstYear() {
            // 2015-16 → 2015 and 2022-23 → 2022 (Statistics Canada rule), so the worked example's 0.6947748
            Series s =
                    Series.of(new Period[] {Period.parse("2015-16"), Period.parse("2022-23")}, new double[] {20, 16});
            ProgressResult r = EUROSTAT.assess(s, WorkedExampleTest.GOAL);
            assertEquals(0.6947747659, r.measure().getAsDouble(), TOL);
            assertEquals(Optional.of(Period.parse("2015-2016")), r.basePeriod());
            assertEquals("", r.reason()); // the base year was found: no note
        }

        @Test
        void missingBaseYearUsesTheFirstLaterYear() {
            // 2016: 20, 2022: 16, base 2015: CAGRₐ = 0.8^(1/6) − 1 = −0.0365075,
            // CAGRᵣ = 0.5^(1/14) − 1 = −0.0483048; R = 0.7557733 → acceleration needed
            Series s = years(2016, 20, 2022, 16);
            ProgressResult r = STATCAN.assess(s, WorkedExampleTest.GOAL);
            assertEquals(0.7557733494, r.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.ACCELERATION_NEEDED, r.category());
            assertEquals(Optional.of(Period.year(2016)), r.basePeriod());
            assertTrue(r.reason().contains("no value in the base year 2015"), r.reason());
        }

        @Test
        void dataOnlyBeforeTheBaseYearCannotBeAssessed() {
            ProgressResult r = STATCAN.assess(years(2010, 20, 2012, 18), WorkedExampleTest.GOAL);
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category());
            assertTrue(r.reason().contains("no observation in or after the base year 2015"), r.reason());
        }

        @ParameterizedTest
        @MethodSource("org.citykpi.assess.ProgressEdgeCaseTest#methods")
        void oneObservationIsNotATrend(ProgressMethod m) {
            Series one = Series.ofYears(new int[] {2022}, new double[] {16});
            ProgressResult r = m.assess(one, WorkedExampleTest.GOAL);
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category(), m.id());
            assertTrue(r.reason().contains("at least two periods"), r.reason());
            assertFalse(r.assessed());
        }

        @ParameterizedTest
        @MethodSource("org.citykpi.assess.ProgressEdgeCaseTest#methods")
        void oneObservationThatMeetsTheTargetIsAchieved(ProgressMethod m) {
            Series one = Series.ofYears(new int[] {2022}, new double[] {9});
            assertEquals(
                    ProgressCategory.TARGET_ACHIEVED,
                    m.assess(one, WorkedExampleTest.GOAL).category(),
                    m.id());
        }

        @ParameterizedTest
        @MethodSource("org.citykpi.assess.ProgressEdgeCaseTest#methods")
        void emptySeries(ProgressMethod m) {
            ProgressResult r = m.assess(Series.empty(), WorkedExampleTest.GOAL);
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category());
            assertEquals("no observations", r.reason());
            assertTrue(r.latestPeriod().isEmpty());
        }

        @Test
        void targetPeriodBeforeTheBase() {
            ProgressResult r =
                    EUROSTAT.assess(years(2015, 20, 2022, 16), ProgressGoal.of(Direction.LOWER, 10, Period.year(2012)));
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category());
            assertTrue(r.reason().contains("is not after the base period"), r.reason());
        }

        @Test
        void unsdUsesObservationsUpToAPastTargetYear() {
            // target 10 by 2020; data 2015: 20, 2018: 17, 2022: 16 → 2022 is ignored.
            // CAGRₐ = 0.85^(1/3) − 1 = −0.0527318; v̂2020 = 17·0.85^(2/3) = 15.2543909;
            // (15.2544 − 20)/(10 − 20) = 0.4745609 → fair progress
            Series s = Series.ofYears(new int[] {2015, 2018, 2022}, new double[] {20, 17, 16});
            ProgressResult r = UNSD.assess(s, ProgressGoal.of(Direction.LOWER, 10, Period.year(2020)));
            assertEquals(0.4745609076, r.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.FAIR_PROGRESS, r.category());
            assertEquals(Optional.of(Period.year(2018)), r.latestPeriod());
            assertTrue(r.reason().contains("is past"), r.reason());
        }

        @Test
        void eurostatShortTermTrend() {
            // 2010: 40, 2017: 20, 2022: 16; short-term base = 2022 − 5 = 2017:
            // same numbers as the worked example over 5 years: CAGRₐ = 0.8^(1/5) − 1 = −0.0436475;
            // CAGRᵣ from 2017 to 2030 = 0.5^(1/13) − 1 = −0.0519225; R = 0.8406281 → moderate progress
            Series s = Series.ofYears(new int[] {2010, 2017, 2022}, new double[] {40, 20, 16});
            ProgressResult r =
                    ProgressMethod.Eurostat.defaults().withTrendYears(5).assess(s, WorkedExampleTest.GOAL);
            assertEquals(Optional.of(Period.year(2017)), r.basePeriod());
            assertEquals(0.8406280950, r.measure().getAsDouble(), 1e-9);
            assertEquals(ProgressCategory.MODERATE_PROGRESS, r.category());
        }
    }

    @Nested
    class NaturalLimits {
        @Test
        void statcanShrinksThresholdsNearOneHundredPercent() {
            // 98 % → 98.4 % (2015 → 2020), higher is better, limit 100:
            // g = (98.4/98)^(1/5) − 1 = 0.0008150; C = 1 − 0.98^4.44 = 0.0857946;
            // thresholds 1.5 %·C = 0.0012869 and 0.5 %·C = 0.0004290 → acceleration needed;
            // score on (0.0004290, 0) – (0.0012869, 2.5): 2.5·(0.0008150 − 0.0004290)/(0.0008579) = 1.1248490
            Series s = years(2015, 98, 2020, 98.4);
            ProgressResult r =
                    STATCAN.assess(s, ProgressGoal.of(Direction.HIGHER).withLimit(100));
            assertEquals(0.0008149970, r.measure().getAsDouble(), 1e-9);
            assertEquals(ProgressCategory.ACCELERATION_NEEDED, r.category());
            assertEquals(1.1248490115, r.score().getAsDouble(), 1e-6);
            assertTrue(r.reason().contains("C = 0.0857946"), r.reason());
            // without the limit: 0.0815 % < 0.5 % → limited progress, score 500·g − 2.5 = −2.0925015
            ProgressResult plain = STATCAN.assess(s, ProgressGoal.of(Direction.HIGHER));
            assertEquals(ProgressCategory.LIMITED_PROGRESS, plain.category());
            assertEquals(-2.0925014964, plain.score().getAsDouble(), 1e-6);
        }

        @Test
        void statcanAtTheLimitIsOnTrack() {
            // base = limit = 100 → C = 1 − 1^4.44 = 0; latest 100 → g = 0 ≥ 0 → on track, score 5
            ProgressResult r = STATCAN.assess(
                    years(2015, 100, 2020, 100),
                    ProgressGoal.of(Direction.HIGHER).withLimit(100));
            assertEquals(ProgressCategory.ON_TRACK, r.category());
            assertEquals(5, r.score().getAsDouble(), 0);
        }

        @Test
        void limitFactorIsSymmetricAroundAMinimum() {
            // minimum limit 5, base 6: C = 1 − ((10 − 6)/5)^4.44 = 1 − 0.8^4.44 = 0.6287046
            assertEquals(0.6287046227, Assessor.limitFactor(6, 5, 4.44), 1e-9);
            // same relative distance from a maximum: base 4, limit 5 → 1 − 0.8^4.44
            assertEquals(0.6287046227, Assessor.limitFactor(4, 5, 4.44), 1e-9);
            // far away (base ≥ 2·limit) → 1; a limit of 0 never shrinks
            assertEquals(1, Assessor.limitFactor(10, 5, 4.44), 0);
            assertEquals(1, Assessor.limitFactor(3, 0, 4.44), 0);
        }

        @Test
        void unsdCountsOnePointFromAHundredPercentTargetAsAchieved() {
            Series s = years(2015, 90, 2022, 99.2);
            ProgressGoal g = ProgressGoal.of(Direction.HIGHER, 100, Y2030);
            ProgressResult r = UNSD.assess(s, g.withLimit(100));
            assertEquals(ProgressCategory.TARGET_ACHIEVED, r.category());
            assertTrue(r.reason().contains("natural limit"), r.reason());
            // without a declared limit the rule does not apply:
            // v̂ = 99.2·(99.2/90)^(8/7) = 110.8…; (110.8 − 90)/(100 − 90) > 0.95 → on track
            assertEquals(ProgressCategory.ON_TRACK, UNSD.assess(s, g).category());
        }
    }

    @Nested
    class Goldilocks {
        @Test
        void parityIndexIsFoldedAsMaxOfYAndItsInverse() {
            // parity 0.80 (2015) → 0.90 (2022), ideal 1: folded 1.25 → 1.1111111, lower is better to 1.
            // CAGRₐ = (1.1111/1.25)^(1/7) − 1 = −0.0166854; CAGRᵣ = 0.8^(1/15) − 1 = −0.0147661;
            // R = 1.1299763 ≥ 0.95 → on track; score 50/7·R − 30/7 = 3.7855448
            Series s = years(2015, 0.80, 2022, 0.90);
            ProgressGoal g = ProgressGoal.of(Direction.TARGET, 1, Y2030);
            ProgressResult r = STATCAN.assess(s, g);
            assertEquals(1.1299762684, r.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.ON_TRACK, r.category());
            assertEquals(3.7855447740, r.score().getAsDouble(), TOL);
            assertEquals(0.80, r.baseValue().getAsDouble()); // observed, not folded
            // 1.25 is as far from parity as 0.80: same measure
            assertEquals(
                    r.measure().getAsDouble(),
                    STATCAN.assess(years(2015, 1.25, 2022, 0.90), g).measure().getAsDouble(),
                    1e-12);
        }

        @Test
        void parityWithinThreePercentIsAchieved() {
            ProgressGoal g = ProgressGoal.of(Direction.TARGET, 1, Y2030);
            assertEquals(
                    ProgressCategory.TARGET_ACHIEVED,
                    EUROSTAT.assess(years(2015, 0.8, 2022, 1.03), g).category());
            assertEquals(
                    ProgressCategory.TARGET_ACHIEVED,
                    EUROSTAT.assess(years(2015, 0.8, 2022, 0.97), g).category());
            // 0.9 is outside the band: assessed; R = 1.1299763 (see parityIndexIsFolded…) → significant progress
            assertEquals(
                    ProgressCategory.SIGNIFICANT_PROGRESS,
                    EUROSTAT.assess(years(2015, 0.8, 2022, 0.9), g).category());
        }

        @Test
        void parityMustBePositive() {
            ProgressResult r = EUROSTAT.assess(years(2015, 0, 2022, 0.9), ProgressGoal.of(Direction.TARGET, 1, Y2030));
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category());
        }

        @Test
        void shareTargetIsFoldedByDistance() {
            // women in management 30 % → 60 %, ideal 50 %: folded 50 + |y − 50| = 70 → 60, lower to 50.
            // CAGRₐ = (60/70)^(1/7) − 1 = −0.0217808; CAGRᵣ = (50/70)^(1/15) − 1 = −0.0221818;
            // R = 0.9819246 → significant progress (Eurostat)
            ProgressResult r = EUROSTAT.assess(years(2015, 30, 2022, 60), ProgressGoal.of(Direction.TARGET, 50, Y2030));
            assertEquals(0.9819245528, r.measure().getAsDouble(), TOL);
            assertEquals(ProgressCategory.SIGNIFICANT_PROGRESS, r.category());
        }

        @ParameterizedTest
        @MethodSource("org.citykpi.assess.ProgressEdgeCaseTest#methods")
        void goldilocksNeedsATarget(ProgressMethod m) {
            ProgressResult r = m.assess(years(2015, 0.8, 2022, 0.9), ProgressGoal.of(Direction.TARGET));
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category());
            assertTrue(r.reason().contains("goldilocks"), r.reason());
        }
    }

    @Nested
    class YesNo {
        final ProgressGoal yes = ProgressGoal.of(Direction.HIGHER).asBinary();

        @ParameterizedTest
        @MethodSource("org.citykpi.assess.ProgressEdgeCaseTest#methods")
        void yesIsAchievedByEveryMethod(ProgressMethod m) {
            ProgressResult r = m.assess(years(2015, 0, 2022, 1), yes);
            assertEquals(ProgressCategory.TARGET_ACHIEVED, r.category(), m.id());
            assertEquals(1, r.target().getAsDouble()); // implied target
        }

        @Test
        void noIsNotAchievedOrUnassessable() {
            Series no = years(2015, 0, 2022, 0);
            assertEquals(
                    ProgressCategory.TARGET_NOT_ACHIEVED,
                    STATCAN.assess(no, yes).category());
            assertTrue(STATCAN.assess(no, yes).score().isEmpty());
            assertEquals(
                    ProgressCategory.STAGNATION_OR_REGRESSION,
                    UNSD.assess(no, yes).category());
            for (ProgressMethod m : new ProgressMethod[] {EUROSTAT, ESCAP_CS, ESCAP_AP, SDSN}) {
                ProgressResult r = m.assess(no, yes);
                assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category(), m.id());
                assertTrue(r.reason().contains("yes/no"), r.reason());
            }
        }

        @Test
        void valuesOtherThanZeroAndOneAreRefused() {
            ProgressResult r = STATCAN.assess(years(2015, 0, 2022, 2), yes);
            assertEquals(ProgressCategory.UNABLE_TO_ASSESS, r.category());
            assertTrue(r.reason().contains("found 2 in 2022"), r.reason());
        }

        @Test
        void lowerIsBetterMeansNoIsTheGoal() {
            ProgressGoal none = ProgressGoal.of(Direction.LOWER).asBinary();
            assertEquals(
                    ProgressCategory.TARGET_ACHIEVED,
                    STATCAN.assess(years(2015, 1, 2022, 0), none).category());
            assertEquals(
                    0, STATCAN.assess(years(2015, 1, 2022, 0), none).target().getAsDouble());
        }
    }

    @ParameterizedTest
    @MethodSource("org.citykpi.assess.ProgressEdgeCaseTest#methods")
    void escapAndSdsnNeedATarget(ProgressMethod m) {
        ProgressResult r = m.assess(years(2015, 20, 2022, 16), ProgressGoal.of(Direction.LOWER));
        boolean needsTarget = m instanceof ProgressMethod.EscapCurrentStatus
                || m instanceof ProgressMethod.EscapAnticipated
                || m instanceof ProgressMethod.Sdsn;
        assertEquals(needsTarget, r.category() == ProgressCategory.UNABLE_TO_ASSESS, m.id());
        assertEquals(m, r.method());
    }
}
