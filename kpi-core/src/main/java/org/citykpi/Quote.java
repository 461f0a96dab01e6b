package org.citykpi;

import java.util.Locale;

/**
 * Quotes a piece of input text in a message the one way the whole project does: between single
 * quotes, at most {@value #MAX_CHARS} of its characters, control characters escaped. Thread-safe
 * (stateless).
 *
 * <ul>
 *   <li>text of at most {@value #MAX_CHARS} characters is quoted whole: {@code '12,5'};
 *   <li>longer text keeps its first {@value #HEAD} and last {@value #TAIL} characters around an
 *       ellipsis and says how long it is: {@code '1111…111x' (1,000,001 characters)};
 *   <li>line breaks and tabs are written {@code \n}, {@code \r}, {@code \t}; other control
 *       characters, format characters (such as bidirectional overrides) and lone surrogates as
 *       a backslash, {@code u} and the four hex digits of the code unit (so {@code U+202E} is
 *       written as backslash-u-202E), so that a quoted value never breaks a message's line nor sends
 *       escapes to a terminal.
 * </ul>
 *
 * <p>The work is bounded by {@value #MAX_CHARS} characters whatever the length of the text: only the
 * characters shown are read.
 */
public final class Quote {
    /** Longest text quoted whole, in characters. */
    public static final int MAX_CHARS = 100;

    /** Characters kept from the start of a longer text. */
    static final int HEAD = 80;

    /** Characters kept from the end of a longer text. */
    static final int TAIL = 19;

    private Quote() {}

    /**
     * Returns {@code text} quoted for a message (see the class description).
     *
     * @param text any text, of any length
     * @return the quoted text, with its length appended when it is cut
     */
    public static String of(CharSequence text) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(Math.min(n, MAX_CHARS) + 32).append('\'');
        if (n <= MAX_CHARS) {
            append(sb, text, 0, n);
            return sb.append('\'').toString();
        }
        int head = HEAD;
        if (Character.isHighSurrogate(text.charAt(head - 1)) && Character.isLowSurrogate(text.charAt(head))) {
            head--; // keep a pair whole: cut before it
        }
        int tail = n - TAIL;
        if (Character.isLowSurrogate(text.charAt(tail)) && Character.isHighSurrogate(text.charAt(tail - 1))) {
            tail--; // keep a pair whole: start before it
        }
        append(sb, text, 0, head);
        sb.append('…');
        append(sb, text, tail, n);
        return sb.append("' (")
                .append(String.format(Locale.ROOT, "%,d", n))
                .append(" characters)")
                .toString();
    }

    private static void append(StringBuilder sb, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c)
                    || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
    }
}
