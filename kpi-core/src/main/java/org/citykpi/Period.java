package org.citykpi;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reports a reporting period: a year ({@code 2022}), a quarter ({@code 2022-Q1}, as SDMX writes
 * it), a year-month ({@code 2022-03}), a date ({@code 2022-03-31}) or a span of years ({@code
 * 2015-16}, {@code 2015-2016}, {@code 2015/16}).
 *
 * <p>Periods are ordered by start date, then end date. {@link #label()} keeps the text as
 * normalised ({@code 2015-2016} for every span spelling), so two spellings of one period are equal.
 * A text such as {@code 2015-12} is a month, never a span: a span's second year must be after the
 * first. Immutable and thread-safe.
 *
 * <p>Serializable through its canonical constructor, so a value read from a stream is checked like
 * a new one; the serial form is for moving values between JVMs of the same CityKPI version (such
 * as to Spark executors), not for storage.
 *
 * @param kind what the period is
 * @param start first day of the period
 * @param end last day of the period (inclusive)
 * @param label normalised ISO-8601 text
 * @serial exclude
 */
public record Period(Kind kind, LocalDate start, LocalDate end, String label)
        implements Comparable<Period>, Serializable {

    /** What a period covers. */
    public enum Kind {
        /** A calendar year. */
        YEAR,
        /** A calendar quarter. */
        QUARTER,
        /** A calendar month. */
        YEAR_MONTH,
        /** One day. */
        DATE,
        /** Consecutive whole years, such as a fiscal year {@code 2015-16}. */
        YEAR_SPAN
    }

    /**
     * Validates that the period is not empty and that the label is given.
     *
     * @param kind what the period is
     * @param start first day of the period
     * @param end last day of the period (inclusive), not before {@code start}
     * @param label normalised ISO-8601 text
     * @throws IllegalArgumentException if {@code end} is before {@code start}
     */
    public Period {
        requireNonNull(kind, "kind");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        requireNonNull(label, "label");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends before it starts: " + label);
        }
    }

    /**
     * Returns the calendar year {@code year}.
     *
     * @param year the year, 1 to 9999
     * @return the period from 1 January to 31 December of {@code year}
     * @throws IllegalArgumentException if the year is out of range
     */
    public static Period year(int year) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year out of range 1..9999: " + year);
        }
        return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Integer.toString(year));
    }

    /**
     * Parses ISO-8601 text: {@code YYYY}, {@code YYYY-Qn}, {@code YYYY-MM}, {@code YYYY-MM-DD}, or a span of years
     * {@code YYYY-YY}, {@code YYYY-YYYY}, {@code YYYY/YY}, {@code YYYY/YYYY}. Surrounding blanks
     * are ignored. The work grows linearly with the length of the text.
     *
     * @param text the period as text
     * @return the period, with its label normalised
     * @throws IllegalArgumentException if the text is none of these (the message quotes the text
     *     as {@link Quote#of} does and says which forms are accepted)
     */
    public static Period parse(String text) {
        requireNonNull(text, "text");
        String t = text.strip();
        int n = t.length();
        try {
            if (n == 4 && allDigits(t, 0, 4)) {
                return year(Integer.parseInt(t));
            }
            if (n >= 7 && allDigits(t, 0, 4) && (t.charAt(4) == '-' || t.charAt(4) == '/')) {
                int y = Integer.parseInt(t.substring(0, 4));
                String rest = t.substring(5);
                if (t.charAt(4) == '-' && n == 7 && (rest.charAt(0) == 'Q' || rest.charAt(0) == 'q')) {
                    int q = rest.charAt(1) - '0';
                    if (q >= 1 && q <= 4) {
                        LocalDate s = LocalDate.of(y, 3 * q - 2, 1);
                        return new Period(Kind.QUARTER, s, s.plusMonths(3).minusDays(1), y + "-Q" + q);
                    }
                }
                if (t.charAt(4) == '-' && n == 7 && allDigits(rest, 0, 2)) {
                    int m = Integer.parseInt(rest);
                    if (m >= 1 && m <= 12) {
                        YearMonth ym = YearMonth.of(y, m);
                        return new Period(Kind.YEAR_MONTH, ym.atDay(1), ym.atEndOfMonth(), ym.toString());
                    }
                    return span(y, y / 100 * 100 + m, text);
                }
                if (t.charAt(4) == '/' && n == 7 && allDigits(rest, 0, 2)) {
                    return span(y, y / 100 * 100 + Integer.parseInt(rest), text);
                }
                if (n == 9 && allDigits(rest, 0, 4)) {
                    return span(y, Integer.parseInt(rest), text);
                }
                if (n == 10 && t.charAt(4) == '-') {
                    LocalDate d = LocalDate.parse(t);
                    return new Period(Kind.DATE, d, d, d.toString());
                }
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException("not a period " + Quote.of(text)
                + " (expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or a span of years such as 2015-16)");
    }

    private static Period span(int first, int last, String text) {
        if (last <= first) {
            // A two-digit end that wraps the century, such as 1999-00.
            if (last + 100 > first && last + 100 - first <= 99 && text.strip().length() == 7) {
                last += 100;
            } else {
                throw new IllegalArgumentException(
                        "not a period " + Quote.of(text) + " (a span of years must end after it starts)");
            }
        }
        if (first < 1 || last > 9999) {
            throw new IllegalArgumentException("not a period " + Quote.of(text) + " (year out of range 1..9999)");
        }
        return new Period(Kind.YEAR_SPAN, LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31), first + "-" + last);
    }

    private static boolean allDigits(String s, int from, int to) {
        if (s.length() < to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@return the calendar year in which the period starts} */
    public int startYear() {
        return start.getYear();
    }

    /** {@return the calendar year in which the period ends} */
    public int endYear() {
        return end.getYear();
    }

    /**
     * Returns the start of the period as a decimal year: {@code 2022} is 2022.0, {@code 2022-07}
     * is 2022 + 181/365. Used for time differences in progress assessment.
     *
     * @return the start year plus the fraction of that year before the period starts
     */
    public double decimalYear() {
        LocalDate jan1 = LocalDate.of(start.getYear(), 1, 1);
        double days = ChronoUnit.DAYS.between(jan1, start);
        return start.getYear() + days / jan1.lengthOfYear();
    }

    @Override
    public int compareTo(Period o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public String toString() {
        return label;
    }
}
