package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;
import org.citykpi.Period;
import org.citykpi.Sum;
import org.citykpi.observe.RollupResult.Status;

/**
 * Rolls sorted series of readings up into hourly, daily and annual statistics of one calendar year
 * under a coverage rule, as {@code citykpi rollup} does.
 *
 * <h2>Hours</h2>
 *
 * Each reading belongs to the hour of the {@link YearGrid} that contains its start (its time, or
 * under {@link TimeStamps#END} its time less its interval, at most one hour). Readings outside the
 * year are not used. An hour's value is the mean of its valid readings; the hour is valid when its
 * valid readings cover at least 75 % of it ({@code 4 × covered ≥ 3 × 3,600 s}), each covering its
 * duration, or for an instant reading the series' <i>sampling interval</i>, at most an hour. The
 * sampling interval is the most common duration of the series' interval readings, or else the most
 * common spacing between consecutive readings (ties: the shorter), one hour for a single reading.
 *
 * <h2>Series of daily samples</h2>
 *
 * A series whose sampling interval exceeds an hour (daily samplers: interval readings of 24 h, or
 * instant readings a day apart) has no hourly values. Each reading then belongs to the local day
 * that contains its start (or under {@code END}, its time less one hour), a day's value is the
 * mean of its valid readings, and the day is valid when they cover 75 % of it. Statistics of such a
 * series count days: {@code mean}, {@code min}, {@code max} and {@code capture} are taken over the
 * valid days; the statistics that need hours ({@code hourly_p<q>}, {@code max_daily_8h}, {@code
 * days_8h_above}, {@code lden}) are {@code insufficient_coverage} with {@code n_valid = 0}.
 *
 * <h2>Statistics</h2>
 *
 * <ul>
 *   <li>{@code daily_mean}: the mean of the day's valid hours, valid with {@code 4 × valid ≥ 3 ×
 *       hours of the day} (18 of 24; 18 of 23 and 19 of 25 on daylight-saving days), under every
 *       rule.
 *   <li>{@code mean}, {@code min}, {@code max}, {@code hourly_p<q>}, {@code lden}: over the valid
 *       hours, given when the hours pass the annual {@link CoverageRule}.
 *   <li>{@code daily_p<q>}, {@code days_above:<x>}: over the valid daily means (a count of those
 *       strictly above {@code x}), given when the days pass the rule.
 *   <li>{@code max_daily_8h}: each hour's 8-hour running mean (the hour and the 7 before it, hours
 *       before 1 January not available) is valid with at least 6 valid hours; it belongs to the day
 *       it ends in; a day's maximum is valid with valid running means for 75 % of its hours (18 of
 *       24); the annual value is the largest valid day's maximum, given when the days pass the rule.
 *       {@code days_8h_above:<x>} counts valid days whose maximum is strictly above {@code x}.
 *   <li>{@code lden}: Directive 2002/49/EC Annex I from hourly levels in dB, each hour the energetic
 *       mean of its readings; day 07–19, evening 19–23, night 23–07 in the grid's local time; {@code
 *       L = 10·lg(mean of 10^(Lᵢ/10))} over all valid hours of each period in the year, {@code Lden =
 *       10·lg((12·10^(Ld/10) + 4·10^((Le+5)/10) + 8·10^((Ln+10)/10))/24)}; it needs a valid hour in
 *       each period.
 *   <li>{@code capture}: {@code 100 × valid hours / hours of the year}, always given.
 * </ul>
 *
 * <p>Values so large that a sum overflows (near ±1.8·10³⁰⁸, or levels of thousands of dB for
 * {@code lden}) give {@code insufficient_coverage} with a detail that says so, never NaN.
 *
 * <p>Percentiles are Hyndman–Fan type 7 (R's and numpy's default). Every sum is compensated and
 * taken in time order over the sorted hours, so a series gives the same bits however its readings
 * were split, merged or ordered before they were sorted ({@link Readings}).
 *
 * <p>Immutable and thread-safe; each call works in its own scratch arrays.
 */
public final class Rollup {
    private static final long HOUR = YearGrid.HOUR;

    /** The detail of a statistic whose arithmetic left the doubles (values near ±1.8e308, or levels of thousands of dB). */
    static final String OVERFLOW = "the values are too large for this statistic (its sum overflows)";

