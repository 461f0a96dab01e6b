package org.citykpi.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.citykpi.Period;
import org.citykpi.observe.RollupResult.Status;
import org.junit.jupiter.api.Test;

/**
 * Every statistic and coverage rule of {@link Rollup} on hand-worked data. Expected values are
 * worked out by hand in the comments, or with python3 (standard library only, no numpy on the
 * machine) where named: the type-7 percentiles with R's formula {@code index = 1 + (n-1)p}, checked
 * against {@code statistics.quantiles(method='inclusive')}, which is the same definition.
 */
class RollupTest {
    static final long H = YearGrid.HOUR;
    static final YearGrid Y2023 = YearGrid.of(2023);
    static final double TOL = 1e-12;

    /** A year of hourly readings (start-stamped) of 2023 UTC: value f(h) where valid(h). */
    static Series hourly(YearGrid g, IntToDoubleFunction f, IntPredicate present) {
        Observations.Builder b = Observations.builder();
        for (int h = 0; h < g.hours(); h++) {
            if (present.test(h)) {
                b.add("s", "pm25", g.startMillis() + h * H, f.applyAsDouble(h), true, "ug/m3", h);
            }
        }
        // a station with no reading at all still needs its series: one invalid reading
        b.add("s", "pm25", g.startMillis() - 10 * H, 0, false, null, -1);
        return b.build().series().get(0);
    }

    static RollupResult one(Rollup r, Series s, String stat) {
        List<RollupResult> out =
                r.withStatistics(List.of(Statistic.parse(stat))).series(s);
        assertEquals(1, out.size());
        return out.get(0);
    }

    static void assertOk(double expected, RollupResult r) {
        assertEquals(Status.OK, r.status(), r.detail());
        assertEquals(
                expected,
                r.value().orElseThrow(),
                Math.abs(expected) * TOL + TOL,
                r.statistic().name());
    }

    // ---------------------------------------------------------------- daily means: 18 of 24

    @Test
    void aDayWithExactly18ValidHoursPassesAnd17Fails() {
        // 5 January (day index 4): hours 0..17 present with value = hour of day → mean of 0..17 = 8.5
        Series s18 = hourly(Y2023, h -> h % 24, h -> h / 24 == 4 && h % 24 < 18);
        RollupResult d = daily(s18, 4);
        assertOk(8.5, d);
        assertEquals(18, d.nValid());
        assertEquals(24, d.nExpected());
        assertEquals(75.0, d.capturePct());
        assertEquals(Period.parse("2023-01-05"), d.period());

        Series s17 = hourly(Y2023, h -> h % 24, h -> h / 24 == 4 && h % 24 < 17);
        RollupResult f = daily(s17, 4);
        assertEquals(Status.INSUFFICIENT_COVERAGE, f.status());
        assertEquals(OptionalDouble.empty(), f.value());
        // 17 / 24 = 70.83 %, cut to one decimal
        assertEquals("capture 70.8 % < 75 %", f.detail());
        assertEquals(17, f.nValid());
    }

    static RollupResult daily(Series s, int day) {
        List<RollupResult> days = Rollup.create(Y2023)
                .withStatistics(List.of(Statistic.parse("daily_mean")))
                .series(s);
        assertEquals(365, days.size());
        return days.get(day);
    }

    // ---------------------------------------------------------------- annual capture gates

    @Test
    void captureExactlyAtTheThresholdPasses() {
        Rollup r = Rollup.create(Y2023);
        // 90 % of 8,760 hours is 7,884 exactly
        RollupResult pass = one(r, hourly(Y2023, h -> 2, h -> h < 7884), "mean");
        assertOk(2, pass);
        assertEquals(7884, pass.nValid());
        assertEquals(8760, pass.nExpected());
        RollupResult fail = one(r, hourly(Y2023, h -> 2, h -> h < 7883), "mean");
        assertEquals(Status.INSUFFICIENT_COVERAGE, fail.status());
        // 7,883 / 8,760 = 89.9886 %: cut, never rounded up to 90.0
        assertEquals("capture 89.9 % < 90 %", fail.detail());

        // EEA: 75 % of 8,760 = 6,570
        Rollup eea = r.withRule(CoverageRule.EEA);
        assertOk(2, one(eea, hourly(Y2023, h -> 2, h -> h < 6570), "mean"));
        assertEquals(
                Status.INSUFFICIENT_COVERAGE,
                one(eea, hourly(Y2023, h -> 2, h -> h < 6569), "mean").status());

        // --min-capture 72.5: 0.725 × 8,760 = 6,351 exactly
        Rollup min = r.withRule(CoverageRule.minCapture("72.5"));
        assertOk(2, one(min, hourly(Y2023, h -> 2, h -> h < 6351), "mean"));
        RollupResult below = one(min, hourly(Y2023, h -> 2, h -> h < 6350), "mean");
        assertEquals("capture 72.4 % < 72.5 %", below.detail());
    }

