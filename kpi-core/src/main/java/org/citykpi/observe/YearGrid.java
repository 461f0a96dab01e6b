package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.citykpi.Period;

/**
 * The calendar a roll-up counts against: one year in a time zone, cut into hours and local
 * calendar days. Capture is always counted against this calendar (8,760 hours in 2023, 8,784 in
 * 2024), never against the span of a station's own data.
 *
 * <p>Hours are consecutive 3,600-second slots from local midnight of 1 January, so in a zone with
 * daylight saving time a local day has 23 or 25 hours (the 75 % rule of such a day is then {@code
 * valid × 4 ≥ hours × 3}: 18 of 23 or 19 of 25); a year still has 8,760 or 8,784 hours. The local
 * hour of day of each slot (for Lden's day, evening and night) is that of its start. Zones whose
 * offset changes by a fraction of an hour (such as Australia/Lord_Howe) are cut into the same
 * 3,600-second slots, which are then not aligned with local clock hours during part of the year.
 *
 * <p>Immutable and thread-safe.
 */
public final class YearGrid {
    /** One hour in milliseconds. */
    public static final long HOUR = 3_600_000L;

    private final int year;
    private final ZoneId zone;
    private final long start;
    private final long end;
    private final int hours;
    /** Slot of each day's start, and {@code hours} at index {@code days}. */
    private final int[] dayStart;
    /** Day of each slot. */
    private final short[] dayOf;
    /** Local hour of day (0–23) of each slot's start. */
    private final byte[] localHour;

    private YearGrid(int year, ZoneId zone) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range 1..9999: " + year);
        }
        this.year = year;
        this.zone = requireNonNull(zone, "zone");
        this.start = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        long e = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        this.end = e;
        this.hours = (int) ((e - start + HOUR - 1) / HOUR);
        int days = LocalDate.of(year, 12, 31).getDayOfYear();
        this.dayStart = new int[days + 1];
        LocalDate d = LocalDate.of(year, 1, 1);
        for (int i = 0; i < days; i++) {
            long ms = d.plusDays(i).atStartOfDay(zone).toInstant().toEpochMilli();
            dayStart[i] = (int) Math.floorDiv(ms - start, HOUR);
        }
        dayStart[days] = hours;
        this.dayOf = new short[hours];
        for (int i = 0; i < days; i++) {
            for (int h = dayStart[i]; h < dayStart[i + 1]; h++) {
                dayOf[h] = (short) i;
            }
        }
        this.localHour = new byte[hours];
        ZoneRules rules = zone.getRules();
        boolean fixed = rules.isFixedOffset();
        ZoneOffset off = fixed ? rules.getOffset(java.time.Instant.EPOCH) : ZoneOffset.UTC;
        for (int h = 0; h < hours; h++) {
            long t = start + h * HOUR;
            ZoneOffset o = fixed ? off : rules.getOffset(java.time.Instant.ofEpochMilli(t));
            long local = t + o.getTotalSeconds() * 1000L;
            localHour[h] = (byte) Math.floorMod(Math.floorDiv(local, HOUR), 24);
        }
    }

    /**
     * Returns the calendar of {@code year} in UTC.
     *
     * @param year the year, 1 to 9999
     * @return the calendar
     * @throws IllegalArgumentException if the year is out of range
     */
    public static YearGrid of(int year) {
        return new YearGrid(year, ZoneOffset.UTC);
    }

    /**
     * Returns the calendar of {@code year} in a time zone: its days are that zone's local days.
     *
     * @param year the year, 1 to 9999
     * @param zone the zone, such as {@code Europe/Zurich}
     * @return the calendar
     * @throws IllegalArgumentException if the year is out of range
     */
    public static YearGrid of(int year, ZoneId zone) {
        return new YearGrid(year, zone);
    }

    /** {@return the year} */
    public int year() {
        return year;
    }

    /** {@return the time zone of the local days} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return the year as a period, for results} */
    public Period period() {
        return Period.year(year);
    }

    /** {@return the start of the year (local midnight of 1 January), epoch milliseconds} */
    public long startMillis() {
        return start;
    }

    /** {@return the end of the year (local midnight of the next 1 January, exclusive), epoch milliseconds} */
    public long endMillis() {
        return end;
    }

    /** {@return the number of hours in the year: 8,760, or 8,784 in a leap year} */
    public int hours() {
        return hours;
    }

    /** {@return the number of days in the year: 365 or 366} */
    public int days() {
        return dayStart.length - 1;
    }

    /**
     * Returns the hour that contains an instant.
     *
     * @param epochMillis the instant
     * @return the hour's index, {@code 0 <= h < hours()}, or -1 when the instant is outside the year
     */
    public int hourOf(long epochMillis) {
        if (epochMillis < start || epochMillis >= end) {
            return -1;
        }
        return (int) ((epochMillis - start) / HOUR);
    }

    /**
     * Returns the local date of a day.
     *
     * @param day the day's index, {@code 0 <= day < days()}
     * @return the date
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public LocalDate date(int day) {
        java.util.Objects.checkIndex(day, days());
        return LocalDate.ofYearDay(year, day + 1);
    }

    /**
     * Returns the first hour of a day.
     *
     * @param day the day's index, {@code 0 <= day <= days()} ({@code days()} gives {@link #hours()})
     * @return the hour's index
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int dayStart(int day) {
        return dayStart[day];
    }

    /**
     * Returns the number of hours in a day: 24, or 23 or 25 on a day when daylight saving time
     * starts or ends.
     *
     * @param day the day's index, {@code 0 <= day < days()}
     * @return the day's hours
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int dayHours(int day) {
        java.util.Objects.checkIndex(day, days());
        return dayStart[day + 1] - dayStart[day];
    }

    /**
     * Returns the day an hour belongs to.
     *
     * @param hour the hour's index, {@code 0 <= hour < hours()}
     * @return the day's index
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int dayOf(int hour) {
        return dayOf[hour];
    }

    /**
     * Returns the local hour of day at which an hour starts.
     *
     * @param hour the hour's index, {@code 0 <= hour < hours()}
     * @return 0 to 23
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public int localHour(int hour) {
        return localHour[hour];
    }

    /** {@return the year and zone, e.g. {@code 2023 Europe/Zurich}} */
    @Override
    public String toString() {
        return year + " " + zone;
    }
}
