package org.citykpi.observe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.citykpi.data.DuplicatePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store's builder: sorting of unsorted, interleaved input, duplicates, unit clashes, origins. */
class ObservationsTest {
    private static final long H = 3_600_000L;

    @Test
    void sortsInterleavedUnsortedInputIntoSeriesInStationThenPropertyOrder() {
        Observations.Builder b = Observations.builder();
        b.add("b", "pm25", 3 * H, 30, true, "ug/m3", 1);
        b.add("a", "no2", 2 * H, 20, true, null, 2);
        b.add("b", "pm25", 1 * H, 10, false, null, 3);
        b.add("a", "no2", 0, 5, true, "ppb", 4);
        b.add("b", "pm25", 2 * H, 25, true, "ug/m3", 5);
        b.add("a", "pm25", 7 * H, 70, true, null, 6);
        Observations o = b.build();

        assertEquals(3, o.series().size());
        assertEquals(
                List.of("a/no2", "a/pm25", "b/pm25"),
                o.series().stream().map(s -> s.station() + "/" + s.property()).toList());
        Series bp = o.series("b", "pm25").orElseThrow();
        assertEquals(3, bp.size());
        assertEquals(1 * H, bp.time(0));
        assertEquals(2 * H, bp.time(1));
        assertEquals(3 * H, bp.time(2));
        assertEquals(10, bp.value(0));
        assertFalse(bp.valid(0));
        assertTrue(bp.valid(1));
        assertEquals(25, bp.value(1));
        assertEquals(30, bp.value(2));
        assertEquals(2, bp.validCount());
        assertEquals(Optional.of("ug/m3"), bp.unit());
        assertEquals(Optional.of("ppb"), o.series("a", "no2").orElseThrow().unit());
        assertEquals(Optional.empty(), o.series("a", "pm25").orElseThrow().unit());
        assertEquals(Optional.empty(), o.series("a", "o3"));
        assertEquals(Optional.empty(), o.series("c", "pm25"));
        assertEquals(6, o.size());
        assertTrue(o.conflicts().isEmpty());
        assertEquals(0, bp.duration(0));
    }

    @Test
    void duplicatesAreReportedWithBothOriginsUnderError() {
        Observations.Builder b = Observations.builder();
        b.add("s", "pm25", 2 * H, 1, true, null, 10);
        b.add("s", "pm25", 1 * H, 2, true, null, 11);
        b.add("s", "pm25", 2 * H, 3, true, null, 12);
        b.add("s", "pm25", 2 * H, 4, true, null, 13);
        Observations o = b.build();
        Series s = o.series().get(0);
        assertEquals(2, s.size());
        assertEquals(1.0, s.value(1), "the first one added is kept");
        assertEquals(2, o.conflicts().size());
        Conflict c = o.conflicts().get(0);
        assertEquals(Conflict.Kind.DUPLICATE, c.kind());
        assertEquals(10, c.keptOrigin());
        assertEquals(12, c.rejectedOrigin());
        assertEquals(2 * H, c.time());
        assertEquals("duplicate reading at 1970-01-01T02:00:00Z", c.detail());
        assertEquals(13, o.conflicts().get(1).rejectedOrigin());
        assertEquals(0, o.resolvedDuplicates());
    }

    @Test
    void duplicatePoliciesFirstLastSum() {
        double[][] expected = {{1, 1}, {3, 0}, {1 + 3, 0}};
        DuplicatePolicy[] policies = {DuplicatePolicy.FIRST, DuplicatePolicy.LAST, DuplicatePolicy.SUM};
        for (int p = 0; p < policies.length; p++) {
            Observations.Builder b = Observations.builder().duplicates(policies[p]);
            b.add("s", "kwh", 0, 1, true, null, 1);
            b.add("s", "kwh", H, 2, true, null, 2);
            b.add("s", "kwh", 0, 3, false, null, 3);
            Observations o = b.build();
            Series s = o.series().get(0);
            assertEquals(2, s.size(), policies[p].name());
            assertEquals(expected[p][0], s.value(0), policies[p].name());
            // FIRST keeps the valid first; LAST takes the invalid last; SUM is invalid with an invalid part
            assertEquals(expected[p][1] == 1, s.valid(0), policies[p].name());
            assertTrue(o.conflicts().isEmpty());
            assertEquals(1, o.resolvedDuplicates());
        }
    }

