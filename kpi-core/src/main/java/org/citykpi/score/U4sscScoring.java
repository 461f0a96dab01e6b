package org.citykpi.score;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.ResultRecord;
import org.citykpi.engine.Results;

/**
 * Scores values against targets as the U4SSC programme does.
 *
 * <ul>
 *   <li>Attainment = value / target × 100 where higher is better; target / value × 100 where lower
 *       is better (the direction rule is our documented assumption: U4SSC publishes the
 *       higher-is-better form only, e.g. fixed broadband 45 % against the 60 % target = 75 %);
 *       for a target band, the smaller of the two ratios × 100.
 *   <li>Points: 1 for attainment in [0, 33), 2 in [33, 66), 3 in [66, 95), 4 from 95 on (U4SSC
 *       verification reports; bands labelled {@code 0-33}, {@code 33-66}, {@code 66-95}, {@code 95+}).
 *   <li>A group scores total points / (4 × KPIs scored), banded the same way (U4SSC factsheets:
 *       points 1, 3, 4, 1 → 9 / 16 = 56.25 % → {@code 33-66}); KPIs without a value or a target
 *       are left out and counted.
 * </ul>
 *
 * <p>Edge cases: a negative value or target, or a zero target where higher is better, has no
 * meaningful ratio and is not scored (the reason says so). A value of 0 where lower is better meets
 * any non-negative target: 4 points, attainment left empty (the ratio is infinite). Stateless and
 * thread-safe.
 */
public final class U4sscScoring {
    private U4sscScoring() {}

    /** Returns the points for an attainment in percent (1–4). */
    public static int points(double attainment) {
        if (Double.isNaN(attainment)) {
            throw new IllegalArgumentException("attainment is NaN");
        }
        if (attainment < 33) {
            return 1;
        }
        if (attainment < 66) {
            return 2;
        }
        if (attainment < 95) {
            return 3;
        }
        return 4;
    }

    /** Returns the band label for points 1–4: {@code 0-33}, {@code 33-66}, {@code 66-95}, {@code 95+}. */
    public static String band(int points) {
        switch (points) {
            case 1:
                return "0-33";
            case 2:
                return "33-66";
            case 3:
                return "66-95";
            case 4:
                return "95+";
            default:
                throw new IllegalArgumentException("points must be 1 to 4: " + points);
        }
    }

    /** Scores {@code value} against {@code target} for an indicator with direction {@code direction}. */
    public static KpiScore score(double value, double target, Direction direction) {
        requireNonNull(direction, "direction");
        if (!Double.isFinite(value) || !Double.isFinite(target)) {
            return KpiScore.notScored("value or target is not finite");
        }
        if (value < 0 || target < 0) {
            return KpiScore.notScored("negative value or target: attainment is not defined");
        }
        double a;
        switch (direction) {
            case HIGHER:
                if (target == 0) {
                    return KpiScore.notScored("target is 0: attainment is not defined");
                }
                a = 100 * value / target;
                break;
            case LOWER:
                if (value == 0) {
                    return new KpiScore(OptionalDouble.empty(), OptionalInt.of(4), "value 0 meets the target");
                }
                a = 100 * target / value;
                break;
            default:
                if (value == 0 || target == 0) {
                    return value == target
                            ? new KpiScore(OptionalDouble.of(100), OptionalInt.of(4), "")
                            : KpiScore.notScored("value or target is 0: distance to a target band is not defined");
                }
                a = 100 * Math.min(value / target, target / value);
        }
        return new KpiScore(OptionalDouble.of(a), OptionalInt.of(points(a)), "");
    }

    /**
     * Returns the target that applies to {@code output}: its own, or for an indicator, that of its
     * headline part.
     */
    public static Optional<Target> targetFor(Catalog catalog, TargetSet targets, String output) {
        Optional<Target> t = targets.get(output);
        if (t.isPresent() || output.contains("/")) {
            return t;
        }
        Indicator ind = catalog.owner(output);
        return ind.headline().isEmpty() ? Optional.empty() : targets.get(output + "/" + ind.headline());
    }

