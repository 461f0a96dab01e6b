package org.citykpi.assess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.catalog.Direction;
import org.junit.jupiter.api.Test;

class SeriesAndGoalTest {
    @Test
    void seriesSortsByPeriod() {
        Series s = Series.of(new Period[] {Period.year(2022), Period.year(2015)}, new double[] {16, 20});
        assertEquals(Period.year(2015), s.period(0));
        assertEquals(20, s.value(0));
        assertArrayEquals(new double[] {20, 16}, s.values());
        assertArrayEquals(new Period[] {Period.year(2015), Period.year(2022)}, s.periods());
        assertEquals(Series.ofYears(new int[] {2015, 2022}, new double[] {20, 16}), s);
        assertEquals(
                s.hashCode(),
                Series.ofYears(new int[] {2015, 2022}, new double[] {20, 16}).hashCode());
        assertNotEquals(s, Series.empty());
        assertEquals("Series[2015=20.0, 2022=16.0]", s.toString());
    }

    @Test
    void seriesRejectsWhatCannotBeATimeSeries() {
        IllegalArgumentException same = assertThrows(
                IllegalArgumentException.class,
                () -> Series.of(new Period[] {Period.year(2015), Period.parse("2015-16")}, new double[] {1, 2}));
        assertTrue(same.getMessage().contains("2015 and 2015-2016 start on the same day"), same.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Series.ofYears(new int[] {2015}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Series.ofYears(new int[] {2015}, new double[] {1, 2}));
    }

    @Test
    void goalFromALeadTarget() {
        Target t = new Target(
                "PM25", 10, Optional.of(Period.year(2030)), Optional.empty(), Optional.of(Period.year(2016)), "WHO");
        ProgressGoal g = ProgressGoal.of(Direction.LOWER, t);
        assertEquals(OptionalDouble.of(10), g.target());
        assertEquals(Period.year(2030), g.targetPeriod());
        assertEquals(Period.year(2016), g.basePeriod());
        ProgressGoal bare = ProgressGoal.of(Direction.LOWER, Target.of("PM25", 10));
        assertEquals(ProgressGoal.DEFAULT_BASE, bare.basePeriod());
        assertEquals(ProgressGoal.DEFAULT_TARGET_PERIOD, bare.targetPeriod());
        assertTrue(bare.withoutTarget().target().isEmpty());
        assertEquals(Period.year(2025), bare.withTargetPeriod(Period.year(2025)).targetPeriod());
        assertThrows(IllegalArgumentException.class, () -> bare.withLimit(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> bare.withTarget(Double.NaN, Period.year(2030)));
    }

    @Test
    void methodParametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ProgressMethod.Eurostat(0.5, 0.6, 0.01, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProgressMethod.Eurostat(0.95, 0.6, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProgressMethod.Eurostat(0.95, 0.6, 0.01, -1));
        assertThrows(
                IllegalArgumentException.class, () -> new ProgressMethod.StatCan(0.95, 0.6, 0.015, 0.005, 0, 4.44));
        assertThrows(IllegalArgumentException.class, () -> new ProgressMethod.Unsd(0.95, 0.1, 0.02, 0.005, -1));
        assertThrows(IllegalArgumentException.class, () -> new ProgressMethod.Sdsn(1.5));
        assertEquals(6, ProgressMethod.defaults().size());
    }

    @Test
    void resultInvariants() {
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
                        OptionalDouble.empty(),
                        ProgressCategory.UNABLE_TO_ASSESS,
                        OptionalDouble.empty(),
                        " "));
        assertEquals("moderate_progress", ProgressCategory.MODERATE_PROGRESS.word());
        assertEquals("stagnation_or_regression", ProgressCategory.STAGNATION_OR_REGRESSION.word());
    }
}
