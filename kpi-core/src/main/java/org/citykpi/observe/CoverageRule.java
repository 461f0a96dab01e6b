package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The annual coverage gate of a roll-up: the least capture (valid hours, or valid days for
 * day-based statistics, over the calendar's hours or days) for an annual statistic to be given.
 *
 * <p>The threshold is an exact fraction {@code numerator / denominator} of 1 and is compared on
 * integer counts, {@code valid × denominator ≥ expected × numerator}, never on a rounded floating
 * capture: 7,884 valid hours of 8,760 is exactly 90 % and passes the EU rule, 7,883 fails it.
 * Whatever the threshold, a statistic with no valid value at all is never given.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule's name: {@code eu}, {@code eea}, {@code none}, or the percentage given to
 *     {@link #minCapture(String)}
 * @param numerator the threshold's numerator, {@code 0 <= numerator <= denominator}
 * @param denominator the threshold's denominator, positive
 */
public record CoverageRule(String name, long numerator, long denominator) {

    /** EU Directive 2008/50/EC, Annex I: 90 % data capture for fixed measurements (the default). */
    public static final CoverageRule EU = new CoverageRule("eu", 90, 100);

    /** The EEA's station statistics: 75 % data capture. */
    public static final CoverageRule EEA = new CoverageRule("eea", 75, 100);

    /** No annual gate (openair's {@code data.thresh = 0}): the valid hours there are. */
    public static final CoverageRule NONE = new CoverageRule("none", 0, 1);

    /**
     * Checks the parts.
     *
     * @param name the rule's name, not blank
     * @param numerator the threshold's numerator, {@code 0 <= numerator <= denominator}
     * @param denominator the threshold's denominator, positive and at most 10¹²
     * @throws IllegalArgumentException if the name is blank or the fraction is outside [0, 1]
     */
    public CoverageRule {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("rule name is blank");
        }
        if (denominator <= 0 || denominator > 1_000_000_000_000L || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                    "coverage threshold " + numerator + "/" + denominator + " outside [0, 1]");
        }
    }

    /**
     * Returns the named rule.
     *
     * @param name {@code eu}, {@code eea} or {@code none}
     * @return the rule
     * @throws IllegalArgumentException for another name (the message lists the three)
     */
    public static CoverageRule named(String name) {
        requireNonNull(name, "name");
        switch (name.strip()) {
            case "eu":
                return EU;
            case "eea":
                return EEA;
            case "none":
                return NONE;
            default:
                throw new IllegalArgumentException(
                        "unknown coverage rule '" + Text.cut(name) + "' (expected eu, eea or none)");
        }
    }

    /**
     * Returns a rule with a given least capture, as {@code --min-capture PCT}.
     *
     * @param percent a plain decimal number of percent in [0, 100], such as {@code 90} or {@code
     *     72.5}, with at most 9 decimals
     * @return the rule, named by the percentage as written (stripped)
     * @throws IllegalArgumentException if the text is not such a number (the message quotes it)
     */
    public static CoverageRule minCapture(String percent) {
        requireNonNull(percent, "percent");
        String t = percent.strip();
        BigDecimal d;
        try {
            if (t.isEmpty() || t.length() > 20 || !t.matches("[0-9]*\\.?[0-9]*")) {
                throw new NumberFormatException();
            }
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "not a percentage '" + Text.cut(percent) + "' (expected a number from 0 to 100, such as 72.5)");
        }
        d = d.stripTrailingZeros();
        if (d.compareTo(BigDecimal.valueOf(100)) > 0 || d.scale() > 9) {
            throw new IllegalArgumentException("capture percentage out of range '" + Text.cut(percent)
                    + "' (expected 0 to 100 with at most 9 decimals)");
        }
        int scale = Math.max(d.scale(), 0);
        long num = d.movePointRight(scale).longValueExact();
        long den = 100L * BigDecimal.TEN.pow(scale).longValueExact();
        return new CoverageRule(t, num, den);
    }

    /**
     * Tells whether a capture passes the rule.
     *
     * @param valid the number of valid hours (or days)
     * @param expected the number of hours (or days) in the calendar, positive
     * @return {@code true} when {@code valid > 0} and {@code valid / expected ≥ threshold}, compared
     *     exactly on integers
     * @throws IllegalArgumentException if {@code expected} is not positive
     */
    public boolean passes(long valid, long expected) {
        if (expected <= 0) {
            throw new IllegalArgumentException("expected count is not positive: " + expected);
        }
        if (valid <= 0) {
            return false;
        }
        // valid × denominator ≥ expected × numerator, on 128-bit products (both sides non-negative)
        long hiA = Math.multiplyHigh(valid, denominator);
        long hiB = Math.multiplyHigh(expected, numerator);
        if (hiA != hiB) {
            return hiA > hiB;
        }
        return Long.compareUnsigned(valid * denominator, expected * numerator) >= 0;
    }

    /** {@return the threshold as a percentage for people, e.g. {@code 90} or {@code 72.5}} */
    public String percentText() {
        return BigDecimal.valueOf(numerator)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), new java.math.MathContext(12))
                .stripTrailingZeros()
                .toPlainString();
    }
}
