package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;

/**
 * Turns roll-up results into a {@link Dataset} for a catalog: each result whose (property,
 * statistic) is in the {@link VariableMap} becomes the value of its variable (or reported indicator
 * value, {@code EN.EN.AQ.1C/PM2.5}) for the result's entity (city or station) and period, converted
 * into the variable's unit, with a {@link RollupProvenance} that explanations can show.
 *
 * <ul>
 *   <li>The map's targets and units are checked against the catalog when the bridge is made: a
 *       target the catalog does not have, or a unit that differs from the catalog's for that target,
 *       is an {@link IllegalArgumentException} naming both units.
 *   <li>A result in a unit that does not convert to the target's (pm25 in ppb) is left out of the
 *       dataset and listed in {@link Bridged#problems()}; a result without a unit is taken to be in
 *       the target's unit, and its provenance says so.
 *   <li>A result that is {@code insufficient_coverage} gives its row (so that the engine reports
 *       the KPI's input as missing) but no value; its provenance carries the roll-up's detail.
 *   <li>Results the map does not name are ignored.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Bridge {
    private final VariableMap map;
    private final Map<String, String> targetUnit = new HashMap<>();

    private Bridge(VariableMap map, Catalog catalog) {
        this.map = map;
        for (VariableMap.Entry e : map.entries()) {
            String unit = unitOf(catalog, e.variable());
            if (e.unit().isPresent() && !unit.isBlank() && !Units.same(e.unit().get(), unit)) {
                throw new IllegalArgumentException(
                        "map gives unit '" + Text.cut(e.unit().get()) + "' for "
                                + Text.cut(e.variable()) + ", but catalog " + catalog.id() + " has '" + Text.cut(unit)
                                + "' (expected the catalog's unit)");
            }
            targetUnit.put(e.variable(), unit.isBlank() ? e.unit().orElse("") : unit);
        }
    }

    private static String unitOf(Catalog catalog, String target) {
        Optional<Variable> v = catalog.variable(target);
        if (v.isPresent()) {
            return v.get().unit();
        }
        Optional<String> out = catalog.output(target);
        if (out.isPresent()) {
            return catalog.unit(out.get());
        }
        throw new IllegalArgumentException("map names '" + Text.cut(target) + "', which is neither a variable nor an"
                + " indicator of catalog " + catalog.id());
    }

    /**
     * Returns a bridge from roll-ups to a catalog.
     *
     * @param map which (property, statistic) feeds which variable
     * @param catalog the catalog the dataset is for
     * @return the bridge
     * @throws IllegalArgumentException if the map names a target the catalog does not have, or
     *     gives a unit that is not the catalog's for it
     */
    public static Bridge of(VariableMap map, Catalog catalog) {
        return new Bridge(requireNonNull(map, "map"), requireNonNull(catalog, "catalog"));
    }

    /**
     * What a bridge made: the dataset, where each value came from, and the results it could not use.
     *
     * @param dataset the values, one row per (entity, period) of a mapped result
     * @param provenance one entry per mapped result, in the order of the results
     * @param problems one sentence per mapped result that could not be used (a unit with no
     *     conversion, a second result for the same cell)
     */
    public record Bridged(Dataset dataset, List<RollupProvenance> provenance, List<String> problems) {
        /**
         * Copies the lists.
         *
         * @param dataset the values
         * @param provenance where each came from
         * @param problems what could not be used
         */
        public Bridged {
            requireNonNull(dataset, "dataset");
            provenance = List.copyOf(provenance);
            problems = List.copyOf(problems);
        }

        /**
         * Returns where a value came from.
         *
         * @param entity the entity
         * @param period the period
         * @param variable the variable or indicator id
         * @return its provenance, or empty when no roll-up fed that cell
         */
        public Optional<RollupProvenance> find(String entity, Period period, String variable) {
            for (RollupProvenance p : provenance) {
                if (p.entity().equals(entity)
                        && p.period().equals(period)
                        && p.variable().equals(variable)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Builds the dataset from roll-up results (cities' or stations', or both: each result's entity
     * becomes the row's entity).
     *
     * @param results the roll-up results
     * @return the dataset, the provenance of each mapped result, and the problems
     */
    public Bridged apply(List<RollupResult> results) {
        Dataset.Builder b = Dataset.builder();
        List<RollupProvenance> prov = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RollupResult r : results) {
            Optional<VariableMap.Entry> e = map.find(r.property(), r.statistic());
            if (e.isEmpty()) {
                continue;
            }
            String variable = e.get().variable();
            String to = targetUnit.getOrDefault(variable, "");
            String from = r.unit().orElse(to);
            String conversion;
            OptionalDouble value = r.value();
            String detail = r.detail();
            b.row(r.entity(), r.period());
            if (to.isEmpty() || from.isEmpty()) {
                conversion = to.isEmpty() ? from : to;
            } else {
                try {
                    Units.Conversion c = Units.conversion(r.property(), from, to);
                    conversion = c.toString() + (r.unit().isEmpty() ? ", unit not given, taken as " + to : "");
                    if (value.isPresent()) {
                        value = OptionalDouble.of(c.apply(value.getAsDouble()));
                    }
                } catch (IllegalArgumentException x) {
                    conversion = from;
                    value = OptionalDouble.empty();
                    detail = String.valueOf(x.getMessage());
                    problems.add(
                            r.entity() + " " + r.period() + " " + r.property() + " " + r.statistic() + ": " + detail);
                }
            }
            if (value.isPresent()) {
                Dataset.Added added = b.add(r.entity(), r.period(), variable, value.getAsDouble());
                if (added != Dataset.Added.NEW) {
                    problems.add(r.entity() + " " + r.period() + " " + variable
                            + ": a second roll-up result for the same variable (" + r.property() + " "
                            + r.statistic() + "), left out");
                    continue;
                }
            }
            prov.add(new RollupProvenance(
                    r.entity(),
                    r.period(),
                    variable,
                    r.property(),
                    r.statistic(),
                    value,
                    r.status(),
                    detail,
                    conversion,
                    r.nValid(),
                    r.nExpected(),
                    r.contributions()));
        }
        return new Bridged(b.build(), prov, problems);
    }
}
