package org.citykpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuoteTest {
    /** A text of {@code n} characters that counts how often a character is read. */
    static final class Counting implements CharSequence {
        private final String s;
        long reads;

        Counting(String s) {
            this.s = s;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int i) {
            reads++;
            return s.charAt(i);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            throw new UnsupportedOperationException("the quote reads characters one by one");
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("the quote never copies the whole text");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {"12,5|'12,5'", "\"\"|''", "2021-13|'2021-13'", "café ∞|'café ∞'"})
    void quotesShortTextWhole(String text, String expected) {
        assertEquals(expected, Quote.of(text));
    }

    @Test
    void quotesTextOfTheLimitWholeAndCutsOneCharacterMore() {
        String hundred = "7".repeat(100);
        assertEquals("'" + hundred + "'", Quote.of(hundred));
        // 101 characters: the first 80 and the last 19 around the ellipsis, then the length
        String longer = "a".repeat(80) + "b" + "c".repeat(20);
        assertEquals("'" + "a".repeat(80) + "…" + "c".repeat(19) + "' (101 characters)", Quote.of(longer));
    }

    @Test
    void showsTheLengthOfAMegabyteWithThousandsSeparators() {
        String cell = "1".repeat(1_000_000) + "x";
        assertEquals("'" + "1".repeat(80) + "…" + "1".repeat(18) + "x' (1,000,001 characters)", Quote.of(cell));
    }

    @Test
    void readsOnlyTheCharactersItShowsWhateverTheLength() {
        for (int n : new int[] {1_000, 100_000, 1_000_000, 10_000_000}) {
            Counting text = new Counting("9".repeat(n));
            String q = Quote.of(text);
            // 80 + 19 characters shown, and four more looked at to keep surrogate pairs whole
            assertTrue(text.reads <= 103, n + " characters: " + text.reads + " reads");
            assertTrue(q.length() < 140, q);
        }
    }

    @Test
    void escapesControlAndFormatCharactersAndLoneSurrogates() {
        assertEquals("'a\\nb\\r\\tc'", Quote.of("a\nb\r\tc"));
        assertEquals("'\\u0000\\u0001\\u001b[31m\\u007f\\u0085'", Quote.of("\u0000\u0001\u001b[31m\u007f\u0085"));
        // a right-to-left override would reorder the rest of the line on a terminal
        assertEquals("'abc\\u202edef'", Quote.of("abc\u202edef"));
        assertEquals("'\\ud800x\\udc00'", Quote.of("\ud800x\udc00"));
        // a well-formed pair (an emoji) is kept as it is
        assertEquals("'\ud83d\ude00'", Quote.of("\ud83d\ude00"));
    }

    @Test
    void neverCutsASurrogatePairInTwo() {
        // the pair would straddle the cut after 80 characters: it is left out whole
        String head = "a".repeat(79) + "\ud83d\ude00" + "b".repeat(100);
        String q = Quote.of(head);
        assertTrue(q.startsWith("'" + "a".repeat(79) + "…"), q);
        // the pair would straddle the start of the last 19 characters: it is kept whole
        String tail = "a".repeat(100) + "\ud83d\ude00" + "b".repeat(18);
        q = Quote.of(tail);
        assertTrue(q.contains("…\ud83d\ude00" + "b".repeat(18) + "'"), q);
    }
}