    private final YearGrid grid;
    private final CoverageRule rule;
    private final TimeStamps stamps;
    private final List<Statistic> statistics;

    private Rollup(YearGrid grid, CoverageRule rule, TimeStamps stamps, List<Statistic> statistics) {
        this.grid = requireNonNull(grid, "grid");
        this.rule = requireNonNull(rule, "rule");
        this.stamps = requireNonNull(stamps, "stamps");
        this.statistics = List.copyOf(statistics);
        if (this.statistics.isEmpty()) {
            throw new IllegalArgumentException("no statistic to compute");
        }
    }

    /**
     * Returns a roll-up of one calendar year with the defaults: the EU rule, time stamps at the start
     * of each interval, and the annual mean.
     *
     * @param grid the calendar
     * @return the roll-up
     */
    public static Rollup create(YearGrid grid) {
        return new Rollup(grid, CoverageRule.EU, TimeStamps.START, List.of(Statistic.MEAN));
    }

    /**
     * Returns this roll-up with another annual coverage rule.
     *
     * @param r the rule
     * @return a new roll-up
     */
    public Rollup withRule(CoverageRule r) {
        return new Rollup(grid, r, stamps, statistics);
    }

    /**
     * Returns this roll-up reading time stamps another way.
     *
     * @param s which end of its interval a reading's time marks
     * @return a new roll-up
     */
    public Rollup withTimeStamps(TimeStamps s) {
        return new Rollup(grid, rule, s, statistics);
    }

    /**
     * Returns this roll-up computing other statistics.
     *
     * @param s the statistics, in the order of the results, at least one
     * @return a new roll-up
     * @throws IllegalArgumentException if the list is empty
     */
    public Rollup withStatistics(List<Statistic> s) {
        return new Rollup(grid, rule, stamps, s);
    }

    /** {@return the calendar} */
    public YearGrid grid() {
        return grid;
    }

    /** {@return the annual coverage rule} */
    public CoverageRule rule() {
        return rule;
    }

    /** {@return how time stamps are read} */
    public TimeStamps timeStamps() {
        return stamps;
    }

    /** {@return the statistics, in the order of the results} */
    public List<Statistic> statistics() {
        return statistics;
    }