    @Test
    void sumOfDuplicatesThatOverflowsLeavesThePartOutAndReportsIt() {
        Observations.Builder b = Observations.builder().duplicates(DuplicatePolicy.SUM);
        b.add("s", "kwh", 0, Double.MAX_VALUE, true, null, 1);
        b.add("s", "kwh", 0, Double.MAX_VALUE, true, null, 2);
        Observations o = b.build();
        assertEquals(Double.MAX_VALUE, o.series().get(0).value(0));
        assertEquals(1, o.conflicts().size());
        assertEquals(2, o.conflicts().get(0).rejectedOrigin());
        assertTrue(o.conflicts().get(0).detail().endsWith("overflows"));
    }

    @Test
    void unitClashLeavesTheReadingOutAndNamesTheOriginThatSetTheUnit() {
        Observations.Builder b = Observations.builder();
        b.add("s", "no2", 0, 1, true, null, 1);
        b.add("s", "no2", H, 2, true, "ug/m3", 2);
        b.add("s", "no2", 2 * H, 3, true, "ppb", 3);
        b.add("s", "no2", 3 * H, 4, true, "ug/m3", 4);
        Observations o = b.build();
        Series s = o.series().get(0);
        assertEquals(3, s.size());
        assertEquals(Optional.of("ug/m3"), s.unit());
        assertEquals(1, o.conflicts().size());
        Conflict c = o.conflicts().get(0);
        assertEquals(Conflict.Kind.UNIT_CLASH, c.kind());
        assertEquals(2, c.keptOrigin());
        assertEquals(3, c.rejectedOrigin());
        assertEquals(2 * H, c.time());
        assertEquals("unit 'ppb' differs from 'ug/m3' of the series", c.detail());
    }

    @Test
    void spellingsOfOneUnitDoNotClashAndBlankMeansNone() {
        Observations.Builder b = Observations.builder();
        b.add("s", "pm25", 0, 1, true, "ug/m3", 1);
        b.add("s", "pm25", H, 2, true, "µg/m³", 2);
        b.add("s", "pm25", 2 * H, 3, true, " ", 3);
        b.add("t", "pm25", 0, 1, true, "", 4);
        Observations o = b.build();
        assertTrue(o.conflicts().isEmpty());
        assertEquals(3, o.series().get(0).size());
        assertEquals(Optional.of("ug/m3"), o.series().get(0).unit());
        assertEquals(Optional.empty(), o.series().get(1).unit());
    }

    @Test
    void originsBeyondIntAreKept() {
        Observations.Builder b = Observations.builder();
        b.add("s", "x", 0, 1, true, null, 5);
        b.add("s", "x", 0, 1, true, null, 6_000_000_000L);
        b.add("s", "x", H, 1, true, null, 7);
        b.add("s", "x", H, 1, true, null, -8_000_000_000L);
        Observations o = b.build();
        assertEquals(6_000_000_000L, o.conflicts().get(0).rejectedOrigin());
        assertEquals(5, o.conflicts().get(0).keptOrigin());
        assertEquals(-8_000_000_000L, o.conflicts().get(1).rejectedOrigin());
        assertEquals(7, o.conflicts().get(1).keptOrigin());
    }

    @Test
    void intervalReadingsKeepTheirDurations() {
        Observations.Builder b = Observations.builder();
        b.add("s", "pm10", 24 * H, 24 * H, 12, true, null, 1);
        b.add("s", "pm10", 0, 24 * H, 11, true, null, 2);
        Series uniform = b.build().series().get(0);
        assertEquals(24 * H, uniform.duration(0));
        assertEquals(24 * H, uniform.uniformDuration());

        Observations.Builder m = Observations.builder();
        m.add("s", "pm10", 2 * H, H, 3, true, null, 1);
        m.add("s", "pm10", 0, 2 * H, 1, true, null, 2);
        m.add("s", "pm10", 3 * H, 3, true, null, 3);
        Series mixed = m.build().series().get(0);
        assertEquals(2 * H, mixed.duration(0));
        assertEquals(H, mixed.duration(1));
        assertEquals(0, mixed.duration(2));
        assertEquals(-1, mixed.uniformDuration());
    }

