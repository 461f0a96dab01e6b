package org.citykpi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.citykpi.calc.KpiResult;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;

/**
 * One row of the {@code compute} output with its numbers as raw bits, so that two outputs compare
 * bit for bit ({@link Double#doubleToRawLongBits}) and text for text.
 */
record Cells(
        String entity,
        String period,
        String kpi,
        String name,
        Long value,
        String unit,
        String status,
        String detail,
        Long target,
        Long attainment,
        Integer points) {

    static Long bits(Double d) {
        return d == null ? null : Double.doubleToRawLongBits(d);
    }

    /** The row the compute CSV writes for a cell of the single-JVM scores (docs/cli.md). */
    static Cells of(ScoredResult r) {
        KpiResult res = r.result();
        boolean has = res instanceof KpiResult.Value;
        return new Cells(
                r.entity(),
                r.period().label(),
                r.kpi(),
                r.name(),
                has ? Double.doubleToRawLongBits(((KpiResult.Value) res).value()) : null,
                r.unit(),
                res.status(),
                has ? "" : ((KpiResult.NotAvailable) res).detail(),
                r.target().map(t -> Double.doubleToRawLongBits(t.value())).orElse(null),
                r.attainment().isPresent()
                        ? Double.doubleToRawLongBits(r.attainment().getAsDouble())
                        : null,
                r.points().isPresent() ? r.points().getAsInt() : null);
    }

    static Cells of(Row r) {
        return new Cells(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                bits(r.isNullAt(4) ? null : r.getDouble(4)),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                bits(r.isNullAt(8) ? null : r.getDouble(8)),
                bits(r.isNullAt(9) ? null : r.getDouble(9)),
                r.isNullAt(10) ? null : r.getInt(10));
    }

    String key() {
        return entity + "\u0000" + period + "\u0000" + kpi;
    }

    /** Every cell of the single-JVM scores, in the CSV's order. */
    static List<Cells> of(Scores scores) {
        List<Cells> out = new ArrayList<>();
        for (ScoredResult r : scores.cells()) {
            out.add(of(r));
        }
        return out;
    }

    /**
     * Asserts that the Spark rows are the single-JVM cells, in any order: as many, and each equal
     * bit for bit to the cell of its entity, period and kpi.
     */
    static void assertSameCells(List<Cells> expected, List<Row> actual, String what) {
        Map<String, Cells> byKey = new HashMap<>();
        for (Cells c : expected) {
            byKey.put(c.key(), c);
        }
        assertEquals(expected.size(), byKey.size(), "expected cells are unique");
        int seen = 0;
        for (Row row : actual) {
            Cells got = of(row);
            Cells want = byKey.remove(got.key());
            if (want == null) {
                fail(what + ": unexpected or repeated row " + got);
            }
            if (!Objects.equals(want, got)) {
                assertEquals(want, got, what + ": row " + seen);
            }
            seen++;
        }
        assertEquals(
                List.of(),
                new ArrayList<>(byKey.values()).subList(0, Math.min(3, byKey.size())),
                what + ": rows missing");
        assertEquals(expected.size(), seen, what);
    }
}
