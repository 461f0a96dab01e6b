package org.citykpi.observe;

import org.jspecify.annotations.Nullable;

/** Quoting of values in messages: at most ~100 characters, control characters escaped. */
final class Text {
    static final int MAX = 100;

    private Text() {}

    /** Returns {@code s} cut to {@link #MAX} characters (with an ellipsis) and control characters escaped. */
    static String cut(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (s.length() > MAX) {
            b.append('…');
        }
        return b.toString();
    }
}
