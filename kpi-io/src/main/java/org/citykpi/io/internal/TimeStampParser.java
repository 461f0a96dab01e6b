package org.citykpi.io.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the time stamps of sensor readings: an ISO-8601 instant, or an interval {@code
 * start/end} or {@code start/duration}, into epoch milliseconds, in one pass over the text (time
 * linear in its length, no regular expression, no object per stamp on the common paths).
 *
 * <p>What it accepts (blanks around the text are ignored):
 *
 * <pre>
 * stamp    = date [ ("T" | "t" | " ") time ] [ zone ]
 * date     = YYYY "-" MM "-" DD                      (years 0000 to 9999)
 * time     = hh ":" mm [ ":" ss [ ("." | ",") digits ] ]   (24:00, 24:00:00 = next day 00:00)
 * zone     = "Z" | "z" | ("+" | "-") hh [ [":"] mm ]
 * interval = stamp "/" ( stamp | duration )          (duration: P[nD][T[nH][nM][nS]], e.g. PT1H)
 * </pre>
 *
 * <ul>
 *   <li>A stamp with a zone is that instant. A stamp without one is local time in the zone given
 *       to the constructor; without such a zone it is an error ({@code time stamp without a
 *       zone}), since guessing UTC would shift every day of a local-time export.
 *   <li>Local time in a zone with daylight saving: a time in the gap when clocks move forward does
 *       not exist and is an error; a time in the repeated hour when clocks move back is read at the
 *       earlier offset (as {@link java.time.ZonedDateTime#ofLocal} does), so the second reading of
 *       that hour collides with the first as a duplicate, rather than being placed by a guess.
 *   <li>A date alone is the start of that day (local time, so it needs a zone).
 *   <li>Fractions of a second beyond milliseconds are cut (not rounded).
 *   <li>An interval's end must come after its start; the duration is kept ({@link #duration()}).
 * </ul>
 *
 * <p>{@link #parse} returns false for anything else, and {@link #error()} then says why in the
 * form {@code <what> '<text>' (expected …)}, quoting at most {@value #QUOTE} characters of the
 * text. Not thread-safe (it remembers the last result and a time-zone window).
 */
public final class TimeStampParser {
    /** Longest part of a bad time stamp quoted in a message. */
    public static final int QUOTE = 60;

    private static final String EXPECTED = "expected ISO 8601 such as 2023-01-01T00:00:00Z or 2023-01-01T01:00+01:00";

    private final @Nullable ZoneId zone;
    private final @Nullable ZoneRules rules;
    // local epoch seconds [winLo, winHi) that all map with the one offset winOffset
    private long winLo = 1;
    private long winHi = 0;
    private int winOffset;

    private long start;
    private long duration;
    // the date of the last stamp read by the fast path, and its day count
    private int lastYear = -1;
    private int lastMonth;
    private int lastDay;
    private long lastEpochDay;
    private String error = "";

    // the position reached by the scanner, and the fields of the last stamp
    private int p;
    private int year;
    private int month;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private int millis;
    private boolean hasOffset;
    private int offsetSeconds;
    private boolean dateOnly;

    /**
     * Creates a parser.
     *
     * @param zone the zone of time stamps that carry no offset, or null when such stamps are errors
     */
    public TimeStampParser(@Nullable ZoneId zone) {
        this.zone = zone;
        this.rules = zone == null ? null : zone.getRules();
    }

    /** Parses {@code s}; see {@link #parse(char[], int, int)}. */
    public boolean parse(String s) {
        return parse(s.toCharArray(), 0, s.length());
    }

    /**
     * Parses the time stamp or interval in {@code b[from, to)}.
     *
     * @return true when it is one ({@link #start()} and {@link #duration()} then hold it), false
     *     when it is not ({@link #error()} then says why)
     */
    public boolean parse(char[] b, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        if (s == e) {
            return fail("empty time (expected a time stamp such as 2023-01-01T00:00:00Z)");
        }
        if (e - s == 20 && utcSeconds(b, s)) {
            return true;
        }
        int slash = -1;
        for (int i = s; i < e; i++) {
            if (b[i] == '/') {
                slash = i;
                break;
            }
        }
        String problem = stamp(b, s, slash < 0 ? e : slash);
        if (problem != null) {
            return failOn(b, s, e, problem);
        }
        long first = instantMillis(b, s, e);
        if (first == Long.MIN_VALUE) {
            return false;
        }
        if (slash < 0) {
            start = first;
            duration = 0;
            return true;
        }
        long end;
        if (slash + 1 < e && (b[slash + 1] == 'P' || b[slash + 1] == 'p')) {
            long d = durationMillis(b, slash + 1, e);
            if (d < 0) {
                return failOn(b, s, e, "bad duration");
            }
            end = first + d;
        } else {
            problem = stamp(b, slash + 1, e);
            if (problem != null) {
                return failOn(b, s, e, problem + " at the end of the interval");
            }
            end = instantMillis(b, s, e);
            if (end == Long.MIN_VALUE) {
                return false;
            }
        }
        if (end <= first) {
            return fail("interval that does not end after it starts '" + quote(b, s, e)
                    + "' (expected start/end with the end later than the start)");
        }
        start = first;
        duration = end - first;
        return true;
    }

    /**
     * The fast path of the most common stamp, {@code YYYY-MM-DDThh:mm:ssZ} (20 characters at
     * {@code b[s]}): returns true after setting the result, false when the text is anything else or
     * out of range (the general path then reads it, and explains what is wrong). The day's count
     * is remembered, since consecutive readings mostly share their date.
     */
    private boolean utcSeconds(char[] b, int s) {
        if (b[s + 4] != '-'
                || b[s + 7] != '-'
                || b[s + 10] != 'T'
                || b[s + 13] != ':'
                || b[s + 16] != ':'
                || b[s + 19] != 'Z') {
            return false;
        }
        int y = fixedDigits(b, s, 4);
        int mo = fixedDigits(b, s + 5, 2);
        int d = fixedDigits(b, s + 8, 2);
        int h = fixedDigits(b, s + 11, 2);
        int mi = fixedDigits(b, s + 14, 2);
        int se = fixedDigits(b, s + 17, 2);
        if ((y | mo | d | h | mi | se) < 0 || h > 23 || mi > 59 || se > 59) {
            return false;
        }
        long days;
        if (y == lastYear && mo == lastMonth && d == lastDay) {
            days = lastEpochDay;
        } else {
            if (mo < 1 || mo > 12 || d < 1 || d > lengthOfMonth(y, mo)) {
                return false;
            }
            days = epochDay(y, mo, d);
            lastYear = y;
            lastMonth = mo;
            lastDay = d;
            lastEpochDay = days;
        }
        start = (days * 86_400 + h * 3600L + mi * 60L + se) * 1000;
        duration = 0;
        return true;
    }

    /** Returns the value of the {@code n} digits at {@code b[p]}, or -1 when one is not a digit. */
    private static int fixedDigits(char[] b, int p, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            int c = b[p + k] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** {@return the start of the last parsed stamp or interval, in epoch milliseconds} */
    public long start() {
        return start;
    }

    /** {@return the length of the last parsed interval in milliseconds, 0 for an instant} */
    public long duration() {
        return duration;
    }

    /** {@return why the last {@link #parse} returned false} */
    public String error() {
        return error;
    }

    /** Returns {@code b[s, e)} cut to {@value #QUOTE} characters (the cut marked with an ellipsis). */
    public static String quote(char[] b, int s, int e) {
        if (e - s <= QUOTE) {
            return new String(b, s, e - s);
        }
        return new String(b, s, QUOTE - 1) + "…";
    }

    /** Returns {@code s} cut to {@value #QUOTE} characters (the cut marked with an ellipsis). */
    public static String quote(String s) {
        return s.length() <= QUOTE ? s : s.substring(0, QUOTE - 1) + "…";
    }

    private boolean fail(String message) {
        error = message;
        return false;
    }

    private boolean failOn(char[] b, int s, int e, String problem) {
        return fail("not a time stamp '" + quote(b, s, e) + "': " + problem + " (" + EXPECTED + ")");
    }

    /** Scans one stamp in {@code b[s, e)} into the fields; returns null when it is well formed, else what is wrong. */
    private @Nullable String stamp(char[] b, int s, int e) {
        p = s;
        hasOffset = false;
        offsetSeconds = 0;
        hour = 0;
        minute = 0;
        second = 0;
        millis = 0;
        dateOnly = false;
        year = digits(b, e, 4);
        if (year < 0) {
            return "expected a four-digit year first";
        }
        if (!take(b, e, '-')) {
            return "expected '-' after the year";
        }
        month = digits(b, e, 2);
        if (month < 1 || month > 12) {
            return month < 0 ? "expected a two-digit month" : "month " + two(month) + " does not exist";
        }
        if (!take(b, e, '-')) {
            return "expected '-' after the month";
        }
        day = digits(b, e, 2);
        if (day < 1 || day > lengthOfMonth(year, month)) {
            return day < 0
                    ? "expected a two-digit day"
                    : "day " + two(day) + " does not exist in " + year + "-" + two(month);
        }
        if (p == e) {
            dateOnly = true;
            return null;
        }
        char c = b[p];
        if (c == 'T' || c == 't' || c == ' ') {
            p++;
            String t = time(b, e);
            if (t != null) {
                return t;
            }
        } else if (c != 'Z' && c != 'z' && c != '+' && c != '-') {
            return "expected 'T' between date and time";
        } else {
            dateOnly = true;
        }
        if (p < e) {
            String z = offset(b, e);
            if (z != null) {
                return z;
            }
        }
        return p == e ? null : "unexpected text after the time";
    }

    private @Nullable String time(char[] b, int e) {
        hour = digits(b, e, 2);
        if (hour < 0) {
            return "expected a two-digit hour after the date";
        }
        if (!take(b, e, ':')) {
            return "expected ':' after the hour";
        }
        minute = digits(b, e, 2);
        if (minute < 0) {
            return "expected two-digit minutes";
        }
        boolean fractionNonZero = false;
        if (p < e && b[p] == ':') {
            p++;
            second = digits(b, e, 2);
            if (second < 0) {
                return "expected two-digit seconds";
            }
            if (p < e && (b[p] == '.' || b[p] == ',')) {
                p++;
                int n = 0;
                int ms = 0;
                while (p < e && b[p] >= '0' && b[p] <= '9') {
                    if (n < 3) {
                        ms = ms * 10 + (b[p] - '0');
                    }
                    fractionNonZero |= b[p] != '0';
                    n++;
                    p++;
                }
                if (n == 0) {
                    return "expected digits after the decimal separator of the seconds";
                }
                for (int k = n; k < 3; k++) {
                    ms *= 10;
                }
                millis = ms;
            }
        }
        if (hour == 24) {
            if (minute != 0 || second != 0 || fractionNonZero) {
                return "hour 24 is only 24:00 (the end of the day)";
            }
        } else if (hour > 23) {
            return "hour " + two(hour) + " does not exist";
        }
        if (minute > 59) {
            return "minute " + two(minute) + " does not exist";
        }
        if (second > 59) {
            return "second " + two(second) + " does not exist (leap seconds are not supported)";
        }
        return null;
    }

    private @Nullable String offset(char[] b, int e) {
        char c = b[p];
        if (c == 'Z' || c == 'z') {
            p++;
            hasOffset = true;
            return null;
        }
        if (c != '+' && c != '-') {
            return "expected a zone offset such as Z or +01:00 after the time";
        }
        p++;
        int h = digits(b, e, 2);
        if (h < 0) {
            return "expected a two-digit hour in the zone offset";
        }
        int m = 0;
        if (p < e) {
            boolean colon = b[p] == ':';
            if (colon) {
                p++;
            }
            m = digits(b, e, 2);
            if (m < 0) {
                return "expected two-digit minutes in the zone offset";
            }
        }
        if (h > 18 || m > 59 || h * 60 + m > 18 * 60) {
            return "zone offset beyond ±18:00";
        }
        hasOffset = true;
        offsetSeconds = (c == '-' ? -1 : 1) * (h * 3600 + m * 60);
        return null;
    }

    /**
     * Returns the instant of the fields in epoch milliseconds, or MIN_VALUE with {@link #error} set
     * (quoting {@code b[s, e)}, the whole text).
     */
    private long instantMillis(char[] b, int s, int e) {
        long days = epochDay(year, month, day);
        long local = days * 86_400 + hour * 3600L + minute * 60L + second;
        long epochSecond;
        if (hasOffset) {
            epochSecond = local - offsetSeconds;
        } else if (rules == null) {
            error = "time stamp without a zone '" + quote(b, s, e)
                    + "' (expected an offset such as Z or +01:00, or the zone of local times: --zone Europe/Paris)";
            return Long.MIN_VALUE;
        } else {
            epochSecond = fromLocal(local);
            if (epochSecond == Long.MIN_VALUE) {
                error = "local time '" + quote(b, s, e) + "' does not exist in " + zone
                        + " (the clocks moved forward then; expected a time stamp with an offset such as +01:00)";
                return Long.MIN_VALUE;
            }
        }
        return epochSecond * 1000 + millis;
    }

    /** Returns the epoch second of local time {@code local} in the zone, or MIN_VALUE if it does not exist. */
    private long fromLocal(long local) {
        if (local >= winLo && local < winHi) {
            return local - winOffset;
        }
        ZoneRules r = java.util.Objects.requireNonNull(rules);
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
        List<ZoneOffset> valid = r.getValidOffsets(ldt);
        if (valid.isEmpty()) {
            return Long.MIN_VALUE;
        }
        int off = valid.get(0).getTotalSeconds();
        long epochSecond = local - off;
        if (valid.size() == 1) {
            // remember the stretch of local time between the transitions around this one, where
            // every local time has this one offset: the next stamps are nearly always in it
            Instant at = Instant.ofEpochSecond(epochSecond);
            ZoneOffsetTransition prev = r.previousTransition(at.plusSeconds(1));
            ZoneOffsetTransition next = r.nextTransition(at);
            long lo = prev == null
                    ? Long.MIN_VALUE
                    : prev.toEpochSecond()
                            + Math.max(
                                    prev.getOffsetBefore().getTotalSeconds(),
                                    prev.getOffsetAfter().getTotalSeconds());
            long hi = next == null
                    ? Long.MAX_VALUE
                    : next.toEpochSecond()
                            + Math.min(
                                    next.getOffsetBefore().getTotalSeconds(),
                                    next.getOffsetAfter().getTotalSeconds());
            if (lo <= local && local < hi) {
                winLo = lo;
                winHi = hi;
                winOffset = off;
            }
        }
        return epochSecond;
    }

    /** Parses an ISO-8601 duration {@code P[nD][T[nH][nM][nS]]}; returns its milliseconds, or -1. */
    private static long durationMillis(char[] b, int s, int e) {
        int i = s + 1;
        boolean inTime = false;
        boolean any = false;
        long total = 0;
        while (i < e) {
            if (b[i] == 'T' || b[i] == 't') {
                if (inTime) {
                    return -1;
                }
                inTime = true;
                i++;
                continue;
            }
            long n = 0;
            int digits = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (digits < 9) {
                    n = n * 10 + (b[i] - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0 || digits > 9 || i == e) {
                return -1;
            }
            char unit = Character.toUpperCase(b[i++]);
            long scale;
            if (!inTime && unit == 'D') {
                scale = 86_400_000L;
            } else if (inTime && unit == 'H') {
                scale = 3_600_000L;
            } else if (inTime && unit == 'M') {
                scale = 60_000L;
            } else if (inTime && unit == 'S') {
                scale = 1000L;
            } else {
                return -1;
            }
            total += n * scale;
            any = true;
        }
        return any && total > 0 ? total : -1;
    }

    private int digits(char[] b, int e, int n) {
        if (e - p < n) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < n; k++) {
            char c = b[p + k];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        p += n;
        return v;
    }

    private boolean take(char[] b, int e, char c) {
        if (p < e && b[p] == c) {
            p++;
            return true;
        }
        return false;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }

    /** Returns the number of days in {@code month} of {@code year} (proleptic Gregorian). */
    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /**
     * Returns the days from 1970-01-01 to {@code year-month-day} (proleptic Gregorian): the
     * civil-to-days count over 400-year eras, with March as the first month so that the leap day
     * ends the year.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
