package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.observe.RollupResult.Contribution;
import org.citykpi.observe.RollupResult.Status;

/**
 * Combines stations' roll-up results into a city's: for each property, statistic and period, the
 * arithmetic mean of the stations whose result passed its coverage rule, or their weighted mean
 * {@code Σ wᵢ·vᵢ / Σ wᵢ} (e.g. by population served), both as compensated sums in the order the
 * stations are given.
 *
 * <ul>
 *   <li>The city's {@code nValid} / {@code nExpected} are the stations used / the stations with a
 *       result; its detail says so ({@code mean of 3 of 4 stations}); each station's part is kept
 *       as a {@link Contribution}.
 *   <li>No station passes → {@code insufficient_coverage}, detail {@code no station passes its
 *       coverage rule (0 of 4)}.
 *   <li>Units: the city takes the unit of the first station that has one; a station in another
 *       unit is converted ({@link Units#conversion}) when it can be, and otherwise left out, its
 *       contribution saying why.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class CityMean {
    private CityMean() {}

    /**
     * Combines stations by the arithmetic mean of those that pass.
     *
     * @param city the city's name, the entity of the results
     * @param stations the stations' results (of any properties, statistics and periods)
     * @return one city result per (property, statistic, period), in order of first appearance
     */
    public static List<RollupResult> combine(String city, List<RollupResult> stations) {
        return combine(city, stations, Map.of());
    }

    /**
     * Combines stations by the weighted mean of those that pass.
     *
     * @param city the city's name, the entity of the results, not blank
     * @param stations the stations' results (of any properties, statistics and periods)
     * @param weights each station's weight, finite and not negative; empty for equal weights
     * @return one city result per (property, statistic, period), in order of first appearance
     * @throws IllegalArgumentException if weights are given but a station has none, or a weight is
     *     negative or not finite, or the city's name is blank
     */
    public static List<RollupResult> combine(String city, List<RollupResult> stations, Map<String, Double> weights) {
        requireNonNull(city, "city");
        requireNonNull(weights, "weights");
        if (city.isBlank()) {
            throw new IllegalArgumentException("city name is blank");
        }
        record Key(String property, String statistic, Period period) {}
        Map<Key, List<RollupResult>> groups = new LinkedHashMap<>();
        for (RollupResult r : stations) {
            groups.computeIfAbsent(new Key(r.property(), r.statistic().name(), r.period()), k -> new ArrayList<>())
                    .add(r);
        }
        List<RollupResult> out = new ArrayList<>(groups.size());
        for (List<RollupResult> g : groups.values()) {
            out.add(group(city, g, weights));
        }
        return out;
    }

    private static RollupResult group(String city, List<RollupResult> g, Map<String, Double> weights) {
        Optional<String> unit = Optional.empty();
        for (RollupResult r : g) {
            if (r.unit().isPresent()) {
                unit = r.unit();
                break;
            }
        }
        List<Contribution> parts = new ArrayList<>(g.size());
        double ws = 0;
        double wc = 0;
        double vs = 0;
        double vc = 0;
        int used = 0;
        for (RollupResult r : g) {
            double w = 1;
            if (!weights.isEmpty()) {
                Double x = weights.get(r.entity());
                if (x == null) {
                    throw new IllegalArgumentException("no weight for station '" + Text.cut(r.entity()) + "'");
                }
                w = x;
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException(
                            "weight of station '" + Text.cut(r.entity()) + "' is negative or not finite: " + w);
                }
            }
            OptionalDouble v = r.value();
            String detail = r.detail();
            if (v.isPresent()
                    && unit.isPresent()
                    && r.unit().isPresent()
                    && !Units.same(unit.get(), r.unit().get())) {
                try {
                    v = OptionalDouble.of(
                            Units.conversion(r.property(), r.unit().get(), unit.get())
                                    .apply(v.getAsDouble()));
                } catch (IllegalArgumentException e) {
                    v = OptionalDouble.empty();
                    detail = String.valueOf(e.getMessage());
                }
            }
            boolean use = r.status() == Status.OK && v.isPresent();
            parts.add(new Contribution(r.entity(), v, r.status(), detail, r.nValid(), r.nExpected(), use, w));
            if (use) {
                used++;
                double x = w * v.getAsDouble();
                double t = vs + x;
                vc += org.citykpi.Sum.twoSumError(vs, x, t);
                vs = t;
                double u = ws + w;
                wc += org.citykpi.Sum.twoSumError(ws, w, u);
                ws = u;
            }
        }
        RollupResult first = g.get(0);
        String how = weights.isEmpty() ? "mean" : "weighted mean";
        double weight = ws + wc;
        double value = (vs + vc) / weight;
        if (used == 0 || !(weight > 0) || !Double.isFinite(value)) {
            String detail = used == 0
                    ? "no station passes its coverage rule (0 of " + g.size() + ")"
                    : weight > 0
                            ? "the " + how + " of the stations overflows"
                            : "the weights of the stations used are 0";
            return new RollupResult(
                    city,
                    first.property(),
                    first.period(),
                    first.statistic(),
                    OptionalDouble.empty(),
                    Status.INSUFFICIENT_COVERAGE,
                    detail,
                    used,
                    g.size(),
                    unit,
                    parts);
        }
        return new RollupResult(
                city,
                first.property(),
                first.period(),
                first.statistic(),
                OptionalDouble.of(value),
                Status.OK,
                how + " of " + used + " of " + g.size() + (g.size() == 1 ? " station" : " stations"),
                used,
                g.size(),
                unit,
                parts);
    }
}
