package org.citykpi.data;

/**
 * Says what a {@link Dataset.Builder} does with a second value for the same entity, period and
 * variable. The default is {@link #ERROR}.
 */
public enum DuplicatePolicy {
    /** Keeps the first value and reports the second as rejected (the default). */
    ERROR,
    /** Keeps the first value silently. */
    FIRST,
    /** Keeps the last value silently. */
    LAST,
    /** Adds the values (for counts split over several rows). */
    SUM
}
