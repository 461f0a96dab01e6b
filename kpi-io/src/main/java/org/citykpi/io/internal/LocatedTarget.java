package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import org.citykpi.assess.Target;

/**
 * A target as read, with the line it came from (for JSON, its index in the array + 1), so that a
 * second target for the same KPI can name the first.
 *
 * @param target the target
 * @param line the line (1-based)
 */
public record LocatedTarget(Target target, long line) {
    /** Checks the target is given. */
    public LocatedTarget {
        requireNonNull(target, "target");
    }
}