    /**
     * Returns the years in which a store has readings, placed as this class places them (by their
     * start, or under {@code END} their time less their interval, in the zone's local time).
     *
     * @param obs the readings
     * @param zone the zone of the calendar
     * @param stamps how time stamps are read
     * @return the years, ascending; empty for an empty store
     */
    public static SortedSet<Integer> years(Observations obs, ZoneId zone, TimeStamps stamps) {
        requireNonNull(zone, "zone");
        requireNonNull(stamps, "stamps");
        SortedSet<Integer> years = new TreeSet<>();
        for (Series s : obs.series()) {
            long interval = samplingInterval(s);
            int lastYear = Integer.MIN_VALUE;
            long yearEnd = Long.MIN_VALUE;
            long yearStart = Long.MAX_VALUE;
            for (int i = 0; i < s.size(); i++) {
                long ref = reference(s, i, interval, stamps);
                if (ref >= yearStart && ref < yearEnd) {
                    continue;
                }
                int y = java.time.Instant.ofEpochMilli(ref).atZone(zone).getYear();
                if (y != lastYear && y >= 1 && y <= 9999) {
                    years.add(y);
                    lastYear = y;
                    yearStart =
                            LocalDate.of(y, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
                    yearEnd = LocalDate.of(y + 1, 1, 1)
                            .atStartOfDay(zone)
                            .toInstant()
                            .toEpochMilli();
                }
            }
        }
        return years;
    }

    /**
     * Rolls up every series of a store, in the store's order (station, then property), each
     * statistic in the order given.
     *
     * @param obs the readings
     * @return one result per series and statistic (one per day for {@code daily_mean})
     */
    public List<RollupResult> run(Observations obs) {
        Work w = new Work(grid);
        List<RollupResult> out = new ArrayList<>();
        for (Series s : obs.series()) {
            compute(s, w, out);
        }
        return out;
    }

    /**
     * Rolls up one series.
     *
     * @param s the series
     * @return one result per statistic (one per day for {@code daily_mean}), in the order given
     */
    public List<RollupResult> series(Series s) {
        List<RollupResult> out = new ArrayList<>();
        compute(requireNonNull(s, "series"), new Work(grid), out);
        return out;
    }

    /**
     * Returns a series' sampling interval: the most common duration of its interval readings, or
     * else the most common spacing between consecutive readings (ties: the shorter; one hour for a
     * series of one reading). A spacing under 23 hours counts as at most one hour (so hourly and
     * sparser instant readings each cover one hour), 23 hours or more is kept (daily samples).
     *
     * @param s the series
     * @return the interval in milliseconds, positive
     */
    public static long samplingInterval(Series s) {
        long ud = s.uniformDuration();
        if (ud > 0) {
            return ud;
        }
        int n = s.size();
        if (ud < 0) {
            long[] d = new long[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (s.duration(i) > 0) {
                    d[k++] = s.duration(i);
                }
            }
            return mode(d, k);
        }
        if (n < 2) {
            return HOUR;
        }
        long[] t = s.timeArray();
        long first = t[1] - t[0];
        int same = 0;
        for (int i = 1; i < n; i++) {
            if (t[i] - t[i - 1] == first) {
                same++;
            }
        }
        long spacing;
        if (same * 2 > n - 1) {
            spacing = first;
        } else {
            long[] d = new long[n - 1];
            for (int i = 1; i < n; i++) {
                d[i - 1] = t[i] - t[i - 1];
            }
            spacing = mode(d, n - 1);
        }
        return spacing >= 23 * HOUR ? spacing : Math.min(spacing, HOUR);
    }

    private static long mode(long[] d, int k) {
        Arrays.sort(d, 0, k);
        long best = d[0];
        int bestRun = 0;
        int i = 0;
        while (i < k) {
            int j = i;
            while (j < k && d[j] == d[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = d[i];
            }
            i = j;
        }
        return best;
    }

    /** The instant that places reading {@code i}: its start, or its end less its interval (≤ 1 h). */
    private static long reference(Series s, int i, long interval, TimeStamps stamps) {
        long t = s.time(i);
        if (stamps == TimeStamps.START) {
            return t;
        }
        long d = s.duration(i) > 0 ? s.duration(i) : interval;
        return t - Math.min(d, HOUR);
    }

    /** Scratch arrays of one calendar, reused from series to series. */
    private static final class Work {
        final double[] hv;
        final boolean[] hok;
        final double[] hSum;
        final double[] hComp;
        final int[] hCnt;
        final long[] hCov;
        final double[] dv;
        final boolean[] dok;
        final int[] dValid;
        final double[] r8;
        final boolean[] r8ok;
        final double[] scratch;

        Work(YearGrid g) {
            int h = g.hours();
            hv = new double[h];
            hok = new boolean[h];
            hSum = new double[h];
            hComp = new double[h];
            hCnt = new int[h];
            hCov = new long[h];
            dv = new double[g.days()];
            dok = new boolean[g.days()];
            dValid = new int[g.days()];
            r8 = new double[h];
            r8ok = new boolean[h];
            scratch = new double[Math.max(h, g.days())];
        }
    }

    /** What one series gives: hours (or days directly) and how many are valid. */
    private final class State {
        final Series s;
        final Work w;
        final long interval;
        final boolean dayBased;
        final Optional<String> unit;
        int validHours;
        /** The valid hours' compensated sum (two parts), minimum and maximum, from the hours pass. */
        double hSum;

        double hComp;
        double hMin = Double.POSITIVE_INFINITY;
        double hMax = Double.NEGATIVE_INFINITY;
        boolean daysDone;
        int validDays;
        boolean r8Done;

        State(Series s, Work w) {
            this.s = s;
            this.w = w;
            this.interval = samplingInterval(s);
            this.dayBased = interval > HOUR;
            this.unit = s.unit();
        }
    }

    private void compute(Series s, Work w, List<RollupResult> out) {
        State st = new State(s, w);
        if (st.dayBased) {
            daysDirect(st);
        } else {
            st.validHours = hours(st, false);
        }
        for (Statistic stat : statistics) {
            statistic(st, stat, out);
        }
    }

    /** Fills the hours of the grid from the series; returns the number of valid hours. */
    private int hours(State st, boolean energy) {
        if (!energy && st.interval == HOUR && st.s.uniformDuration() >= 0) {
            int valid = alignedHours(st);
            if (valid >= 0) {
                return valid;
            }
        }
        Series s = st.s;
        Work w = st.w;
        int hours = grid.hours();
        Arrays.fill(w.hSum, 0, hours, 0.0);
        Arrays.fill(w.hComp, 0, hours, 0.0);
        Arrays.fill(w.hCnt, 0, hours, 0);
        Arrays.fill(w.hCov, 0, hours, 0L);
        long[] t = s.timeArray();
        double[] v = s.valueArray();
        long[] bad = s.invalidBits();
        long start = grid.startMillis();
        long end = grid.endMillis();
        long ud = s.uniformDuration();
        int n = t.length;
        for (int i = 0; i < n; i++) {
            if ((bad[i >>> 6] & (1L << i)) != 0) {
                continue;
            }
            long d = ud > 0 ? ud : ud == 0 ? st.interval : (s.duration(i) > 0 ? s.duration(i) : st.interval);
            long cov = Math.min(d, HOUR);
            long ref = stamps == TimeStamps.START ? t[i] : t[i] - cov;
            if (ref < start || ref >= end) {
                continue;
            }
            int h = (int) ((ref - start) / HOUR);
            double x = energy ? Math.pow(10, v[i] / 10) : v[i];
            double sum = w.hSum[h];
            double u = sum + x;
            w.hComp[h] += Sum.twoSumError(sum, x, u);
            w.hSum[h] = u;
            w.hCnt[h]++;
            w.hCov[h] += cov;
        }
        int valid = 0;
        double sum = 0;
        double comp = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < hours; h++) {
            int c = w.hCnt[h];
            boolean ok = c > 0 && 4 * w.hCov[h] >= 3 * HOUR;
            w.hok[h] = ok;
            double x = ok ? (c == 1 ? w.hSum[h] : (w.hSum[h] + w.hComp[h]) / c) : 0;
            w.hv[h] = x;
            if (ok) {
                valid++;
                double u = sum + x;
                comp += Sum.twoSumError(sum, x, u);
                sum = u;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (!energy) {
            st.hSum = sum;
            st.hComp = comp;
            st.hMin = min;
            st.hMax = max;
        }
        return valid;
    }

    /**
     * The common case, hourly readings on the hour: each reading is its hour's value (the mean of
     * one reading, covering the whole hour). Returns the valid hours, or -1 (nothing decided) when
     * a reading is off the hour, so that the general path runs instead. Same results as that path.
     */
    private int alignedHours(State st) {
        Series s = st.s;
        Work w = st.w;
        long[] t = s.timeArray();
        double[] v = s.valueArray();
        long[] bad = s.invalidBits();
        long start = grid.startMillis();
        long end = grid.endMillis();
        long shift = stamps == TimeStamps.START ? 0 : HOUR;
        Arrays.fill(w.hok, 0, grid.hours(), false);
        int valid = 0;
        double sum = 0;
        double comp = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < t.length; i++) {
            long ref = t[i] - shift - start;
            if (ref % HOUR != 0) {
                return -1;
            }
            if (ref < 0 || ref >= end - start || (bad[i >>> 6] & (1L << i)) != 0) {
                continue;
            }
            int h = (int) (ref / HOUR);
            double x = v[i];
            w.hv[h] = x;
            w.hok[h] = true;
            valid++;
            // the annual sums, in time order: the same terms in the same order as a pass over the hours
            double u = sum + x;
            comp += Sum.twoSumError(sum, x, u);
            sum = u;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        st.hSum = sum;
        st.hComp = comp;
        st.hMin = min;
        st.hMax = max;
        return valid;
    }

    /** Daily means from the hours (hourly series). */
    private void daysFromHours(State st) {
        if (st.daysDone) {
            return;
        }
        Work w = st.w;
        int valid = 0;
        for (int d = 0; d < grid.days(); d++) {
            int a = grid.dayStart(d);
            int b = grid.dayStart(d + 1);
            double sum = 0;
            double comp = 0;
            int c = 0;
            for (int h = a; h < b; h++) {
                if (w.hok[h]) {
                    double x = w.hv[h];
                    double u = sum + x;
                    comp += Sum.twoSumError(sum, x, u);
                    sum = u;
                    c++;
                }
            }
            boolean ok = 4 * c >= 3 * (b - a) && c > 0;
            w.dValid[d] = c;
            w.dok[d] = ok;
            w.dv[d] = ok ? (sum + comp) / c : 0;
            valid += ok ? 1 : 0;
        }
        st.validDays = valid;
        st.daysDone = true;
    }

    /** Daily values straight from the readings (series of daily samples). */
    private void daysDirect(State st) {
        Series s = st.s;
        Work w = st.w;
        int days = grid.days();
        double[] sum = new double[days];
        double[] comp = new double[days];
        int[] cnt = new int[days];
        long[] cov = new long[days];
        long start = grid.startMillis();
        long end = grid.endMillis();
        for (int i = 0; i < s.size(); i++) {
            if (!s.valid(i)) {
                continue;
            }
            long d = s.duration(i) > 0 ? s.duration(i) : st.interval;
            long ref = stamps == TimeStamps.START ? s.time(i) : s.time(i) - Math.min(d, HOUR);
            if (ref < start || ref >= end) {
                continue;
            }
            int day = grid.dayOf((int) ((ref - start) / HOUR));
            double x = s.value(i);
            double u = sum[day] + x;
            comp[day] += Sum.twoSumError(sum[day], x, u);
            sum[day] = u;
            cnt[day]++;
            cov[day] += d;
        }
        int valid = 0;
        for (int d = 0; d < days; d++) {
            long len = grid.dayHours(d) * HOUR;
            boolean ok = cnt[d] > 0 && 4 * cov[d] >= 3 * len;
            w.dok[d] = ok;
            w.dv[d] = ok ? (sum[d] + comp[d]) / cnt[d] : 0;
            w.dValid[d] = (int) Math.min(grid.dayHours(d), cov[d] / HOUR);
            valid += ok ? 1 : 0;
        }
        st.validDays = valid;
        st.daysDone = true;
    }

    /** Daily maxima of 8-hour running means into dv/dok's companions; returns valid days. */
    private int dailyMax8h(State st, double[] dayMax, boolean[] dayOk) {
        Work w = st.w;
        int hours = grid.hours();
        for (int h = 0; h < hours; h++) {
            double sum = 0;
            double comp = 0;
            int c = 0;
            for (int k = Math.max(0, h - 7); k <= h; k++) {
                if (w.hok[k]) {
                    double x = w.hv[k];
                    double u = sum + x;
                    comp += Sum.twoSumError(sum, x, u);
                    sum = u;
                    c++;
                }
            }
            w.r8ok[h] = c >= 6;
            w.r8[h] = c >= 6 ? (sum + comp) / c : 0;
        }
        int valid = 0;
        for (int d = 0; d < grid.days(); d++) {
            int a = grid.dayStart(d);
            int b = grid.dayStart(d + 1);
            int c = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int h = a; h < b; h++) {
                if (w.r8ok[h]) {
                    c++;
                    max = Math.max(max, w.r8[h]);
                }
            }
            dayOk[d] = c > 0 && 4 * c >= 3 * (b - a);
            dayMax[d] = dayOk[d] ? max : 0;
            valid += dayOk[d] ? 1 : 0;
        }
        return valid;
    }

    private void statistic(State st, Statistic stat, List<RollupResult> out) {
        Work w = st.w;
        int hours = grid.hours();
        int days = grid.days();
        Optional<String> unit = st.unit;
        switch (stat.kind()) {
            case CAPTURE: {
                long valid = st.dayBased ? st.validDays : st.validHours;
                long expected = st.dayBased ? days : hours;
                out.add(result(st, stat, OptionalDouble.of(100.0 * valid / expected), "", valid, expected, "%"));
                return;
            }
            case MEAN:
            case MIN:
            case MAX: {
                double[] x = st.dayBased ? w.dv : w.hv;
                boolean[] ok = st.dayBased ? w.dok : w.hok;
                int n = st.dayBased ? days : hours;
                int valid = st.dayBased ? st.validDays : st.validHours;
                if (!passes(st, stat, valid, n, out, unit)) {
                    return;
                }
                // an hourly series' sums came with its hours; a series of daily samples sums its days here
                double sum = st.hSum;
                double comp = st.hComp;
                double min = st.hMin;
                double max = st.hMax;
                for (int i = 0; i < n && st.dayBased; i++) {
                    if (ok[i]) {
                        double v = x[i];
                        double u = sum + v;
                        comp += Sum.twoSumError(sum, v, u);
                        sum = u;
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
                double value = stat.kind() == Statistic.Kind.MEAN
                        ? (sum + comp) / valid
                        : stat.kind() == Statistic.Kind.MIN ? min : max;
                out.add(ok(st, stat, value, valid, n, unit));
                return;
            }
            case HOURLY_PERCENTILE: {
                if (st.dayBased) {
                    noHours(st, stat, out);
                    return;
                }
                if (!passes(st, stat, st.validHours, hours, out, unit)) {
                    return;
                }
                int k = gather(w.hv, w.hok, hours, w.scratch);
                out.add(ok(st, stat, Percentile.type7(w.scratch, k, stat.probability()), st.validHours, hours, unit));
                return;
            }
            case DAILY_PERCENTILE:
            case DAYS_ABOVE: {
                daysFromHours(st);
                if (!passes(st, stat, st.validDays, days, out, unit)) {
                    return;
                }
                if (stat.kind() == Statistic.Kind.DAILY_PERCENTILE) {
                    int k = gather(w.dv, w.dok, days, w.scratch);
                    out.add(ok(st, stat, Percentile.type7(w.scratch, k, stat.probability()), st.validDays, days, unit));
                } else {
                    out.add(ok(
                            st,
                            stat,
                            countAbove(w.dv, w.dok, days, stat.parameter()),
                            st.validDays,
                            days,
                            Optional.of("days")));
                }
                return;
            }
            case MAX_DAILY_8H:
            case DAYS_8H_ABOVE: {
                if (st.dayBased) {
                    noHours(st, stat, out);
                    return;
                }
                double[] dayMax = new double[days];
                boolean[] dayOk = new boolean[days];
                int valid = dailyMax8h(st, dayMax, dayOk);
                if (!passes(st, stat, valid, days, out, unit)) {
                    return;
                }
                if (stat.kind() == Statistic.Kind.MAX_DAILY_8H) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int d = 0; d < days; d++) {
                        if (dayOk[d]) {
                            max = Math.max(max, dayMax[d]);
                        }
                    }
                    out.add(ok(st, stat, max, valid, days, unit));
                } else {
                    out.add(ok(
                            st,
                            stat,
                            countAbove(dayMax, dayOk, days, stat.parameter()),
                            valid,
                            days,
                            Optional.of("days")));
                }
                return;
            }
            case DAILY_MEAN: {
                if (!st.dayBased) {
                    daysFromHours(st);
                }
                for (int d = 0; d < days; d++) {
                    LocalDate date = grid.date(d);
                    Period p = new Period(Period.Kind.DATE, date, date, date.toString());
                    long n = grid.dayHours(d);
                    long valid = w.dValid[d];
                    if (w.dok[d] && !Double.isFinite(w.dv[d])) {
                        out.add(new RollupResult(
                                st.s.station(),
                                st.s.property(),
                                p,
                                stat,
                                OptionalDouble.empty(),
                                Status.INSUFFICIENT_COVERAGE,
                                OVERFLOW,
                                valid,
                                n,
                                unit,
                                List.of()));
                    } else if (w.dok[d]) {
                        out.add(new RollupResult(
                                st.s.station(),
                                st.s.property(),
                                p,
                                stat,
                                OptionalDouble.of(w.dv[d]),
                                Status.OK,
                                "",
                                valid,
                                n,
                                unit,
                                List.of()));
                    } else {
                        out.add(new RollupResult(
                                st.s.station(),
                                st.s.property(),
                                p,
                                stat,
                                OptionalDouble.empty(),
                                Status.INSUFFICIENT_COVERAGE,
                                shortfall(valid, n, "75"),
                                valid,
                                n,
                                unit,
                                List.of()));
                    }
                }
                return;
            }
            case LDEN: {
                if (st.dayBased) {
                    noHours(st, stat, out);
                    return;
                }
                lden(st, stat, out);
                return;
            }
            default:
                throw new IllegalStateException("statistic " + stat);
        }
    }

    private void lden(State st, Statistic stat, List<RollupResult> out) {
        Work w = st.w;
        int hours = grid.hours();
        if (!passes(st, stat, st.validHours, hours, out, st.unit)) {
            return;
        }
        // the hours again, as energetic means of the readings; the validity of each hour is the same
        hours(st, true);
        double[] sum = new double[3];
        double[] comp = new double[3];
        int[] cnt = new int[3];
        for (int h = 0; h < hours; h++) {
            if (!w.hok[h]) {
                continue;
            }
            int lh = grid.localHour(h);
            int p = lh >= 7 && lh < 19 ? 0 : lh >= 19 && lh < 23 ? 1 : 2;
            double x = w.hv[h];
            double u = sum[p] + x;
            comp[p] += Sum.twoSumError(sum[p], x, u);
            sum[p] = u;
            cnt[p]++;
        }
        // restore the arithmetic hours for the statistics after this one
        hours(st, false);
        String[] names = {"day", "evening", "night"};
        for (int p = 0; p < 3; p++) {
            if (cnt[p] == 0) {
                out.add(missing(st, stat, "no valid " + names[p] + " hour", st.validHours, hours, st.unit));
                return;
            }
        }
        double ed = (sum[0] + comp[0]) / cnt[0];
        double ee = (sum[1] + comp[1]) / cnt[1];
        double en = (sum[2] + comp[2]) / cnt[2];
        double lden = 10 * Math.log10((12 * ed + 4 * ee * Math.pow(10, 0.5) + 8 * en * 10) / 24);
        out.add(ok(st, stat, lden, st.validHours, hours, st.unit));
    }

    private static int gather(double[] x, boolean[] ok, int n, double[] into) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (ok[i]) {
                into[k++] = x[i];
            }
        }
        return k;
    }

