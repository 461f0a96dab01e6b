package org.citykpi.examples.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.observe.Statistic;

/**
 * Writes roll-up rows as {@code citykpi rollup}'s CSV, in its order: stations by year, station,
 * property, statistic (in the order asked) and day, then cities in the order of the station table
 * in the same order within each. Cells as kpi-io's CSV writer makes them: numbers by {@link
 * Numbers#format}, text quoted by RFC 4180 when it holds a comma, quote or line break, and text
 * that a spreadsheet would run as a formula made inert with a leading apostrophe.
 */
final class RollupCsv {
    static final String HEADER = "entity,period,property,statistic,value,status,detail,n_valid,n_expected,capture_pct";

    private RollupCsv() {}

    static long write(Dataset<Row> results, List<Statistic> stats, List<String> cities, Path file) throws IOException {
        Map<String, Integer> statOrder = new HashMap<>();
        for (Statistic s : stats) {
            statOrder.putIfAbsent(s.name(), statOrder.size());
        }
        Map<String, Integer> cityOrder = new HashMap<>();
        for (String c : cities) {
            cityOrder.put(c, cityOrder.size());
        }
        UserDefinedFunction city =
                functions.udf((UDF1<String, Integer>) e -> cityOrder.getOrDefault(e, -1), DataTypes.IntegerType);
        UserDefinedFunction stat =
                functions.udf((UDF1<String, Integer>) s -> statOrder.getOrDefault(s, -1), DataTypes.IntegerType);
        UserDefinedFunction year = functions.udf(
                (UDF1<String, Integer>) p -> Period.parse(p).start().getYear(), DataTypes.IntegerType);
        UserDefinedFunction day =
                functions.udf((UDF1<String, Long>) p -> Period.parse(p).start().toEpochDay(), DataTypes.LongType);
        // Stations (city order -1) come first; the command orders stations by String.compareTo.
        Dataset<Row> sorted = results.orderBy(
                city.apply(col("entity")),
                year.apply(col("period")),
                functions.encode(col("entity"), "UTF-16BE"),
                functions.encode(col("property"), "UTF-16BE"),
                stat.apply(col("statistic")),
                day.apply(col("period")));
        long n = 0;
        try (Writer w = SparkApp.file(file)) {
            w.write(HEADER);
            w.write('\n');
            for (Iterator<Row> it = sorted.toLocalIterator(); it.hasNext(); n++) {
                Row r = it.next();
                w.write(cell(r.getString(0))
                        + ','
                        + cell(r.getString(1))
                        + ','
                        + cell(r.getString(2))
                        + ','
                        + cell(r.getString(3))
                        + ','
                        + (r.isNullAt(4) ? "" : Numbers.format(r.getDouble(4)))
                        + ','
                        + cell(r.getString(5))
                        + ','
                        + cell(r.getString(6))
                        + ','
                        + r.getLong(7)
                        + ','
                        + r.getLong(8)
                        + ','
                        + Numbers.format(r.getDouble(9))
                        + '\n');
            }
        }
        return n;
    }

    /** Returns {@code s} as one CSV cell, by kpi-io's quoting rule. */
    static String cell(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !isNumber(s)) {
            return quoted("'" + s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return quoted(s);
            }
        }
        return s;
    }

    private static boolean isNumber(String s) {
        try {
            return SparkApp.parse(s) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
