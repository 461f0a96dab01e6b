package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Holds the readings of one observed property at one station, sorted by time: parallel columns of
 * {@code long} epoch milliseconds (the start of the interval each reading stands for), {@code
 * double} values and a validity bit, plus each reading's duration.
 *
 * <p>Times are strictly increasing: a series never holds two readings with the same start (the
 * {@linkplain Observations.Builder builder} resolves or reports duplicates). An invalid reading is
 * kept, so that it counts as a reading that was there but failed its check; its value is never read
 * by a statistic and may be anything, NaN included. A valid reading's value is finite.
 *
 * <p>Durations: 0 for an instant reading (it stands for the interval that starts at its time and
 * whose length the roll-up infers from the spacing of the series), otherwise the length of the
 * interval in milliseconds. A series whose readings all have the same duration stores it once.
 *
 * <p>Memory: 16 bytes per reading plus one bit of validity (and 8 bytes more per reading only in a
 * series that mixes durations). Immutable and thread-safe.
 */
public final class Series {
    private final String station;
    private final String property;
    private final @Nullable String unit;
    private final long[] times;
    private final double[] values;
    /** Bit i set when reading i is invalid (so an all-valid series is all zeros). */
    private final long[] invalid;

    private final long duration;
    private final long @Nullable [] durations;

    /** Takes the arrays without copying them; they must already be sorted, strictly increasing. */
    Series(
            String station,
            String property,
            @Nullable String unit,
            long[] times,
            double[] values,
            long[] invalid,
            long duration,
            long @Nullable [] durations) {
        this.station = requireNonNull(station, "station");
        this.property = requireNonNull(property, "property");
        this.unit = unit;
        this.times = times;
        this.values = values;
        this.invalid = invalid;
        this.duration = duration;
        this.durations = durations;
    }

    /** {@return the station (a Thing, a meter, a monitoring site) the readings come from} */
    public String station() {
        return station;
    }

    /** {@return the observed property, such as {@code pm25} or {@code laeq}} */
    public String property() {
        return property;
    }

    /** {@return the unit of the values, if the input named one} */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    /** {@return the number of readings, valid or not} */
    public int size() {
        return times.length;
    }

    /**
     * Returns the time of a reading: the start of the interval it stands for.
     *
     * @param i the reading's index, {@code 0 <= i < size()}; readings are in increasing time order
     * @return epoch milliseconds (UTC)
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long time(int i) {
        return times[i];
    }

    /**
     * Returns the value of a reading.
     *
     * @param i the reading's index, {@code 0 <= i < size()}
     * @return the value: finite when the reading is {@linkplain #valid(int) valid}, otherwise
     *     anything (never read by a statistic)
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * Tells whether a reading is valid.
     *
     * @param i the reading's index, {@code 0 <= i < size()}
     * @return {@code true} when the reading passed its source's checks and may be used
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public boolean valid(int i) {
        java.util.Objects.checkIndex(i, times.length);
        return (invalid[i >>> 6] & (1L << i)) == 0;
    }

    /**
     * Returns the duration of a reading's interval.
     *
     * @param i the reading's index, {@code 0 <= i < size()}
     * @return milliseconds, 0 for an instant reading
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long duration(int i) {
        java.util.Objects.checkIndex(i, times.length);
        return durations == null ? duration : durations[i];
    }

    /** {@return the number of valid readings} */
    public int validCount() {
        int bad = 0;
        for (long w : invalid) {
            bad += Long.bitCount(w);
        }
        return times.length - bad;
    }

    /** Shares the time column with this package's roll-ups (never exposed). */
    long[] timeArray() {
        return times;
    }

    /** Shares the value column with this package's roll-ups (never exposed). */
    double[] valueArray() {
        return values;
    }

    /** Shares the invalid bits with this package's roll-ups (never exposed). */
    long[] invalidBits() {
        return invalid;
    }

    /** {@return the one duration of every reading, or -1 when they differ} */
    long uniformDuration() {
        return durations == null ? duration : -1;
    }

    /** {@return a short description: station, property, unit and size} */
    @Override
    public String toString() {
        return station + "/" + property + (unit == null ? "" : " [" + unit + "]") + ": " + times.length + " readings";
    }
}
