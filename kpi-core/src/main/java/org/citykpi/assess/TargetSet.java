package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citykpi.Period;
import org.jspecify.annotations.Nullable;

/**
 * Maps indicators to their targets (at most one per indicator id). Immutable and thread-safe.
 *
 * <p>Serializable (to ship targets to the workers of a cluster, such as Spark executors): the
 * serial form is the fields of each target, and reading it checks them again, as {@link #of} and
 * the {@link Target} constructor do. The serial form is for moving target sets between JVMs of
 * the same CityKPI version, not for storage.
 * @serial exclude
 */
public final class TargetSet implements Serializable {
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

    // One target's fields in the serial form; an absent period or baseline is null.
    private record TargetForm(
            String kpi,
            double value,
            @Nullable Period period,
            @Nullable Double baseline,
            @Nullable Period baselinePeriod,
            String source)
            implements Serializable {}

    // The serial form of a target set: its targets, read back through of().
    private record SerialForm(List<TargetForm> targets) implements Serializable {
        private Object readResolve() throws InvalidObjectException {
            try {
                List<Target> ts = new ArrayList<>();
                for (TargetForm f : targets) {
                    ts.add(new Target(
                            f.kpi(),
                            f.value(),
                            Optional.ofNullable(f.period()),
                            Optional.ofNullable(f.baseline()),
                            Optional.ofNullable(f.baselinePeriod()),
                            f.source()));
                }
                return of(ts);
            } catch (IllegalArgumentException | NullPointerException e) {
                InvalidObjectException bad = new InvalidObjectException("not a valid target set: " + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    private Object writeReplace() {
        List<TargetForm> forms = new ArrayList<>();
        for (Target t : byKpi.values()) {
            forms.add(new TargetForm(
                    t.kpi(),
                    t.value(),
                    t.period().orElse(null),
                    t.baseline().orElse(null),
                    t.baselinePeriod().orElse(null),
                    t.source()));
        }
        return new SerialForm(forms);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a target set is read through its serial form");
    }
}
