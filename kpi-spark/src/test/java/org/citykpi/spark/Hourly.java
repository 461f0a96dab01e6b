package org.citykpi.spark;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.citykpi.observe.Observations;

/**
 * Synthetic hourly readings made from a fixed seed, the same on the driver and in Spark: stations
 * S00…, properties pm25 (µg/m³) and no2 (ppb at the odd stations, so a city's mean converts them),
 * from 1 March 2022 to 30 April 2023 (two years, neither complete); each station has its own share
 * of missing hours (3–30 %, so some pass the EU rule's 90 % and some do not), 2 % of readings
 * flagged invalid, an outage of 20 days at station 2.
 */
final class Hourly {
    static final long START = LocalDateTime.of(2022, 3, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1000;
    static final int HOURS = 426 * 24;
    static final String[] PROPERTIES = {"pm25", "no2"};

    static final StructType SCHEMA = new StructType()
            .add("station", DataTypes.StringType)
            .add("time", DataTypes.TimestampType)
            .add("property", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)
            .add("unit", DataTypes.StringType)
            .add("valid", DataTypes.BooleanType);

    private Hourly() {}

    record Reading(String station, long millis, String property, double value, String unit, boolean valid) {}

    static List<Reading> readings(int stations) {
        List<Reading> out = new ArrayList<>();
        for (int s = 0; s < stations; s++) {
            String station = String.format("S%02d", s);
            for (int p = 0; p < PROPERTIES.length; p++) {
                int missingPerMille = 30 + 270 * ((s * 7 + p * 3) % 10) / 9;
                for (int h = 0; h < HOURS; h++) {
                    long k = ((long) s * 31 + p) * HOURS + h;
                    long m = Panel.mix(k);
                    if (Math.floorMod(m, 1000) < missingPerMille || (s == 2 && h >= 24 * 100 && h < 24 * 120)) {
                        continue;
                    }
                    boolean valid = Math.floorMod(m >>> 12, 50) != 0;
                    double v = 2 + (m >>> 11) * 0x1.0p-53 * 60 + 20 * Math.sin(h * Math.PI / 12);
                    String unit = p == 1 && s % 2 == 1 ? "ppb" : "µg/m³";
                    out.add(new Reading(station, START + h * 3_600_000L, PROPERTIES[p], v, unit, valid));
                }
            }
        }
        return out;
    }

    static Dataset<Row> rows(SparkSession spark, List<Reading> readings) {
        List<Row> rows = new ArrayList<>(readings.size());
        for (Reading r : readings) {
            rows.add(RowFactory.create(
                    r.station(), new Timestamp(r.millis()), r.property(), r.value(), r.unit(), r.valid()));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    static Observations observations(List<Reading> readings) {
        Observations.Builder b = Observations.builder();
        int line = 0;
        for (Reading r : readings) {
            b.add(r.station(), r.property(), r.millis(), r.value(), r.valid(), r.unit(), line++);
        }
        return b.build();
    }
}
