package org.citykpi.catalog;

import java.util.Locale;
import org.citykpi.Quote;

/** Says which way an indicator improves. */
public enum Direction {
    /** Higher values are better (internet access, literacy). */
    HIGHER,
    /** Lower values are better (mortality, emissions). */
    LOWER,
    /** Values close to a target band are best (parity, a goldilocks indicator). */
    TARGET;

    /**
     * Parses {@code higher}, {@code lower}, {@code target} and the spellings {@code
     * higher_is_better}, {@code lower_is_better}, {@code 1} and {@code -1} (COINr), case-insensitively.
     *
     * @param text the direction as written; blanks around it are ignored
     * @return the direction
     * @throws IllegalArgumentException naming the accepted words
     */
    public static Direction parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "higher":
            case "higher_is_better":
            case "up":
            case "1":
            case "+1":
                return HIGHER;
            case "lower":
            case "lower_is_better":
            case "down":
            case "-1":
                return LOWER;
            case "target":
            case "band":
            case "target_band":
                return TARGET;
            default:
                throw new IllegalArgumentException(
                        "not a direction " + Quote.of(text) + " (expected higher, lower or target)");
        }
    }

    /** {@return the lower-case word used in files: {@code higher}, {@code lower} or {@code target}} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
