package org.citykpi.index;

import java.util.OptionalInt;

/**
 * Summarises a unit's rank over the runs of an uncertainty analysis: the nominal rank, and the
 * mean, median, 5th and 95th percentiles (R's type 7 quantiles) over the runs in which it had a
 * rank ({@code runs} of them).
 */
public record RankStats(
        String unit,
        String period,
        OptionalInt nominal,
        double mean,
        double median,
        double q05,
        double q95,
        int runs) {}
