package org.citykpi.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time stamps against java.time, an independent implementation of the same calendar and zone
 * rules: every expected instant below is computed by java.time from the same text.
 */
class TimeStampParserTest {
    private static long utc(String s) {
        TimeStampParser t = new TimeStampParser(null);
        assertTrue(t.parse(s), t::error);
        return t.start();
    }

    @Test
    void epochDayAgreesWithJavaTimeOnEveryDayOfTheFourDigitYears() {
        LocalDate d = LocalDate.of(0, 1, 1);
        LocalDate end = LocalDate.of(9999, 12, 31);
        while (!d.isAfter(end)) {
            assertEquals(
                    d.toEpochDay(),
                    TimeStampParser.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
                    d::toString);
            assertEquals(d.lengthOfMonth(), TimeStampParser.lengthOfMonth(d.getYear(), d.getMonthValue()), d::toString);
            d = d.plusDays(1);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-01-01T00:00:00Z",
                "2023-01-01T00:00Z",
                "2023-06-30T23:59:59.999Z",
                "2024-02-29T12:00:00+01:00",
                "2023-03-26T01:30:00-05:30",
                "1969-12-31T23:59:59Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59+14:00",
                "2017-02-16T21:55:12.841Z",
            })
    void instantsWithAnOffsetAreThoseOfJavaTime(String s) {
        assertEquals(OffsetDateTime.parse(s).toInstant().toEpochMilli(), utc(s));
    }

    @Test
    void theCommonUtcSpellingAgreesWithJavaTimeOnEveryHourOfFourYears() {
        TimeStampParser t = new TimeStampParser(null);
        Instant i = Instant.parse("2022-12-31T00:00:00Z");
        Instant end = Instant.parse("2025-01-02T00:00:00Z");
        for (; i.isBefore(end); i = i.plusSeconds(3599)) {
            String s = i.toString(); // YYYY-MM-DDThh:mm:ssZ, 20 characters
            assertTrue(t.parse(s), s);
            assertEquals(i.toEpochMilli(), t.start(), s);
            assertEquals(0, t.duration(), s);
        }
        // out of range in that spelling: the message of the general path
        assertFalse(t.parse("2023-02-29T00:00:00Z"));
        assertEquals(
                "not a time stamp '2023-02-29T00:00:00Z': day 29 does not exist in 2023-02 (expected ISO 8601 such as"
                        + " 2023-01-01T00:00:00Z or 2023-01-01T01:00+01:00)",
                t.error());
        assertFalse(t.parse("2023-01-01T23:60:00Z"));
        assertTrue(t.error().contains("minute 60 does not exist"), t::error);
        assertTrue(t.parse("2023-12-31T24:00:00Z"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), t.start());
        assertFalse(t.parse("2023-0a-01T00:00:00Z"));
        assertTrue(t.error().contains("expected a two-digit month"), t::error);
    }

    @Test
    void acceptsTheSpellingsMetInExports() {
        long h = Instant.parse("2023-05-01T10:00:00Z").toEpochMilli();
        assertEquals(h, utc("2023-05-01 10:00:00Z"));
        assertEquals(h, utc("2023-05-01t10:00z"));
        assertEquals(h, utc("  2023-05-01T11:00:00+0100 "));
        assertEquals(h, utc("2023-05-01T12:00+02"));
        assertEquals(h, utc("2023-05-01T10:00:00,000Z"));
        assertEquals(h + 123, utc("2023-05-01T10:00:00.123456789Z")); // cut, not rounded
        assertEquals(h + 500, utc("2023-05-01T10:00:00.5Z"));
        assertEquals(Instant.parse("2023-05-01T00:00:00Z").toEpochMilli(), utc("2023-05-01Z"));
    }

    @Test
    void hour24IsTheEndOfTheDay() {
        long next = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        assertEquals(next, utc("2023-12-31T24:00Z"));
        assertEquals(next, utc("2023-12-31T24:00:00.000Z"));
        TimeStampParser t = new TimeStampParser(null);
        assertFalse(t.parse("2023-12-31T24:30Z"));
        assertTrue(t.error().contains("hour 24 is only 24:00"), t::error);
    }

