package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.assess.ProgressMethod.EscapAnticipated;
import org.citykpi.assess.ProgressMethod.EscapCurrentStatus;
import org.citykpi.assess.ProgressMethod.Eurostat;
import org.citykpi.assess.ProgressMethod.Sdsn;
import org.citykpi.assess.ProgressMethod.StatCan;
import org.citykpi.assess.ProgressMethod.Unsd;
import org.citykpi.catalog.Direction;

/**
 * Carries out the rules of {@link ProgressMethod}: the shared steps (fold, achievement, base and
 * latest observation) and each method's formula. Stateless; thread-safe.
 */
final class Assessor {
    /** Parity values within 1 ± this band count as parity (Statistics Canada, GIF 4.5.1). */
    static final double PARITY_BAND = 0.03;

    private Assessor() {}

    /** Signals that the data cannot support an assessment; never leaves this class. */
    private static final class Unable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Why, in words: the result's reason. */
        final String reason;

        Unable(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /** The result being built: observations used, notes on edge rules applied. */
    private static final class Draft {
        final ProgressMethod method;
        final ProgressGoal goal;
        OptionalDouble target;
        Optional<Period> basePeriod = Optional.empty();
        OptionalDouble baseValue = OptionalDouble.empty();
        Optional<Period> latestPeriod = Optional.empty();
        OptionalDouble latestValue = OptionalDouble.empty();
        final List<String> notes = new ArrayList<>();

        Draft(ProgressMethod method, ProgressGoal goal) {
            this.method = method;
            this.goal = goal;
            this.target = goal.target();
        }

        ProgressResult result(ProgressCategory category, double measure, OptionalDouble score) {
            OptionalDouble m = Double.isFinite(measure) ? OptionalDouble.of(measure) : OptionalDouble.empty();
            if (!Double.isFinite(measure) && !Double.isNaN(measure)) {
                notes.add("the required change is zero (target equals the base value), so the measure is unbounded");
            }
            return new ProgressResult(
                    method,
                    basePeriod,
                    baseValue,
                    latestPeriod,
                    latestValue,
                    target,
                    goal.targetPeriod(),
                    m,
                    category,
                    score,
                    String.join("; ", notes));
        }

        ProgressResult verdict(ProgressCategory category) {
            OptionalDouble score = category == ProgressCategory.TARGET_ACHIEVED && method instanceof StatCan
                    ? OptionalDouble.of(5)
                    : OptionalDouble.empty();
            return result(category, Double.NaN, score);
        }

        ProgressResult unable(String reason) {
            notes.add(0, reason);
            return result(ProgressCategory.UNABLE_TO_ASSESS, Double.NaN, OptionalDouble.empty());
        }
    }

    static void requireOrdered(double lo, double mid, double hi, String what) {
        if (!(lo <= mid && mid <= hi) || !Double.isFinite(mid)) {
            throw new IllegalArgumentException(what + " must satisfy " + lo + " ≤ " + mid + " ≤ " + hi);
        }
    }

    static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0: " + v);
        }
    }

    static ProgressResult assess(ProgressMethod method, Series series, ProgressGoal goal) {
        requireNonNull(series, "series");
        requireNonNull(goal, "goal");
        Draft r = new Draft(method, goal);
        try {
            return assess(method, series, goal, r);
        } catch (Unable u) {
            return r.unable(u.reason);
        }
    }

    private static ProgressResult assess(ProgressMethod method, Series series, ProgressGoal goal, Draft r) {
        if (series.size() == 0) {
            throw new Unable("no observations");
        }
        Direction dir = goal.direction();
        Series s = series;
        double d = dir == Direction.HIGHER ? 1 : -1;
        if (goal.binary()) {
            for (int i = 0; i < s.size(); i++) {
                if (s.value(i) != 0 && s.value(i) != 1) {
                    throw new Unable("a yes/no indicator holds 0 (no) or 1 (yes); found " + Numbers.format(s.value(i))
                            + " in " + s.period(i));
                }
            }
            if (r.target.isEmpty()) {
                r.target = OptionalDouble.of(dir == Direction.LOWER ? 0 : 1);
            }
        } else if (dir == Direction.TARGET) {
            if (r.target.isEmpty()) {
                throw new Unable("a target-band (goldilocks) indicator needs a target value");
            }
            s = fold(s, r.target.getAsDouble(), r);
        }
        boolean hasTarget = r.target.isPresent();
        double target = hasTarget ? r.target.getAsDouble() : Double.NaN;
        Period tp = goal.targetPeriod();

        int last = s.size() - 1;
        if (method instanceof Unsd && hasTarget) {
            while (last >= 0 && s.period(last).startYear() > tp.startYear()) {
                last--;
            }
            if (last < 0) {
                throw new Unable("no observation up to the target period " + tp);
            }
            if (last < s.size() - 1) {
                r.notes.add("target period " + tp + " is past: observations after it are not used");
            }
        }
        r.latestPeriod = Optional.of(s.period(last));
        r.latestValue = OptionalDouble.of(series.value(last));
        double yt = s.value(last);

        if (hasTarget) {
            boolean binaryTargetBand = goal.binary() && dir == Direction.TARGET;
            boolean met = binaryTargetBand ? yt == target : d > 0 ? yt >= target : yt <= target;
            if (met) {
                return r.verdict(ProgressCategory.TARGET_ACHIEVED);
            }
            if (method instanceof Unsd u
                    && goal.limit().isPresent()
                    && goal.limit().getAsDouble() == target
                    && Math.abs(yt - target) <= u.limitTolerance()) {
                r.notes.add("latest value within " + Numbers.format(u.limitTolerance())
                        + " of a target at the natural limit counts as achieved");
                return r.verdict(ProgressCategory.TARGET_ACHIEVED);
            }
        }
        if (goal.binary()) {
            if (method instanceof StatCan) {
                return r.verdict(ProgressCategory.TARGET_NOT_ACHIEVED);
            }
            if (method instanceof Unsd) {
                return r.verdict(ProgressCategory.STAGNATION_OR_REGRESSION);
            }
            throw new Unable("a yes/no indicator that has not met its target has no trend to assess by " + method.id()
                    + " (only statcan and unsd define a rule)");
        }

        int baseYear = goal.basePeriod().startYear();
        if (method instanceof Eurostat e && e.trendYears() > 0) {
            baseYear = s.period(last).startYear() - e.trendYears();
        }
        int base = -1;
        for (int i = 0; i <= last; i++) {
            if (s.period(i).startYear() >= baseYear) {
                base = i;
                break;
            }
        }
        if (base < 0) {
            throw new Unable("no observation in or after the base year " + baseYear);
        }
        if (base == last) {
            throw new Unable("only one observation from the base year " + baseYear + " on (" + s.period(last)
                    + "); at least two periods are needed");
        }
        if (s.period(base).startYear() != baseYear) {
            r.notes.add("no value in the base year " + baseYear + "; the first later period " + s.period(base)
                    + " is used");
        }
        r.basePeriod = Optional.of(s.period(base));
        r.baseValue = OptionalDouble.of(series.value(base));
        double t0 = s.period(base).decimalYear();
        double t = s.period(last).decimalYear();
        double tT = tp.decimalYear();
        if (hasTarget && !(tT > t0)) {
            throw new Unable("the target period " + tp + " is not after the base period " + s.period(base));
        }
        Obs o = new Obs(s, base, last, s.value(base), yt, t0, t, target, tT, d, hasTarget);
        if (method instanceof Eurostat m) {
            return eurostat(m, o, r);
        } else if (method instanceof StatCan m) {
            return statcan(m, o, r, goal);
        } else if (method instanceof Unsd m) {
            return unsd(m, o, r);
        } else if (method instanceof EscapCurrentStatus) {
            return escapCurrentStatus(o, r);
        } else if (method instanceof EscapAnticipated m) {
            return escapAnticipated(m, o, r);
        } else if (method instanceof Sdsn m) {
            return sdsn(m, o, r);
        }
        throw new IllegalStateException("unknown method " + method);
    }

    /** The observations a formula needs (values after any fold). */
    private record Obs(
            Series s,
            int base,
            int last,
            double y0,
            double yt,
            double t0,
            double t,
            double target,
            double tT,
            double d,
            boolean hasTarget) {}

    private static Series fold(Series s, double target, Draft r) {
        if (target == 1) {
            for (int i = 0; i < s.size(); i++) {
                if (!(s.value(i) > 0)) {
                    throw new Unable("a parity index must be positive; found " + Numbers.format(s.value(i)) + " in "
                            + s.period(i));
                }
            }
            r.notes.add("parity index folded: max(y, 1/y), and 1 within [0.97, 1.03]");
            return s.map(y -> Math.abs(y - 1) <= PARITY_BAND + 1e-12 ? 1 : Math.max(y, 1 / y));
        }
        r.notes.add("values folded around the target: y* + |y - y*|");
        return s.map(y -> target + Math.abs(y - target));
    }

    // ---- growth rates

    private static double cagr(double y1, double y0, double years) {
        return Math.pow(y1 / y0, 1 / years) - 1;
    }

    private static void requireOneSign(double y0, double y, String what) {
        if ((y0 > 0 && y < 0) || (y0 < 0 && y > 0)) {
            throw new Unable("the base value " + Numbers.format(y0) + " and the " + what + " " + Numbers.format(y)
                    + " have opposite signs; a growth rate needs values of one sign");
        }
    }

    private static double sign(double y0, Draft r) {
        if (y0 < 0) {
            r.notes.add("values are negative: the direction of growth is flipped");
            return -1;
        }
        return 1;
    }

    /** Returns num/den, with ±infinity (by the sign of num) for den = 0 and 0 for 0/0. */
    static double ratio(double num, double den) {
        if (den == 0) {
            return num > 0 ? Double.POSITIVE_INFINITY : num < 0 ? Double.NEGATIVE_INFINITY : 0;
        }
        return num / den;
    }

    /** Piecewise-linear interpolation through (xs, ys), constant beyond the ends. */
    static double interpolate(double x, double[] xs, double[] ys) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int k = 0; k + 1 < xs.length; k++) {
            if (x <= xs[k + 1]) {
                double w = xs[k + 1] - xs[k];
                return w == 0 ? ys[k + 1] : ys[k] + (ys[k + 1] - ys[k]) * (x - xs[k]) / w;
            }
        }
        return ys[ys.length - 1];
    }

    // ---- the methods

    private static ProgressResult eurostat(Eurostat m, Obs o, Draft r) {
        if (o.y0 == 0) {
            throw new Unable("the base value is 0: a growth rate from 0 is not defined (Eurostat publishes no"
                    + " replacement rule)");
        }
        requireOneSign(o.y0, o.yt, "latest value");
        double sg = sign(o.y0, r);
        double ca = cagr(o.yt, o.y0, o.t - o.t0);
        if (o.hasTarget) {
            requireOneSign(o.y0, o.target, "target");
            double cr = cagr(o.target, o.y0, o.tT - o.t0);
            double ratio = ratio(sg * o.d * ca, Math.abs(cr));
            ProgressCategory c = ratio >= m.significantRatio()
                    ? ProgressCategory.SIGNIFICANT_PROGRESS
                    : ratio >= m.moderateRatio()
                            ? ProgressCategory.MODERATE_PROGRESS
                            : ratio >= 0 ? ProgressCategory.INSUFFICIENT_PROGRESS : ProgressCategory.MOVEMENT_AWAY;
            return r.result(c, ratio, OptionalDouble.empty());
        }
        double g = sg * o.d * ca;
        double h = m.growthThreshold();
        ProgressCategory c = g > h
                ? ProgressCategory.SIGNIFICANT_PROGRESS
                : g >= 0
                        ? ProgressCategory.MODERATE_PROGRESS
                        : g >= -h
                                ? ProgressCategory.MODERATE_MOVEMENT_AWAY
                                : ProgressCategory.SIGNIFICANT_MOVEMENT_AWAY;
        return r.result(c, g, OptionalDouble.empty());
    }

    private static ProgressResult statcan(StatCan m, Obs o, Draft r, ProgressGoal goal) {
        double y0 = o.y0;
        if (y0 == 0) {
            y0 = m.zeroReplacement();
            r.notes.add("base value 0 replaced by " + Numbers.format(y0));
        }
        requireOneSign(y0, o.yt, "latest value");
        double sg = sign(y0, r);
        double ca = cagr(o.yt, y0, o.t - o.t0);
        if (o.hasTarget) {
            double ys = o.target;
            if (ys == 0) {
                ys = m.zeroReplacement();
                r.notes.add("target 0 replaced by " + Numbers.format(ys));
            }
            requireOneSign(y0, ys, "target");
            double cr = cagr(ys, y0, o.tT - o.t0);
            double ratio = ratio(sg * o.d * ca, Math.abs(cr));
            double hi = m.onTrackRatio();
            double med = m.accelerationRatio();
            double score = interpolate(
                    ratio, new double[] {-med, 0, med, hi, hi + (hi - med)}, new double[] {-5, -2.5, 0, 2.5, 5});
            return r.result(statcanCategory(ratio, hi, med), ratio, OptionalDouble.of(score));
        }
        double c = 1;
        if (goal.limit().isPresent()) {
            c = limitFactor(Math.abs(o.y0), Math.abs(goal.limit().getAsDouble()), m.limitExponent());
            r.notes.add("natural limit " + Numbers.format(goal.limit().getAsDouble()) + ": thresholds scaled by C = "
                    + Numbers.format(c));
        }
        double g = sg * o.d * ca;
        if (c == 0 && g >= 0) {
            return r.result(ProgressCategory.ON_TRACK, g, OptionalDouble.of(5));
        }
        double hi = m.onTrackGrowth() * c;
        double med = m.accelerationGrowth() * c;
        double score = interpolate(
                g, new double[] {-0.02, 0, med, hi, hi + (hi - med) / 2}, new double[] {-5, -2.5, 0, 2.5, 5});
        return r.result(statcanCategory(g, hi, med), g, OptionalDouble.of(score));
    }

    private static ProgressCategory statcanCategory(double x, double hi, double med) {
        return x >= hi
                ? ProgressCategory.ON_TRACK
                : x >= med
                        ? ProgressCategory.ACCELERATION_NEEDED
                        : x >= 0 ? ProgressCategory.LIMITED_PROGRESS : ProgressCategory.DETERIORATION;
    }

    /** Statistics Canada's natural-limit factor C (sdg-build {@code get_progress_thresholds}). */
    static double limitFactor(double base, double limit, double a) {
        if (base >= 2 * limit) {
            return 1;
        }
        if (base <= limit) {
            return 1 - Math.pow(base / limit, a);
        }
        return 1 - Math.pow((2 * limit - base) / limit, a);
    }

    private static ProgressResult unsd(Unsd m, Obs o, Draft r) {
        if (o.y0 == 0) {
            throw new Unable("the base value is 0: a growth rate from 0 is not defined (the Progress Chart"
                    + " publishes no replacement rule)");
        }
        requireOneSign(o.y0, o.yt, "latest value");
        double sg = sign(o.y0, r);
        double ca = cagr(o.yt, o.y0, o.t - o.t0);
        if (o.hasTarget) {
            double projected = o.yt * Math.pow(1 + ca, o.tT - o.t);
            double ratio = ratio(o.d * (projected - o.y0), Math.abs(o.target - o.y0));
            return r.result(unsdCategory(ratio, m.onTrackRatio(), m.fairRatio()), ratio, OptionalDouble.empty());
        }
        double g = sg * o.d * ca;
        return r.result(unsdCategory(g, m.onTrackGrowth(), m.fairGrowth()), g, OptionalDouble.empty());
    }

    private static ProgressCategory unsdCategory(double x, double hi, double fair) {
        return x >= hi
                ? ProgressCategory.ON_TRACK
                : x >= fair ? ProgressCategory.FAIR_PROGRESS : ProgressCategory.STAGNATION_OR_REGRESSION;
    }

    private static void requireTarget(Obs o, String method) {
        if (!o.hasTarget) {
            throw new Unable(method + " needs a target value (it measures the distance to the target)");
        }
    }

    private static ProgressResult escapCurrentStatus(Obs o, Draft r) {
        requireTarget(o, "escap-cs");
        double cs = Math.min(ratio(o.d * (o.yt - o.y0), Math.abs(o.target - o.y0)), 1);
        double expected = Math.min(Math.max((o.t - o.t0) / (o.tT - o.t0), 0), 1);
        r.notes.add("expected progress " + Numbers.format(expected));
        return r.result(
                cs >= expected ? ProgressCategory.ON_EXPECTED_PATH : ProgressCategory.BEHIND,
                cs,
                OptionalDouble.empty());
    }

    private static ProgressResult escapAnticipated(EscapAnticipated m, Obs o, Draft r) {
        requireTarget(o, "escap-ap");
        double projected;
        if (m.projection() == EscapAnticipated.Projection.CAGR) {
            if (o.y0 == 0) {
                throw new Unable("the base value is 0: the CAGR projection needs a non-zero base");
            }
            requireOneSign(o.y0, o.yt, "latest value");
            double ca = cagr(o.yt, o.y0, o.t - o.t0);
            projected = o.yt * Math.pow(1 + ca, o.tT - o.t);
        } else {
            projected = regression(o, m);
        }
        r.notes.add("projected value at " + r.goal.targetPeriod() + ": " + Numbers.format(projected));
        double gap = ratio(o.d * (o.target - projected), Math.abs(o.target - o.y0));
        ProgressCategory c = gap <= 0
                ? ProgressCategory.ON_TRACK
                : gap <= 1 ? ProgressCategory.ACCELERATE : ProgressCategory.REVERSE_TREND;
        return r.result(c, gap, OptionalDouble.empty());
    }

    /** Weighted least-squares line through the observations from fitFromYear to the latest. */
    private static double regression(Obs o, EscapAnticipated m) {
        int from = 0;
        while (from < o.last && o.s.period(from).startYear() < m.fitFromYear()) {
            from++;
        }
        int n = o.last - from + 1;
        if (n < 2) {
            throw new Unable("fewer than two observations from " + m.fitFromYear() + " for the regression");
        }
        double x0 = o.s.period(from).decimalYear();
        double[] w = new double[n];
        double[] wx = new double[n];
        double[] wy = new double[n];
        for (int k = 0; k < n; k++) {
            double x = o.s.period(from + k).decimalYear() - x0;
            w[k] = m.weights() == EscapAnticipated.Weights.LINEAR ? 1 + x : 1;
            wx[k] = w[k] * x;
            wy[k] = w[k] * o.s.value(from + k);
        }
        double sw = Numbers.sum(w, 0, n);
        double mx = Numbers.sum(wx, 0, n) / sw;
        double my = Numbers.sum(wy, 0, n) / sw;
        double[] sxy = new double[n];
        double[] sxx = new double[n];
        for (int k = 0; k < n; k++) {
            double dx = o.s.period(from + k).decimalYear() - x0 - mx;
            sxy[k] = w[k] * dx * (o.s.value(from + k) - my);
            sxx[k] = w[k] * dx * dx;
        }
        double slope = Numbers.sum(sxy, 0, n) / Numbers.sum(sxx, 0, n);
        return my + slope * (o.tT - x0 - mx);
    }

    private static ProgressResult sdsn(Sdsn m, Obs o, Draft r) {
        requireTarget(o, "sdsn");
        double observed = o.d * (o.yt - o.y0) / (o.t - o.t0);
        double required = Math.abs(o.target - o.y0) / (o.tT - o.t0);
        double ratio = ratio(observed, required);
        ProgressCategory c = ratio >= 1
                ? ProgressCategory.ON_TRACK
                : ratio >= m.moderateShare()
                        ? ProgressCategory.MODERATELY_IMPROVING
                        : ratio >= 0 ? ProgressCategory.STAGNATING : ProgressCategory.DECREASING;
        return r.result(c, ratio, OptionalDouble.empty());
    }
}
