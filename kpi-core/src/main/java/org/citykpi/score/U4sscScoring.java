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
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
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
 *       verification reports; the {@link Band}s {@code 0-33}, {@code 33-66}, {@code 66-95}, {@code 95+}).
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

    /**
     * Why a value and a target give the score they give; one constant per rule of the class
     * comment, so that scoring a whole column creates no object per cell.
     */
    private enum Rule {
        SCORED(""),
        ZERO_MEETS_TARGET("value 0 meets the target"),
        NOT_FINITE("value or target is not finite"),
        NEGATIVE("negative value or target: attainment is not defined"),
        ZERO_TARGET("target is 0: attainment is not defined"),
        ZERO_OFF_BAND("value or target is 0: distance to a target band is not defined");

        final String reason;

        Rule(String reason) {
            this.reason = reason;
        }

        static Rule of(double value, double target, Direction direction) {
            if (!Double.isFinite(value) || !Double.isFinite(target)) {
                return NOT_FINITE;
            }
            if (value < 0 || target < 0) {
                return NEGATIVE;
            }
            return switch (direction) {
                case HIGHER -> target == 0 ? ZERO_TARGET : SCORED;
                case LOWER -> value == 0 ? ZERO_MEETS_TARGET : SCORED;
                case TARGET -> (value == 0 || target == 0) && value != target ? ZERO_OFF_BAND : SCORED;
            };
        }
    }

    /** Returns the attainment in percent of a pair that {@link Rule#of} scores ({@link Rule#SCORED}). */
    private static double attainment(double value, double target, Direction direction) {
        return switch (direction) {
            case HIGHER -> 100 * value / target;
            case LOWER -> 100 * target / value;
            // both 0: the value is on its target
            case TARGET -> value == target ? 100 : 100 * Math.min(value / target, target / value);
        };
    }

    /**
     * Scores one value against its target.
     *
     * @param value the indicator's value, in its unit
     * @param target the target value, in the same unit
     * @param direction which way the indicator improves; {@link Direction#TARGET} scores the
     *     distance to the target from either side
     * @return attainment and points; 4 points without an attainment for a value of 0 where lower is
     *     better; or no points, with the reason, for a negative or non-finite value or target, a
     *     zero target where higher is better, or a 0 on one side only of a target band
     */
    public static KpiScore score(double value, double target, Direction direction) {
        requireNonNull(direction, "direction");
        Rule rule = Rule.of(value, target, direction);
        return switch (rule) {
            case SCORED -> {
                double a = attainment(value, target, direction);
                yield new KpiScore(
                        OptionalDouble.of(a), OptionalInt.of(Band.of(a).points()), "");
            }
            case ZERO_MEETS_TARGET ->
                new KpiScore(OptionalDouble.empty(), OptionalInt.of(Band.B95_PLUS.points()), rule.reason);
            case NOT_FINITE, NEGATIVE, ZERO_TARGET, ZERO_OFF_BAND -> KpiScore.notScored(rule.reason);
        };
    }

    /**
     * Returns the target that applies to an output: its own, or for an indicator, that of its
     * headline part.
     *
     * @param catalog the catalog that defines the output
     * @param targets the targets, by output id
     * @param output an output id ({@code <id>} or {@code <id>/<part>})
     * @return the target, or empty when neither the output nor (for an indicator) its headline part
     *     has one
     * @throws IllegalArgumentException if an indicator without a target of its own is not in
     *     {@code catalog}
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
     * Scores every cell of computed results against targets, output by output (see {@link Scores}
     * for what is stored and the edge cases). An output without a target costs nothing.
     *
     * @param results the computed results
     * @param targets the targets, by output id; an indicator without one takes its headline
     *     part's ({@link #targetFor}); an empty set scores nothing
     * @return the scores of every cell, immutable
     */
    public static Scores score(Results results, TargetSet targets) {
        requireNonNull(results, "results");
        requireNonNull(targets, "targets");
        Catalog c = results.catalog();
        List<String> outs = results.outputs();
        int rows = results.rowCount();
        List<Optional<Target>> target = new ArrayList<>(outs.size());
        double[][] attainment = new double[outs.size()][];
        byte[][] points = new byte[outs.size()][];
        for (int k = 0; k < outs.size(); k++) {
            String o = outs.get(k);
            Optional<Target> t = targetFor(c, targets, o);
            target.add(t);
            if (t.isEmpty()) {
                // nothing to score: no columns
                attainment[k] = new double[0];
                points[k] = new byte[0];
                continue;
            }
            double tv = t.get().value();
            Direction dir = c.owner(o).direction();
            double[] att = new double[rows];
            byte[] pts = new byte[rows];
            for (int row = 0; row < rows; row++) {
                if (!results.isAvailable(row, o)) {
                    continue;
                }
                double v = results.value(row, o);
                pts[row] = switch (Rule.of(v, tv, dir)) {
                    case SCORED -> {
                        att[row] = attainment(v, tv, dir);
                        yield (byte) Band.of(att[row]).points();
                    }
                    case ZERO_MEETS_TARGET -> (byte) -Band.B95_PLUS.points();
                    case NOT_FINITE, NEGATIVE, ZERO_TARGET, ZERO_OFF_BAND -> 0;
                };
            }
            attainment[k] = att;
            points[k] = pts;
        }
        return new Scores(results, targets, List.copyOf(target), attainment, points);
    }

    /**
     * Rolls points up to category, sub-dimension and dimension for every row. Only indicators with
     * a dimension take part; parts are not counted separately. A category that sits under two
     * sub-dimensions is scored once under each, as {@code <category> (<sub-dimension>)}.
     *
     * @param scores the scored results
     * @return one {@link GroupScore} per row, level and group, in dataset row order, then level
     *     (category first), then catalog order; empty when no indicator has a dimension
     */
    public static List<GroupScore> rollUp(Scores scores) {
        requireNonNull(scores, "scores");
        Results results = scores.results();
        Catalog c = results.catalog();
        List<Indicator> inds = new ArrayList<>();
        for (Indicator i : c.indicators()) {
            if (!i.dimension().isEmpty()) {
                inds.add(i);
            }
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
                    OptionalInt p = scores.points(row, i.id());
                    if (p.isPresent()) {
                        a[1]++;
                        a[2] += p.getAsInt();
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
        return switch (level) {
            case CATEGORY ->
                i.category().isEmpty()
                        ? ""
                        // Water and Sanitation, Electricity Supply and Transport sit under two sub-dimensions.
                        : "\u0001".equals(categoryOwner.get(i.category()))
                                ? i.category() + " (" + i.subDimension() + ")"
                                : i.category();
            case SUB_DIMENSION -> i.subDimension();
            case DIMENSION -> i.dimension();
        };
    }
}
