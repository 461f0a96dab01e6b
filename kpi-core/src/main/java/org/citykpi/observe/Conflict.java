package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

/**
 * A reading that {@link Observations.Builder#build()} left out of its series, with the reading it
 * clashed with: both origins (as the reader supplied them, e.g. line numbers) so that the reader can
 * report the rejected line and point at the one that was kept.
 *
 * @param kind what clashed
 * @param station the station of both readings
 * @param property the property of both readings
 * @param time the start time of the rejected reading, epoch milliseconds
 * @param keptOrigin the origin of the reading that stays in the series (for {@link
 *     Kind#UNIT_CLASH}: the first reading that named the series' unit)
 * @param rejectedOrigin the origin of the reading left out
 * @param detail a sentence for people, e.g. {@code unit 'ppb' differs from 'ug/m3' of the series}
 */
public record Conflict(
        Kind kind, String station, String property, long time, long keptOrigin, long rejectedOrigin, String detail) {

    /** What a rejected reading clashed with. */
    public enum Kind {
        /**
         * A second reading for the same station, property and start time, under {@link
         * org.citykpi.data.DuplicatePolicy#ERROR}; the first one added is kept.
         */
        DUPLICATE,
        /** A reading whose unit differs from the unit the series already has. */
        UNIT_CLASH
    }

    /**
     * Checks the parts.
     *
     * @param kind what clashed
     * @param station the station of both readings
     * @param property the property of both readings
     * @param time the start time of the rejected reading, epoch milliseconds
     * @param keptOrigin the origin of the reading that stays in the series
     * @param rejectedOrigin the origin of the reading left out
     * @param detail a sentence for people
     * @throws NullPointerException if a part is null
     */
    public Conflict {
        requireNonNull(kind, "kind");
        requireNonNull(station, "station");
        requireNonNull(property, "property");
        requireNonNull(detail, "detail");
    }
}
