package org.citykpi.index;

import java.util.OptionalInt;

/**
 * Summarises a unit's rank over the runs of an uncertainty analysis: the nominal rank, and the
 * mean, median, 5th and 95th percentiles (R's type 7 quantiles) over the runs in which it had a
 * rank ({@code runs} of them). Ranks count from 1 (best) within the unit's period.
 *
 * @param unit the unit's code
 * @param period its period; {@code ""} for data without time
 * @param nominal its rank in the nominal build; empty when it had no value there
 * @param mean the mean rank over the runs
 * @param median the median rank over the runs (it may end in .5)
 * @param q05 the 5th percentile of its ranks
 * @param q95 the 95th percentile of its ranks
 * @param runs the number of runs in which it had a rank, at least 1
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