    @Test
    void aStationStartingInAprilCountsItsMissingMonths() {
        // 1 April 2023 is hour (31 + 28 + 31) × 24 = 2,160; 8,760 − 2,160 = 6,600 valid hours = 75.34 %
        Series s = hourly(Y2023, h -> 4, h -> h >= 2160);
        RollupResult eu = one(Rollup.create(Y2023), s, "mean");
        assertEquals(Status.INSUFFICIENT_COVERAGE, eu.status());
        assertEquals("capture 75.3 % < 90 %", eu.detail());
        assertEquals(6600, eu.nValid());
        assertEquals(8760, eu.nExpected());
        assertOk(4, one(Rollup.create(Y2023).withRule(CoverageRule.EEA), s, "mean"));
        RollupResult capture = one(Rollup.create(Y2023), s, "capture");
        assertOk(100.0 * 6600 / 8760, capture);
        assertEquals(Optional.of("%"), capture.unit());
        // no gate: the mean of the hours there are
        assertOk(4, one(Rollup.create(Y2023).withRule(CoverageRule.NONE), s, "mean"));
    }

    @Test
    void noValidHourIsInsufficientUnderEveryRule() {
        Series none = hourly(Y2023, h -> 1, h -> false);
        RollupResult r = one(Rollup.create(Y2023).withRule(CoverageRule.NONE), none, "mean");
        assertEquals(Status.INSUFFICIENT_COVERAGE, r.status());
        assertEquals("no valid hour", r.detail());
        assertEquals(
                "no valid day", one(Rollup.create(Y2023), none, "days_above:1").detail());
        assertOk(0, one(Rollup.create(Y2023), none, "capture"));
    }

    @Test
    void valuesThatOverflowASumAreReportedNotNaN() {
        // 8,760 hours of 1e305: the sum overflows; a level of 4,000 dB overflows 10^(L/10)
        Series huge = hourly(Y2023, h -> 1e305, h -> true);
        RollupResult mean = one(Rollup.create(Y2023), huge, "mean");
        assertEquals(Status.INSUFFICIENT_COVERAGE, mean.status());
        assertEquals(Rollup.OVERFLOW, mean.detail());
        assertOk(1e305, one(Rollup.create(Y2023), huge, "max"));
        Series loud = hourly(Y2023, h -> 4000, h -> true);
        assertEquals(Rollup.OVERFLOW, one(Rollup.create(Y2023), loud, "lden").detail());
        Series day = hourly(Y2023, h -> Double.MAX_VALUE, h -> h < 48);
        List<RollupResult> days = Rollup.create(Y2023)
                .withStatistics(List.of(Statistic.parse("daily_mean")))
                .series(day);
        assertEquals(Rollup.OVERFLOW, days.get(0).detail());
        assertEquals(24, days.get(0).nValid());
    }

    // ---------------------------------------------------------------- percentiles, min, max, mean

    /** Hourly values ((h × 7919) mod 1000) / 10, with every 13th hour missing (8,086 valid hours). */
    static Series percentileSeries() {
        return hourly(Y2023, h -> ((h * 7919L) % 1000) / 10.0, h -> h % 13 != 0);
    }

    @Test
    void hourlyPercentilesAgreeWithType7() {
        // python3 (see the class comment): R type 7 over the 8,086 valid values
        Series s = percentileSeries();
        Rollup r = Rollup.create(Y2023);
        assertOk(99.783, one(r, s, "hourly_p99.8"));
        assertOk(49.9, one(r, s, "hourly_p50"));
        assertOk(90.3, one(r, s, "hourly_p90.4"));
        assertOk(0.0, one(r, s, "hourly_p0"));
        assertOk(99.9, one(r, s, "hourly_p100"));
        assertOk(0.0, one(r, s, "min"));
        assertOk(99.9, one(r, s, "max"));
        // python3: math.fsum(valid) / 8086
        assertOk(49.931152609448425, one(r, s, "mean"));
        assertEquals(8086, one(r, s, "hourly_p50").nValid());
    }

