package org.citykpi.observe;

/**
 * Says which end of its interval a reading's time stamp marks. The default is {@link #START}.
 */
public enum TimeStamps {
    /**
     * The time is the start of the interval the reading stands for, as EU air-quality e-reporting
     * and openair stamp hourly means (the default): a reading at 00:00 belongs to the hour 00–01.
     */
    START,
    /**
     * The time is the end of the interval, as many loggers stamp hours 01:00 … 24:00: a reading is
     * moved back by its interval (its duration, or else the series' spacing; at most one hour) before
     * it is placed in an hour or a day, so 2023-01-02T00:00 stands for the last hour of 1 January.
     */
    END
}
