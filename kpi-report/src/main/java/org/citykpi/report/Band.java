package org.citykpi.report;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The four U4SSC bands with the colours the report paints them in, and "not scored". Colours are
 * the four-class RdYlGn scheme of ColorBrewer (red, orange, light green, green), chosen because it
 * reads as bad-to-good at a glance; every coloured mark also carries its band label in text, so the
 * report reads the same in black and white and for colour-blind readers.
 */
enum Band {
    B1("0-33", "#d7191c", "#fff", "#fbe3e3"),
    B2("33-66", "#fdae61", "#1f1f1f", "#fef0e0"),
    B3("66-95", "#a6d96a", "#1f1f1f", "#eef8e3"),
    B4("95+", "#1a9641", "#fff", "#dcefe1"),
    NONE("not scored", "#d4d4d4", "#1f1f1f", "#f2f2f2");

    final String label;
    final String fill;
    final String ink;
    final String tint;

    Band(String label, String fill, String ink, String tint) {
        this.label = label;
        this.fill = fill;
        this.ink = ink;
        this.tint = tint;
    }

    /** Returns the CSS class of the band ({@code b1} … {@code b4}, {@code b0} for not scored). */
    String css() {
        return this == NONE ? "b0" : "b" + (ordinal() + 1);
    }

    /** Returns the band of U4SSC points 1–4, or NONE when there are none. */
    static Band ofPoints(OptionalInt points) {
        return points.isPresent() ? values()[points.getAsInt() - 1] : NONE;
    }

    /** Returns the band whose label is {@code label} ({@code 0-33} …), or NONE when empty. */
    static Band ofLabel(Optional<String> label) {
        if (label.isPresent()) {
            for (Band b : values()) {
                if (b.label.equals(label.get())) {
                    return b;
                }
            }
            throw new IllegalArgumentException("not a U4SSC band: " + label.get());
        }
        return NONE;
    }
}
