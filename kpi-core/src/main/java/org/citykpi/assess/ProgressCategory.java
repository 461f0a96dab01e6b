package org.citykpi.assess;

import java.util.Locale;

/**
 * Names the verdict of a progress assessment. Each {@link ProgressMethod} uses its own words (listed
 * on each constant); {@link #TARGET_ACHIEVED} and {@link #UNABLE_TO_ASSESS} are shared. {@link
 * #word()} gives the word used in files ({@code moderate_progress}).
 */
public enum ProgressCategory {
    /** Eurostat (with or without target): ratio ≥ 95 %, or growth above 1 % a year. */
    SIGNIFICANT_PROGRESS,
    /** Eurostat (with or without target): ratio in [60 %, 95 %), or growth in [0, 1 %]. */
    MODERATE_PROGRESS,
    /** Eurostat with target: ratio in [0, 60 %). */
    INSUFFICIENT_PROGRESS,
    /** Eurostat with target: ratio below 0. */
    MOVEMENT_AWAY,
    /** Eurostat without target: growth in [−1 %, 0). */
    MODERATE_MOVEMENT_AWAY,
    /** Eurostat without target: growth below −1 % a year. */
    SIGNIFICANT_MOVEMENT_AWAY,
    /** Statistics Canada, UNSD, ESCAP anticipated progress and SDSN: on track. */
    ON_TRACK,
    /** Statistics Canada: progress made but acceleration needed. */
    ACCELERATION_NEEDED,
    /** Statistics Canada: limited progress. */
    LIMITED_PROGRESS,
    /** Statistics Canada: deterioration. */
    DETERIORATION,
    /** UNSD Progress Chart: fair progress, but acceleration needed. */
    FAIR_PROGRESS,
    /** UNSD Progress Chart: stagnation or regression. */
    STAGNATION_OR_REGRESSION,
    /** ESCAP current status: at or above the expected-progress line. */
    ON_EXPECTED_PATH,
    /** ESCAP current status: below the expected-progress line. */
    BEHIND,
    /** ESCAP anticipated progress: the target will be missed unless progress accelerates. */
    ACCELERATE,
    /** ESCAP anticipated progress: the 2030 projection is worse than the base value. */
    REVERSE_TREND,
    /** SDSN trend arrow ➚: at least half the required rate. */
    MODERATELY_IMPROVING,
    /** SDSN trend arrow →: improving at less than half the required rate, or not at all. */
    STAGNATING,
    /** SDSN trend arrow ↓: moving away from the target. */
    DECREASING,
    /** Every target-based method: the latest value meets the target. */
    TARGET_ACHIEVED,
    /**
     * Statistics Canada, yes/no indicators only: the condition is not met (Statistics Canada's own
     * category for binary indicators, not a trend word).
     */
    TARGET_NOT_ACHIEVED,
    /** Every method: the data cannot support an assessment; the result says why. */
    UNABLE_TO_ASSESS;

    /** {@return the lower-case word used in files, e.g. {@code moderate_progress}} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
