package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A statistic of a roll-up, by its name in the {@code citykpi rollup} contract: {@code mean},
 * {@code capture}, {@code min}, {@code max}, {@code hourly_p<q>} ({@code hourly_p99.8}), {@code
 * daily_p<q>} ({@code daily_p90.4}), {@code days_above:<x>} ({@code days_above:50}), {@code
 * max_daily_8h}, {@code days_8h_above:<x>}, {@code daily_mean}, {@code lden}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind which statistic
 * @param parameter the percentile in [0, 100] ({@code HOURLY_PERCENTILE}, {@code
 *     DAILY_PERCENTILE}), the threshold ({@code DAYS_ABOVE}, {@code DAYS_8H_ABOVE}), else 0
 * @param name the name as written, the statistic's column text in outputs
 */
public record Statistic(Kind kind, double parameter, String name) {

    /** The statistics. */
    public enum Kind {
        /** Annual mean of the valid hourly values, under the annual coverage rule. */
        MEAN("mean", false),
        /** Percentage of the calendar's hours with a valid hourly value; never gated. */
        CAPTURE("capture", false),
        /** Smallest valid hourly value, under the annual coverage rule. */
        MIN("min", false),
        /** Largest valid hourly value, under the annual coverage rule. */
        MAX("max", false),
        /** Percentile (Hyndman–Fan type 7) of the valid hourly values. */
        HOURLY_PERCENTILE("hourly_p", false),
        /** Percentile (Hyndman–Fan type 7) of the valid daily means; days count. */
        DAILY_PERCENTILE("daily_p", true),
        /** Number of valid daily means strictly above a threshold; days count. */
        DAYS_ABOVE("days_above:", true),
        /** Largest valid daily maximum of 8-hour running means; days count. */
        MAX_DAILY_8H("max_daily_8h", true),
        /** Number of valid days whose maximum 8-hour running mean is strictly above a threshold. */
        DAYS_8H_ABOVE("days_8h_above:", true),
        /** The mean of each day, one result per day (period = the date); hours of that day count. */
        DAILY_MEAN("daily_mean", false),
        /** Day-evening-night level (Directive 2002/49/EC Annex I) from hourly levels in dB. */
        LDEN("lden", false);

        private final String prefix;
        private final boolean days;

        Kind(String prefix, boolean days) {
            this.prefix = prefix;
            this.days = days;
        }

        /** {@return whether capture counts days (not hours) for this statistic} */
        public boolean countsDays() {
            return days;
        }
    }

    private static final String EXPECTED = "expected mean, capture, min, max, hourly_p<q>, daily_p<q>,"
            + " days_above:<x>, max_daily_8h, days_8h_above:<x>, daily_mean or lden";

    /**
     * Checks the parts.
     *
     * @param kind which statistic
     * @param parameter the percentile or threshold, finite
     * @param name the name as written, not blank
     * @throws IllegalArgumentException if the name is blank, the parameter not finite or a
     *     percentile outside [0, 100]
     */
    public Statistic {
        requireNonNull(kind, "kind");
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("statistic name is blank");
        }
        if (!Double.isFinite(parameter)) {
            throw new IllegalArgumentException("statistic parameter is not finite: " + parameter);
        }
        if ((kind == Kind.HOURLY_PERCENTILE || kind == Kind.DAILY_PERCENTILE) && (parameter < 0 || parameter > 100)) {
            throw new IllegalArgumentException(
                    "percentile out of range in '" + Text.cut(name) + "' (expected 0 <= q <= 100)");
        }
    }

    /** The annual mean, the default statistic. */
    public static final Statistic MEAN = new Statistic(Kind.MEAN, 0, "mean");

    /**
     * Parses a statistic's name.
     *
     * @param text the name, such as {@code mean}, {@code hourly_p99.8} or {@code days_above:50};
     *     surrounding blanks are ignored; names are lower case
     * @return the statistic, named as written (stripped)
     * @throws IllegalArgumentException if the text names no statistic, or its number is missing,
     *     not a plain decimal number, or a percentile outside [0, 100]; the message quotes the text
     *     and lists the accepted names
     */
    public static Statistic parse(String text) {
        requireNonNull(text, "text");
        String t = text.strip();
        for (Kind k : Kind.values()) {
            String p = k.prefix;
            boolean takesNumber = p.endsWith(":") || p.endsWith("_p");
            if (!takesNumber && t.equals(p)) {
                return new Statistic(k, 0, t);
            }
            if (takesNumber && t.startsWith(p)) {
                String num = t.substring(p.length());
                BigDecimal d = decimal(num, t);
                if (k == Kind.HOURLY_PERCENTILE || k == Kind.DAILY_PERCENTILE) {
                    if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(100)) > 0) {
                        throw new IllegalArgumentException(
                                "percentile out of range in '" + Text.cut(t) + "' (expected 0 <= q <= 100)");
                    }
                }
                return new Statistic(k, d.doubleValue(), t);
            }
        }
        throw new IllegalArgumentException("unknown statistic '" + Text.cut(t) + "' (" + EXPECTED + ")");
    }

    private static BigDecimal decimal(String num, String whole) {
        boolean ok = !num.isEmpty();
        int digits = 0;
        int dots = 0;
        for (int i = 0; i < num.length() && ok; i++) {
            char c = num.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.') {
                dots++;
            } else if (!(c == '-' && i == 0)) {
                ok = false;
            }
        }
        if (!ok || digits == 0 || dots > 1 || num.length() > 30) {
            throw new IllegalArgumentException("not a number in statistic '" + Text.cut(whole)
                    + "' (expected a decimal number, e.g. hourly_p99.8 or days_above:50)");
        }
        return new BigDecimal(num);
    }

    /**
     * Returns the percentile as a probability, for the type-7 interpolation: the nearest double to
     * {@code q / 100} computed exactly from the decimal text (so {@code hourly_p99.8} uses the same
     * double as R's {@code probs = 0.998}).
     *
     * @return the probability in [0, 1]
     * @throws IllegalStateException if this is not a percentile
     */
    public double probability() {
        if (kind != Kind.HOURLY_PERCENTILE && kind != Kind.DAILY_PERCENTILE) {
            throw new IllegalStateException(name + " is not a percentile");
        }
        return new BigDecimal(Double.toString(parameter)).movePointLeft(2).doubleValue();
    }

    /** {@return the name as written} */
    @Override
    public String toString() {
        return name;
    }
}
