package org.citykpi.io.internal;

import java.util.Locale;

/**
 * Parses decimal numbers from characters, independently of the locale: an optional sign, digits
 * with one optional decimal separator ({@code .}, or {@code ,} in decimal-comma mode), an optional
 * exponent ({@code 1.5e3}); blanks around the number are ignored. Nothing else is a number: no
 * thousands separators, no {@code %}, no hexadecimal, no {@code NaN} or {@code Infinity}, no
 * Java suffixes such as {@code 1d}. Results are correctly rounded (exact fast path for up to 15
 * significant digits and powers of ten up to 22, {@link Double#parseDouble} otherwise).
 *
 * <p>{@link #parse} returns {@link Double#NaN} for text that is not a finite number (never a
 * valid result, since non-finite numbers are rejected), and {@link #explain} then says why.
 * Thread-safe (stateless).
 */
public final class NumberParser {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    private NumberParser() {}

    /** Parses {@code s}; returns NaN when it is not a finite number. */
    public static double parse(String s, boolean decimalComma) {
        return parse(s.toCharArray(), 0, s.length(), decimalComma);
    }

    /** Parses {@code b[from, to)}; returns NaN when it is not a finite number. */
    public static double parse(char[] b, int from, int to, boolean decimalComma) {
        int p = from;
        int e = to;
        while (p < e && b[p] == ' ') {
            p++;
        }
        while (e > p && b[e - 1] == ' ') {
            e--;
        }
        if (p == e) {
            return Double.NaN;
        }
        final char point = decimalComma ? ',' : '.';
        int start = p;
        boolean negative = false;
        if (b[p] == '-' || b[p] == '+') {
            negative = b[p] == '-';
            p++;
        }
        long mant = 0;
        int digits = 0; // significant digits taken into mant
        int dropped = 0; // significant digits beyond 18 (not in mant)
        int fracDigits = 0;
        boolean any = false;
        boolean seenPoint = false;
        for (; p < e; p++) {
            char c = b[p];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mant == 0 && c == '0') {
                    if (seenPoint) {
                        fracDigits++;
                    }
                    continue;
                }
                if (digits < 18) {
                    mant = mant * 10 + (c - '0');
                    digits++;
                    if (seenPoint) {
                        fracDigits++;
                    }
                } else {
                    dropped++;
                    if (!seenPoint) {
                        fracDigits--; // an integer digit not taken: scale up by ten
                    }
                }
            } else if (c == point && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        int exp = 0;
        if (p < e && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean expNeg = false;
            if (p < e && (b[p] == '-' || b[p] == '+')) {
                expNeg = b[p] == '-';
                p++;
            }
            if (p == e) {
                return Double.NaN;
            }
            int x = 0;
            for (; p < e; p++) {
                char c = b[p];
                if (c < '0' || c > '9') {
                    return Double.NaN;
                }
                if (x < 100_000) {
                    x = x * 10 + (c - '0');
                }
            }
            exp = expNeg ? -x : x;
        }
        if (p != e) {
            return Double.NaN;
        }
        int scale = exp - fracDigits;
        double v;
        if (mant == 0) {
            v = 0.0;
        } else if (dropped == 0 && digits <= 15 && scale >= -22 && scale <= 22) {
            v = scale >= 0 ? mant * POW10[scale] : mant / POW10[-scale];
        } else {
            String t = new String(b, start, e - start);
            if (decimalComma) {
                t = t.replace(',', '.');
            }
            v = Math.abs(Double.parseDouble(t));
            if (Double.isInfinite(v) || v == 0.0) {
                return Double.NaN; // overflow or underflow: explain() says which
            }
        }
        return negative ? -v : v;
    }

    /**
     * Returns why {@code s} (on which {@link #parse} returned NaN) is not a number, in the form
     * {@code not a number '…' (expected …)}.
     */
    public static String explain(String s, boolean decimalComma) {
        String t = s.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        String expected = decimalComma
                ? "expected a number with ',' as decimal separator (--decimal-comma) and no thousands separator"
                : "expected a number with '.' as decimal separator, or use --decimal-comma";
        if (lower.equals("nan")
                || lower.matches("[+-]?(inf|infinity|∞)")
                || lower.equals("#num!")
                || lower.equals("#div/0!")) {
            return "not a finite number '" + t
                    + "' (expected a finite number; leave the cell empty for a missing value)";
        }
        if (looksNumeric(t, decimalComma)) {
            double v = Math.abs(Double.parseDouble(decimalComma ? t.replace(',', '.') : t));
            if (Double.isInfinite(v)) {
                return "number out of range '" + t + "' (expected a magnitude below 1.8e308)";
            }
            return "number out of range '" + t
                    + "' (too small to be stored; expected 0 or a magnitude of at least 4.9e-324)";
        }
        if (t.endsWith("%")) {
            return "not a number '" + t + "' (expected a number without '%'; the unit belongs in the unit column)";
        }
        return "not a number '" + s + "' (" + expected + ")";
    }

    /**
     * Returns true when {@code t} has the form of a number (sign, digits with one decimal
     * separator, exponent), whether or not its value fits in a double: with {@link #parse}
     * returning NaN, such text overflows or underflows.
     */
    public static boolean looksNumeric(String t, boolean decimalComma) {
        String re = decimalComma
                ? "[+-]?(\\d+,?\\d*|,\\d+)([eE][+-]?\\d+)?"
                : "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?";
        return t.matches(re);
    }
}
