package org.citykpi.io;

/**
 * The formats of sensor readings that {@link org.citykpi.io.read.ObservationReader} reads; it tells
 * them apart by the file's extension and start, or a caller names one ({@link
 * ObservationOptions#format()}). docs/observations.md describes each.
 */
public enum ObservationFormat {
    /**
     * Observations CSV: {@code station,time,property,value[,unit][,valid]} (with synonyms), one
     * reading per row.
     */
    OBSERVATIONS_CSV,
    /**
     * OGC SensorThings API JSON: a saved page of an {@code Observations} collection, {@code
     * {"value": [{"phenomenonTime", "result", ...}]}}.
     */
    SENSORTHINGS_JSON,
    /**
     * NGSI-LD temporal representation of {@code AirQualityObserved}, {@code NoiseLevelObserved},
     * {@code WaterQualityObserved} (or any) entities: normalized or simplified ({@code values}).
     */
    NGSI_LD_TEMPORAL
}
