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
import org.citykpi.observe.Units;
import org.citykpi.spark.InputRowException;
import org.jspecify.annotations.Nullable;

/**
 * Reads observations CSV ({@code station,time,property,value[,unit][,valid]}, with a header) into
 * the columns {@link org.citykpi.spark.SparkRollups} reads, with the command's column synonyms
 * (names matched ignoring case and blanks): station {@code station|site|thing|sensor|meter|samplingpoint},
 * time {@code time|date|datetime|timestamp|phenomenonTime|observedAt|start}, property {@code
 * property|pollutant|variable|observedProperty}, value {@code value|result}, unit {@code
 * unit|units|uom|unitOfMeasurement}, valid {@code valid|validity}. Times are ISO-8601 instants with
 * an offset, or local times in the zone given; values are parsed as the command parses them (an
 * empty cell is no reading); units take the core's spelling ({@code ug/m3} → {@code µg/m³});
 * validity flags are {@code true/yes/valid/1} or the EEA codes {@code 2, 3, 4} for valid, {@code
 * false/no/invalid/0} or the EEA codes {@code -1, -99} for not valid (an empty cell is valid).
 * Property names are taken as written (stripped).
 */
final class ReadingsCsv {
    static final List<String> STATION = List.of("station", "site", "thing", "sensor", "meter", "samplingpoint");
    static final List<String> TIME =
            List.of("time", "date", "datetime", "timestamp", "phenomenontime", "observedat", "start");
    static final List<String> PROPERTY = List.of("property", "pollutant", "variable", "observedproperty");
    static final List<String> VALUE = List.of("value", "result");
    static final List<String> UNIT = List.of("unit", "units", "uom", "unitofmeasurement");
    static final List<String> VALID = List.of("valid", "validity");

    private ReadingsCsv() {}

    static Dataset<Row> read(SparkSession spark, List<String> files, @Nullable ZoneId zone) {
        Dataset<Row> text = spark.read().option("header", "true").csv(files.toArray(new String[0]));
        String zoneId = zone == null ? null : zone.getId();
        UserDefinedFunction time = functions.udf((UDF1<String, Long>) t -> millis(t, zoneId), DataTypes.LongType);
        UserDefinedFunction valid = functions.udf((UDF1<String, Boolean>) ReadingsCsv::valid, DataTypes.BooleanType);
        UserDefinedFunction unit = functions.udf(
                (UDF1<String, String>) u -> u == null || u.isBlank() ? null : Units.canonical(u), DataTypes.StringType);
        UserDefinedFunction strip =
                functions.udf((UDF1<String, String>) p -> p == null ? null : p.strip(), DataTypes.StringType);
        String unitCol = find(text, UNIT);
        String validCol = find(text, VALID);
        return text.select(
                col(required(text, STATION)).as("station"),
                time.apply(col(required(text, TIME))).as("time"),
                strip.apply(col(required(text, PROPERTY))).as("property"),
                SparkApp.number().apply(col(required(text, VALUE))).as("value"),
                (unitCol != null ? unit.apply(col(unitCol)) : lit(null).cast(DataTypes.StringType)).as("unit"),
                (validCol != null ? valid.apply(col(validCol)) : lit(true)).as("valid"));
    }

    /** Returns the first column named one of {@code names} (ignoring case and blanks), quoted, or null. */
    private static @Nullable String find(Dataset<Row> ds, List<String> names) {
        for (StructField f : ds.schema().fields()) {
            if (names.contains(f.name().replace("\uFEFF", "").replace(" ", "").toLowerCase(Locale.ROOT))) {
                return "`" + f.name().replace("`", "``") + "`";
            }
        }
        return null;
    }

    private static String required(Dataset<Row> ds, List<String> names) {
        String c = find(ds, names);
        if (c == null) {
            throw new SparkApp.Unreadable("kpi-spark: the observations have no column " + String.join("|", names));
        }
        return c;
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
            case "true", "yes", "valid", "1", "2", "3", "4" -> true;
            case "false", "no", "invalid", "0", "-1", "-99" -> false;
            default ->
                throw new InputRowException("not a validity flag '" + flag
                        + "' (expected true/false, yes/no, 1/0, or an EEA validity code 1, 2, 3, 4, -1, -99)");
        };
    }
}
