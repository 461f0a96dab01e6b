package org.citykpi.report;

import java.util.Optional;
import org.citykpi.score.Band;

/**
 * The colours the report paints the four U4SSC {@link Band}s in, and "not scored". Colours are
 * the four-class RdYlGn scheme of ColorBrewer (red, orange, light green, green), chosen because it
 * reads as bad-to-good at a glance; every coloured mark also carries its band label in text, so the
 * report reads the same in black and white and for colour-blind readers.
 */
enum BandColour {
    B1(Band.B0_33.label(), "#d7191c", "#fff", "#fbe3e3"),
    B2(Band.B33_66.label(), "#fdae61", "#1f1f1f", "#fef0e0"),
    B3(Band.B66_95.label(), "#a6d96a", "#1f1f1f", "#eef8e3"),
    B4(Band.B95_PLUS.label(), "#1a9641", "#fff", "#dcefe1"),
    NONE("not scored", "#d4d4d4", "#1f1f1f", "#f2f2f2");

    final String label;
    final String fill;
    final String ink;
    final String tint;

    BandColour(String label, String fill, String ink, String tint) {
        this.label = label;
        this.fill = fill;
        this.ink = ink;
        this.tint = tint;
    }

    /** Returns the CSS class of the band ({@code b1} … {@code b4}, {@code b0} for not scored). */
    String css() {
        return this == NONE ? "b0" : "b" + (ordinal() + 1);
    }

    /** Returns the colours of {@code band}. */
    static BandColour of(Band band) {
        return switch (band) {
            case B0_33 -> B1;
            case B33_66 -> B2;
            case B66_95 -> B3;
            case B95_PLUS -> B4;
        };
    }

    /** Returns the colours of {@code band}, or NONE when there is no band (not scored). */
    static BandColour of(Optional<Band> band) {
        return band.isPresent() ? of(band.get()) : NONE;
    }
}
