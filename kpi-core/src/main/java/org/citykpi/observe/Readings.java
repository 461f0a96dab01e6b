package org.citykpi.observe;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The mergeable state of a roll-up: the readings of one series, in any order, growing as they come
 * and merging with other such states; {@link #finish} sorts them into a {@link Series} for {@link
 * Rollup}. It holds everything every statistic needs (counts, sums, minima, maxima and percentiles
 * all derive from the sorted readings), so a roll-up run in one pass, over chunks merged in any
 * order, or as a Spark {@code Aggregator} buffer gives the same bits.
 *
 * <p>Duplicates (two readings with the same start time) are resolved without regard to the order
 * they came in, since chunk order is not defined on a cluster: of the readings that share a time
 * the one kept is the first by (valid before invalid, smaller value by {@link Double#compare},
 * shorter duration); {@link #duplicates()} says how many were dropped. A caller that must report
 * duplicates by line uses {@link Observations.Builder} instead.
 *
 * <p>Memory: 16 bytes per reading plus a validity bit (8 more only once a reading with a duration
 * is added). {@link Serializable} (Java serialization writes the arrays trimmed to size), with plain
 * array fields for Kryo. Mutable and not thread-safe.
 */
public final class Readings implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The readings' start times, epoch milliseconds, in the order added (the first {@code n}). */
    private long[] times;

    /** The readings' values, in the order added (the first {@code n}). */
    private double[] values;

    /** One bit per reading, set when it is not valid. */
    private long[] invalid;

    /** The readings' durations in milliseconds, or null while every reading is an instant. */
    private long @Nullable [] durations;

    /** The number of readings held. */
    private int n;

    private Readings(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
        invalid = new long[(capacity + 63) >>> 6];
    }

    /** {@return an empty state} */
    public static Readings create() {
        return new Readings(16);
    }

    /** {@return the number of readings added or merged in, duplicates included} */
    public int size() {
        return n;
    }

    /**
     * Adds an instant reading (it stands for the interval that starts at its time).
     *
     * @param epochMillis the time, epoch milliseconds
     * @param value the value, finite when {@code valid}
     * @param valid whether the reading passed its source's checks
     * @return this state
     * @throws IllegalArgumentException if a valid value is not finite
     */
    public Readings add(long epochMillis, double value, boolean valid) {
        return add(epochMillis, 0, value, valid);
    }

    /**
     * Adds a reading that stands for an interval.
     *
     * @param startMillis the start of the interval, epoch milliseconds
     * @param durationMillis its length, not negative; 0 makes an instant reading
     * @param value the value, finite when {@code valid}
     * @param valid whether the reading passed its source's checks
     * @return this state
     * @throws IllegalArgumentException if a valid value is not finite or the duration is negative
     */
    public Readings add(long startMillis, long durationMillis, double value, boolean valid) {
        if (valid && !Double.isFinite(value)) {
            throw new IllegalArgumentException("a valid reading's value is not finite: " + value);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("negative duration: " + durationMillis);
        }
        ensure(n + 1);
        times[n] = startMillis;
        values[n] = value;
        if (!valid) {
            invalid[n >>> 6] |= 1L << n;
        }
        if (durationMillis != 0 && durations == null) {
            durations = new long[times.length];
        }
        if (durations != null) {
            durations[n] = durationMillis;
        }
        n++;
        return this;
    }

    /**
     * Adds every reading of another state to this one.
     *
     * @param other the state to merge in, not changed (it may be this state, whose readings then
     *     double)
     * @return this state
     */
    public Readings merge(Readings other) {
        int m = other.n;
        long[] ot = other.times;
        double[] ov = other.values;
        long[] oi = other.invalid;
        long[] od = other.durations;
        ensure(n + m);
        if (od != null && durations == null) {
            durations = new long[times.length];
        }
        System.arraycopy(ot, 0, times, n, m);
        System.arraycopy(ov, 0, values, n, m);
        for (int i = 0; i < m; i++) {
            if ((oi[i >>> 6] & (1L << i)) != 0) {
                int j = n + i;
                invalid[j >>> 6] |= 1L << j;
            }
        }
        if (durations != null) {
            if (od != null) {
                System.arraycopy(od, 0, durations, n, m);
            } else {
                Arrays.fill(durations, n, n + m, 0L);
            }
        }
        n += m;
        return this;
    }

    private void ensure(int cap) {
        if (cap <= times.length) {
            return;
        }
        int c = Math.max(cap, times.length * 2);
        times = Arrays.copyOf(times, c);
        values = Arrays.copyOf(values, c);
        invalid = Arrays.copyOf(invalid, (c + 63) >>> 6);
        if (durations != null) {
            durations = Arrays.copyOf(durations, c);
        }
    }

    private boolean isValid(int i) {
        return (invalid[i >>> 6] & (1L << i)) == 0;
    }

    private long dur(int i) {
        return durations == null ? 0 : durations[i];
    }

    /** Whether reading {@code a} comes before {@code b} among readings with the same time. */
    private boolean before(int a, int b) {
        boolean va = isValid(a);
        boolean vb = isValid(b);
        if (va != vb) {
            return va;
        }
        int c = Double.compare(values[a], values[b]);
        if (c != 0) {
            return c < 0;
        }
        return dur(a) < dur(b);
    }

    /** Returns the index of the reading kept at each distinct time, in time order. */
    private int[] keep() {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] t = Arrays.copyOf(times, n);
        StableSort.sort(t, order);
        int distinct = 0;
        int[] kept = new int[n];
        int i = 0;
        while (i < n) {
            int best = order[i];
            int j = i + 1;
            while (j < n && t[j] == t[i]) {
                if (before(order[j], best)) {
                    best = order[j];
                }
                j++;
            }
            kept[distinct++] = best;
            i = j;
        }
        return Arrays.copyOf(kept, distinct);
    }

    /**
     * Returns how many readings {@link #finish} drops as duplicates of another reading's time.
     *
     * @return the number of readings beyond the first at each time
     */
    public int duplicates() {
        return n - keep().length;
    }

    /**
     * Returns the readings as a sorted series; this state is not changed and may grow further.
     *
     * @param station the station, not blank
     * @param property the observed property, not blank
     * @param unit the unit of the values, or null when unknown
     * @return the series, one reading per distinct time (see the class comment for duplicates)
     * @throws IllegalArgumentException if a name is blank
     */
    public Series finish(String station, String property, @Nullable String unit) {
        if (station.isBlank() || property.isBlank()) {
            throw new IllegalArgumentException("station or property is blank");
        }
        int[] kept = keep();
        int m = kept.length;
        long[] t = new long[m];
        double[] v = new double[m];
        long[] bad = new long[(m + 63) >>> 6];
        long[] src = durations;
        long[] d = src == null ? null : new long[m];
        boolean uniform = true;
        for (int k = 0; k < m; k++) {
            int r = kept[k];
            t[k] = times[r];
            v[k] = values[r];
            if (!isValid(r)) {
                bad[k >>> 6] |= 1L << k;
            }
            if (d != null && src != null) {
                d[k] = src[r];
                uniform &= d[k] == d[0];
            }
        }
        if (d != null && uniform) {
            return new Series(station, property, unit, t, v, bad, m == 0 ? 0 : d[0], null);
        }
        return new Series(station, property, unit, t, v, bad, 0, d);
    }

    /**
     * Writes the readings held, trimming the arrays to them first.
     *
     * @param out the stream
     * @throws IOException if writing fails
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        times = Arrays.copyOf(times, n);
        values = Arrays.copyOf(values, n);
        invalid = Arrays.copyOf(invalid, (n + 63) >>> 6);
        if (durations != null) {
            durations = Arrays.copyOf(durations, n);
        }
        out.defaultWriteObject();
    }

    /**
     * Reads the readings and checks that the arrays hold them (a stream that does not is rejected).
     *
     * @param in the stream
     * @throws IOException if reading fails or the arrays do not hold the readings
     * @throws ClassNotFoundException if a class of the stream is unknown
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (n < 0
                || times == null
                || values == null
                || invalid == null
                || times.length < n
                || values.length < n
                || invalid.length < (n + 63) >>> 6
                || (durations != null && durations.length < n)) {
            throw new java.io.InvalidObjectException("inconsistent readings state");
        }
        if (times.length == 0) {
            times = new long[16];
            values = new double[16];
            invalid = new long[1];
            if (durations != null) {
                durations = new long[16];
            }
        }
    }
}
