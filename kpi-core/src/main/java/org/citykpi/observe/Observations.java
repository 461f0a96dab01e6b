package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citykpi.data.DuplicatePolicy;
import org.jspecify.annotations.Nullable;

/**
 * Holds sensor and meter readings column by column, one {@link Series} per (station, property),
 * each sorted by time, together with the readings the {@linkplain #builder() builder} had to leave
 * out ({@link #conflicts()}).
 *
 * <p>Series are ordered by station, then property ({@link String#compareTo}), whatever order the
 * readings came in, so everything computed from the store is independent of input order.
 *
 * <p>Immutable once built and thread-safe.
 */
public final class Observations {
    private final List<Series> series;
    private final List<Conflict> conflicts;
    private final long resolvedDuplicates;
    private final Map<String, Map<String, Series>> index = new HashMap<>();

    private Observations(List<Series> series, List<Conflict> conflicts, long resolvedDuplicates) {
        this.series = List.copyOf(series);
        this.conflicts = List.copyOf(conflicts);
        this.resolvedDuplicates = resolvedDuplicates;
        for (Series s : series) {
            index.computeIfAbsent(s.station(), k -> new HashMap<>()).put(s.property(), s);
        }
    }

    /** {@return a new builder with the duplicate policy {@link DuplicatePolicy#ERROR}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return every series, in station then property order} */
    public List<Series> series() {
        return series;
    }

