package org.citykpi.io.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.Quote;
import org.citykpi.assess.Target;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Limits;
import org.citykpi.io.Problem;

/**
 * Reads targets CSV: {@code kpi,target[,target_period][,baseline][,baseline_period][,source]} (the
 * rules are in {@code org.citykpi.io.read.TargetsReader}, which calls this). Thread-safe (stateless).
 */
public final class TargetsCsv {
    private TargetsCsv() {}

    /**
     * Reads targets CSV named {@code name}, adding the problem of every rejected row to {@code
     * problems}, and returns the targets read, each with its line (second targets for one KPI are
     * not checked here).
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the header lacks the kpi or target column, or the input is
     *     empty
     */
    public static List<LocatedTarget> read(String name, Reader in, Catalog catalog, List<Problem> problems)
            throws IOException {
        List<LocatedTarget> found = new ArrayList<>();
        try (CsvRecordReader r = CsvRecordReader.open(name, in, Limits.defaults())) {
            if (!r.next()) {
                throw new DataFormatException(name, 1, 0, "", "empty targets file (expected a header kpi,target,...)");
            }
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < r.size(); i++) {
                col.putIfAbsent(r.field(i).strip().toLowerCase(Locale.ROOT), i);
            }
            int kpi = first(col, "kpi", "indicator", "id", "code");
            int target = first(col, "target", "target_value", "value");
            if (kpi < 0 || target < 0) {
                throw new DataFormatException(
                        name, 1, 0, r.raw(), "targets header needs columns kpi and target (found " + r.raw() + ")");
            }
            int tp = first(col, "target_period", "target_year");
            int base = first(col, "baseline", "baseline_value");
            int bp = first(col, "baseline_period", "baseline_year", "base_year");
            int src = first(col, "source");
            while (r.next()) {
                if (r.problem().isPresent()) {
                    problems.add(r.problem().get());
                    continue;
                }
                if (r.isBlank()) {
                    continue;
                }
                long line = r.line();
                String k = get(r, kpi);
                Optional<String> out = catalog.output(k);
                if (out.isEmpty()) {
                    problems.add(Problem.error(
                            name,
                            line,
                            kpi + 1,
                            k,
                            "unknown KPI " + Quote.of(k) + " (expected an id or code of catalog " + catalog.id()
                                    + ")"));
                    continue;
                }
                try {
                    double t = number(name, r, target, line, true);
                    double b = number(name, r, base, line, false);
                    Optional<Period> tper = period(name, r, tp, line);
                    Optional<Period> bper = period(name, r, bp, line);
                    Target tg = new Target(
                            out.get(), t, tper, Double.isNaN(b) ? Optional.empty() : Optional.of(b), bper, get(r, src));
                    found.add(new LocatedTarget(tg, line));
                } catch (DataFormatException e) {
                    problems.add(e.problem());
                }
            }
        }
        return found;
    }

    private static int first(Map<String, Integer> col, String... names) {
        for (String n : names) {
            Integer i = col.get(n);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    private static String get(CsvRecordReader r, int i) {
        return i < 0 || i >= r.size() ? "" : r.field(i).strip();
    }

    private static double number(String name, CsvRecordReader r, int i, long line, boolean required) {
        String s = get(r, i);
        if (s.isEmpty()) {
            if (required) {
                throw new DataFormatException(name, line, i + 1, "", "target is empty (expected a number)");
            }
            return Double.NaN;
        }
        double v = NumberParser.parse(s, false);
        if (Double.isNaN(v)) {
            throw new DataFormatException(name, line, i + 1, s, NumberParser.explain(s, false));
        }
        return v;
    }

    private static Optional<Period> period(String name, CsvRecordReader r, int i, long line) {
        String s = get(r, i);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Period.parse(s));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(name, line, i + 1, s, Failures.message(e));
        }
    }
}
