package org.citykpi.io;

/**
 * The data formats {@link org.citykpi.io.read.DataReader} reads. It tells them apart by the
 * header (see {@link org.citykpi.io.read.DataReader} for the rules); a caller may also name one
 * ({@link ReadOptions#format()}).
 */
public enum Format {
    /** Long CSV: {@code entity,period,variable,value[,unit][,source][,note][,…]}, one observation per row. */
    LONG_CSV,
    /** Wide CSV: {@code entity,period,<variable>,<variable>,…}, one row per entity and period. */
    WIDE_CSV,
    /** Open SDG tidy CSV: {@code Year,<disaggregations and reserved columns>,Value}. */
    OPEN_SDG_CSV,
    /** SDMX-CSV 1.0: {@code DATAFLOW,<dimensions>,TIME_PERIOD,OBS_VALUE,<attributes>}. */
    SDMX_CSV_1,
    /** SDMX-CSV 2.0: {@code STRUCTURE,STRUCTURE_ID,[STRUCTURE_NAME,]ACTION,<dimensions>,OBS_VALUE,<attributes>}. */
    SDMX_CSV_2,
    /** JSON dataset with {@code "format": "citykpi-dataset/1"} (docs/formats/dataset-json.md). */
    JSON_DATASET
}