    private static double countAbove(double[] x, boolean[] ok, int n, double threshold) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (ok[i] && x[i] > threshold) {
                c++;
            }
        }
        return c;
    }

    /** Adds the insufficient result and returns false if {@code valid} of {@code n} fails the rule. */
    private boolean passes(
            State st, Statistic stat, long valid, long n, List<RollupResult> out, Optional<String> unit) {
        if (rule.passes(valid, n)) {
            return true;
        }
        String what = stat.kind().countsDays() || st.dayBased ? "day" : "hour";
        String detail = valid == 0 ? "no valid " + what : shortfall(valid, n, rule.percentText());
        out.add(missing(st, stat, detail, valid, n, unit));
        return false;
    }

    private void noHours(State st, Statistic stat, List<RollupResult> out) {
        long n = stat.kind().countsDays() ? grid.days() : grid.hours();
        out.add(missing(
                st, stat, "no hourly values: readings stand for " + hoursText(st.interval) + " each", 0, n, st.unit));
    }

    private static String hoursText(long millis) {
        return BigDecimal.valueOf(millis)
                        .divide(BigDecimal.valueOf(HOUR), 2, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros()
                        .toPlainString()
                + " h";
    }

    /** {@code capture 72.6 % < 90 %}, the capture cut (not rounded) to one decimal. */
    static String shortfall(long valid, long n, String threshold) {
        String pct = BigDecimal.valueOf(valid)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(n), 1, RoundingMode.DOWN)
                .toPlainString();
        return "capture " + pct + " % < " + threshold + " %";
    }

    private RollupResult ok(State st, Statistic stat, double value, long valid, long n, Optional<String> unit) {
        if (!Double.isFinite(value)) {
            return missing(st, stat, OVERFLOW, valid, n, unit);
        }
        return new RollupResult(
                st.s.station(),
                st.s.property(),
                grid.period(),
                stat,
                OptionalDouble.of(value),
                Status.OK,
                "",
                valid,
                n,
                unit,
                List.of());
    }

    private RollupResult result(
            State st, Statistic stat, OptionalDouble value, String detail, long valid, long n, String unit) {
        return new RollupResult(
                st.s.station(),
                st.s.property(),
                grid.period(),
                stat,
                value,
                Status.OK,
                detail,
                valid,
                n,
                Optional.of(unit),
                List.of());
    }

    private RollupResult missing(State st, Statistic stat, String detail, long valid, long n, Optional<String> unit) {
        return new RollupResult(
                st.s.station(),
                st.s.property(),
                grid.period(),
                stat,
                OptionalDouble.empty(),
                Status.INSUFFICIENT_COVERAGE,
                detail,
                valid,
                n,
                unit,
                List.of());
    }
}
