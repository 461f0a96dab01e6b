package org.citykpi.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.citykpi.Period;
import org.citykpi.catalog.Direction;
import org.junit.jupiter.api.Test;

/**
 * Statistics Canada aggregation (Open SDG progress methodology, "Aggregated progress status"). Member
 * scores: the worked example 0.6769626 (50/7·0.6947748 − 30/7), an achieved series 5, a
 * deteriorating series −5 (met then lost, R = −3.98, clamped).
 */
class ProgressAggregateTest {
    static final ProgressMethod STATCAN = ProgressMethod.StatCan.defaults();
    static final ProgressGoal GOAL = ProgressGoal.of(Direction.LOWER, 10, Period.year(2030));
    static final ProgressResult WORKED = STATCAN.assess(WorkedExampleTest.PM25, GOAL);
    static final ProgressResult ACHIEVED =
            STATCAN.assess(Series.ofYears(new int[] {2015, 2022}, new double[] {12, 9}), GOAL);
    static final ProgressResult LOST =
            STATCAN.assess(Series.ofYears(new int[] {2015, 2022}, new double[] {8, 12}), GOAL);
    static final ProgressResult UNABLE = STATCAN.assess(Series.empty(), GOAL);

    @Test
    void meanOfScoresLeavesOutWhatCannotBeAssessed() {
        ProgressAggregate a = ProgressAggregate.ofResults(List.of(WORKED, ACHIEVED, UNABLE));
        // (0.6769626 + 5)/2 = 2.8384813 → [2.5, 5] on track; one of three members left out
        assertEquals(2.8384813069, a.score().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.ON_TRACK, a.category());
        assertEquals(3, a.members());
        assertEquals(2, a.scored());
        assertEquals("statcan", a.method());
    }

    @Test
    void targetAchievedOnlyWhenEverySeriesAchievedIt() {
        ProgressAggregate all = ProgressAggregate.ofResults(List.of(ACHIEVED, ACHIEVED, UNABLE));
        assertEquals(ProgressCategory.TARGET_ACHIEVED, all.category());
        assertEquals(5, all.score().getAsDouble(), 0);
        ProgressAggregate notAll = ProgressAggregate.ofResults(List.of(ACHIEVED, WORKED));
        assertEquals(ProgressCategory.ON_TRACK, notAll.category()); // 2.8384813, as above
    }

    @Test
    void yesNoNotAchievedBlocksTargetAchievedButHasNoScore() {
        ProgressGoal yes = ProgressGoal.of(Direction.HIGHER).asBinary();
        ProgressResult no = STATCAN.assess(Series.ofYears(new int[] {2015, 2022}, new double[] {0, 0}), yes);
        ProgressAggregate a = ProgressAggregate.ofResults(List.of(ACHIEVED, no));
        // only ACHIEVED has a score (5), but not every member achieved → band of 5: on track
        assertEquals(5, a.score().getAsDouble(), 0);
        assertEquals(ProgressCategory.ON_TRACK, a.category());
        assertEquals(1, a.scored());
    }

    @Test
    void groupsWeighEquallyWhateverTheirSize() {
        ProgressAggregate g1 = ProgressAggregate.ofResults(List.of(WORKED));
        ProgressAggregate g2 = ProgressAggregate.ofResults(List.of(ACHIEVED, LOST));
        // g2 = (5 + (−5))/2 = 0 → acceleration needed (band [0, 2.5))
        assertEquals(0, g2.score().getAsDouble(), 1e-12);
        assertEquals(ProgressCategory.ACCELERATION_NEEDED, g2.category());
        ProgressAggregate goal = ProgressAggregate.ofGroups(List.of(g1, g2));
        // (0.6769626 + 0)/2 = 0.3384813; a flat mean of the three series would be 0.2256542
        assertEquals(0.3384813069, goal.score().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.ACCELERATION_NEEDED, goal.category());
        assertEquals(2, goal.members());
    }

    @Test
    void deteriorationAndLimitedBands() {
        // (−5 + 0.6769626)/2 = −2.1615187 → [−2.5, 0) limited progress
        ProgressAggregate a = ProgressAggregate.ofResults(List.of(LOST, WORKED));
        assertEquals(-2.1615186931, a.score().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.LIMITED_PROGRESS, a.category());
        // −5 alone → [−5, −2.5) deterioration
        assertEquals(
                ProgressCategory.DETERIORATION,
                ProgressAggregate.ofResults(List.of(LOST)).category());
    }

    @Test
    void nothingToAggregate() {
        ProgressAggregate none = ProgressAggregate.ofResults(List.of());
        assertEquals(ProgressCategory.UNABLE_TO_ASSESS, none.category());
        assertEquals("no members", none.reason());
        ProgressAggregate unable = ProgressAggregate.ofResults(List.of(UNABLE));
        assertEquals("no member could be assessed", unable.reason());
        ProgressAggregate groups = ProgressAggregate.ofGroups(List.of(unable));
        assertEquals(ProgressCategory.UNABLE_TO_ASSESS, groups.category());
    }

    @Test
    void onlyStatCanResultsCanBeAggregated() {
        ProgressResult eurostat = ProgressMethod.Eurostat.defaults().assess(WorkedExampleTest.PM25, GOAL);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ProgressAggregate.ofResults(List.of(WORKED, eurostat)));
        assertTrue(e.getMessage().contains("eurostat"), e.getMessage());
    }

    @Test
    void scoreBreakpointsMatchThePublishedFigures() {
        // Open SDG Figure 2: R −60 % → −5, 0 → −2.5, 60 % → 0, 95 % → 2.5, 130 % → 5, flat beyond
        double[] xs = {-0.6, 0, 0.6, 0.95, 1.3};
        double[] ys = {-5, -2.5, 0, 2.5, 5};
        for (int i = 0; i < xs.length; i++) {
            assertEquals(ys[i], Assessor.interpolate(xs[i], xs, ys), 1e-12);
        }
        assertEquals(-5, Assessor.interpolate(-3, xs, ys), 0);
        assertEquals(5, Assessor.interpolate(7, xs, ys), 0);
        // sdg-build's rounded slope at R = 0.6947748: 7.1429·R − 4.2857 = 0.6769971 (ours 0.6769626)
        assertEquals(7.1429 * 0.6947747659 - 4.2857, WORKED.score().getAsDouble(), 1e-4);
    }
}