    @Test
    void dailyPercentilesAndDaysAbove() {
        // python3: daily means (math.fsum of each day's valid hours / their number), R type 7
        Series s = percentileSeries();
        Rollup r = Rollup.create(Y2023);
        RollupResult p = one(r, s, "daily_p90.4");
        assertOk(53.86970909090908, p);
        assertEquals(365, p.nValid());
        assertEquals(365, p.nExpected());
        assertOk(49.83181818181818, one(r, s, "daily_p50"));
        RollupResult above = one(r, s, "days_above:50");
        assertOk(177, above);
        assertEquals(Optional.of("days"), above.unit());
        assertOk(194, one(r, s, "days_above:49.5"));
    }

    @Test
    void daysAboveCountsOnlyDaysStrictlyAbove() {
        // every day's mean is exactly 50: none is strictly above 50, all 365 are above 49.99
        Series s = hourly(Y2023, h -> 50, h -> true);
        assertOk(0, one(Rollup.create(Y2023), s, "days_above:50"));
        assertOk(365, one(Rollup.create(Y2023), s, "days_above:49.99"));
    }

    @Test
    void percentileOfSmallSamplesByHand() {
        // R: quantile(c(1, 2, 3, 4), 0.5) = 2.5; quantile(c(1, 2, 3, 4), 0.9) = 3.7
        // (index = 1 + 3 × 0.9 = 3.7: 0.3 × 3 + 0.7 × 4)
        assertEquals(2.5, Percentile.type7(new double[] {4, 1, 3, 2}, 4, 0.5), TOL);
        assertEquals(3.7, Percentile.type7(new double[] {4, 1, 3, 2}, 4, 0.9), TOL);
        assertEquals(7, Percentile.type7(new double[] {7}, 1, 0.3));
        // equal neighbours: exactly the value
        assertEquals(5, Percentile.type7(new double[] {5, 5, 5, 1}, 4, 0.8));
    }

