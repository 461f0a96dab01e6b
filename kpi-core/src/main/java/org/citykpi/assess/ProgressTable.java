package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Results;

/**
 * Assesses every (entity, indicator) time series of computed results by one method: the series
 * is the indicator's available values over the periods of that entity (computed or reported);
 * its goal comes from the catalog and the target set (see {@link #goal}). Stateless; thread-safe.
 *
 * <ul>
 *   <li>outputs with no value for an entity give no row for it (nothing to assess);
 *   <li>outputs with values give exactly one row per entity, {@code unable_to_assess} included;
 *   <li>rows come in entity order, then in the catalog's output order.
 * </ul>
 */
public final class ProgressTable {
    private ProgressTable() {}

    /**
     * One assessed series.
     *
     * @param entity the entity code
     * @param kpi the output id (an indicator, or {@code <indicator>/<part>})
     * @param result the method's result
     */
    public record Row(String entity, String kpi, ProgressResult result) {
        /**
         * Validates that nothing is null.
         *
         * @param entity the entity code
         * @param kpi the output id (an indicator, or {@code <indicator>/<part>})
         * @param result the method's result
         */
        public Row {
            requireNonNull(entity, "entity");
            requireNonNull(kpi, "kpi");
            requireNonNull(result, "result");
        }
    }

    /**
     * Returns the goal of {@code output} (an indicator or one of its parts, which share the
     * indicator's direction):
     *
     * <ul>
     *   <li>direction from the indicator; target, target period and baseline period from {@code
     *       target} (2030 and 2015 when it gives none);
     *   <li>{@code basePeriod} and {@code targetPeriod}, when present, override both;
     *   <li>a yes/no indicator is one whose unit reads {@code Yes or No}, {@code yes/no}, {@code
     *       binary} or {@code boolean};
     *   <li>a percentage ({@code %}, {@code percent}, {@code percentage}) has the natural limit 100
     *       when higher is better and 0 when lower is better, or the indicator's range bound in that
     *       direction when it is finite.
     * </ul>
     *
     * @param catalog the catalog that defines the output
     * @param output an output id of {@code catalog}
     * @param target the output's target, or empty for a goal without a target value
     * @param basePeriod the base period for every goal, or empty to take the target's (2015 if it
     *     gives none)
     * @param targetPeriod the target period for every goal, or empty to take the target's (2030 if
     *     it gives none)
     * @return the goal to assess the output's series against
     * @throws IllegalArgumentException if {@code catalog} has no such output
     */
    public static ProgressGoal goal(
            Catalog catalog,
            String output,
            Optional<Target> target,
            Optional<Period> basePeriod,
            Optional<Period> targetPeriod) {
        Indicator ind = catalog.owner(output);
        Direction dir = ind.direction();
        ProgressGoal g = target.map(t -> ProgressGoal.of(dir, t)).orElseGet(() -> ProgressGoal.of(dir));
        String unit = catalog.unit(output).strip().toLowerCase(Locale.ROOT);
        if (unit.equals("yes or no") || unit.equals("yes/no") || unit.equals("binary") || unit.equals("boolean")) {
            g = g.asBinary();
        } else if (unit.equals("%") || unit.equals("percent") || unit.equals("percentage")) {
            if (dir == Direction.HIGHER) {
                g = g.withLimit(Double.isFinite(ind.max()) ? ind.max() : 100);
            } else if (dir == Direction.LOWER) {
                g = g.withLimit(Double.isFinite(ind.min()) ? ind.min() : 0);
            }
        }
        if (basePeriod.isPresent()) {
            g = g.withBasePeriod(basePeriod.get());
        }
        if (targetPeriod.isPresent()) {
            g = g.withTargetPeriod(targetPeriod.get());
        }
        return g;
    }

    /**
     * Assesses every series of computed results by one method.
     *
     * @param results the computed results: each entity's rows form its series
     * @param targets the targets, by output id; an output without one is assessed without a
     *     target value
     * @param method the method, with its parameters
     * @param basePeriod the base period for every series, or empty for the targets' (2015 if they
     *     give none)
     * @param targetPeriod the target period for every series, or empty for the targets' (2030 if
     *     they give none)
     * @return one row per entity and output that has a value, in entity order, then the catalog's
     *     output order (see the class comment)
     */
    public static List<Row> assess(
            Results results,
            TargetSet targets,
            ProgressMethod method,
            Optional<Period> basePeriod,
            Optional<Period> targetPeriod) {
        requireNonNull(results, "results");
        requireNonNull(targets, "targets");
        requireNonNull(method, "method");
        requireNonNull(basePeriod, "basePeriod");
        requireNonNull(targetPeriod, "targetPeriod");
        List<Row> rows = new ArrayList<>();
        int n = results.rowCount();
        int from = 0;
        while (from < n) {
            String entity = results.entity(from);
            int to = from;
            while (to < n && results.entity(to).equals(entity)) {
                to++;
            }
            for (String output : results.outputs()) {
                List<Period> periods = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (int row = from; row < to; row++) {
                    if (results.isAvailable(row, output)) {
                        periods.add(results.period(row));
                        values.add(results.value(row, output));
                    }
                }
                if (periods.isEmpty()) {
                    continue;
                }
                ProgressGoal goal = goal(results.catalog(), output, targets.get(output), basePeriod, targetPeriod);
                double[] v = new double[values.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = values.get(i);
                }
                ProgressResult r;
                try {
                    r = method.assess(Series.of(periods.toArray(new Period[0]), v), goal);
                } catch (IllegalArgumentException e) {
                    // two periods of one entity starting on the same day (2015 and 2015-16); every
                    // IllegalArgumentException of Series and Period says why
                    r = ProgressResult.unableToAssess(method, goal, requireNonNull(e.getMessage(), "message"));
                }
                rows.add(new Row(entity, output, r));
            }
            from = to;
        }
        return rows;
    }
}