    /**
     * Returns the series of one station and property.
     *
     * @param station the station
     * @param property the observed property
     * @return the series, or empty if no reading of that property at that station was added
     */
    public Optional<Series> series(String station, String property) {
        Map<String, Series> m = index.get(requireNonNull(station, "station"));
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(requireNonNull(property, "property")));
    }

    /**
     * Returns the readings that were left out: duplicates under {@link DuplicatePolicy#ERROR} and
     * readings whose unit clashes with their series' unit, each with the origin of the reading it
     * clashed with. Ordered by station, property, then time (readings with the same time in the
     * order they were added).
     *
     * @return the conflicts, empty when every reading was kept
     */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /**
     * Returns how many duplicate readings were resolved by the policy {@code FIRST}, {@code LAST} or
     * {@code SUM} (each such reading is merged into or replaced by another, not listed as a {@linkplain
     * #conflicts() conflict}).
     *
     * @return the number of readings merged away, 0 under {@link DuplicatePolicy#ERROR}
     */
    public long resolvedDuplicates() {
        return resolvedDuplicates;
    }

    /** {@return the number of readings stored, over all series} */
    public long size() {
        long n = 0;
        for (Series s : series) {
            n += s.size();
        }
        return n;
    }

    /**
     * Collects readings in any order, interleaved across series, without boxing: each (station,
     * property) gets primitive growable columns, and the station and property names are interned.
     * Not thread-safe; {@link #build()} may be called once.
     *
     * <p>Each reading carries an {@code origin}, an opaque number of the reader's choice (such as a
     * line number), kept only until {@link #build()} (as an {@code int} while every origin fits one),
     * and handed back in {@link Observations#conflicts()}.
     *
     * <p>Units: the first reading of a series that names a unit sets the series' unit (as spelled
     * there); a reading without a unit (null or blank) is taken to be in it; a later reading that
     * names another unit is left out and reported as a {@link Conflict.Kind#UNIT_CLASH}. Spellings of
     * one unit are the same unit ({@link Units#same}: {@code ug/m3} and {@code µg/m³}).
     *
     * <p>Duplicates (same station, property and start time), by the {@linkplain
     * #duplicates(DuplicatePolicy) policy}, in the order the readings were added: {@code ERROR}
     * (default) keeps the first and reports each other one as a {@link Conflict.Kind#DUPLICATE};
     * {@code FIRST} keeps the first, {@code LAST} the last; {@code SUM} adds the values (the sum is
     * valid only if every part is; a part that would make the sum overflow is left out and reported
     * as a duplicate conflict).
     */
    public static final class Builder {
        private DuplicatePolicy policy = DuplicatePolicy.ERROR;
        private final Map<String, Map<String, Buffer>> buffers = new HashMap<>();
        private @Nullable Buffer last;
        private boolean built;

        private Builder() {}

        /**
         * Sets the duplicate policy (default {@link DuplicatePolicy#ERROR}).
         *
         * @param p what a second reading with the same station, property and time does
         * @return this builder
         */
        public Builder duplicates(DuplicatePolicy p) {
            this.policy = requireNonNull(p, "policy");
            return this;
        }

        /**
         * Adds an instant reading; it stands for the interval that starts at its time (the roll-up
         * infers the interval's length from the spacing of the series).
         *
         * @param station the station, not blank
         * @param property the observed property, not blank
         * @param epochMillis the time, epoch milliseconds (UTC)
         * @param value the value; finite when {@code valid}
         * @param valid whether the reading passed its source's checks
         * @param unit the unit of the value, or null (or blank) when the input names none
         * @param origin the reader's token for where the reading came from (such as a line number)
         * @return this builder
         * @throws IllegalArgumentException if a valid value is not finite, or a name is blank
         * @throws IllegalStateException if {@link #build()} was called
         */
        public Builder add(
                String station,
                String property,
                long epochMillis,
                double value,
                boolean valid,
                @Nullable String unit,
                long origin) {
            return add(station, property, epochMillis, 0, value, valid, unit, origin);
        }

        /**
         * Adds a reading that stands for an interval, such as SensorThings' {@code start/end}
         * phenomenon time.
         *
         * @param station the station, not blank
         * @param property the observed property, not blank
         * @param startMillis the start of the interval, epoch milliseconds (UTC)
         * @param durationMillis the length of the interval in milliseconds; 0 makes an instant reading
         * @param value the value; finite when {@code valid}
         * @param valid whether the reading passed its source's checks
         * @param unit the unit of the value, or null (or blank) when the input names none
         * @param origin the reader's token for where the reading came from (such as a line number)
         * @return this builder
         * @throws IllegalArgumentException if a valid value is not finite, the duration is negative or
         *     a name is blank
         * @throws IllegalStateException if {@link #build()} was called
         */
        public Builder add(
                String station,
                String property,
                long startMillis,
                long durationMillis,
                double value,
                boolean valid,
                @Nullable String unit,
                long origin) {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (valid && !Double.isFinite(value)) {
                throw new IllegalArgumentException("a valid reading's value is not finite: " + value);
            }
            if (durationMillis < 0) {
                throw new IllegalArgumentException("negative duration: " + durationMillis);
            }
            Buffer b = buffer(station, property);
            if (unit != null && !unit.isBlank()) {
                if (b.unit == null) {
                    b.unit = unit;
                    b.unitOrigin = origin;
                } else if (!b.unit.equals(unit) && !Units.same(b.unit, unit)) {
                    b.unitClash(startMillis, origin, unit);
                    return this;
                }
            }
            b.add(startMillis, durationMillis, value, valid, origin);
            return this;
        }

        private Buffer buffer(String station, String property) {
            Buffer b = last;
            if (b != null && b.station.equals(station) && b.property.equals(property)) {
                return b;
            }
            Map<String, Buffer> byProperty = buffers.get(requireNonNull(station, "station"));
            if (byProperty == null) {
                if (station.isBlank()) {
                    throw new IllegalArgumentException("station is blank");
                }
                byProperty = new HashMap<>();
                buffers.put(station, byProperty);
            }
            b = byProperty.get(requireNonNull(property, "property"));
            if (b == null) {
                if (property.isBlank()) {
                    throw new IllegalArgumentException("property is blank");
                }
                // intern: keep one copy of each name, not the reader's per-line strings
                b = new Buffer(station, property);
                byProperty.put(property, b);
            }
            last = b;
            return b;
        }

        /**
         * Sorts each series by time, resolves duplicates and builds the store. Never throws on data:
         * what cannot be kept is listed in {@link Observations#conflicts()}. Each series' build
         * buffers are released as soon as it is built.
         *
         * @return the observations
         * @throws IllegalStateException if it was built already
         */
        public Observations build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            last = null;
            List<Buffer> all = new ArrayList<>();
            for (Map<String, Buffer> m : buffers.values()) {
                all.addAll(m.values());
            }
            buffers.clear();
            all.sort(Comparator.comparing((Buffer b) -> b.station).thenComparing(b -> b.property));
            List<Series> out = new ArrayList<>(all.size());
            List<Conflict> conflicts = new ArrayList<>();
            long resolved = 0;
            for (int k = 0; k < all.size(); k++) {
                Buffer b = all.get(k);
                all.set(k, null);
                out.add(b.finish(policy));
                conflicts.addAll(b.conflicts);
                resolved += b.resolved;
            }
            return new Observations(out, conflicts, resolved);
        }
    }

    /** The growable columns of one series while it is being built. */
    private static final class Buffer {
        final String station;
        final String property;

        @Nullable
        String unit;

        long unitOrigin;
        long[] times = new long[16];
        double[] values = new double[16];
        long[] invalid = new long[1];
        int[] origins = new int[16];
        long @Nullable [] wideOrigins;
        long duration = -1;
        long @Nullable [] durations;
        int n;
        boolean sorted = true;
        final List<Conflict> conflicts = new ArrayList<>();
        long resolved;

        Buffer(String station, String property) {
            this.station = station;
            this.property = property;
        }

        void unitClash(long time, long origin, String other) {
            conflicts.add(new Conflict(
                    Conflict.Kind.UNIT_CLASH,
                    station,
                    property,
                    time,
                    unitOrigin,
                    origin,
                    "unit '" + Text.cut(other) + "' differs from '" + Text.cut(unit) + "' of the series"));
        }

        void add(long t, long d, double v, boolean valid, long origin) {
            if (n == times.length) {
                grow();
            }
            if (n > 0 && t < times[n - 1]) {
                sorted = false;
            }
            times[n] = t;
            values[n] = v;
            if (!valid) {
                invalid[n >>> 6] |= 1L << n;
            }
            if (wideOrigins != null) {
                wideOrigins[n] = origin;
            } else if (origin == (int) origin) {
                origins[n] = (int) origin;
            } else {
                long[] w = new long[times.length];
                for (int i = 0; i < n; i++) {
                    w[i] = origins[i];
                }
                w[n] = origin;
                wideOrigins = w;
                origins = new int[0];
            }
            if (durations != null) {
                durations[n] = d;
            } else if (duration < 0) {
                duration = d;
            } else if (d != duration) {
                long[] ds = new long[times.length];
                Arrays.fill(ds, 0, n, duration);
                ds[n] = d;
                durations = ds;
            }
            n++;
        }

        private void grow() {
            int cap = times.length * 2;
            times = Arrays.copyOf(times, cap);
            values = Arrays.copyOf(values, cap);
            invalid = Arrays.copyOf(invalid, (cap + 63) >>> 6);
            if (wideOrigins != null) {
                wideOrigins = Arrays.copyOf(wideOrigins, cap);
            } else {
                origins = Arrays.copyOf(origins, cap);
            }
            if (durations != null) {
                durations = Arrays.copyOf(durations, cap);
            }
        }

        private long origin(int i) {
            return wideOrigins != null ? wideOrigins[i] : origins[i];
        }

        private boolean isValid(int i) {
            return (invalid[i >>> 6] & (1L << i)) == 0;
        }

        private long durationAt(int i) {
            return durations != null ? durations[i] : duration;
        }

        /** Sorts, resolves duplicates, and returns the series; the buffer is spent afterwards. */
        Series finish(DuplicatePolicy policy) {
            int[] order = null;
            long[] t = times;
            if (!sorted) {
                t = Arrays.copyOf(times, n);
                order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                StableSort.sort(t, order);
            }
            // count distinct times to size the output exactly
            int distinct = n == 0 ? 0 : 1;
            for (int i = 1; i < n; i++) {
                if (t[i] != t[i - 1]) {
                    distinct++;
                }
            }
            long[] outT = new long[distinct];
            double[] outV = new double[distinct];
            long[] outBad = new long[(distinct + 63) >>> 6];
            long[] outD = durations == null ? null : new long[distinct];
            int m = 0;
            int i = 0;
            while (i < n) {
                int j = i + 1;
                while (j < n && t[j] == t[i]) {
                    j++;
                }
                int first = order == null ? i : order[i];
                int keep = first;
                double v = values[first];
                boolean valid = isValid(first);
                if (j - i > 1) {
                    for (int k = i + 1; k < j; k++) {
                        int r = order == null ? k : order[k];
                        switch (policy) {
                            case ERROR:
                                conflicts.add(new Conflict(
                                        Conflict.Kind.DUPLICATE,
                                        station,
                                        property,
                                        t[i],
                                        origin(first),
                                        origin(r),
                                        "duplicate reading at " + Instant.ofEpochMilli(t[i])));
                                break;
                            case FIRST:
                                resolved++;
                                break;
                            case LAST:
                                keep = r;
                                v = values[r];
                                valid = isValid(r);
                                resolved++;
                                break;
                            case SUM:
                                double s = v + values[r];
                                if (!Double.isFinite(s) && isValid(r) && valid) {
                                    conflicts.add(new Conflict(
                                            Conflict.Kind.DUPLICATE,
                                            station,
                                            property,
                                            t[i],
                                            origin(first),
                                            origin(r),
                                            "sum of duplicate readings at " + Instant.ofEpochMilli(t[i])
                                                    + " overflows"));
                                } else {
                                    v = s;
                                    valid &= isValid(r);
                                    resolved++;
                                }
                                break;
                            default:
                                throw new IllegalStateException("policy " + policy);
                        }
                    }
                }
                outT[m] = t[i];
                outV[m] = v;
                if (!valid) {
                    outBad[m >>> 6] |= 1L << m;
                }
                if (outD != null) {
                    outD[m] = durationAt(keep);
                }
                m++;
                i = j;
            }
            long d = duration < 0 ? 0 : duration;
            times = new long[0];
            values = new double[0];
            origins = new int[0];
            wideOrigins = null;
            durations = null;
            return new Series(station, property, unit, outT, outV, outBad, outD == null ? d : 0, outD);
        }
    }
}
