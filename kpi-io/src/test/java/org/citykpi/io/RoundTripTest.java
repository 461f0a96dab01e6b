package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.citykpi.Period;
import org.citykpi.data.Dataset;
import org.citykpi.io.csv.DatasetCsvWriter;
import org.citykpi.io.json.DatasetJson;
import org.citykpi.io.read.DataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Datasets survive CSV → dataset → CSV and JSON → dataset → JSON, bit for bit. */
class RoundTripTest {
    private static ReadResult read(String name, String text) throws IOException {
        ReadResult r = DataReader.create(ReadOptions.defaults()).read(name, new StringReader(text));
        assertFalse(r.hasErrors(), () -> r.problems().toString());
        return r;
    }

    private static String longCsv(ReadResult r) throws IOException {
        StringWriter w = new StringWriter();
        DatasetCsvWriter.writeLong(r, w);
        return w.toString();
    }

    private static String json(ReadResult r) throws IOException {
        StringWriter w = new StringWriter();
        DatasetJson.write(r, w);
        return w.toString();
    }

    private static void sameContent(ReadResult a, ReadResult b) {
        assertEquals(DatasetReaderContractTest.cells(a.dataset()), DatasetReaderContractTest.cells(b.dataset()));
        assertEquals(a.dataset().rowCount(), b.dataset().rowCount());
        assertEquals(a.dataset().entities(), b.dataset().entities());
        assertEquals(a.dataset().periods(), b.dataset().periods());
        assertEquals(a.units(), b.units());
        assertEquals(Map.copyOf(attrs(a)), Map.copyOf(attrs(b)));
    }

    private static Map<String, Map<String, String>> attrs(ReadResult r) {
        Map<String, Map<String, String>> m = new java.util.HashMap<>();
        for (ObservationAttributes a : r.attributes()) {
            m.put(a.entity() + "|" + a.period() + "|" + a.variable(), a.attributes());
        }
        return m;
    }

    static final String LONG = "entity,period,variable,value,unit,source,note\n"
            + "karmoy,2022,hh_total,4210,households,census 2022,\n"
            + "karmoy,2022,share,87.5,%,,\"estimate, \"\"rounded\"\"\"\n"
            + "\"Genève, canton\",2015-16,hh_total,0.1,households,,\"two\nlines\"\n"
            + "CH-ZH,2021,,,,,\n"; // a row with no value

    @Test
    void longCsvToDatasetToLongCsvIsLossless() throws IOException {
        ReadResult first = read("a.csv", LONG);
        String out = longCsv(first);
        ReadResult second = read("b.csv", out);
        sameContent(first, second);
        // and the written text is a fixed point
        assertEquals(out, longCsv(second));
        assertEquals(3, first.dataset().rowCount());
        // the row without values survives
        assertEquals(0, second.dataset().row("CH-ZH", Period.parse("2021")) >= 0 ? 0 : 1);
    }

    @Test
    void jsonToDatasetToJsonIsLossless() throws IOException {
        String text = json(read("a.csv", LONG));
        ReadResult first = read("a.json", text);
        String again = json(first);
        assertEquals(text, again);
        sameContent(read("a.csv", LONG), first);
    }

    @Test
    void sdmxAttributesSurviveTheJsonDataset() throws IOException {
        String sdmx = "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MEASURE\n"
                + "CITY:KPI(1.0),A,karmoy,PM25,2022,7.25,E,ug/m3\n"
                + "CITY:KPI(1.0),A,karmoy,PM25,2023,6.5,,ug/m3\n";
        ReadResult first = read("s.csv", sdmx);
        ReadResult second = read("s.json", json(first));
        sameContent(first, second);
        assertEquals(
                Map.of("OBS_STATUS", "E", "UNIT_MEASURE", "ug/m3"),
                first.attributes().get(0).attributes());
    }

    @Test
    void wideCsvRoundTrip() throws IOException {
        ReadResult first = read("w.csv", "entity;year;a;b\nx;2020;1,5e0;\ny;2021;;-3\n".replace(",", "."));
        StringWriter w = new StringWriter();
        DatasetCsvWriter.writeWide(first.dataset(), w);
        assertEquals("entity,period,a,b\nx,2020,1.5,\ny,2021,,-3\n", w.toString());
        sameContent(first, read("w2.csv", w.toString()));
    }

    /** Random datasets with awkward codes and extreme doubles, through every dataset writer. */
    @ParameterizedTest
    @ValueSource(strings = {"long", "wide", "json"})
    void randomDatasetsSurviveEveryWriter(String how) throws IOException {
        Random rnd = new Random(20260101L);
        String[] codes = {"a", "Genève", "x,y", "q\"uote", "multi\nline", "東京", " pad ", "semi;colon", "tab\tbed"};
        double[] specials = {0.1, 1e-300, 4.9e-324, Double.MAX_VALUE, -Double.MIN_NORMAL, 123456789012345678.0, 1.0 / 3
        };
        for (int round = 0; round < 20; round++) {
            Dataset.Builder b = Dataset.builder();
            int n = 1 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) {
                String e = codes[rnd.nextInt(codes.length)].strip();
                Period p = Period.year(1990 + rnd.nextInt(40));
                String v = "v" + rnd.nextInt(5);
                double x = rnd.nextBoolean() ? specials[rnd.nextInt(specials.length)] : rnd.nextGaussian() * 1e6;
                b.add(e, p, v, x);
            }
            Dataset d = b.build();
            StringWriter w = new StringWriter();
            switch (how) {
                case "long":
                    DatasetCsvWriter.writeLong(d, w);
                    break;
                case "wide":
                    DatasetCsvWriter.writeWide(d, w);
                    break;
                default:
                    DatasetJson.write(d, w);
            }
            Dataset back = read("r", w.toString()).dataset();
            assertEquals(DatasetReaderContractTest.cells(d), DatasetReaderContractTest.cells(back), w::toString);
            assertEquals(List.copyOf(d.entities()), List.copyOf(back.entities()));
        }
    }
}
