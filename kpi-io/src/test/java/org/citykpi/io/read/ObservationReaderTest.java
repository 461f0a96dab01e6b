package org.citykpi.io.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.ObservationFormat;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.io.Problem;
import org.citykpi.observe.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each format reader does beyond the shared contract: column synonyms, validity flags,
 * SensorThings expansion and quality, the NGSI-LD forms, format detection. Expected values are
 * the literal values of each input; instants are java.time's reading of the same stamps.
 */
class ObservationReaderTest {
    private static final ObservationOptions DEFAULTS = ObservationOptions.defaults();

    private static ObservationResult read(String name, String text, ObservationOptions o) throws IOException {
        return ObservationReader.create(o).read(name, new StringReader(text));
    }

    private static ObservationResult read(String name, String text) throws IOException {
        return read(name, text, DEFAULTS);
    }

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static String messages(ObservationResult r) {
        return r.problems().stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    // ---- observations CSV

    @Test
    void csvSynonymsSemicolonsByteOrderMarkAndDecimalComma() throws IOException {
        String text = "\uFEFFSite;Date;Pollutant;Result;UoM;Validity\n"
                + "A;2023-01-01T00:00:00Z;PM2.5;12,5;µg/m3;1\n"
                + "A;2023-01-01T01:00:00Z;PM2.5;13;µg/m3;-1\n";
        ObservationResult r = read("eea.csv", text, DEFAULTS.withDecimalComma(true));
        assertFalse(r.hasErrors(), () -> messages(r));
        Series s = r.observations().series("A", "pm25").orElseThrow();
        assertEquals("µg/m³", s.unit().orElseThrow());
        assertEquals(2, s.size());
        assertEquals(12.5, s.value(0));
        assertTrue(s.valid(0));
        assertFalse(s.valid(1));
        assertEquals(1, r.invalidReadings());
        assertEquals(ObservationFormat.OBSERVATIONS_CSV, r.formats().get("eea.csv"));
    }

    @Test
    void csvStartAndEndColumnsGiveIntervals() throws IOException {
        String text = "Samplingpoint,Pollutant,Start,End,Value,Unit,Validity\n"
                + "SP1,NO2,2023-01-01 00:00:00+01:00,2023-01-01 01:00:00+01:00,20,ug.m-3,1\n"
                + "SP1,NO2,2023-01-01 01:00:00+01:00,2023-01-01 01:00:00+01:00,21,ug.m-3,1\n";
        ObservationResult r = read("x.csv", text);
        Series s = r.observations().series("SP1", "no2").orElseThrow();
        assertEquals(1, s.size());
        assertEquals(ms("2022-12-31T23:00:00Z"), s.time(0));
        assertEquals(3_600_000L, s.duration(0));
        Problem p = r.problems().get(0);
        assertEquals(
                "x.csv:3:4: end time '2023-01-01 01:00:00+01:00' is not an instant after the start (expected the end"
                        + " of the interval that the time column starts)",
                p.toString());
    }

    @Test
    void csvValidityFlagThatIsNoneIsAnError() throws IOException {
        ObservationResult r = read("v.csv", "station,time,property,value,valid\nA,2023-01-01T00:00Z,pm25,1,ok\n");
        assertEquals(1, r.rowsRejected());
        assertEquals(
                "v.csv:2:5: not a validity flag 'ok' (expected true/false, yes/no, 1/0, or an EEA validity code 1, 2,"
                        + " 3, 4, -1, -99)",
                r.problems().get(0).toString());
    }

    @Test
    void csvUnitClashNamesTheLineThatGaveTheFirstUnit() throws IOException {
        String text = "station,time,property,value,unit\n"
                + "A,2023-01-01T00:00Z,no2,20,ug/m3\n"
                + "A,2023-01-01T01:00Z,no2,11,ppb\n"
                + "A,2023-01-01T02:00Z,no2,21,µg/m³\n"
                + "A,2023-01-01T03:00Z,no2,22,\n";
        ObservationResult r = read("u.csv", text);
        assertEquals(1, r.rowsRejected());
        assertEquals(
                "u.csv:3:5: unit 'ppb' differs from the unit 'µg/m³' that line 2 gave for (A, no2) (expected one unit"
                        + " per station and property)",
                r.problems().get(0).toString());
        assertEquals(3, r.observations().series("A", "no2").orElseThrow().size());
    }

    @Test
    void csvWithoutStationOrPropertyColumnsTakesThemFromTheOptions() throws IOException {
        String text = "time,value\n2023-01-01T00:00Z,5\n2023-01-01T01:00Z,6\n";
        DataFormatException e = assertThrows(DataFormatException.class, () -> read("one.csv", text));
        assertEquals(
                "one.csv:1: required column station is absent from the observations CSV header (expected one of"
                        + " station|site|thing|sensor|meter|samplingpoint, or --station)",
                e.getMessage());
        ObservationResult r = read("one.csv", text, DEFAULTS.withStation("S9").withProperty("PM10"));
        assertEquals(2, r.observations().series("S9", "pm10").orElseThrow().size());
    }

    @Test
    void csvLocalTimesNeedAZoneAndHour24EndsTheDay() throws IOException {
        String text = "station,time,property,value\nA,2023-07-01 00:00,pm25,1\nA,2023-07-01T24:00,pm25,2\n";
        ObservationResult utcOnly = read("l.csv", text);
        assertEquals(2, utcOnly.rowsRejected());
        ObservationResult r = read("l.csv", text, DEFAULTS.withZone(ZoneId.of("Europe/Paris")));
        Series s = r.observations().series("A", "pm25").orElseThrow();
        assertEquals(ms("2023-06-30T22:00:00Z"), s.time(0));
        assertEquals(ms("2023-07-01T22:00:00Z"), s.time(1));
    }

    @Test
    void endStampsMoveTheYearBoundaryByOneReading() throws IOException {
        String text = "station,time,property,value\n"
                + "A,2023-01-01T00:00Z,pm25,1\n" // ends the last hour of 2022
                + "A,2023-01-01T01:00Z,pm25,2\n"
                + "A,2024-01-01T00:00Z,pm25,3\n"; // ends the last hour of 2023
        ObservationResult start = read("e.csv", text, DEFAULTS.withYear(2023));
        assertEquals(1, start.outsideYear());
        ObservationResult end =
                read("e.csv", text, DEFAULTS.withYear(2023).withTimeStamps(org.citykpi.observe.TimeStamps.END));
        assertEquals(1, end.outsideYear());
        Series s = end.observations().series("A", "pm25").orElseThrow();
        assertEquals(2.0, s.value(0));
        assertEquals(3.0, s.value(1));
    }

    @Test
    void csvWithoutTimeColumnIsUnreadable() {
        DataFormatException e = assertThrows(
                DataFormatException.class, () -> read("t.csv", "station,when,property,value\nA,x,pm25,1\n"));
        assertTrue(e.getMessage().contains("required column time is absent"), e::getMessage);
    }

    // ---- SensorThings

    private static final String UNEXPANDED = "{\"@iot.nextLink\": \"https://x/Observations?$skip=2\", \"value\": [\n"
            + "{\"@iot.id\": 1, \"phenomenonTime\": \"2023-01-01T00:00:00Z\", \"result\": 7},\n"
            + "{\"@iot.id\": 2, \"phenomenonTime\": \"2023-01-01T01:00:00Z/2023-01-01T02:00:00Z\", \"result\": \"8.5\"},\n"
            + "{\"@iot.id\": 3, \"phenomenonTime\": \"2023-01-01T02:00:00Z\", \"result\": null}\n"
            + "]}\n";

    @Test
    void sensorThingsPageWithoutExpansionNeedsAStationAndProperty() throws IOException {
        ObservationResult bare = read("p.json", UNEXPANDED);
        // the station is checked first: the reading without a value is rejected too
        assertEquals(3, bare.rowsRejected());
        assertEquals(0, bare.withoutValue());
        assertEquals(
                "p.json:2:1: observation without a station (expected an expanded Datastream/Thing, or --station)",
                bare.problems().get(0).toString());
        ObservationResult r =
                read("p.json", UNEXPANDED, DEFAULTS.withStation("S1").withProperty("NO2"));
        assertFalse(r.hasErrors(), () -> messages(r));
        Series s = r.observations().series("S1", "no2").orElseThrow();
        assertEquals(2, s.size());
        assertEquals(7.0, s.value(0));
        assertEquals(8.5, s.value(1));
        assertEquals(3_600_000L, s.duration(1));
        assertEquals(ObservationFormat.SENSORTHINGS_JSON, r.formats().get("p.json"));
        assertEquals("3 rows read: 2 accepted, 0 rejected, 1 skipped (1 without a value)", r.summary());
    }

    @Test
    void sensorThingsResultQualityMarksInvalidReadings() throws IOException {
        String page = "[\n"
                + "{\"phenomenonTime\": \"2023-01-01T00:00:00Z\", \"result\": 1, \"resultQuality\": \"invalid\"},\n"
                + "{\"phenomenonTime\": \"2023-01-01T01:00:00Z\", \"result\": 2, \"resultQuality\": false},\n"
                + "{\"phenomenonTime\": \"2023-01-01T02:00:00Z\", \"result\": 3, \"resultQuality\": -99},\n"
                + "{\"phenomenonTime\": \"2023-01-01T03:00:00Z\", \"result\": 4, \"resultQuality\": {\"valid\": false}},\n"
                + "{\"phenomenonTime\": \"2023-01-01T04:00:00Z\", \"result\": 5, \"resultQuality\": \"1\"},\n"
                + "{\"phenomenonTime\": \"2023-01-01T05:00:00Z\", \"result\": 6, \"resultQuality\": {\"DQ\": 1}},\n"
                + "{\"phenomenonTime\": \"2023-01-01T06:00:00Z\", \"result\": 7, \"resultQuality\": null},\n"
                + "{\"phenomenonTime\": \"2023-01-01T07:00:00Z\", \"result\": 8, \"resultQuality\": [1]},\n"
                + "{\"phenomenonTime\": \"2023-01-01T08:00:00Z\", \"result\": {\"a\": 1}}\n"
                + "]";
        ObservationResult r = read("q.json", page, DEFAULTS.withStation("S").withProperty("pm10"));
        Series s = r.observations().series("S", "pm10").orElseThrow();
        assertEquals(7, s.size());
        boolean[] valid = new boolean[s.size()];
        for (int i = 0; i < s.size(); i++) {
            valid[i] = s.valid(i);
        }
        assertEquals(List.of(false, false, false, false, true, true, true), toList(valid));
        assertEquals(4, r.invalidReadings());
        assertEquals(2, r.rowsRejected());
        assertEquals(1, r.warningCount());
        String all = messages(r);
        assertTrue(all.contains("q.json:7:74: warning: resultQuality objects without a 'valid' or 'validity'"), all);
        assertTrue(all.contains("q.json:9:74: \"resultQuality\" must be a validity flag, not an array"), all);
        assertTrue(all.contains("q.json:10:54: \"result\" must be a number, not an object"), all);
    }

    private static List<Boolean> toList(boolean[] b) {
        Boolean[] out = new Boolean[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return List.of(out);
    }

    @Test
    void sensorThingsPageNeedsAValueArray() {
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read("n.json", "{\"@iot.count\": 0, \"values\": []}"));
        assertEquals(
                "n.json:1:31: no \"value\" array (expected a SensorThings Observations page, {\"value\": [...]})",
                e.getMessage());
    }

    @Test
    void sensorThingsUsesTheThingIdWhenItHasNoName() throws IOException {
        String page = "{\"value\": [{\"phenomenonTime\": \"2023-05-01T00:00:00Z\", \"result\": 3,"
                + " \"Datastream\": {\"Thing\": {\"@iot.id\": 42}, \"ObservedProperty\": {\"definition\":"
                + " \"http://dd.eionet.europa.eu/vocabulary/aq/pollutant/7\"},"
                + " \"unitOfMeasurement\": {\"name\": \"microgram per cubic metre\"}}}]}";
        ObservationResult r = read("t.json", page);
        Series s = r.observations().series("42", "o3").orElseThrow();
        assertEquals("µg/m³", s.unit().orElseThrow());
    }

    // ---- NGSI-LD

    @Test
    void ngsiLdSimplifiedFormWithTheUnitCodeAfterTheValues() throws IOException {
        String entity = "{\"id\": \"urn:ngsi-ld:NoiseLevelObserved:N1\", \"type\": \"NoiseLevelObserved\",\n"
                + " \"LAeq\": {\"type\": \"Property\", \"values\": [[61.5, \"2023-01-01T00:00:00Z\"],"
                + " [null, \"2023-01-01T01:00:00Z\"], [60, \"2023-01-01T02:00:00Z\", \"extra\"]], \"unitCode\": \"2N\"},\n"
                + " \"location\": {\"type\": \"GeoProperty\", \"value\": {\"type\": \"Point\", \"coordinates\": [1, 2]}},\n"
                + " \"refDevice\": {\"type\": \"Relationship\", \"object\": \"urn:d\"},\n"
                + " \"CO_Level\": [{\"type\": \"Property\", \"value\": \"moderate\", \"observedAt\":"
                + " \"2023-01-01T00:00:00Z\"}],\n"
                + " \"windSpeed\": [{\"type\": \"Property\", \"value\": 3.5, \"observedAt\": \"2023-01-01T00:00:00Z\"}]}";
        ObservationResult r = read("n.jsonld", entity);
        assertEquals(ObservationFormat.NGSI_LD_TEMPORAL, r.formats().get("n.jsonld"));
        Series laeq = r.observations()
                .series("urn:ngsi-ld:NoiseLevelObserved:N1", "laeq")
                .orElseThrow();
        assertEquals(2, laeq.size());
        assertEquals("dB", laeq.unit().orElseThrow());
        assertEquals(60.0, laeq.value(1));
        assertEquals(1, r.withoutValue());
        assertTrue(r.observations()
                .series("urn:ngsi-ld:NoiseLevelObserved:N1", "windSpeed")
                .isPresent());
        assertEquals(1, r.warningCount());
        // at the first text value, line 5 column 45
        assertEquals(
                "n.jsonld:5:45: warning: attribute 'CO_Level' holds text, not readings: not read",
                r.problems().get(0).toString());
        assertFalse(r.hasErrors());
    }

    @Test
    void ngsiLdTextInAKnownPropertyIsAnErrorAndUnitCodesAreMapped() throws IOException {
        String entities = "[{\"id\": \"S\", \"type\": \"AirQualityObserved\",\n"
                + "\"co\": [{\"value\": 0.4, \"observedAt\": \"2023-01-01T00:00:00Z\", \"unitCode\": \"GP\"},\n"
                + "{\"value\": \"moderate\", \"observedAt\": \"2023-01-01T01:00:00Z\", \"unitCode\": \"GP\"}],\n"
                + "\"o3\": [{\"value\": 30, \"observedAt\": \"2023-01-01T00:00:00Z\", \"unitCode\": \"61\"}]},\n"
                + "{\"type\": \"AirQualityObserved\", \"no2\": [{\"value\": 1, \"observedAt\": \"2023-01-01T00:00:00Z\"}]}]";
        ObservationResult r = read("e.json", entities);
        assertEquals(
                "mg/m³", r.observations().series("S", "co").orElseThrow().unit().orElseThrow());
        assertEquals(
                "ppb", r.observations().series("S", "o3").orElseThrow().unit().orElseThrow());
        assertEquals(2, r.rowsRejected());
        assertEquals(
                "e.json:3:11: not a number 'moderate' (expected a number with '.' as decimal separator, or use"
                        + " --decimal-comma)",
                r.problems().get(0).toString());
        // at the instance, line 5 column 40
        assertEquals(
                "e.json:5:40: entity without an \"id\" (expected the id of the station's entity)",
                r.problems().get(1).toString());
    }

    // ---- detection and files

    @Test
    void detectsTheFormatFromTheNameAndTheStart(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "station,time,property,value\nA,2023-01-01T00:00Z,pm25,1\n");
        Path st = Files.writeString(
                dir.resolve("page1"),
                "\n  {\"@iot.count\": 1, \"value\": [{\"phenomenonTime\":"
                        + " \"2023-01-01T00:00:00Z\", \"result\": 2}]}");
        Path ngsi = Files.writeString(
                dir.resolve("b.json"),
                "[{\"@context\": [], \"id\": \"N\", \"pm10\": [{\"value\": 3,"
                        + " \"observedAt\": \"2023-01-01T00:00:00Z\"}]}]");
        ObservationResult r =
                ObservationReader.create(DEFAULTS).read(List.of(csv, Path.of(st + "#station=B,property=PM2.5"), ngsi));
        assertFalse(r.hasErrors(), () -> messages(r));
        assertEquals(
                List.of(
                        ObservationFormat.OBSERVATIONS_CSV,
                        ObservationFormat.SENSORTHINGS_JSON,
                        ObservationFormat.NGSI_LD_TEMPORAL),
                List.copyOf(r.formats().values()));
        assertEquals(st.toString(), List.copyOf(r.formats().keySet()).get(1));
        assertEquals(2.0, r.observations().series("B", "pm25").orElseThrow().value(0));
        assertEquals(3.0, r.observations().series("N", "pm10").orElseThrow().value(0));
        assertEquals(3, r.rowsAccepted());
    }

