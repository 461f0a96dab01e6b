package org.citykpi.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.observe.Bridge;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.VariableMap;
import org.junit.jupiter.api.Test;

/** The variable and station tables of a roll-up, and the map bundled with the U4SSC catalog. */
class RollupMapsTest {
    private static VariableMap variables(String text) throws IOException {
        return RollupMaps.variables("m.csv", new StringReader(text));
    }

    private static RollupMaps.Stations stations(String text) throws IOException {
        return RollupMaps.stations("s.csv", new StringReader(text));
    }

    @Test
    void theBundledU4sscMapFeedsTheFiveAnnualMeansOfTheAirQualityKpi() {
        VariableMap map = RollupMaps.bundled("u4ssc").orElseThrow();
        Catalog u4ssc = CatalogJson.u4ssc();
        // every target exists in the catalog with the map's unit (Bridge.of checks both)
        Bridge.of(map, u4ssc);
        assertEquals(5, map.entries().size());
        for (String p : List.of("pm25", "pm10", "no2", "so2", "o3")) {
            VariableMap.Entry e = map.find(p, Statistic.MEAN).orElseThrow();
            assertEquals(p + "_ugm3", e.variable());
            assertTrue(u4ssc.formulaText(
                            "EN.EN.AQ.1C/" + (p.equals("pm25") ? "PM2.5" : p.toUpperCase(java.util.Locale.ROOT)))
                    .contains(e.variable()));
        }
        assertEquals(Optional.empty(), RollupMaps.bundled("none"));
        assertEquals(Optional.empty(), RollupMaps.bundled("../u4ssc"));
    }

    @Test
    void readsAVariableMapWithNormalisedPropertiesAndOptionalUnits() throws IOException {
        VariableMap m = variables(
                "Property;Statistic;Variable;Unit\nPM2.5;daily_p90.4;pm25_p90;µg/m³\nlaeq;lden;noise_lden;\n");
        assertEquals(
                "pm25_p90",
                m.find("pm25", Statistic.parse("daily_p90.4")).orElseThrow().variable());
        assertEquals(
                Optional.empty(),
                m.find("laeq", Statistic.parse("lden")).orElseThrow().unit());
    }

    @Test
    void aBadRowMakesTheMapUnusableWithItsPosition() {
        DataFormatException stat = assertThrows(
                DataFormatException.class, () -> variables("property,statistic,variable\npm25,median,x\n"));
        assertTrue(stat.getMessage().startsWith("m.csv:2:2: unknown statistic 'median'"), stat::getMessage);
        DataFormatException empty =
                assertThrows(DataFormatException.class, () -> variables("property,statistic,variable\npm25,mean,\n"));
        assertEquals("m.csv:2:3: empty variable (expected a catalog variable such as pm25_ugm3)", empty.getMessage());
        DataFormatException absent =
                assertThrows(DataFormatException.class, () -> variables("property,variable\npm25,x\n"));
        assertTrue(absent.getMessage().startsWith("m.csv:1: required column statistic is absent"), absent::getMessage);
    }

    @Test
    void readsStationsWithWeightsInTheirOrder() throws IOException {
        RollupMaps.Stations s = stations("station,city,weight\nA,North,2\nB,South,1\nC,North,0.5\n");
        assertEquals(List.of("North", "South"), s.cities());
        assertEquals(List.of("A", "C"), s.stations("North"));
        assertEquals(Map.of("A", 2.0, "B", 1.0, "C", 0.5), s.weights());
        assertEquals(List.of(), s.stations("West"));
        assertTrue(stations("station,city\nA,North\n").weights().isEmpty());
    }

    @Test
    void aStationListedTwiceOrABadWeightIsAnError() {
        DataFormatException twice = assertThrows(DataFormatException.class, () -> stations("station,city\nA,N\nA,S\n"));
        assertEquals(
                "s.csv:3:1: station 'A' is listed twice: line 2 gives it already (expected one city per station)",
                twice.getMessage());
        DataFormatException negative =
                assertThrows(DataFormatException.class, () -> stations("station,city,weight\nA,N,-1\n"));
        assertEquals("s.csv:2:3: negative weight '-1' (expected a number at least 0)", negative.getMessage());
        DataFormatException nan =
                assertThrows(DataFormatException.class, () -> stations("station,city,weight\nA,N,many\n"));
        assertTrue(nan.getMessage().startsWith("s.csv:2:3: not a number 'many'"), nan::getMessage);
    }
}