    @Test
    void invalidReadingsMayCarryAnyValue() {
        Observations.Builder b = Observations.builder();
        b.add("s", "x", 0, Double.NaN, false, null, 1);
        Series s = b.build().series().get(0);
        assertFalse(s.valid(0));
        assertEquals(0, s.validCount());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void validNonFiniteValuesAreTheReadersBug(double v) {
        Observations.Builder b = Observations.builder();
        assertThrows(IllegalArgumentException.class, () -> b.add("s", "x", 0, v, true, null, 1));
    }

    @Test
    void programmingErrorsThrow() {
        Observations.Builder b = Observations.builder();
        assertThrows(IllegalArgumentException.class, () -> b.add(" ", "x", 0, 1, true, null, 1));
        assertThrows(IllegalArgumentException.class, () -> b.add("s", "", 0, 1, true, null, 1));
        assertThrows(IllegalArgumentException.class, () -> b.add("s", "x", 0, -1, 1, true, null, 1));
        assertThrows(NullPointerException.class, () -> b.duplicates(null));
        b.build();
        assertThrows(IllegalStateException.class, b::build);
        assertThrows(IllegalStateException.class, () -> b.add("s", "x", 0, 1, true, null, 1));
    }

    @Test
    void emptyBuilderBuildsAnEmptyStore() {
        Observations o = Observations.builder().build();
        assertTrue(o.series().isEmpty());
        assertEquals(0, o.size());
    }

    /** Random interleaved input with duplicates, against a reference built with a boxed stable sort. */
    @Test
    void randomInputMatchesAReferenceSort() {
        SplittableRandom r = new SplittableRandom(20231);
        record Reading(String station, String property, long time, double value, boolean valid, long origin) {}
        List<Reading> in = new ArrayList<>();
        String[] stations = {"s1", "s2", "s3"};
        String[] props = {"pm25", "no2"};
        for (int i = 0; i < 5000; i++) {
            in.add(new Reading(
                    stations[r.nextInt(3)],
                    props[r.nextInt(2)],
                    r.nextInt(400) * H,
                    r.nextDouble(),
                    r.nextInt(10) > 0,
                    i));
        }
        Observations.Builder b = Observations.builder().duplicates(DuplicatePolicy.LAST);
        for (Reading x : in) {
            b.add(x.station(), x.property(), x.time(), x.value(), x.valid(), null, x.origin());
        }
        Observations o = b.build();

        List<Reading> sorted = new ArrayList<>(in);
        // List.sort is stable: readings with the same time stay in added order
        sorted.sort(Comparator.comparing(Reading::station)
                .thenComparing(Reading::property)
                .thenComparingLong(Reading::time));
        List<Reading> expected = new ArrayList<>();
        for (Reading x : sorted) {
            Reading prev = expected.isEmpty() ? null : expected.get(expected.size() - 1);
            if (prev != null
                    && prev.station().equals(x.station())
                    && prev.property().equals(x.property())
                    && prev.time() == x.time()) {
                expected.set(expected.size() - 1, x); // LAST
            } else {
                expected.add(x);
            }
        }
        List<Reading> actual = new ArrayList<>();
        for (Series s : o.series()) {
            for (int i = 0; i < s.size(); i++) {
                actual.add(new Reading(s.station(), s.property(), s.time(i), s.value(i), s.valid(i), 0));
            }
        }
        assertEquals(expected.size(), actual.size());
        assertEquals(in.size() - expected.size(), o.resolvedDuplicates());
        for (int i = 0; i < actual.size(); i++) {
            Reading e = expected.get(i);
            assertEquals(new Reading(e.station(), e.property(), e.time(), e.value(), e.valid(), 0), actual.get(i));
        }
    }

    @Test
    void stableSortKeepsEqualKeysInOrder() {
        SplittableRandom r = new SplittableRandom(7);
        for (int n : new int[] {0, 1, 31, 32, 33, 100, 1000, 4097}) {
            long[] keys = new long[n];
            int[] payload = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = r.nextInt(50) - 25L + (r.nextBoolean() ? Long.MIN_VALUE / 2 : 0);
                payload[i] = i;
            }
            long[] k0 = keys.clone();
            StableSort.sort(keys, payload);
            long[] expected = k0.clone();
            Arrays.sort(expected);
            assertArrayEquals(expected, keys);
            for (int i = 0; i < n; i++) {
                assertEquals(k0[payload[i]], keys[i]);
                if (i > 0 && keys[i] == keys[i - 1]) {
                    assertTrue(payload[i] > payload[i - 1], "stable at " + i);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> StableSort.sort(new long[2], new int[1]));
    }

    @Test
    void textCutsLongValuesAndEscapesControls() {
        assertEquals("", Text.cut(null));
        assertEquals("a\\u000ab", Text.cut("a\nb"));
        assertEquals("x".repeat(100) + "…", Text.cut("x".repeat(150)));
    }

    @Test
    void seriesDescribesItself() {
        Observations.Builder b = Observations.builder();
        b.add("s", "x", 0, 1, true, "dB", 1);
        b.add("t", "x", 0, 1, true, null, 1);
        Observations o = b.build();
        assertEquals("s/x [dB]: 1 readings", o.series().get(0).toString());
        assertEquals("t/x: 1 readings", o.series().get(1).toString());
    }
}
