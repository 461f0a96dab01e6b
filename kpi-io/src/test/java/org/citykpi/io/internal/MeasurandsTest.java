package org.citykpi.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tables of {@link Measurands}, as docs/observations.md lists them. */
class MeasurandsTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PM2.5|pm25",
                "pm2_5|pm25",
                " PM 2.5 |pm25",
                "pm2p5|pm25",
                "PM2.5 mass concentration|pm25",
                "Fine particulate matter|pm25",
                "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001|pm25",
                "PM10|pm10",
                "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5|pm10",
                "NO2|no2",
                "Nitrogen dioxide|no2",
                "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/8|no2",
                "SO2|so2",
                "sulphur dioxide|so2",
                "Sulfur dioxide|so2",
                "O3|o3",
                "Ozone|o3",
                "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/7|o3",
                "CO|co",
                "carbon monoxide|co",
                "LAeq|laeq",
                "temperature|temperature",
                " Water Flow |Water Flow",
                "CO2|CO2",
                "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/9999|http://dd.eionet.europa.eu/vocabulary/aq/pollutant/9999",
            })
    void propertiesAreNormalisedToShortIds(String name, String id) {
        assertEquals(id, Measurands.property(name));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "µg/m3|µg/m³", // micro sign U+00B5
                "μg/m³|µg/m³", // Greek mu U+03BC, superscript three
                "ug m-3|µg/m³",
                "ug.m-3|µg/m³",
                "UG/M3|µg/m³",
                "microgram per cubic metre|µg/m³",
                "mg/m³|mg/m³",
                "ppb|ppb",
                "ppbv|ppb",
                "parts per billion|ppb",
                "PPM|ppm",
                "dB(A)|dB",
                "dBA|dB",
                "dB|dB",
                "kWh|kWh",
                " °C |°C",
            })
    void unitsHaveOneSpelling(String unit, String spelled) {
        assertEquals(Optional.of(spelled), Measurands.unit(unit));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"GQ|µg/m³", "gq|µg/m³", "GP|mg/m³", "59|ppm", "61|ppb", "2N|dB", "CEL|CEL", "µg/m3|µg/m³"})
    void unitCodesAreUnCefactRecommendation20(String code, String unit) {
        assertEquals(Optional.of(unit), Measurands.unitCode(code));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "true|1",
                "TRUE|1",
                "yes|1",
                "valid|1",
                "1|1",
                "2|1",
                "3|1",
                "4|1",
                "' '|1",
                "false|0",
                "No|0",
                "invalid|0",
                "0|0",
                "-1|0",
                "-99|0",
                "5|-1",
                "maybe|-1",
                "-2|-1",
                "verified|-1"
            })
    void validityFlagsAndEeaCodes(String flag, int expected) {
        assertEquals(expected, Measurands.validity(flag));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"pm25||true", "no2||true", "co||true", "temperature||false", "temperature|µg/m³|true"})
    void concentrationsAreKnownPollutantsOrConcentrationUnits(String property, String unit, boolean expected) {
        assertEquals(expected, Measurands.isConcentration(property, Optional.ofNullable(unit)));
    }

    @ParameterizedTest
    @CsvSource({"PM2.5", "no2", "LAeq"})
    void knownPropertiesAreKnown(String name) {
        assertTrue(Measurands.isKnownProperty(name));
    }

    @ParameterizedTest
    @CsvSource({"temperature", "CO_Level", "airQualityIndex"})
    void otherNamesAreNot(String name) {
        assertFalse(Measurands.isKnownProperty(name));
    }
}