    @Test
    void aStampWithoutAZoneIsAnErrorUnlessAZoneIsGiven() {
        TimeStampParser t = new TimeStampParser(null);
        assertFalse(t.parse("2023-01-01T00:00:00"));
        assertEquals(
                "time stamp without a zone '2023-01-01T00:00:00' (expected an offset such as Z or +01:00, or the"
                        + " zone of local times: --zone Europe/Paris)",
                t.error());
        assertFalse(t.parse("2023-01-01"));
        assertTrue(t.error().startsWith("time stamp without a zone"), t::error);

        TimeStampParser paris = new TimeStampParser(ZoneId.of("Europe/Paris"));
        assertTrue(paris.parse("2023-01-01T00:00:00"));
        assertEquals(Instant.parse("2022-12-31T23:00:00Z").toEpochMilli(), paris.start());
        assertTrue(paris.parse("2023-07-01"));
        assertEquals(Instant.parse("2023-06-30T22:00:00Z").toEpochMilli(), paris.start());
        // an explicit offset wins over the zone
        assertTrue(paris.parse("2023-07-01T00:00Z"));
        assertEquals(Instant.parse("2023-07-01T00:00:00Z").toEpochMilli(), paris.start());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Paris", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"})
    void localTimesAreThoseOfJavaTimeAndTheGapIsAnError(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        TimeStampParser t = new TimeStampParser(zone);
        Random rnd = new Random(7);
        long from = LocalDateTime.of(2022, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        // every half hour of 2022 and 2023 in order (the cached window path), then random times
        for (long s = from; s < from + 2 * 366 * 86_400L; s += 1800) {
            check(t, zone, LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC));
        }
        for (int i = 0; i < 20_000; i++) {
            long s = from + (long) (rnd.nextDouble() * 3 * 366 * 86_400L);
            check(t, zone, LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC));
        }
    }

    private static void check(TimeStampParser t, ZoneId zone, LocalDateTime ldt) {
        String text = ldt.toString();
        boolean exists = !zone.getRules().getValidOffsets(ldt).isEmpty();
        assertEquals(exists, t.parse(text), () -> text + ": " + t.error());
        if (exists) {
            assertEquals(ZonedDateTime.ofLocal(ldt, zone, null).toInstant().toEpochMilli(), t.start(), text);
        } else {
            assertTrue(t.error().contains("does not exist in " + zone), t::error);
        }
    }

    @Test
    void theRepeatedHourIsReadAtTheEarlierOffset() {
        TimeStampParser t = new TimeStampParser(ZoneId.of("Europe/Paris"));
        assertTrue(t.parse("2023-10-29T02:30:00"));
        // 02:30 happens at +02:00 (00:30Z) and again at +01:00 (01:30Z): the first is taken
        assertEquals(Instant.parse("2023-10-29T00:30:00Z").toEpochMilli(), t.start());
        assertFalse(t.parse("2023-03-26T02:30:00"));
        assertEquals(
                "local time '2023-03-26T02:30:00' does not exist in Europe/Paris (the clocks moved forward then;"
                        + " expected a time stamp with an offset such as +01:00)",
                t.error());
    }

    @Test
    void intervalsKeepTheirStartAndDuration() {
        TimeStampParser t = new TimeStampParser(null);
        assertTrue(t.parse("2023-01-01T00:00:00Z/2023-01-01T01:00:00Z"));
        assertEquals(Instant.parse("2023-01-01T00:00:00Z").toEpochMilli(), t.start());
        assertEquals(3_600_000L, t.duration());
        assertTrue(t.parse("2023-01-01T00:00:00+01:00/PT15M"));
        assertEquals(Instant.parse("2022-12-31T23:00:00Z").toEpochMilli(), t.start());
        assertEquals(900_000L, t.duration());
        assertTrue(t.parse("2023-01-01T00:00Z/P1DT1H30M10S"));
        assertEquals(((24 + 1) * 60 + 30) * 60_000L + 10_000L, t.duration());
        assertTrue(t.parse("2023-01-01T00:00Z"));
        assertEquals(0, t.duration());
        assertFalse(t.parse("2023-01-01T01:00Z/2023-01-01T00:00Z"));
        assertEquals(
                "interval that does not end after it starts '2023-01-01T01:00Z/2023-01-01T00:00Z' (expected"
                        + " start/end with the end later than the start)",
                t.error());
        assertFalse(t.parse("2023-01-01T00:00Z/PT0H"));
        assertFalse(t.parse("2023-01-01T00:00Z/P1H"));
        assertFalse(t.parse("2023-01-01T00:00Z/"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-13-01T00:00Z|month 13 does not exist",
                "2023-02-29T00:00Z|day 29 does not exist in 2023-02",
                "2023-04-31|day 31 does not exist in 2023-04",
                "2023-01-01T25:00Z|hour 25 does not exist",
                "2023-01-01T10:60Z|minute 60 does not exist",
                "2023-01-01T10:00:60Z|second 60 does not exist (leap seconds are not supported)",
                "2023-01-01T10:00+19:00|zone offset beyond ±18:00",
                "2023-01-01T10:00 UTC|expected a zone offset such as Z or +01:00 after the time",
                "23-01-01T10:00Z|expected a four-digit year first",
                "2023/01/01T10:00Z|expected '-' after the year",
                "01/02/2023 10:00|expected a four-digit year first",
                "2023-1-01T10:00Z|expected a two-digit month",
                "2023-01-01X10:00Z|expected 'T' between date and time",
                "2023-01-01T10Z|expected ':' after the hour",
                "2023-01-01T10:00:00.Z|expected digits after the decimal separator of the seconds",
                "2023-01-01T10:00Zjunk|unexpected text after the time",
            })
    void explainsWhatIsWrong(String text, String why) {
        TimeStampParser t = new TimeStampParser(null);
        assertFalse(t.parse(text));
        assertEquals(
                "not a time stamp '" + text + "': " + why
                        + " (expected ISO 8601 such as 2023-01-01T00:00:00Z or 2023-01-01T01:00+01:00)",
                t.error());
    }

    @Test
    void anEmptyTimeIsNamedSo() {
        TimeStampParser t = new TimeStampParser(null);
        assertFalse(t.parse("   "));
        assertEquals("empty time (expected a time stamp such as 2023-01-01T00:00:00Z)", t.error());
    }

    @Test
    void aHugeFieldIsReadInLinearTimeAndQuotedShort() {
        StringBuilder sb = new StringBuilder("2023-01-01T00:00:00.");
        sb.append("1".repeat(4_000_000));
        sb.append('x');
        TimeStampParser t = new TimeStampParser(null);
        long t0 = System.nanoTime();
        assertFalse(t.parse(sb.toString()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 2_000, "took " + ms + " ms");
        // the message quotes 60 characters of the 4 MB field
        assertTrue(t.error().length() < 250, t::error);
        assertTrue(t.error().contains("…"), t::error);
        String slashes = "2023-01-01T00:00Z/".repeat(100_000);
        assertFalse(t.parse(slashes));
        assertTrue(t.error().length() < 250, t::error);
    }
}
