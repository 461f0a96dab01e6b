package org.citykpi.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mergeable state: any split of the readings into chunks, merged in any order, gives the same
 * series and so the same roll-up bits; Java serialization keeps it whole.
 */
class MergeTest {
    static final long H = YearGrid.HOUR;
    static final YearGrid G = YearGrid.of(2023);
    static final List<Statistic> ALL = List.of(
                    "mean",
                    "capture",
                    "min",
                    "max",
                    "hourly_p99.8",
                    "daily_p90.4",
                    "days_above:40",
                    "max_daily_8h",
                    "days_8h_above:45",
                    "lden",
                    "daily_mean")
            .stream()
            .map(Statistic::parse)
            .toList();

    record Reading(long time, long duration, double value, boolean valid) {}

    /** A year of 15-minute readings with gaps, invalid flags and noise; fixed seed. */
    static List<Reading> year(long seed) {
        Random r = new Random(seed);
        List<Reading> out = new ArrayList<>();
        for (long t = G.startMillis(); t < G.endMillis(); t += H / 4) {
            if (r.nextInt(100) < 8) {
                continue;
            }
            out.add(new Reading(t, 0, 40 + 20 * r.nextGaussian(), r.nextInt(100) >= 3));
        }
        return out;
    }

    static Readings state(List<Reading> rs) {
        Readings s = Readings.create();
        for (Reading x : rs) {
            if (x.duration() == 0) {
                s.add(x.time(), x.value(), x.valid());
            } else {
                s.add(x.time(), x.duration(), x.value(), x.valid());
            }
        }
        return s;
    }