    /**
     * Returns one record per row and output (indicator rows followed by their parts), with the target
     * and score where there is one. Rows come in dataset order (entity, then period).
     */
    public static List<ResultRecord> records(Results results, TargetSet targets) {
        Catalog c = results.catalog();
        List<String> outs = results.outputs();
        Direction[] dirs = new Direction[outs.size()];
        List<Optional<Target>> tgs = new ArrayList<>();
        for (int k = 0; k < outs.size(); k++) {
            dirs[k] = c.owner(outs.get(k)).direction();
            tgs.add(targetFor(c, targets, outs.get(k)));
        }
        List<ResultRecord> out = new ArrayList<>(results.rowCount() * outs.size());
        for (int row = 0; row < results.rowCount(); row++) {
            for (int k = 0; k < outs.size(); k++) {
                String o = outs.get(k);
                KpiResult r = results.get(row, o);
                Optional<Target> t = tgs.get(k);
                OptionalDouble att = OptionalDouble.empty();
                OptionalInt pts = OptionalInt.empty();
                if (t.isPresent() && r instanceof KpiResult.Value v) {
                    KpiScore s = score(v.value(), t.get().value(), dirs[k]);
                    att = s.attainment();
                    pts = s.points();
                }
                out.add(new ResultRecord(
                        results.entity(row),
                        results.period(row),
                        o,
                        c.name(o),
                        c.unit(o),
                        r,
                        c.formulaText(o),
                        t,
                        att,
                        pts));
            }
        }
        return out;
    }

    /**
     * Rolls points up to category, sub-dimension and dimension for every row: one {@link GroupScore}
     * per row, level and group, in dataset row order, then level (category first), then catalog
     * order. Only indicators with a dimension take part; parts are not counted separately.
     */
    public static List<GroupScore> rollUp(Results results, TargetSet targets) {
        Catalog c = results.catalog();
        List<Indicator> inds = new ArrayList<>();
        for (Indicator i : c.indicators()) {
            if (!i.dimension().isEmpty()) {
                inds.add(i);
            }
        }
        Map<String, Integer> categoryUse = new HashMap<>();
        for (Indicator i : inds) {
            categoryUse.merge(i.category(), 1, Integer::sum);
        }
        Map<String, String> categoryOwner = new HashMap<>();
        for (Indicator i : inds) {
            String prev = categoryOwner.putIfAbsent(i.category(), i.subDimension() + "\u0000" + i.dimension());
            if (prev != null && !prev.equals(i.subDimension() + "\u0000" + i.dimension())) {
                categoryOwner.put(i.category(), "\u0001");
            }
        }
        List<GroupScore> out = new ArrayList<>();
        for (int row = 0; row < results.rowCount(); row++) {
            for (GroupScore.Level level : GroupScore.Level.values()) {
                Map<String, int[]> acc = new LinkedHashMap<>();
                for (Indicator i : inds) {
                    String g = groupName(i, level, categoryOwner);
                    if (g.isEmpty()) {
                        continue;
                    }
                    int[] a = acc.computeIfAbsent(g, k -> new int[3]);
                    a[0]++;
                    Optional<Target> t = targetFor(c, targets, i.id());
                    KpiResult r = results.get(row, i.id());
                    if (t.isPresent() && r instanceof KpiResult.Value v) {
                        KpiScore s = score(v.value(), t.get().value(), i.direction());
                        if (s.isScored()) {
                            a[1]++;
                            a[2] += s.points().getAsInt();
                        }
                    }
                }
                for (Map.Entry<String, int[]> e : acc.entrySet()) {
                    int[] a = e.getValue();
                    out.add(new GroupScore(
                            results.entity(row), results.period(row), level, e.getKey(), a[0], a[1], a[2], 4 * a[1]));
                }
            }
        }
        return out;
    }

    private static String groupName(Indicator i, GroupScore.Level level, Map<String, String> categoryOwner) {
        switch (level) {
            case CATEGORY:
                if (i.category().isEmpty()) {
                    return "";
                }
                // Water and Sanitation, Electricity Supply and Transport sit under two sub-dimensions.
                return "\u0001".equals(categoryOwner.get(i.category()))
                        ? i.category() + " (" + i.subDimension() + ")"
                        : i.category();
            case SUB_DIMENSION:
                return i.subDimension();
            default:
                return i.dimension();
        }
    }
}
