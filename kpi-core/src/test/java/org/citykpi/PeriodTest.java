package org.citykpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {
    @ParameterizedTest
    @CsvSource({
        "2022, YEAR, 2022-01-01, 2022-12-31, 2022",
        "' 2022 ', YEAR, 2022-01-01, 2022-12-31, 2022",
        "2022-03, YEAR_MONTH, 2022-03-01, 2022-03-31, 2022-03",
        "2020-Q1, QUARTER, 2020-01-01, 2020-03-31, 2020-Q1",
        "2020-q4, QUARTER, 2020-10-01, 2020-12-31, 2020-Q4",
        "2024-02, YEAR_MONTH, 2024-02-01, 2024-02-29, 2024-02",
        "2022-03-31, DATE, 2022-03-31, 2022-03-31, 2022-03-31",
        "2015-16, YEAR_SPAN, 2015-01-01, 2016-12-31, 2015-2016",
        "2015/16, YEAR_SPAN, 2015-01-01, 2016-12-31, 2015-2016",
        "2015-2016, YEAR_SPAN, 2015-01-01, 2016-12-31, 2015-2016",
        "1999-00, YEAR_SPAN, 1999-01-01, 2000-12-31, 1999-2000"
    })
    void parsesEveryForm(String text, Period.Kind kind, LocalDate start, LocalDate end, String label) {
        Period p = Period.parse(text);
        assertEquals(kind, p.kind());
        assertEquals(start, p.start());
        assertEquals(end, p.end());
        assertEquals(label, p.label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "22", "20x2", "2022-13-01", "2022-02-30", "2016-2015", "year", "2022-1", "2020-Q5"})
    void rejectsWithTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
        assertTrue(e.getMessage().contains("not a period"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x", "2021-", "-", " ", "1.", "\u0001"})
    void quotesAMegabyteOfTextThatIsNoPeriodInAShortMessage(String unit) {
        String text = unit.repeat(1_000_000 / unit.length()) + "x";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(text));
        String m = e.getMessage();
        assertTrue(m.startsWith("not a period '"), m);
        assertTrue(
                m.contains("' (" + String.format(java.util.Locale.ROOT, "%,d", text.length()) + " characters) ("), m);
        assertTrue(m.length() < 800, m.length() + " characters");
        assertTrue(m.chars().noneMatch(c -> c < 0x20), m);
    }

    @Test
    void ordersByStartThenEnd() {
        assertTrue(Period.parse("2015").compareTo(Period.parse("2015-16")) < 0);
        assertTrue(Period.parse("2015-06").compareTo(Period.parse("2015")) > 0);
        assertEquals(Period.parse("2015-16"), Period.parse("2015/2016"));
    }

    @Test
    void decimalYearCountsDaysFromJanuaryFirst() {
        // 2022-07-01 is day 181 of a 365-day year (31+28+31+30+31+30 = 181 days before it).
        assertEquals(2022 + 181.0 / 365, Period.parse("2022-07").decimalYear(), 1e-12);
        assertEquals(2015.0, Period.parse("2015").decimalYear(), 0);
    }
}
