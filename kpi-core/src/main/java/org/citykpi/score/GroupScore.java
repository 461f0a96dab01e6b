package org.citykpi.score;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;

/**
 * The U4SSC roll-up of points for one group of KPIs (a category, sub-dimension or dimension) of one
 * entity in one period: {@code score = points / (4 × KPIs scored)}, banded like a single KPI. KPIs
 * not reported, or without a target, are left out and counted as such. Immutable.
 *
 * @param entity entity code
 * @param period period
 * @param level the grouping level
 * @param group the group's name
 * @param kpisTotal KPIs of the catalog in the group
 * @param kpisScored KPIs with a value and a target
 * @param points points earned
 * @param maxPoints {@code 4 × kpisScored}
 */
public record GroupScore(
        String entity,
        Period period,
        Level level,
        String group,
        int kpisTotal,
        int kpisScored,
        int points,
        int maxPoints) {

    /** The levels of the U4SSC hierarchy. */
    public enum Level {
        /** A category, such as ICT Infrastructure. */
        CATEGORY,
        /** A sub-dimension, such as ICT. */
        SUB_DIMENSION,
        /** A dimension: Economy, Environment, Society and Culture. */
        DIMENSION;

        /** {@return the word used in files: {@code category}, {@code sub_dimension}, {@code dimension}} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Validates the counts.
     *
     * @param entity entity code
     * @param period period
     * @param level the grouping level
     * @param group the group's name
     * @param kpisTotal KPIs of the catalog in the group
     * @param kpisScored KPIs with a value and a target, at most {@code kpisTotal}
     * @param points points earned, 0 to {@code maxPoints}
     * @param maxPoints {@code 4 × kpisScored}
     * @throws IllegalArgumentException if the counts disagree (more scored than total, {@code
     *     maxPoints} not {@code 4 × kpisScored}, points outside {@code [0, maxPoints]})
     */
    public GroupScore {
        requireNonNull(entity, "entity");
        requireNonNull(period, "period");
        requireNonNull(level, "level");
        requireNonNull(group, "group");
        if (kpisScored > kpisTotal || maxPoints != 4 * kpisScored || points < 0 || points > maxPoints) {
            throw new IllegalArgumentException("inconsistent group score for " + group);
        }
    }

    /**
     * {@return the score in percent, {@code 100 × points / maxPoints}, or empty when no KPI of the
     * group is scored}
     */
    public OptionalDouble scorePercent() {
        return maxPoints == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * points / maxPoints);
    }

    /** {@return the band of {@link #scorePercent()}, or empty when no KPI of the group is scored} */
    public Optional<Band> band() {
        OptionalDouble p = scorePercent();
        return p.isPresent() ? Optional.of(Band.of(p.getAsDouble())) : Optional.empty();
    }
}
