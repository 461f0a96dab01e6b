package org.citykpi.examples.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.citykpi.spark.InputRowException;
import org.jspecify.annotations.Nullable;

/**
 * Reads observations CSV ({@code station,time,property,value[,unit][,valid]}, with a header) into
 * the columns {@link org.citykpi.spark.SparkRollups} reads: times as epoch milliseconds (ISO-8601
 * with an offset, or a local time in the zone given), values parsed as the command parses them,
 * validity flags {@code true}/{@code false}, {@code 1}/{@code 0}/{@code -1} (empty: valid).
 */
final class ReadingsCsv {
    private ReadingsCsv() {}

    static Dataset<Row> read(SparkSession spark, List<String> files, @Nullable ZoneId zone) {
        Dataset<Row> text = spark.read().option("header", "true").csv(files.toArray(new String[0]));
        String zoneId = zone == null ? null : zone.getId();
        UserDefinedFunction time = functions.udf((UDF1<String, Long>) t -> millis(t, zoneId), DataTypes.LongType);
        UserDefinedFunction valid = functions.udf((UDF1<String, Boolean>) ReadingsCsv::valid, DataTypes.BooleanType);
        boolean hasUnit = has(text, "unit");
        boolean hasValid = has(text, "valid");
        return text.select(
                col(SparkApp.name(text, "station")).as("station"),
                time.apply(col(SparkApp.name(text, "time"))).as("time"),
                col(SparkApp.name(text, "property")).as("property"),
                SparkApp.number().apply(col(SparkApp.name(text, "value"))).as("value"),
                (hasUnit ? col(SparkApp.name(text, "unit")) : lit(null).cast(DataTypes.StringType)).as("unit"),
                (hasValid ? valid.apply(col(SparkApp.name(text, "valid"))) : lit(true)).as("valid"));
    }

    private static boolean has(Dataset<Row> ds, String want) {
        for (StructField f : ds.schema().fields()) {
            if (f.name().strip().toLowerCase(Locale.ROOT).equals(want)) {
                return true;
            }
        }
        return false;
    }

    static @Nullable Long millis(@Nullable String text, @Nullable String zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            if (zone == null) {
                throw new InputRowException("not a time with an offset '" + t
                        + "' (expected ISO-8601 such as 2023-01-01T00:00:00Z, or give --zone for local times)");
            }
        }
        try {
            return LocalDateTime.parse(t).atZone(ZoneId.of(zone)).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new InputRowException("not a time '" + t + "' (expected ISO-8601 such as 2023-01-01T00:00:00)");
        }
    }

    static Boolean valid(@Nullable String flag) {
        if (flag == null || flag.isBlank()) {
            return true;
        }
        return switch (flag.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0", "-1" -> false;
            default ->
                throw new InputRowException("not a validity flag '" + flag + "' (expected true, false, 1, 0 or -1)");
        };
    }
}
