package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** R's rounding of {@code mean} and {@code sd}, which z-scores and mean imputation rest on. */
class ColumnStatsTest {
    @Test
    void meanDividesTheSumBeforeRoundingIt() {
        // R's mean sums in extended precision and divides before rounding: mean(c(1.1, 1.1, 1.1,
        // 0.2, 1.1)) is 0.92, the exact mean of those doubles rounded once (Python:
        // float(sum(map(Fraction, v)) / 5)); the rounded sum 4.6000000000000005 divided by 5 gives
        // 0.9200000000000002
        double[] v = {1.1, 1.1, 1.1, 0.2, 1.1};
        assertEquals(0.92, ColumnStats.mean(v, null, 0, v.length, 1));
        assertEquals(-0.92, ColumnStats.mean(v, null, 0, v.length, -1));
    }

    @Test
    void sdOfAColumnWithMissingCells() {
        // 2, 4, 6, 10 (one cell missing): mean 5.5, squared deviations 35, sd √(35/3)
        double[] v = {2, 4, 6, 99, 10};
        boolean[] ok = {true, true, true, false, true};
        double mean = ColumnStats.mean(v, ok, 0, 5, 1);
        assertEquals(5.5, mean);
        assertEquals(Math.sqrt(35.0 / 3), ColumnStats.sd(v, ok, 0, 5, 1, mean));
    }
}
