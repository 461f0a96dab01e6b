package org.citykpi.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NumberParserTest {
    private static final int MB = 1_000_000;

    /** A text that counts how often its characters are read, and refuses to be copied whole. */
    static final class Counting implements CharSequence {
        private final String s;
        private final int from;
        private final int to;
        private final long[] reads;

        Counting(String s) {
            this(s, 0, s.length(), new long[1]);
        }

        private Counting(String s, int from, int to, long[] reads) {
            this.s = s;
            this.from = from;
            this.to = to;
            this.reads = reads;
        }

        long reads() {
            return reads[0];
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int i) {
            reads[0]++;
            return s.charAt(from + i);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counting(s, from + start, from + end, reads);
        }

        @Override
        public String toString() {
            // a whole copy would read every character again, uncounted: only short texts may be copied
            if (length() > 16) {
                throw new UnsupportedOperationException("copied a text of " + length() + " characters");
            }
            reads[0] += length();
            return s.substring(from, to);
        }
    }

    /** Bad cells of one megabyte, each of a shape that once took time growing with its square. */
    static Stream<Arguments> megabyteCells() {
        return Stream.of(
                Arguments.of("digits then a letter", "1".repeat(MB) + "x", "not a number"),
                Arguments.of(
                        "digits, a point, digits, a letter",
                        "1".repeat(MB / 2) + "." + "1".repeat(MB / 2) + "x",
                        "not a number"),
                Arguments.of("digits then a percent sign", "1".repeat(MB) + "%", "not a number"),
                Arguments.of("digits with many points", "1.".repeat(MB / 2), "not a number"),
                Arguments.of("many exponents", "1e".repeat(MB / 2), "not a number"),
                Arguments.of("an exponent of exponents", "1e1" + "e1".repeat(MB / 2), "not a number"),
                Arguments.of("an exponent then a letter", "1e" + "1".repeat(MB) + "x", "not a number"),
                Arguments.of("a run of minus signs", "-".repeat(MB), "not a number"),
                Arguments.of("a run of points", ".".repeat(MB), "not a number"),
                Arguments.of("blanks around a letter", " ".repeat(MB / 2) + "x" + " ".repeat(MB / 2), "not a number"),
                Arguments.of("blanks inside digits", "1" + " ".repeat(MB) + "1", "not a number"),
                Arguments.of("tabs before a digit", "\t".repeat(MB) + "1", "not a number"),
                Arguments.of("control characters", "\u0001".repeat(MB), "not a number"),
                Arguments.of("digits that overflow", "9".repeat(MB), "number out of range"),
                Arguments.of("an exponent that overflows", "1e" + "9".repeat(MB), "number out of range"),
                Arguments.of("digits that underflow", "0." + "0".repeat(MB) + "1", "number out of range"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("megabyteCells")
    void explainsAMegabyteCellReadingEachCharacterAFewTimes(String shape, String cell, String verdict) {
        char[] b = cell.toCharArray();
        // parse: one forward pass over the array (and Double.parseDouble for an overflow or underflow)
        assertTrue(Double.isNaN(NumberParser.parse(b, 0, b.length, false)), shape);
        Counting text = new Counting(cell);
        String message = NumberParser.explain(text, false);
        // trimming blanks from both ends, one scan of the form, the last character, the quoted excerpt
        assertTrue(
                text.reads() <= 3L * cell.length() + 200,
                shape + ": " + text.reads() + " reads for " + cell.length() + " characters");
        assertTrue(message.startsWith(verdict + " '"), message);
        assertTrue(
                message.contains("' (" + String.format(java.util.Locale.ROOT, "%,d", cell.length()) + " characters)"),
                message);
        assertTrue(message.length() < 800, () -> message.length() + " characters: " + message.substring(0, 200));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                // the messages of short cells, as they have always read
                "1x0|not a number '1x0' (expected a number with '.' as decimal separator, or use --decimal-comma)",
                "12,5|not a number '12,5' (expected a number with '.' as decimal separator, or use --decimal-comma)",
                "\" 7 x \"|not a number ' 7 x ' (expected a number with '.' as decimal separator, or use --decimal-comma)",
                "12%|not a number '12%' (expected a number without '%'; the unit belongs in the unit column)",
                "NaN|not a finite number 'NaN' (expected a finite number; leave the cell empty for a missing value)",
                "-Infinity|not a finite number '-Infinity' (expected a finite number; leave the cell empty for a missing"
                        + " value)",
                "#DIV/0!|not a finite number '#DIV/0!' (expected a finite number; leave the cell empty for a missing"
                        + " value)",
                "1e999|number out of range '1e999' (expected a magnitude below 1.8e308)",
                "-2.5e308|number out of range '-2.5e308' (expected a magnitude below 1.8e308)",
                "1e-999|number out of range '1e-999' (too small to be stored; expected 0 or a magnitude of at least"
                        + " 4.9e-324)",
                "0.00000000000000000000001e-310|number out of range '0.00000000000000000000001e-310' (too small to be"
                        + " stored; expected 0 or a magnitude of at least 4.9e-324)",
                // only spaces are blanks around a number, as in parse: a tab makes it no number at all
                "\"\t1\"|not a number '\\t1' (expected a number with '.' as decimal separator, or use --decimal-comma)"
            })
    void explainsShortCells(String cell, String expected) {
        assertTrue(Double.isNaN(NumberParser.parse(cell, false)), cell);
        assertEquals(expected, NumberParser.explain(cell, false));
    }

    @Test
    void explainsWithTheDecimalComma() {
        assertEquals(
                "number out of range '1,5e999' (expected a magnitude below 1.8e308)",
                NumberParser.explain("1,5e999", true));
        assertEquals(
                "not a number '1.5' (expected a number with ',' as decimal separator (--decimal-comma) and no thousands"
                        + " separator)",
                NumberParser.explain("1.5", true));
    }

    @Test
    void tellsOverflowFromUnderflowByTheExponentOfTheFirstDigit() {
        // magnitude = decimal exponent of the first significant digit, hand-worked from the text
        assertEquals(2, NumberParser.magnitude("123.4", false));
        assertEquals(-3, NumberParser.magnitude("0.00123", false));
        assertEquals(-1, NumberParser.magnitude(".5", false));
        assertEquals(0, NumberParser.magnitude("5.", false));
        assertEquals(309, NumberParser.magnitude("-0012e308", false));
        assertEquals(-325, NumberParser.magnitude("+0.01e-323", false));
        assertEquals(NumberParser.ZERO, NumberParser.magnitude("000.000e5", false));
        for (String no : new String[] {"", "+", "-", ".", "1.2.3", "1e", "1e+", "e5", "1 ", "0x10", "1,5"}) {
            assertEquals(NumberParser.NOT_NUMERIC, NumberParser.magnitude(no, false), no);
        }
        assertTrue(NumberParser.overflows("1e400", false));
        assertTrue(!NumberParser.overflows("1e-400", false));
    }

    @Test
    void aHugeExponentNeverFallsBackIntoTheExactRange() {
        // 0.(99,999 zeros)1 × 10^1,000,000 = 10^900,000: far beyond a double. An exponent read only
        // up to 100,000 once made the scale 100,000 − 100,000 = 0 and the value 1.
        String over = "0." + "0".repeat(99_999) + "1e1000000";
        assertTrue(Double.isNaN(NumberParser.parse(over, false)));
        assertTrue(NumberParser.explain(over, false).startsWith("number out of range '0.000"));
        assertTrue(NumberParser.explain(over, false).contains("(expected a magnitude below 1.8e308)"));
        // 0.(999,999 zeros)1 × 10^1,000,000 = 10^0 = 1 exactly (hand-worked: the exponents cancel)
        String one = "0." + "0".repeat(999_999) + "1e1000000";
        assertEquals(1.0, NumberParser.parse(one, false));
        // and the same the other way round: 1 followed by 400 zeros, × 10^-400, is 1
        assertEquals(1.0, NumberParser.parse("1" + "0".repeat(400) + "e-400", false));
    }
}
