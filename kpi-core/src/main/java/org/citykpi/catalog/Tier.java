package org.citykpi.catalog;

import java.util.Locale;
import org.citykpi.Quote;

/** U4SSC tier of an indicator: core (every city reports it) or advanced. */
public enum Tier {
    /** Core KPI (code suffix {@code C}). */
    CORE,
    /** Advanced KPI (code suffix {@code A}). */
    ADVANCED,
    /** Not part of a tiered framework (user-defined indicators). */
    NONE;

    /**
     * Parses {@code core}, {@code advanced} or empty/{@code none}, case-insensitively.
     *
     * @param text the tier as written ({@code c} and {@code a} too); null is read as empty
     * @return the tier
     * @throws IllegalArgumentException if the text is no tier (the message names the accepted words)
     */
    public static Tier parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "core":
            case "c":
                return CORE;
            case "advanced":
            case "a":
                return ADVANCED;
            case "":
            case "none":
                return NONE;
            default:
                throw new IllegalArgumentException("not a tier " + Quote.of(text) + " (expected core or advanced)");
        }
    }

    /** {@return the lower-case word used in files ({@code core}, {@code advanced}, empty for none)} */
    public String word() {
        return this == NONE ? "" : name().toLowerCase(Locale.ROOT);
    }
}
