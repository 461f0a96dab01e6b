package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.citykpi.Period;
import org.citykpi.io.read.DataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each format does beyond the shared contract. Expected values are the literal cells of the inputs. */
class FormatBehaviourTest {
    private static ReadResult read(String name, String text) throws IOException {
        return DataReader.create(ReadOptions.defaults()).read(name, new StringReader(text));
    }

    @Test
    void openSdgWithTheEntityGivenForTheFile() throws IOException {
        ReadResult r = DataReader.create(ReadOptions.defaults().withEntity("karmoy"))
                .read(
                        "data/indicator_11-6-2.csv",
                        new StringReader(
                                "Year,Sex,Age,Units,Observation status,Value\n2020,,,%,A,12.5\n2020,F,,%,A,11\n"
                                        + "2020,M,15-24,%,E,14\n"));
        assertEquals(3, r.rowsAccepted());
        assertEquals(
                12.5,
                r.dataset().value("karmoy", Period.parse("2020"), "11-6-2").orElseThrow());
        assertEquals(1, r.dataset().observationCount());
        assertEquals(2, r.disaggregations().size());
        Disaggregation d = r.disaggregations().get(1);
        assertEquals(Map.of("Sex", "M", "Age", "15-24"), d.dimensions());
        assertEquals(14.0, d.value());
        assertEquals(4, d.line());
        assertEquals(Map.of("Observation status", "A"), r.attributes().get(0).attributes());
    }

    @Test
    void openSdgWithoutGeoCodeOrEntityIsUnreadable() {
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> read("indicator_1-1-1.csv", "Year,Sex,Value\n2020,,1\n"));
        assertTrue(e.getMessage().contains("no GeoCode column"), e.getMessage());
    }

    @Test
    void sdmxActionsMissingValuesAndUnitMultipliers() throws IOException {
        ReadResult r = read(
                "s.csv",
                "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA: Reference area,SEX,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
                        + "dataflow,X:POP(1.0),Population,I,karmoy: Karmøy,F,2022,21.5,3\n"
                        + "dataflow,X:POP(1.0),Population,D,karmoy: Karmøy,M,2022,20,3\n"
                        + "dataflow,X:POP(1.0),Population,I,karmoy: Karmøy,M,2022,NaN,3\n"
                        + "dataflow,X:POP(1.0),Population,I,,,2022,,\n");
        assertEquals(4, r.rowsRead());
        assertEquals(1, r.rowsRejected());
        assertEquals(
                21.5, r.dataset().value("karmoy", Period.parse("2022"), "F").orElseThrow());
        List<String> messages = r.problems().stream().map(Problem::toString).toList();
        assertTrue(messages.get(0).startsWith("s.csv:2:9: warning: UNIT_MULT 3"), messages.toString());
        assertTrue(messages.get(1).startsWith("s.csv:3:4: ACTION D (delete)"), messages.toString());
        assertTrue(messages.get(2).startsWith("s.csv:4:8: warning: no value for M"), messages.toString());
        assertTrue(messages.get(3).startsWith("s.csv:5: warning: attribute-only row"), messages.toString());
    }

    @Test
    void wideRowsAreTakenWholeAndRepeatedRowsNameTheFirst() throws IOException {
        ReadResult r = read(
                "w.csv",
                "uCode,uName,Time,a,b,\nx,X city,2020,1,2,\nx,X city,2020,3,4,\ny,Y,2020,5,oops,\nz,Z,2020,1,2,stray\n");
        assertEquals(4, r.rowsRead());
        assertEquals(1, r.rowsAccepted());
        List<String> messages = r.problems().stream().map(Problem::toString).toList();
        assertTrue(
                messages.get(0).startsWith("w.csv:3:3: duplicate row for (x, 2020): line 2 already gave one"),
                messages.toString());
        assertTrue(messages.get(1).startsWith("w.csv:4:5: not a number 'oops'"), messages.toString());
        assertTrue(
                messages.get(2).startsWith("w.csv:5:6: value 'stray' in column 6, which has no name"),
                messages.toString());
        // uName is a label, not a variable
        assertEquals(List.of("a", "b"), r.dataset().variables());
    }

    @Test
    void duplicatesAcrossFilesNameTheOtherFile(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "entity,period,variable,value\nx,2020,v,1\n");
        Path b = Files.writeString(
                dir.resolve("b.json"),
                "{\"format\": \"citykpi-dataset/1\", \"observations\": [\n"
                        + "{\"entity\": \"x\", \"period\": 2020, \"variable\": \"v\", \"value\": 2}]}\n");
        ReadResult r = DataReader.create(ReadOptions.defaults()).read(List.of(a, b));
        assertEquals(1, r.rowsRejected());
        assertTrue(
                r.problems().get(0).message().contains(a + ":2 already gave one"),
                r.problems().toString());
        assertEquals(Map.of(a.toString(), Format.LONG_CSV, b.toString(), Format.JSON_DATASET), r.formats());
    }

    @Test
    void jsonSchemaErrorsArePositioned() throws IOException {
        ReadResult r = read(
                "j.json",
                "{\"format\": \"citykpi-dataset/1\", \"observations\": [\n"
                        + "{\"entity\": \"x\", \"period\": \"2020\", \"variable\": \"v\", \"value\": \"12.5\"},\n"
                        + "{\"entity\": \"x\", \"period\": \"20x0\", \"variable\": \"v\", \"value\": 1},\n"
                        + "{\"entity\": \"x\", \"period\": \"2021\", \"variable\": \"v\", \"value\": 1, \"flag\": \"p\"}]}\n");
        assertEquals(2, r.rowsRejected());
        assertTrue(
                r.problems().get(0).toString().startsWith("j.json:2:"),
                r.problems().toString());
        assertTrue(r.problems().get(0).message().contains("must be a JSON number, not a string '12.5'"));
        assertTrue(r.problems().get(1).message().startsWith("not a period '20x0'"));
        assertEquals(Map.of("flag", "p"), r.attributes().get(0).attributes());
        DataFormatException wrong = assertThrows(
                DataFormatException.class,
                () -> read("r.json", "{\"format\": \"citykpi-results/1\", \"observations\": []}"));
        assertTrue(wrong.getMessage().startsWith("r.json:1:"), wrong.getMessage());
        DataFormatException broken = assertThrows(
                DataFormatException.class, () -> read("b.json", "{\"format\": \"citykpi-dataset/1\",\n ]"));
        assertTrue(broken.getMessage().startsWith("b.json:2:"), broken.getMessage());
    }

    @Test
    void invalidUtf8IsUnreadableWithItsLine() {
        byte[] latin1 = "entity,period,variable,value\nGen\u00e8ve,2020,v,1\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> DataReader.create(ReadOptions.defaults())
                        .read("l.csv", new java.io.ByteArrayInputStream(latin1)));
        assertTrue(e.getMessage().startsWith("l.csv:2: text that is not valid"), e.getMessage());
        // with the right charset it reads
        assertEquals(1, assertReads(latin1).rowsAccepted());
    }

    private static ReadResult assertReads(byte[] latin1) {
        try {
            return DataReader.create(ReadOptions.defaults().withCharset(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .read("l.csv", new java.io.ByteArrayInputStream(latin1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
