package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Comparator;
import org.citykpi.Period;

/**
 * Holds one time series of an indicator: periods in time order, each with a finite value. The
 * input of every {@link ProgressMethod}.
 *
 * <p>Edge cases:
 *
 * <ul>
 *   <li>an empty series is allowed (every method then says {@code unable_to_assess});
 *   <li>periods are sorted on construction, so input order does not matter;
 *   <li>two periods that start on the same day ({@code 2015} and {@code 2015-16}) are rejected:
 *       progress methods measure time from a period's start, so both would sit at one point in
 *       time;
 *   <li>non-finite values are rejected (missing values are simply left out of a series).
 * </ul>
 *
 * <p>Immutable and thread-safe: the arrays are copied in and out.
 */
public final class Series {
    private static final Series EMPTY = new Series(new Period[0], new double[0]);
    private final Period[] periods;
    private final double[] values;

    private Series(Period[] periods, double[] values) {
        this.periods = periods;
        this.values = values;
    }

    /** {@return the series without observations} */
    public static Series empty() {
        return EMPTY;
    }

    /**
     * Returns the series of {@code values[i]} at {@code periods[i]}, sorted by period.
     *
     * @param periods the periods, in any order; none gives the empty series
     * @param values the values, finite, as many as periods; both arrays are copied
     * @return the series in time order
     * @throws IllegalArgumentException if the lengths differ, a value is not finite, or two
     *     periods start on the same day (the message names them)
     */
    public static Series of(Period[] periods, double[] values) {
        requireNonNull(periods, "periods");
        requireNonNull(values, "values");
        if (periods.length != values.length) {
            throw new IllegalArgumentException(
                    "periods and values differ in length: " + periods.length + " and " + values.length);
        }
        Integer[] order = new Integer[periods.length];
        for (int i = 0; i < order.length; i++) {
            requireNonNull(periods[i], "periods[" + i + "]");
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value at " + periods[i] + " is not finite: " + values[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> periods[i]));
        Period[] p = new Period[periods.length];
        double[] v = new double[values.length];
        for (int k = 0; k < order.length; k++) {
            p[k] = periods[order[k]];
            v[k] = values[order[k]];
            if (k > 0 && p[k].start().equals(p[k - 1].start())) {
                throw new IllegalArgumentException("periods " + p[k - 1] + " and " + p[k]
                        + " start on the same day; a series holds one value per point in time");
            }
        }
        return new Series(p, v);
    }

    /**
     * Returns a series of yearly values, {@code values[i]} in year {@code years[i]}.
     *
     * @param years the calendar years, 1 to 9999, in any order, each once
     * @param values the values, finite, as many as years
     * @return the series in time order
     * @throws IllegalArgumentException if the lengths differ, a year is out of range or repeated, or
     *     a value is not finite
     */
    public static Series ofYears(int[] years, double[] values) {
        requireNonNull(years, "years");
        Period[] p = new Period[years.length];
        for (int i = 0; i < years.length; i++) {
            p[i] = Period.year(years[i]);
        }
        return of(p, values);
    }

    /** {@return the number of observations, 0 or more} */
    public int size() {
        return periods.length;
    }

    /**
     * Returns the period of one observation.
     *
     * @param i the observation's index in time order, {@code 0} to {@code size() - 1}
     * @return its period
     * @throws ArrayIndexOutOfBoundsException if there is no such observation
     */
    public Period period(int i) {
        return periods[i];
    }

    /**
     * Returns the value of one observation.
     *
     * @param i the observation's index in time order, {@code 0} to {@code size() - 1}
     * @return its value, finite
     * @throws ArrayIndexOutOfBoundsException if there is no such observation
     */
    public double value(int i) {
        return values[i];
    }

    /** {@return a copy of the periods, in time order} */
    public Period[] periods() {
        return periods.clone();
    }

    /** {@return a copy of the values, in time order} */
    public double[] values() {
        return values.clone();
    }

    /** Returns this series with every value replaced by {@code f(value)}; used for transforms. */
    Series map(java.util.function.DoubleUnaryOperator f) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(values[i]);
        }
        return new Series(periods, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Arrays.equals(periods, s.periods) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(periods) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Series[");
        for (int i = 0; i < periods.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(periods[i]).append('=').append(values[i]);
        }
        return sb.append(']').toString();
    }
}
