package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.citykpi.observe.RollupResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ObservationsExample} on its synthetic data and checks what the data are made to show
 * (tools/observations/generate.py): the counts of the calendar, the station that starts in April,
 * and the city's PM2.5 as the weighted mean of the stations that pass, recomputed here from the
 * stations' own results.
 */
class ObservationsExampleTest {
    static ObservationsExample.Outcome outcome;

    @BeforeAll
    static void run() throws IOException {
        outcome = ObservationsExample.run(ObservationsExample.defaultDir());
    }

    static Map<String, RollupResult> byStation(List<RollupResult> rs, String property) {
        return rs.stream()
                .filter(r -> r.property().equals(property))
                .collect(Collectors.toMap(RollupResult::entity, r -> r));
    }

    @Test
    void theStationThatStartsInAprilFailsTheEuRule() {
        RollupResult s3 = byStation(outcome.stations(), "pm25").get("S3");
        // hourly from 1 April: 365 − 90 = 275 days × 24 = 6,600 hours of 8,760
        assertEquals(6600, s3.nValid());
        assertEquals(8760, s3.nExpected());
        assertEquals("capture 75.3 % < 90 %", s3.detail());
        assertTrue(s3.value().isEmpty());
    }

    @Test
    void theCitysPm25IsTheWeightedMeanOfThePassingStations() {
        Map<String, RollupResult> pm = byStation(outcome.stations(), "pm25");
        // weights of stations.csv: S1 120,000, S2 60,000, S4 25,000 (S3 left out)
        double expected = (120_000 * pm.get("S1").value().getAsDouble()
                        + 60_000 * pm.get("S2").value().getAsDouble()
                        + 25_000 * pm.get("S4").value().getAsDouble())
                / 205_000;
        RollupResult city = byStation(outcome.city(), "pm25").get("Sampleville");
        assertEquals(expected, city.value().getAsDouble(), 1e-12);
        assertEquals("weighted mean of 3 of 4 stations", city.detail());
        assertEquals(expected, outcome.kpis().get("EN.EN.AQ.1C/PM2.5").getAsDouble(), 1e-12);
        assertEquals(expected, outcome.kpis().get("EN.EN.AQ.1C").getAsDouble(), 1e-12);
        assertTrue(outcome.chains().get("pm25_ugm3").contains("left out: S3 (capture 75.3 % < 90 %)"));
    }

    @Test
    void no2InPpbIsConvertedByTheU4sscFactor() {
        // S1 gives NO2 in ppb, S2 in µg/m³; the city's mean is in S1's unit, the KPI in µg/m³ (× 1.9)
        RollupResult city = byStation(outcome.city(), "no2").get("Sampleville");
        assertEquals("ppb", city.unit().orElseThrow());
        assertEquals(
                city.value().getAsDouble() * 1.9,
                outcome.kpis().get("EN.EN.AQ.1C/NO2").getAsDouble(),
                1e-9);
        assertTrue(outcome.chains().get("no2_ugm3").contains("ppb → µg/m³ × 1.9"), outcome.chains()::toString);
    }

    @Test
    void aDayWithEighteenValidHoursCountsAndOneWithSeventeenDoesNot() {
        org.citykpi.observe.Series s4 =
                outcome.read().observations().series("S4", "pm25").orElseThrow();
        Map<String, RollupResult> days = org.citykpi.observe.Rollup.create(org.citykpi.observe.YearGrid.of(2023))
                .withStatistics(List.of(org.citykpi.observe.Statistic.parse("daily_mean")))
                .series(s4)
                .stream()
                .collect(Collectors.toMap(r -> r.period().label(), r -> r));
        assertEquals(18, days.get("2023-01-10").nValid());
        assertTrue(days.get("2023-01-10").value().isPresent());
        assertEquals(17, days.get("2023-01-11").nValid());
        assertTrue(days.get("2023-01-11").value().isEmpty());
    }

    @Test
    void everyReadingIsAccountedFor() {
        assertEquals(outcome.read().rowsRead(), outcome.read().rowsAccepted());
        assertEquals(18, outcome.read().negativeValues());
        assertTrue(outcome.read().invalidReadings() > 0);
    }

    @Test
    void printsTheKpiAndItsChain() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObservationsExample.print(outcome, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("EN.EN.AQ.1C = "), text);
        assertFalse(text.contains("EN.EN.AQ.1C = not available"), text);
    }
}
