package org.citykpi.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.catalog.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The remaining category bands and refusals, each with its hand calculation. */
class ProgressBandsTest {
    static Series years(int y0, double v0, int y1, double v1) {
        return Series.ofYears(new int[] {y0, y1}, new double[] {v0, v1});
    }

    @ParameterizedTest(name = "100 → {0}")
    @CsvSource({
        // g = (v/100)^(1/5) − 1, higher is better, Eurostat without target
        "104, 0.0078749885, moderate_progress", // 1.04^0.2 − 1, in [0, 1 %]
        "97, -0.0060733239, moderate_movement_away", // 0.97^0.2 − 1, in [−1 %, 0)
        "90, -0.0208516376, significant_movement_away" // 0.9^0.2 − 1, below −1 %
    })
    void eurostatNoTargetBands(double latest, double growth, String word) {
        ProgressResult r = ProgressMethod.Eurostat.defaults()
                .assess(years(2015, 100, 2020, latest), ProgressGoal.of(Direction.HIGHER));
        assertEquals(growth, r.measure().getAsDouble(), 1e-9);
        assertEquals(word, r.category().word());
    }

    @Test
    void fastProgressIsOnTrackForEscapAndSdsn() {
        // lower is better, 20 → 12 (2015 → 2022), target 10: line slope −8/7,
        // ŷ2030 = 12 − 8·8/7 = 2.8571429; gap = −(10 − 2.857)/10 = −0.7142857 ≤ 0 → on track
        Series s = years(2015, 20, 2022, 12);
        ProgressGoal g = ProgressGoal.of(Direction.LOWER, 10, Period.year(2030));
        ProgressResult ap = ProgressMethod.EscapAnticipated.defaults().assess(s, g);
        assertEquals(-0.7142857143, ap.measure().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.ON_TRACK, ap.category());
        // SDSN: (8/7)/(10/15) = 1.7142857 ≥ 1 → on track
        ProgressResult sd = ProgressMethod.Sdsn.defaults().assess(s, g);
        assertEquals(1.7142857143, sd.measure().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.ON_TRACK, sd.category());
    }

    @Test
    void refusals() {
        ProgressGoal g = ProgressGoal.of(Direction.HIGHER, 10, Period.year(2030));
        // UNSD with a target due before every observation
        ProgressResult u =
                ProgressMethod.Unsd.defaults().assess(years(2015, 2, 2022, 4), g.withTargetPeriod(Period.year(2010)));
        assertEquals("no observation up to the target period 2010", u.reason());
        // ESCAP CAGR projection from a zero base
        ProgressResult c = ProgressMethod.EscapAnticipated.cagr().assess(years(2015, 0, 2022, 4), g);
        assertTrue(c.reason().contains("CAGR projection needs a non-zero base"), c.reason());
        // a regression fitted from 2020 sees only the 2022 value
        ProgressMethod late = new ProgressMethod.EscapAnticipated(
                ProgressMethod.EscapAnticipated.Projection.WEIGHTED_REGRESSION,
                ProgressMethod.EscapAnticipated.Weights.LINEAR,
                2020);
        assertTrue(late.assess(years(2015, 2, 2022, 4), g).reason().contains("fewer than two observations from 2020"));
    }

    @Test
    void invariantsOfResultsAndAggregates() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ProgressAggregate("statcan", OptionalDouble.of(6), ProgressCategory.ON_TRACK, 1, 1, ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ProgressAggregate("statcan", OptionalDouble.empty(), ProgressCategory.ON_TRACK, 1, 2, ""));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ProgressResult(
                        ProgressMethod.Sdsn.defaults(),
                        Optional.empty(),
                        OptionalDouble.empty(),
                        Optional.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        Period.year(2030),
                        OptionalDouble.of(Double.POSITIVE_INFINITY),
                        ProgressCategory.ON_TRACK,
                        OptionalDouble.empty(),
                        ""));
    }
}
