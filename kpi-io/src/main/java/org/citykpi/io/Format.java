package org.citykpi.io;

/**
 * The data formats {@link DataReader} reads. {@link DataReader} tells them apart by the header
 * (see {@link DataReader} for the rules); a caller may also name one.
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
