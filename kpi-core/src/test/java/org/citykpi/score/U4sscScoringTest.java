package org.citykpi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class U4sscScoringTest {
    @ParameterizedTest
    @CsvSource({
        // attainment, points: band edges of the U4SSC verification reports ([0,33) [33,66) [66,95) [95,inf))
        "0, 1",
        "32.999, 1",
        "33, 2",
        "65.99, 2",
        "66, 3",
        "94.999, 3",
        "95, 4",
        "250, 4"
    })
    void pointsFollowTheBands(double attainment, int points) {
        assertEquals(points, Band.of(attainment).points());
    }

    @Test
    void scoresByDirection() {
        // U4SSC fixed broadband worked example: 45 % against the 60 % target = 75 % → 3 points.
        KpiScore s = U4sscScoring.score(45, 60, Direction.HIGHER);
        assertEquals(75, s.attainment().getAsDouble(), 1e-12);
        assertEquals(3, s.points().getAsInt());
        assertEquals(Band.B66_95, s.band().orElseThrow());
        // Lower is better (our documented assumption): target 10 / value 16 × 100 = 62.5 → 2 points.
        assertEquals(
                62.5, U4sscScoring.score(16, 10, Direction.LOWER).attainment().getAsDouble(), 1e-12);
        // Target band: min(12/10, 10/12) × 100 = 83.33… → 3 points.
        assertEquals(
                1000.0 / 12,
                U4sscScoring.score(12, 10, Direction.TARGET).attainment().getAsDouble(),
                1e-12);
        assertEquals(4, U4sscScoring.score(0, 5, Direction.LOWER).points().getAsInt());
        assertFalse(U4sscScoring.score(5, 0, Direction.HIGHER).isScored());
        assertFalse(U4sscScoring.score(-1, 5, Direction.HIGHER).isScored());
    }

    /**
     * The published roll-up example (u4ssc-scoring/aggregation-examples.csv, Pully factsheet 2020
     * p.12): Education KPIs scoring 1, 3, 4, 1 points give 9 / 16 = 56.25 % → 33-66; with the fourth
     * KPI not reported, 3, 4, 2 give 9 / 12 = 75 % → 66-95.
     */
    @Test
    void rollsUpThePublishedExamples() {
        Catalog.Builder cb = Catalog.builder("t", "1");
        for (int k = 1; k <= 4; k++) {
            cb.variable(Variable.of("v" + k, "%"));
            cb.indicator(Indicator.of("ED" + k, "ed " + k, "%", Direction.HIGHER, "v" + k)
                    .withGroups("Society and Culture", "Education, Health and Culture", "Education"));
        }
        Catalog c = cb.build();
        TargetSet t = TargetSet.of(
                List.of(Target.of("ED1", 100), Target.of("ED2", 100), Target.of("ED3", 100), Target.of("ED4", 100)));
        Period y = Period.year(2020);
        Dataset.Builder b = Dataset.builder();
        // attainments 20 (1 pt), 70 (3), 100 (4), 10 (1) for "all"; 70 (3), 100 (4), 50 (2) for "three"
        double[][] vals = {{20, 70, 100, 10}, {70, 100, 50, -1}};
        String[] ents = {"all", "three"};
        for (int e = 0; e < 2; e++) {
            for (int k = 0; k < 4; k++) {
                if (vals[e][k] >= 0) {
                    b.add(ents[e], y, "v" + (k + 1), vals[e][k]);
                }
            }
        }
        Results r = Engine.create(c).evaluate(b.build());
        List<GroupScore> g = U4sscScoring.rollUp(U4sscScoring.score(r, t));
        GroupScore all = g.stream()
                .filter(x -> x.entity().equals("all") && x.level() == GroupScore.Level.CATEGORY)
                .findFirst()
                .orElseThrow();
        assertEquals(9, all.points());
        assertEquals(16, all.maxPoints());
        assertEquals(56.25, all.scorePercent().getAsDouble(), 1e-12);
        assertEquals(Band.B33_66, all.band().orElseThrow());
        GroupScore three = g.stream()
                .filter(x -> x.entity().equals("three") && x.level() == GroupScore.Level.CATEGORY)
                .findFirst()
                .orElseThrow();
        assertEquals(4, three.kpisTotal());
        assertEquals(3, three.kpisScored());
        assertEquals(75, three.scorePercent().getAsDouble(), 1e-12);
        assertEquals(Band.B66_95, three.band().orElseThrow());
        assertEquals(6, g.size(), "category, sub-dimension and dimension for each of 2 rows");
        List<ScoredResult> cells = new ArrayList<>();
        U4sscScoring.score(r, t).cells().forEach(cells::add);
        assertEquals(8, cells.size());
        assertTrue(cells.get(0).points().isPresent());
        assertEquals(Band.B0_33, cells.get(0).band().orElseThrow());
    }
}
