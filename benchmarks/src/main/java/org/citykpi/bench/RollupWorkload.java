package org.citykpi.bench;

import java.util.SplittableRandom;
import org.citykpi.observe.Observations;
import org.citykpi.observe.YearGrid;

/**
 * A year (2023, UTC) of hourly readings from {@code stations} monitoring sites, five properties each
 * (pm25, pm10, no2, o3, so2), start-stamped, built from fixed seeds: values around a per-series
 * level with noise, 2 % of readings flagged invalid, and every tenth station silent for March (so
 * that the EU 90 % gate fails for some and passes for others).
 */
final class RollupWorkload {
    static final String[] PROPERTIES = {"pm25", "pm10", "no2", "o3", "so2"};

    private RollupWorkload() {}

    /** Builds the store: {@code stations × 5 × 8,760} readings, fewer the silent Marches. */
    static Observations observations(int stations, long seed) {
        YearGrid g = YearGrid.of(2023);
        Observations.Builder b = Observations.builder();
        long march = 59L * 24;
        long april = 90L * 24;
        for (int s = 0; s < stations; s++) {
            String station = "st" + s;
            for (int p = 0; p < PROPERTIES.length; p++) {
                SplittableRandom r = new SplittableRandom(seed * 1_000_003L + s * 7L + p);
                double level = 5 + 40 * r.nextDouble();
                for (int h = 0; h < g.hours(); h++) {
                    if (s % 10 == 0 && h >= march && h < april) {
                        continue;
                    }
                    double v = Math.max(0, level + 10 * (r.nextDouble() - 0.5) * (1 + (h % 24) / 12.0));
                    boolean valid = r.nextInt(50) != 0;
                    b.add(station, PROPERTIES[p], g.startMillis() + h * YearGrid.HOUR, v, valid, "ug/m3", h);
                }
            }
        }
        return b.build();
    }
}
