package org.citykpi.io.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The header names every CSV reader understands, matched ignoring case and surrounding blanks
 * (docs/cli.md): entity {@code entity|city|uCode|GeoCode}, period {@code
 * period|year|Year|Time|TIME_PERIOD}, variable {@code variable|indicator|kpi|Series}, value {@code
 * value|Value|OBS_VALUE}, unit {@code unit|units|UNIT_MEASURE}, source {@code source}, note {@code
 * note|comment|COMMENT_OBS}.
 */
public enum Columns {
    ENTITY("entity", "city", "ucode", "geocode"),
    PERIOD("period", "year", "time", "time_period"),
    VARIABLE("variable", "indicator", "kpi", "series"),
    VALUE("value", "obs_value"),
    UNIT("unit", "units", "unit_measure"),
    SOURCE("source"),
    NOTE("note", "comment", "comment_obs");

    private final Set<String> names;

    Columns(String... names) {
        this.names = Set.of(names);
    }

    /** Returns the names, lower-case. */
    public Set<String> names() {
        return names;
    }

    /** Returns the synonyms as written in messages, e.g. {@code entity|city|uCode|GeoCode}. */
    public String spelled() {
        switch (this) {
            case ENTITY:
                return "entity|city|uCode|GeoCode";
            case PERIOD:
                return "period|year|Year|Time|TIME_PERIOD";
            case VARIABLE:
                return "variable|indicator|kpi|Series";
            case VALUE:
                return "value|Value|OBS_VALUE";
            case UNIT:
                return "unit|units|UNIT_MEASURE";
            case SOURCE:
                return "source";
            default:
                return "note|comment|COMMENT_OBS";
        }
    }

    /** Returns the column this header names, if it names one. */
    public static Optional<Columns> of(String header) {
        String h = key(header);
        for (Columns c : values()) {
            if (c.names.contains(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Returns the index of the first header naming {@code c}, or -1. */
    public static int find(List<String> header, Columns c) {
        for (int i = 0; i < header.size(); i++) {
            if (c.names.contains(key(header.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the header as a lookup key: blanks stripped, lower case. */
    public static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }
}