    @Test
    void aMissingFileOrABadSuffixIsNamed(@TempDir Path dir) throws IOException {
        assertThrows(
                NoSuchFileException.class,
                () -> ObservationReader.create(DEFAULTS).read(List.of(dir.resolve("none.json"))));
        Path st = Files.writeString(dir.resolve("p.json"), UNEXPANDED);
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> ObservationReader.create(DEFAULTS).read(List.of(Path.of(st + "#stations=B"))));
        assertTrue(
                e.getMessage().endsWith("not an input option 'stations=B' after '#' (expected #station=S,property=P)"),
                e::getMessage);
    }

    @Test
    void jsonThatIsNeitherFormatIsUnreadable() {
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> read("d", "{\"format\": \"citykpi-dataset/1\", \"observations\": []}"));
        assertTrue(e.getMessage().startsWith("d:1: cannot tell the format of this JSON"), e::getMessage);
    }

    @Test
    void anInputWhoseEndIsMetWhileItsFormatIsToldIsReadAgain() {
        // telling the format reads these bytes to their end; reading them again must not fail
        byte[] blank = " \n \n".getBytes(StandardCharsets.UTF_8);
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> ObservationReader.create(DEFAULTS).read("blank", new ByteArrayInputStream(blank)));
        assertTrue(e.getMessage().startsWith("blank:1: required column station is absent"), e::getMessage);
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() {
        byte[] bytes = "station,time,property,value\nA,2023-01-01T00:00Z,pm25,1\nB\u00e9,x\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> ObservationReader.create(DEFAULTS).read("l1.csv", new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().startsWith("l1.csv:3"), e::getMessage);
    }
}
