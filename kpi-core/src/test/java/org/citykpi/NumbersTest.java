package org.citykpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
    @ParameterizedTest
    @CsvSource({"75, 75", "0.1, 0.1", "-24, -24", "1234567.125, 1234567.125", "1e-10, 1.0E-10", "0.000123, 0.000123"})
    void formatsShortestExactText(double v, String text) {
        assertEquals(text, Numbers.format(v));
        assertEquals(v, Double.parseDouble(Numbers.format(v)), 0);
    }

    @Test
    void compensatedSumKeepsSmallTerms() {
        // 1e16 + 1 + 1 - 1e16: a plain left-to-right sum loses both ones (1e16 + 1 == 1e16); the exact answer is 2.
        double[] x = {1e16, 1, 1, -1e16};
        assertEquals(2.0, Numbers.sum(x, 0, x.length), 0);
    }
}
