package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps roll-up results to a catalog's variables: which (property, statistic) feeds which variable,
 * in which unit — one line of {@code --map MAP.csv} per entry ({@code pm25,mean,pm25_ugm3,ug/m3}).
 * Properties match without regard to case; statistics by name.
 *
 * <p>Immutable and thread-safe.
 */
public final class VariableMap {
    private final List<Entry> entries;
    private final Map<String, Entry> byKey = new HashMap<>();

    /**
     * One mapping.
     *
     * @param property the observed property, such as {@code pm25}
     * @param statistic the statistic, such as {@code mean}
     * @param variable the catalog variable that receives the value
     * @param unit the unit the variable receives (results are converted into it), or empty for the
     *     catalog variable's own unit
     */
    public record Entry(String property, Statistic statistic, String variable, Optional<String> unit) {
        /**
         * Checks the parts.
         *
         * @param property the observed property, not blank
         * @param statistic the statistic
         * @param variable the catalog variable, not blank
         * @param unit the unit, if given (a blank one counts as not given)
         * @throws IllegalArgumentException if the property or variable is blank
         */
        public Entry {
            requireNonNull(property, "property");
            requireNonNull(statistic, "statistic");
            requireNonNull(variable, "variable");
            requireNonNull(unit, "unit");
            if (property.isBlank() || variable.isBlank()) {
                throw new IllegalArgumentException("property or variable is blank");
            }
            unit = unit.filter(u -> !u.isBlank());
        }
    }

    private VariableMap(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            Entry before = byKey.putIfAbsent(key(e.property(), e.statistic()), e);
            if (before != null) {
                throw new IllegalArgumentException("property " + Text.cut(e.property()) + " with statistic "
                        + e.statistic() + " is mapped twice (to " + Text.cut(before.variable()) + " and "
                        + Text.cut(e.variable()) + ")");
            }
        }
    }

    /**
     * Returns a map of the given entries.
     *
     * @param entries the mappings, each (property, statistic) at most once
     * @return the map
     * @throws IllegalArgumentException if a (property, statistic) is mapped twice
     */
    public static VariableMap of(List<Entry> entries) {
        return new VariableMap(entries);
    }

    private static String key(String property, Statistic statistic) {
        return property.strip().toLowerCase(Locale.ROOT) + "\u0000" + statistic.name();
    }

    /** {@return the entries, in the order given} */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Returns the mapping of a property's statistic.
     *
     * @param property the observed property (case ignored)
     * @param statistic the statistic (matched by name)
     * @return the entry, or empty when the pair is not mapped
     */
    public Optional<Entry> find(String property, Statistic statistic) {
        return Optional.ofNullable(byKey.get(key(property, statistic)));
    }
}
