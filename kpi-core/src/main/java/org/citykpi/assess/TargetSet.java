package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps indicators to their targets (at most one per indicator id). Immutable and thread-safe.
 */
public final class TargetSet {
    private static final TargetSet EMPTY = new TargetSet(Map.of());
    private final Map<String, Target> byKpi;

    private TargetSet(Map<String, Target> byKpi) {
        this.byKpi = byKpi;
    }

    /** {@return the set without targets} */
    public static TargetSet empty() {
        return EMPTY;
    }

    /**
     * Returns a set of targets.
     *
     * @param targets the targets, at most one per indicator (or part) id; none gives an empty set
     * @return the set, keyed by each target's {@link Target#kpi()}
     * @throws IllegalArgumentException if two targets name the same indicator
     */
    public static TargetSet of(Collection<Target> targets) {
        Map<String, Target> m = new LinkedHashMap<>();
        for (Target t : targets) {
            requireNonNull(t, "target");
            if (m.putIfAbsent(t.kpi(), t) != null) {
                throw new IllegalArgumentException("two targets for " + t.kpi());
            }
        }
        return new TargetSet(Map.copyOf(m));
    }

    /**
     * Returns the target of one indicator.
     *
     * @param kpi indicator id (or part id {@code <id>/<part>}), as the target names it
     * @return the target, or empty when the set has none for that id
     */
    public Optional<Target> get(String kpi) {
        return Optional.ofNullable(byKpi.get(kpi));
    }

    /** {@return every target, in no particular order} */
    public List<Target> all() {
        return List.copyOf(byKpi.values());
    }

    /** {@return the number of targets, 0 or more} */
    public int size() {
        return byKpi.size();
    }
}