    @Test
    void anySplitAndMergeOrderGivesTheSameBits() {
        List<Reading> rs = year(11);
        Rollup rollup = Rollup.create(G).withRule(CoverageRule.EEA).withStatistics(ALL);
        List<RollupResult> whole = rollup.series(state(rs).finish("s", "no2", "ug/m3"));
        assertEquals(10 + 365, whole.size());
        assertTrue(whole.get(0).value().isPresent(), whole.get(0).detail());

        // the store's builder gives the same series
        Observations.Builder b = Observations.builder();
        for (int i = 0; i < rs.size(); i++) {
            b.add("s", "no2", rs.get(i).time(), rs.get(i).value(), rs.get(i).valid(), "ug/m3", i);
        }
        assertEquals(whole, rollup.series(b.build().series().get(0)));

        for (long seed = 1; seed <= 8; seed++) {
            Random r = new Random(seed);
            List<Reading> shuffled = new ArrayList<>(rs);
            Collections.shuffle(shuffled, r);
            int chunks = 1 + r.nextInt(7);
            List<List<Reading>> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                parts.add(new ArrayList<>());
            }
            for (Reading x : shuffled) {
                parts.get(r.nextInt(chunks)).add(x);
            }
            List<Readings> states = new ArrayList<>();
            for (List<Reading> p : parts) {
                states.add(state(p));
            }
            // merge as a random binary tree: pick two, merge, put back
            while (states.size() > 1) {
                Readings a = states.remove(r.nextInt(states.size()));
                Readings c = states.remove(r.nextInt(states.size()));
                states.add(r.nextBoolean() ? a.merge(c) : c.merge(a));
            }
            assertEquals(rs.size(), states.get(0).size());
            assertEquals(whole, rollup.series(states.get(0).finish("s", "no2", "ug/m3")), "seed " + seed);
        }
    }

    @Test
    void hourlyReadingsOnTheHourGiveWhatTheGeneralPathGives() {
        // the same hourly year twice: on the hour (the fast path), and with one invalid reading off the
        // hour added, which sends the series down the general path without changing any hour
        Random r = new Random(4);
        Readings aligned = Readings.create();
        for (long t = G.startMillis(); t < G.endMillis(); t += H) {
            if (r.nextInt(100) >= 5) {
                aligned.add(t, 30 + 10 * r.nextGaussian(), r.nextInt(100) >= 2);
            }
        }
        Readings general = Readings.create().merge(aligned).add(G.startMillis() + 5 * H + 60_000, 1e6, false);
        for (TimeStamps ts : TimeStamps.values()) {
            Rollup rollup = Rollup.create(G).withTimeStamps(ts).withStatistics(ALL);
            assertEquals(rollup.series(aligned.finish("s", "x", null)), rollup.series(general.finish("s", "x", null)));
        }
    }

    @Test
    void duplicatesAreResolvedWhateverTheOrder() {
        // three readings at one time: the valid one with the smaller value is kept, in every order
        Readings a = Readings.create()
                .add(0, 5, true)
                .add(0, 3, true)
                .add(0, 1, false)
                .add(H, 2, true);
        Readings b = Readings.create()
                .add(0, 1, false)
                .add(H, 2, true)
                .add(0, 3, true)
                .add(0, 5, true);
        Series sa = a.finish("s", "x", null);
        Series sb = b.finish("s", "x", null);
        assertEquals(2, sa.size());
        assertEquals(3, sa.value(0));
        assertTrue(sa.valid(0));
        assertEquals(3, sb.value(0));
        assertEquals(2, a.duplicates());
        // invalid readings that tie: the smaller value, then the shorter duration
        Series sc =
                Readings.create().add(0, 2 * H, 7, false).add(0, H, 7, false).finish("s", "x", null);
        assertEquals(H, sc.duration(0));
        assertFalse(sc.valid(0));
    }

    @Test
    void mergingWithItselfDoubles() {
        Readings a = Readings.create().add(0, 1, true).add(H, 2, false);
        a.merge(a);
        assertEquals(4, a.size());
        assertEquals(2, a.duplicates());
        Series s = a.finish("s", "x", "dB");
        assertEquals(2, s.size());
        assertFalse(s.valid(1));
    }

    @Test
    void durationsSurviveMerging() {
        Readings a = Readings.create().add(0, 1, true);
        Readings b = Readings.create().add(H, H / 2, 2, true);
        Series s = a.merge(b).finish("s", "x", null);
        assertEquals(0, s.duration(0));
        assertEquals(H / 2, s.duration(1));
        Readings c = Readings.create().add(0, H, 1, true);
        Series u = c.merge(Readings.create().add(H, 2, true)).finish("s", "x", null);
        assertEquals(-1, u.uniformDuration());
        Series same = Readings.create().add(0, H, 1, true).add(H, H, 1, true).finish("s", "x", null);
        assertEquals(H, same.uniformDuration());
    }

    @Test
    void javaSerializationKeepsTheState() throws IOException, ClassNotFoundException {
        List<Reading> rs = year(5).subList(0, 1000);
        Readings s = state(rs);
        s.add(G.startMillis() - H, H, 9, true); // a duration, so the duration column exists
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        Readings back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (Readings) in.readObject();
        }
        Rollup r = Rollup.create(G).withRule(CoverageRule.NONE).withStatistics(ALL);
        assertEquals(r.series(s.finish("s", "x", null)), r.series(back.finish("s", "x", null)));
        back.add(G.startMillis() + 5, 1, true); // it still grows
        assertEquals(s.size() + 1, back.size());

        Readings empty = Readings.create();
        ByteArrayOutputStream b2 = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b2)) {
            out.writeObject(empty);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b2.toByteArray()))) {
            Readings e = (Readings) in.readObject();
            e.add(0, 1, true);
            assertEquals(1, e.size());
        }
    }

    @Test
    void programmingErrors() {
        Readings s = Readings.create();
        assertThrows(IllegalArgumentException.class, () -> s.add(0, Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> s.add(0, -1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> s.finish(" ", "x", null));
        s.add(0, Double.NaN, false); // an invalid reading may carry anything
        assertEquals(1, s.finish("s", "x", null).size());
    }
}
