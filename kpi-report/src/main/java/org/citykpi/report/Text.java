package org.citykpi.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.citykpi.Numbers;

/**
 * Escaping and number display for the report. Display numbers are rounded for people (the
 * full-precision value, as {@code compute} writes it, travels in a {@code data-} attribute and in
 * the value's explanation); rounding uses {@link Locale#ROOT} and half-even, never the platform
 * locale. Stateless and thread-safe.
 */
final class Text {
    /** Narrow no-break space (U+202F), the SI thousands separator: neither '.' nor ','. */
    static final char THIN = '\u202F';

    private Text() {}

    /**
     * Returns {@code s} safe as HTML text and as a quoted attribute value: {@code & < > " '}
     * replaced by entities; control characters other than tab and line ends dropped (they are not
     * allowed in HTML).
     */
    static String esc(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r;
            switch (c) {
                case '&':
                    r = "&amp;";
                    break;
                case '<':
                    r = "&lt;";
                    break;
                case '>':
                    r = "&gt;";
                    break;
                case '"':
                    r = "&quot;";
                    break;
                case '\'':
                    r = "&#39;";
                    break;
                default:
                    r = c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "" : null;
            }
            if (r != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(r);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Returns the exact value as {@code compute} writes it (for {@code data-} attributes). */
    static String exact(double v) {
        return Numbers.format(v);
    }

    /**
     * Returns {@code v} rounded for reading: integers as they are, otherwise 3 significant digits
     * below 1 and at most 2 decimals below 100, 1 decimal below 10 000, none above; trailing zeros
     * dropped; thousands grouped with a narrow space from 10 000 on. Non-finite values cannot occur
     * in results (they are rejected there) and are shown as Java prints them.
     */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        BigDecimal d = new BigDecimal(Double.toString(v));
        if (a == 0) {
            return "0";
        } else if (a < 1) {
            d = d.round(new java.math.MathContext(3, RoundingMode.HALF_EVEN));
        } else if (a < 100) {
            d = d.setScale(2, RoundingMode.HALF_EVEN);
        } else if (a < 10_000) {
            d = d.setScale(1, RoundingMode.HALF_EVEN);
        } else {
            d = d.setScale(0, RoundingMode.HALF_EVEN);
        }
        String s = d.stripTrailingZeros().toPlainString();
        return a >= 10_000 ? group(s) : s;
    }

    private static String group(String s) {
        int dot = s.indexOf('.');
        int end = dot < 0 ? s.length() : dot;
        int start = s.startsWith("-") ? 1 : 0;
        StringBuilder sb = new StringBuilder(s.length() + 6);
        sb.append(s, 0, start);
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                sb.append(THIN);
            }
            sb.append(s.charAt(i));
        }
        return sb.append(s, end, s.length()).toString();
    }

    /** Returns a percentage for reading: one decimal at most, such as {@code 56.3%} or {@code 75%}. */
    static String pct(double p) {
        return new BigDecimal(Double.toString(p))
                        .setScale(1, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }

    /** Returns an id fragment safe in {@code id} and {@code href="#…"}: letters, digits, '-' only. */
    static String slug(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                sb.append(Character.toLowerCase(c));
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        // Distinct names may share a slug (case, punctuation): a hash of the original keeps them apart.
        return sb + Integer.toHexString(s.hashCode());
    }
}
