package org.citykpi.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The U4SSC bands: points 1 for attainment in [0, 33), 2 in [33, 66), 3 in [66, 95), 4 from 95 on,
 * labelled {@code 0-33}, {@code 33-66}, {@code 66-95}, {@code 95+} (U4SSC verification reports).
 * Each lower bound belongs to its band.
 */
class BandTest {
    @ParameterizedTest
    @CsvSource({
        "0, B0_33",
        "32.99999999999999, B0_33", // the double just below 33 (Math.nextDown(33.0))
        "33, B33_66",
        "65.99999999999999, B33_66", // Math.nextDown(66.0)
        "66, B66_95",
        "94.99999999999999, B66_95", // Math.nextDown(95.0)
        "95, B95_PLUS",
        "100, B95_PLUS",
        "1e300, B95_PLUS"
    })
    void attainmentFallsInItsBand(double attainment, Band band) {
        assertEquals(band, Band.of(attainment));
        assertTrue(band.contains(attainment));
    }

    @Test
    void boundariesAreExactlyThirtyThreeSixtySixAndNinetyFive() {
        assertEquals(Band.B0_33, Band.of(Math.nextDown(33.0)));
        assertEquals(Band.B33_66, Band.of(33.0));
        assertEquals(Band.B33_66, Band.of(Math.nextDown(66.0)));
        assertEquals(Band.B66_95, Band.of(66.0));
        assertEquals(Band.B66_95, Band.of(Math.nextDown(95.0)));
        assertEquals(Band.B95_PLUS, Band.of(95.0));
        assertEquals(Band.B95_PLUS, Band.of(Double.POSITIVE_INFINITY));
        assertFalse(Band.B0_33.contains(33.0));
        assertFalse(Band.B33_66.contains(66.0));
        assertFalse(Band.B66_95.contains(95.0));
    }

    @Test
    void eachBandKnowsItsLabelPointsAndRange() {
        assertEquals(
                List.of("0-33", "33-66", "66-95", "95+"),
                List.of(Band.values()).stream().map(Band::label).toList());
        for (Band b : Band.values()) {
            assertEquals(b.ordinal() + 1, b.points());
            assertEquals(b, Band.ofPoints(b.points()));
            assertEquals(b, Band.of(b.from()), "the lower bound belongs to the band");
            if (b != Band.B95_PLUS) {
                // bands tile [0, ∞) without gaps: each ends where the next begins
                assertEquals(b.to(), Band.values()[b.ordinal() + 1].from());
            }
        }
        assertEquals(0, Band.B0_33.from());
        assertEquals(Double.POSITIVE_INFINITY, Band.B95_PLUS.to());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -1e-9, -5})
    void noBandForNaNOrNegativeAttainment(double attainment) {
        assertThrows(IllegalArgumentException.class, () -> Band.of(attainment));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -4})
    void noBandForPointsOutsideOneToFour(int points) {
        assertThrows(IllegalArgumentException.class, () -> Band.ofPoints(points));
    }
}
