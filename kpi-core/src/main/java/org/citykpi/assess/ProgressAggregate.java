package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;
import org.citykpi.Numbers;

/**
 * Combines many series into one verdict for an indicator, a category or a goal, as Statistics
 * Canada does (Open SDG {@code docs/progress-methodology.md}, "Aggregated progress status" and
 * "Sub-indicator grouping"; sdg-build {@code IndicatorProgress}): the mean of the members' scores
 * in [−5, 5], banded [2.5, 5] {@code on_track}, [0, 2.5) {@code acceleration_needed}, [−2.5, 0)
 * {@code limited_progress}, [−5, −2.5) {@code deterioration}. Groups nest: {@link #ofGroups} takes
 * the mean of the groups' scores, so each group weighs the same whatever its number of series.
 * Immutable and thread-safe.
 *
 * <ul>
 *   <li>a member that achieved its target scores 5; the aggregate says {@code target_achieved}
 *       only if every assessed member achieved it;
 *   <li>members that could not be assessed are left out and counted ({@code members − scored});
 *   <li>a yes/no member that has not met its target ({@code target_not_achieved}) has no score: it
 *       is left out of the mean but keeps the aggregate from being {@code target_achieved} (our
 *       rule; Statistics Canada does not say);
 *   <li>no member with a score → {@code unable_to_assess}.
 * </ul>
 *
 * <p>The mean is compensated (Neumaier), so member order does not change the result beyond the
 * last bit.
 *
 * @param method always {@code statcan}: the only method with a published aggregation score
 * @param score mean score in [−5, 5], empty if no member had one
 * @param category verdict for the aggregate
 * @param members number of members (series or groups)
 * @param scored number of members with a score
 * @param reason why the aggregate could not be assessed; empty otherwise
 */
public record ProgressAggregate(
        String method, OptionalDouble score, ProgressCategory category, int members, int scored, String reason) {

    /**
     * Validates the counts and the score range.
     *
     * @param method always {@code statcan}: the only method with a published aggregation score
     * @param score mean score in [−5, 5], empty if no member had one
     * @param category verdict for the aggregate
     * @param members number of members (series or groups)
     * @param scored number of members with a score, 0 to {@code members}
     * @param reason why the aggregate could not be assessed; empty otherwise
     * @throws IllegalArgumentException if {@code scored} is not in {@code [0, members]} or the
     *     score is outside [−5, 5]
     */
    public ProgressAggregate {
        requireNonNull(method, "method");
        requireNonNull(score, "score");
        requireNonNull(category, "category");
        requireNonNull(reason, "reason");
        if (scored < 0 || scored > members) {
            throw new IllegalArgumentException("scored " + scored + " not in 0.." + members);
        }
        if (score.isPresent() && !(Math.abs(score.getAsDouble()) <= 5)) {
            throw new IllegalArgumentException("score not in [-5, 5]: " + score.getAsDouble());
        }
    }

    /**
     * Aggregates Statistics Canada results of several series, each weighing the same.
     *
     * @param results results of {@link ProgressMethod.StatCan}, one per series, in any order;
     *     those without a score ({@code unable_to_assess}, {@code target_not_achieved}) are counted
     *     but left out of the mean
     * @return the mean of the results' scores, banded; {@code unable_to_assess} when no result has
     *     a score (the reason says whether there were none)
     * @throws IllegalArgumentException if a result comes from another method
     */
    public static ProgressAggregate ofResults(List<ProgressResult> results) {
        requireNonNull(results, "results");
        double[] scores = new double[results.size()];
        int n = 0;
        boolean allAchieved = true;
        for (ProgressResult r : results) {
            if (!(r.method() instanceof ProgressMethod.StatCan)) {
                throw new IllegalArgumentException("only statcan results have aggregation scores; got "
                        + r.method().id());
            }
            if (r.score().isPresent()) {
                scores[n++] = r.score().getAsDouble();
            }
            if (r.assessed() && r.category() != ProgressCategory.TARGET_ACHIEVED) {
                allAchieved = false;
            }
        }
        return of(scores, n, results.size(), allAchieved);
    }

    /**
     * Aggregates groups that are themselves aggregates, weighting each group equally whatever its
     * number of series.
     *
     * @param groups the groups' aggregates, in any order; those without a score are counted but
     *     left out of the mean
     * @return the mean of the groups' scores, banded; {@code unable_to_assess} when no group has a
     *     score
     */
    public static ProgressAggregate ofGroups(List<ProgressAggregate> groups) {
        requireNonNull(groups, "groups");
        double[] scores = new double[groups.size()];
        int n = 0;
        boolean allAchieved = true;
        for (ProgressAggregate g : groups) {
            if (g.score().isPresent()) {
                scores[n++] = g.score().getAsDouble();
            }
            if (g.category() != ProgressCategory.UNABLE_TO_ASSESS && g.category() != ProgressCategory.TARGET_ACHIEVED) {
                allAchieved = false;
            }
        }
        return of(scores, n, groups.size(), allAchieved);
    }

    private static ProgressAggregate of(double[] scores, int n, int members, boolean allAchieved) {
        if (n == 0) {
            return new ProgressAggregate(
                    "statcan",
                    OptionalDouble.empty(),
                    ProgressCategory.UNABLE_TO_ASSESS,
                    members,
                    0,
                    members == 0 ? "no members" : "no member could be assessed");
        }
        double mean = Math.max(-5, Math.min(5, Numbers.sum(scores, 0, n) / n));
        return new ProgressAggregate("statcan", OptionalDouble.of(mean), band(mean, allAchieved), members, n, "");
    }

    private static ProgressCategory band(double score, boolean allAchieved) {
        if (allAchieved) {
            return ProgressCategory.TARGET_ACHIEVED;
        }
        return score >= 2.5
                ? ProgressCategory.ON_TRACK
                : score >= 0
                        ? ProgressCategory.ACCELERATION_NEEDED
                        : score >= -2.5 ? ProgressCategory.LIMITED_PROGRESS : ProgressCategory.DETERIORATION;
    }
}