    @Test
    void selectionAgreesWithASortOnAdversarialInput() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int n : new int[] {1, 2, 15, 16, 17, 100, 1000, 5000}) {
            for (int pattern = 0; pattern < 4; pattern++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = pattern == 0 ? rnd.nextInt(10) : pattern == 1 ? i : pattern == 2 ? n - i : i % 7;
                }
                double[] sorted = x.clone();
                java.util.Arrays.sort(sorted);
                for (int k : new int[] {0, n / 3, n / 2, n - 1}) {
                    double[] y = x.clone();
                    Percentile.select(y, 0, n, k);
                    assertEquals(sorted[k], y[k], "n=" + n + " pattern=" + pattern + " k=" + k);
                }
            }
        }
    }

    // ---------------------------------------------------------------- 8-hour running means

    @Test
    void maxDaily8hCrossesMidnightIntoTheDayItEndsIn() {
        // 10 everywhere, but 1 Jan 18:00-23:00 and 2 Jan 00:00-01:00 are 100.
        // 2 Jan: the mean ending 01:00 covers 1 Jan 18..23 and 2 Jan 0..1, all 100 → 100.
        // 1 Jan: the highest ends 23:00, hours 16..23 = (2 × 10 + 6 × 100) / 8 = 77.5.
        // 1 Jan: means ending 00..04 have fewer than 6 hours of the year → 19 valid, ≥ 18: a valid day.
        Series s = hourly(Y2023, h -> (h >= 18 && h <= 25) ? 100 : 10, h -> true);
        Rollup r = Rollup.create(Y2023);
        RollupResult max = one(r, s, "max_daily_8h");
        assertOk(100, max);
        assertEquals(365, max.nValid());
        assertEquals(365, max.nExpected());
        assertOk(1, one(r, s, "days_8h_above:80"));
        assertOk(1, one(r, s, "days_8h_above:77.5"));
        assertOk(2, one(r, s, "days_8h_above:77"));
    }

    @Test
    void runningMeansNeedSixHoursAndDaysEighteenMeans() {
        // 10 January = day 9. Missing its hours 0..2: the means ending 2..7 hold all three gaps
        // (5 valid hours) → 18 valid means, a valid day. Missing 0..3: means ending 2..8 → 17: invalid.
        // python3 /tmp/r8.py counted the same. A valid day's 8-h values are all 10, an invalid one none.
        Series three = hourly(Y2023, h -> 10, h -> !(h >= 9 * 24 && h < 9 * 24 + 3));
        Series four = hourly(Y2023, h -> 10, h -> !(h >= 9 * 24 && h < 9 * 24 + 4));
        Rollup r = Rollup.create(Y2023);
        assertEquals(365, one(r, three, "max_daily_8h").nValid());
        assertEquals(364, one(r, four, "max_daily_8h").nValid());
    }

    @Test
    void maxDaily8hGatedByDays() {
        // only January: 31 valid days of 365 = 8.4 %
        Series s = hourly(Y2023, h -> 10, h -> h < 31 * 24);
        RollupResult r = one(Rollup.create(Y2023), s, "max_daily_8h");
        assertEquals(Status.INSUFFICIENT_COVERAGE, r.status());
        assertEquals("capture 8.4 % < 90 %", r.detail());
        assertEquals(31, r.nValid());
        assertOk(10, one(Rollup.create(Y2023).withRule(CoverageRule.NONE), s, "max_daily_8h"));
    }

    // ---------------------------------------------------------------- Lden

    @Test
    void ldenOfAKnownProfileInLocalTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        YearGrid g = YearGrid.of(2023, berlin);
        // local day hours alternate 65 / 75 dB (six of each every day), evenings 60, nights 50.
        // python3: Ld = 10·lg((10^6.5 + 10^7.5)/2) = 72.40362689494245 (not the arithmetic 70);
        // Lden = 10·lg((12·10^(Ld/10) + 4·10^((60+5)/10) + 8·10^((50+10)/10))/24) = 69.8030537068928
        Series s = hourly(
                g,
                h -> {
                    int lh = g.localHour(h);
                    return lh >= 7 && lh < 19 ? (lh % 2 == 0 ? 65 : 75) : lh >= 19 && lh < 23 ? 60 : 50;
                },
                h -> true);
        assertOk(69.8030537068928, one(Rollup.create(g), s, "lden"));

        // by hand: day 60, evening 55, night 50 → each weighted term is 10^6 → Lden = 60
        Series flat = hourly(
                g,
                h -> {
                    int lh = g.localHour(h);
                    return lh >= 7 && lh < 19 ? 60 : lh >= 19 && lh < 23 ? 55 : 50;
                },
                h -> true);
        assertOk(60, one(Rollup.create(g), flat, "lden"));
    }

    @Test
    void ldenHoursAreEnergeticMeansOfTheirReadings() {
        // every half hour: 60 then 70 dB. Each hour: L = 10·lg((10^6 + 10^7)/2) = 67.40362689494245;
        // the same in every period: Lden = L + 10·lg((12 + 4·10^0.5 + 8·10)/24) = 73.79886989626105
        // (python3). The arithmetic statistics of the same hours still average arithmetically: 65.
        Observations.Builder b = Observations.builder();
        for (int h = 0; h < 8760; h++) {
            b.add("s", "laeq", Y2023.startMillis() + h * H, 60, true, "dB(A)", 2 * h);
            b.add("s", "laeq", Y2023.startMillis() + h * H + H / 2, 70, true, "dB(A)", 2 * h + 1);
        }
        Series s = b.build().series().get(0);
        List<RollupResult> out = Rollup.create(Y2023)
                .withStatistics(List.of(Statistic.parse("lden"), Statistic.parse("mean")))
                .series(s);
        assertOk(73.79886989626105, out.get(0));
        assertOk(65, out.get(1));
    }

    @Test
    void ldenNeedsEachPeriod() {
        // only day hours (07–19 UTC): no evening, no night
        Series s = hourly(Y2023, h -> 60, h -> h % 24 >= 7 && h % 24 < 19);
        RollupResult r = one(Rollup.create(Y2023).withRule(CoverageRule.NONE), s, "lden");
        assertEquals(Status.INSUFFICIENT_COVERAGE, r.status());
        assertEquals("no valid evening hour", r.detail());
    }

    // ---------------------------------------------------------------- calendar and time stamps

    @Test
    void daylightSavingDaysHave23And25Hours() {
        YearGrid g = YearGrid.of(2023, ZoneId.of("Europe/Berlin"));
        assertEquals(8760, g.hours());
        assertEquals(365, g.days());
        // 26 March 2023 (day index 84) loses an hour, 29 October (day index 301) gains one
        assertEquals(23, g.dayHours(84));
        assertEquals(25, g.dayHours(301));
        assertEquals(24, g.dayHours(0));
        assertEquals(0, g.localHour(0));
        assertEquals(Instant.parse("2022-12-31T23:00:00Z").toEpochMilli(), g.startMillis());
        // the hour after 01:00 on 26 March is 03:00 local
        int h = g.dayStart(84);
        assertEquals(1, g.localHour(h + 1));
        assertEquals(3, g.localHour(h + 2));
        assertEquals(8784, YearGrid.of(2024).hours());
        assertEquals(366, YearGrid.of(2024).days());

        // 75 % of 23 hours: 18 valid pass (72 ≥ 69), 17 fail; of 25 hours: 19 pass (76 ≥ 75), 18 fail
        assertEquals(Status.OK, dayWith(g, 84, 18).status());
        assertEquals(Status.INSUFFICIENT_COVERAGE, dayWith(g, 84, 17).status());
        assertEquals(Status.OK, dayWith(g, 301, 19).status());
        assertEquals(Status.INSUFFICIENT_COVERAGE, dayWith(g, 301, 18).status());
        assertEquals(25, dayWith(g, 301, 19).nExpected());
    }

    static RollupResult dayWith(YearGrid g, int day, int validHours) {
        int a = g.dayStart(day);
        Series s = hourly(g, h -> 1, h -> h >= a && h < a + validHours);
        return Rollup.create(g)
                .withStatistics(List.of(Statistic.parse("daily_mean")))
                .series(s)
                .get(day);
    }

    @Test
    void endStampedHoursShiftBackIntoTheirDay() {
        // a logger stamps 1 January's hours 01:00 … 24:00 (the last one is 2 January 00:00)
        Observations.Builder b = Observations.builder();
        for (int k = 1; k <= 24; k++) {
            b.add("s", "no2", Y2023.startMillis() + k * H, k, true, "ppb", k);
        }
        Series s = b.build().series().get(0);
        Rollup daily = Rollup.create(Y2023).withStatistics(List.of(Statistic.parse("daily_mean")));
        List<RollupResult> end = daily.withTimeStamps(TimeStamps.END).series(s);
        // END: all 24 hours in 1 January, mean of 1..24 = 12.5; 2 January empty
        assertOk(12.5, end.get(0));
        assertEquals(24, end.get(0).nValid());
        assertEquals(0, end.get(1).nValid());
        // START: 23 hours (01..23) in 1 January, mean of 1..23 = 12; one hour in 2 January
        List<RollupResult> start = daily.series(s);
        assertOk(12, start.get(0));
        assertEquals(23, start.get(0).nValid());
        assertEquals(1, start.get(1).nValid());
    }

    @Test
    void yearsArePlacedAsTheRollupPlacesReadings() {
        Observations.Builder b = Observations.builder();
        long newYear = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        b.add("s", "x", newYear, 1, true, null, 1); // stamped at the end: the last hour of 2023
        b.add("s", "x", newYear - H, 1, true, null, 2);
        Observations o = b.build();
        assertEquals(List.of(2023), List.copyOf(Rollup.years(o, ZoneId.of("UTC"), TimeStamps.END)));
        assertEquals(List.of(2023, 2024), List.copyOf(Rollup.years(o, ZoneId.of("UTC"), TimeStamps.START)));
        assertTrue(Rollup.years(Observations.builder().build(), ZoneId.of("UTC"), TimeStamps.START)
                .isEmpty());
    }

    // ---------------------------------------------------------------- sub-hourly and daily samplers

    @Test
    void subHourlyReadingsMakeAnHourWhenTheyCover75Percent() {
        // 15-minute readings. Hour 0: 3 of 4 (45 min = 75 %) → valid, mean of 1, 2, 3 = 2.
        // Hour 1: 2 of 4 valid → invalid. Hour 2: 4 readings, one flagged invalid → valid, mean of 4, 5, 6 = 5.
        Observations.Builder b = Observations.builder();
        long t0 = Y2023.startMillis();
        long q = H / 4;
        b.add("s", "pm10", t0, 1, true, null, 1);
        b.add("s", "pm10", t0 + q, 2, true, null, 2);
        b.add("s", "pm10", t0 + 2 * q, 3, true, null, 3);
        b.add("s", "pm10", t0 + H, 7, true, null, 4);
        b.add("s", "pm10", t0 + H + q, 8, true, null, 5);
        b.add("s", "pm10", t0 + 2 * H, 4, true, null, 6);
        b.add("s", "pm10", t0 + 2 * H + q, 5, true, null, 7);
        b.add("s", "pm10", t0 + 2 * H + 2 * q, 99, false, null, 8);
        b.add("s", "pm10", t0 + 2 * H + 3 * q, 6, true, null, 9);
        Series s = b.build().series().get(0);
        assertEquals(q, Rollup.samplingInterval(s));
        Rollup r = Rollup.create(Y2023).withRule(CoverageRule.NONE);
        RollupResult mean = one(r, s, "mean");
        // two valid hours: (2 + 5) / 2
        assertOk(3.5, mean);
        assertEquals(2, mean.nValid());
        assertOk(2, one(r, s, "min"));
        assertOk(5, one(r, s, "max"));
    }

    @Test
    void intervalReadingsCoverTheirDuration() {
        // two 30-minute interval readings in hour 0 (valid), one 30-minute reading in hour 1 (50 %: invalid)
        Observations.Builder b = Observations.builder();
        long t0 = Y2023.startMillis();
        b.add("s", "x", t0, H / 2, 2, true, null, 1);
        b.add("s", "x", t0 + H / 2, H / 2, 4, true, null, 2);
        b.add("s", "x", t0 + H, H / 2, 8, true, null, 3);
        RollupResult r = one(
                Rollup.create(Y2023).withRule(CoverageRule.NONE),
                b.build().series().get(0),
                "mean");
        assertOk(3, r);
        assertEquals(1, r.nValid());
    }

    @Test
    void dailySamplersGiveDailyValuesAndCountDays() {
        // 24-hour samples on 300 days of 2023: capture 300 / 365 = 82.2 % of days
        Observations.Builder b = Observations.builder();
        for (int d = 0; d < 300; d++) {
            b.add("s", "pm10", Y2023.startMillis() + d * 24 * H, 24 * H, d % 2 == 0 ? 10 : 30, true, null, d);
        }
        Series s = b.build().series().get(0);
        assertEquals(24 * H, Rollup.samplingInterval(s));
        Rollup eea = Rollup.create(Y2023).withRule(CoverageRule.EEA);
        RollupResult mean = one(eea, s, "mean");
        assertOk(20, mean);
        assertEquals(300, mean.nValid());
        assertEquals(365, mean.nExpected());
        assertEquals(
                "capture 82.1 % < 90 %", one(Rollup.create(Y2023), s, "mean").detail());
        assertOk(150, one(eea, s, "days_above:20"));
        assertOk(100.0 * 300 / 365, one(eea, s, "capture"));
        RollupResult p = one(eea, s, "hourly_p50");
        assertEquals(Status.INSUFFICIENT_COVERAGE, p.status());
        assertEquals("no hourly values: readings stand for 24 h each", p.detail());
        assertEquals(0, p.nValid());
        assertEquals(Status.INSUFFICIENT_COVERAGE, one(eea, s, "max_daily_8h").status());
        assertEquals(365, one(eea, s, "max_daily_8h").nExpected());
        assertEquals(Status.INSUFFICIENT_COVERAGE, one(eea, s, "lden").status());
        List<RollupResult> days =
                eea.withStatistics(List.of(Statistic.parse("daily_mean"))).series(s);
        assertOk(30, days.get(1));
        assertEquals(24, days.get(1).nValid());
        assertEquals(Status.INSUFFICIENT_COVERAGE, days.get(300).status());
    }

    @Test
    void dailyInstantSamplesAreDaily() {
        // one instant reading per day at midnight, stamped at the end: each belongs to the day before
        Observations.Builder b = Observations.builder();
        for (int d = 1; d <= 365; d++) {
            b.add("s", "pm10", Y2023.startMillis() + d * 24 * H, d, true, null, d);
        }
        Series s = b.build().series().get(0);
        assertEquals(24 * H, Rollup.samplingInterval(s));
        Rollup r = Rollup.create(Y2023).withTimeStamps(TimeStamps.END);
        RollupResult mean = one(r, s, "mean");
        // mean of 1..365 = 183
        assertOk(183, mean);
        assertEquals(365, mean.nValid());
    }

    @Test
    void samplingIntervalIsTheMostCommonSpacing() {
        Observations.Builder b = Observations.builder();
        long t0 = Y2023.startMillis();
        // spacings: 10 min, 10 min, 1 h, 10 min, 2 h → 10 min
        long[] ts = {0, 10, 20, 80, 90, 210};
        for (long m : ts) {
            b.add("s", "x", t0 + m * 60_000, 1, true, null, m);
        }
        assertEquals(10 * 60_000, Rollup.samplingInterval(b.build().series().get(0)));
        Observations.Builder one = Observations.builder();
        one.add("s", "x", t0, 1, true, null, 1);
        assertEquals(H, Rollup.samplingInterval(one.build().series().get(0)));
        Observations.Builder sparse = Observations.builder();
        // three-hourly instants: each covers at most one hour
        for (int k = 0; k < 10; k++) {
            sparse.add("s", "x", t0 + 3 * k * H, 1, true, null, k);
        }
        assertEquals(H, Rollup.samplingInterval(sparse.build().series().get(0)));
        Observations.Builder mixed = Observations.builder();
        mixed.add("s", "x", t0, 30 * 60_000, 1, true, null, 1);
        mixed.add("s", "x", t0 + H, 1, true, null, 2);
        mixed.add("s", "x", t0 + 2 * H, 30 * 60_000, 1, true, null, 3);
        assertEquals(30 * 60_000, Rollup.samplingInterval(mixed.build().series().get(0)));
    }

    @Test
    void mixedDurationsEndStamped() {
        // END stamps with mixed durations: a 1-h reading stamped 01:00 and two 30-min readings stamped 01:30
        // and 02:00 → hour 0 holds the first (value 4), hour 1 the other two (mean of 2 and 6 = 4)
        Observations.Builder b = Observations.builder();
        long t0 = Y2023.startMillis();
        b.add("s", "x", t0 + H, H, 4, true, null, 1);
        b.add("s", "x", t0 + H + H / 2, H / 2, 2, true, null, 2);
        b.add("s", "x", t0 + 2 * H, H / 2, 6, true, null, 3);
        RollupResult r = one(
                Rollup.create(Y2023).withRule(CoverageRule.NONE).withTimeStamps(TimeStamps.END),
                b.build().series().get(0),
                "mean");
        assertOk(4, r);
        assertEquals(2, r.nValid());
    }

    // ---------------------------------------------------------------- the whole store

    @Test
    void runRollsEverySeriesInStoreOrder() {
        Observations.Builder b = Observations.builder();
        for (int h = 0; h < 8760; h++) {
            b.add("b", "pm25", Y2023.startMillis() + h * H, 3, true, null, h);
            b.add("a", "pm25", Y2023.startMillis() + h * H, 1, h % 2 == 0, null, h);
        }
        List<RollupResult> out = Rollup.create(Y2023)
                .withStatistics(List.of(Statistic.MEAN, Statistic.parse("capture")))
                .run(b.build());
        assertEquals(4, out.size());
        assertEquals("a", out.get(0).entity());
        assertEquals(Status.INSUFFICIENT_COVERAGE, out.get(0).status());
        assertOk(50, out.get(1));
        assertOk(3, out.get(2));
        assertEquals("b", out.get(3).entity());
        assertEquals(Period.year(2023), out.get(3).period());
    }

    @Test
    void optionsAndTheirErrors() {
        Rollup r = Rollup.create(Y2023);
        assertEquals(CoverageRule.EU, r.rule());
        assertEquals(TimeStamps.START, r.timeStamps());
        assertEquals(List.of(Statistic.MEAN), r.statistics());
        assertEquals(Y2023, r.grid());
        assertThrows(IllegalArgumentException.class, () -> r.withStatistics(List.of()));
        assertThrows(IllegalArgumentException.class, () -> YearGrid.of(0));
        assertEquals("2023 Z", Y2023.toString());
        assertEquals(-1, Y2023.hourOf(Y2023.endMillis()));
        assertEquals(8759, Y2023.hourOf(Y2023.endMillis() - 1));
        assertEquals(java.time.LocalDate.of(2023, 12, 31), Y2023.date(364));
    }
}
