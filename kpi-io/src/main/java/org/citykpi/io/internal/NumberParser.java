package org.citykpi.io.internal;

import java.util.Locale;
import org.citykpi.Quote;

/**
 * Parses decimal numbers from characters, independently of the locale: an optional sign, digits
 * with one optional decimal separator ({@code .}, or {@code ,} in decimal-comma mode), an optional
 * exponent ({@code 1.5e3}); blanks around the number are ignored. Nothing else is a number: no
 * thousands separators, no {@code %}, no hexadecimal, no {@code NaN} or {@code Infinity}, no
 * Java suffixes such as {@code 1d}. Results are correctly rounded (exact fast path for up to 15
 * significant digits and powers of ten up to 22, {@link Double#parseDouble} otherwise).
 *
 * <p>{@link #parse} returns {@link Double#NaN} for text that is not a finite number (never a
 * valid result, since non-finite numbers are rejected), and {@link #explain} then says why,
 * quoting at most {@value Quote#MAX_CHARS} characters of the text. Both read each character a
 * bounded number of times (no regular expression, no backtracking), so that the time they take
 * grows linearly with the length of a cell, whatever its shape. Thread-safe (stateless).
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
        long exp = 0;
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
            long x = 0;
            for (; p < e; p++) {
                char c = b[p];
                if (c < '0' || c > '9') {
                    return Double.NaN;
                }
                // capped far above any count of digits a field can hold, so that a capped exponent
                // can never bring the scale back into the exact fast path below
                if (x < EXPONENT_CAP) {
                    x = x * 10 + (c - '0');
                }
            }
            exp = expNeg ? -x : x;
        }
        if (p != e) {
            return Double.NaN;
        }
        long scale = exp - fracDigits;
        double v;
        if (mant == 0) {
            v = 0.0;
        } else if (dropped == 0 && digits <= 15 && scale >= -22 && scale <= 22) {
            v = scale >= 0 ? mant * POW10[(int) scale] : mant / POW10[(int) -scale];
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
     * {@code not a number '…' (expected …)}, the text quoted by {@link Quote#of} (at most {@value
     * Quote#MAX_CHARS} of its characters). Reads each character of {@code s} a bounded number of
     * times: the work grows linearly with its length.
     */
    public static String explain(CharSequence s, boolean decimalComma) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        CharSequence t = s.subSequence(from, to);
        String expected = decimalComma
                ? "expected a number with ',' as decimal separator (--decimal-comma) and no thousands separator"
                : "expected a number with '.' as decimal separator, or use --decimal-comma";
        if (isNotFiniteWord(t)) {
            return "not a finite number " + Quote.of(t)
                    + " (expected a finite number; leave the cell empty for a missing value)";
        }
        long m = magnitude(t, decimalComma);
        if (m != NOT_NUMERIC) {
            if (m >= 0) {
                return "number out of range " + Quote.of(t) + " (expected a magnitude below 1.8e308)";
            }
            return "number out of range " + Quote.of(t)
                    + " (too small to be stored; expected 0 or a magnitude of at least 4.9e-324)";
        }
        if (t.length() > 0 && t.charAt(t.length() - 1) == '%') {
            return "not a number " + Quote.of(t)
                    + " (expected a number without '%'; the unit belongs in the unit column)";
        }
        return "not a number " + Quote.of(s) + " (" + expected + ")";
    }

    /** The longest word {@link #isNotFiniteWord} knows: {@code -infinity}. */
    private static final int LONGEST_WORD = 9;

    /** Returns true for the words of a non-finite number: NaN, (signed) inf, infinity, ∞, #NUM!, #DIV/0!. */
    private static boolean isNotFiniteWord(CharSequence t) {
        if (t.length() > LONGEST_WORD) {
            return false;
        }
        String lower = t.toString().toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        return lower.equals("nan")
                || unsigned.equals("inf")
                || unsigned.equals("infinity")
                || unsigned.equals("∞")
                || lower.equals("#num!")
                || lower.equals("#div/0!");
    }

    /** What {@link #magnitude} returns for text that does not have the form of a number. */
    static final long NOT_NUMERIC = Long.MIN_VALUE;

    /** What {@link #magnitude} returns for a number whose digits are all 0. */
    static final long ZERO = Long.MIN_VALUE + 1;

    /** Exponents are read up to this magnitude; beyond it every value overflows or underflows. */
    private static final long EXPONENT_CAP = 1_000_000_000_000L;

    /**
     * Returns the decimal exponent of the first significant digit of {@code t} when {@code t} has
     * the form of a number (sign, digits with one decimal separator, exponent; no blanks): 2 for
     * {@code 123.4}, -3 for {@code 0.00123}, 0 for {@code 1e0}; {@link #ZERO} when every digit is
     * 0; {@link #NOT_NUMERIC} for anything else. One pass over {@code t}, no backtracking.
     */
    static long magnitude(CharSequence t, boolean decimalComma) {
        final char point = decimalComma ? ',' : '.';
        int n = t.length();
        int p = 0;
        if (p < n && (t.charAt(p) == '-' || t.charAt(p) == '+')) {
            p++;
        }
        boolean seenPoint = false;
        boolean anyDigit = false;
        long lead = ZERO; // exponent of the first non-zero digit, relative to the decimal point
        long intDigits = 0; // integer digits from the first non-zero one on
        long zerosAfterPoint = 0; // zeros after the point before the first non-zero digit
        for (; p < n; p++) {
            char c = t.charAt(p);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (lead == ZERO && c != '0' && seenPoint) {
                    lead = -zerosAfterPoint - 1;
                } else if (lead == ZERO && c == '0' && seenPoint) {
                    zerosAfterPoint++;
                }
                if (!seenPoint && (c != '0' || intDigits > 0)) {
                    intDigits++;
                }
            } else if (c == point && !seenPoint) {
                seenPoint = true;
                if (intDigits > 0) {
                    lead = intDigits - 1;
                }
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return NOT_NUMERIC;
        }
        if (!seenPoint && intDigits > 0) {
            lead = intDigits - 1;
        }
        long exp = 0;
        if (p < n && (t.charAt(p) == 'e' || t.charAt(p) == 'E')) {
            p++;
            boolean negative = false;
            if (p < n && (t.charAt(p) == '-' || t.charAt(p) == '+')) {
                negative = t.charAt(p) == '-';
                p++;
            }
            if (p == n) {
                return NOT_NUMERIC;
            }
            for (; p < n; p++) {
                char c = t.charAt(p);
                if (c < '0' || c > '9') {
                    return NOT_NUMERIC;
                }
                if (exp < EXPONENT_CAP) {
                    exp = exp * 10 + (c - '0');
                }
            }
            exp = negative ? -exp : exp;
        }
        if (p != n) {
            return NOT_NUMERIC;
        }
        return lead == ZERO ? ZERO : lead + exp;
    }

    /**
     * Returns true when {@code t} has the form of a number (sign, digits with one decimal
     * separator, exponent; no blanks), whether or not its value fits in a double: with {@link
     * #parse} returning NaN, such text overflows or underflows ({@link #overflows} tells which).
     * Linear in the length of {@code t}.
     */
    public static boolean looksNumeric(CharSequence t, boolean decimalComma) {
        return magnitude(t, decimalComma) != NOT_NUMERIC;
    }

    /**
     * Returns true when {@code t}, a text of the form of a number on which {@link #parse} returned
     * NaN, is too large for a double (false: it is too small, and would be stored as 0).
     */
    public static boolean overflows(CharSequence t, boolean decimalComma) {
        long m = magnitude(t, decimalComma);
        return m != NOT_NUMERIC && m != ZERO && m >= 0;
    }
}
