package org.citykpi.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Series;

/**
 * The baseline of {@link RollupBenchmark}: the roll-up written the straightforward way, reading by
 * reading into boxed lists in hash maps keyed by date (one hourly reading per hour assumed, as in
 * the workload): daily means under the 18-of-24 rule, the annual mean under the EU 90 % gate,
 * capture, days above 50 and the 90.4th percentile of daily means (type 7 after a sort).
 */
final class NaiveRollup {
    private NaiveRollup() {}

    /** One series' figures; NaN where the gate fails. */
    record Figures(double mean, double capture, double daysAbove, double dailyP) {}

    static List<Figures> run(Observations obs, int year) {
        List<Figures> out = new ArrayList<>();
        int hoursInYear = LocalDate.of(year, 12, 31).getDayOfYear() * 24;
        int days = LocalDate.of(year, 12, 31).getDayOfYear();
        for (Series s : obs.series()) {
            Map<LocalDate, List<Double>> byDay = new HashMap<>();
            List<Double> hours = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                LocalDate d =
                        Instant.ofEpochMilli(s.time(i)).atZone(ZoneOffset.UTC).toLocalDate();
                if (d.getYear() != year || !s.valid(i)) {
                    continue;
                }
                Double v = s.value(i);
                byDay.computeIfAbsent(d, k -> new ArrayList<>()).add(v);
                hours.add(v);
            }
            List<Double> daily = new ArrayList<>();
            for (List<Double> l : byDay.values()) {
                if (l.size() >= 18) {
                    double sum = 0;
                    for (Double x : l) {
                        sum += x;
                    }
                    daily.add(sum / l.size());
                }
            }
            double sum = 0;
            for (Double x : hours) {
                sum += x;
            }
            boolean hoursOk = hours.size() * 10 >= hoursInYear * 9;
            boolean daysOk = daily.size() * 10 >= days * 9;
            double above = 0;
            for (Double x : daily) {
                if (x > 50) {
                    above++;
                }
            }
            double p = Double.NaN;
            if (daysOk) {
                Collections.sort(daily);
                double index = 1 + (daily.size() - 1) * 0.904;
                int lo = (int) Math.floor(index);
                double h = index - lo;
                p = lo < daily.size() ? (1 - h) * daily.get(lo - 1) + h * daily.get(lo) : daily.get(lo - 1);
            }
            out.add(new Figures(
                    hoursOk ? sum / hours.size() : Double.NaN,
                    100.0 * hours.size() / hoursInYear,
                    daysOk ? above : Double.NaN,
                    p));
        }
        return out;
    }
}
