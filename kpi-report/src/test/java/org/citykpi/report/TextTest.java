package org.citykpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.score.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {
    @ParameterizedTest
    @CsvSource({
        // value, shown: integers as they are; <1: 3 significant digits; <100: 2 decimals; <10 000: 1; then none
        "75, 75",
        "0, 0",
        "0.0123456, 0.0123",
        "29.268292682926827, 29.27",
        "219.51219512195121, 219.5",
        "-3.14159, -3.14",
        "12345.678, 12\u202F346",
        "1234567, 1\u202F234\u202F567",
        "-98765.4, -98\u202F765",
        "0.5, 0.5"
    })
    void numbersAreRoundedForReading(double v, String shown) {
        assertEquals(shown, Text.num(v));
    }

    @Test
    void percentagesKeepOneDecimal() {
        assertEquals("58.5%", Text.pct(58.536585365853654));
        assertEquals("75%", Text.pct(75));
        assertEquals("64.3%", Text.pct(100.0 * 18 / 28)); // 64.2857… rounds to 64.3
    }

    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Text.esc("<a href=\"x\">&'"));
        assertEquals("ab", Text.esc("a\u0000b"));
        assertEquals("plain", Text.esc("plain"));
    }

    @Test
    void slugsAreSafeAndDistinct() {
        String a = Text.slug("Town <&> \"Q\"");
        assertTrue(a.matches("[a-z0-9-]+"), a);
        assertTrue(!Text.slug("A b").equals(Text.slug("a-b")));
    }

    @Test
    void chartsHandleEdgeCases() {
        String few = Charts.radar(
                List.of(
                        new ReportModel.Axis("a", OptionalDouble.of(50), Optional.of(Band.B33_66)),
                        new ReportModel.Axis("b", OptionalDouble.empty(), Optional.empty())),
                200,
                true,
                "t");
        assertTrue(few.contains("too few groups"));
        String flat = Charts.line(List.of("2020", "2021"), List.of(5.0, 5.0), OptionalDouble.empty(), "flat");
        assertTrue(flat.contains("<polyline"));
        String over = Charts.bar(OptionalDouble.of(400), BandColour.B4, "over");
        assertTrue(over.contains("<path"), "attainment beyond the axis ends in an arrow");
        assertEquals(
                List.of("Safety, Housing", "and Social", "Inclusion"),
                Charts.wrap("Safety, Housing and Social Inclusion", 16));
        assertEquals("Safety\u2026", Charts.shorten("Safety, Housing and Social Inclusion", 13));
        assertEquals("Education\u2026", Charts.shorten("Education Health Culture", 13));
    }
}
