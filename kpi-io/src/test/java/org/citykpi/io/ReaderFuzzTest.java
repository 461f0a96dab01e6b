package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.citykpi.io.read.DataReader;
import org.junit.jupiter.api.Test;

/**
 * Any byte string given to {@link DataReader} either reads (with every row accounted for and every
 * problem positioned) or fails with a positioned {@link DataFormatException}; never another
 * exception. Seeded, so a failure is reproducible: the message names the seed and case.
 */
class ReaderFuzzTest {
    private static final long SEED = 0xC17CL;

    private static final List<String> VALID = List.of(
            "entity,period,variable,value,unit,note\nkarmoy,2022,hh,4210,households,\"a, \"\"b\"\"\"\nCH-GE,2015-16,hh,1.5e3,,\n",
            "\uFEFFentity;period;variable;value\r\nGenève;2022;share;12,5\r\nGenève;2023;share;7\r\n",
            "City,Year,a,b,name\nx,2020,1,,X\ny,2021,,2.5,Y\n",
            "Year,Series,GeoCode,Sex,Units,Observation status,Value\n2020,s,g,,%,A,1\n2020,s,g,F,%,A,0.5\n",
            "DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT\nX:Y(1.0),A,c,i,2020,1,A,3\n",
            "STRUCTURE;STRUCTURE_ID;ACTION;REF_AREA;TIME_PERIOD;OBS_VALUE;OBS_STATUS\ndataflow;X:Y(1.0);I;c;2020;NaN;M\n"
                    + "dataflow;X:Y(1.0);D;c;2021;1;A\n",
            "{\"format\": \"citykpi-dataset/1\", \"units\": {\"hh\": \"households\"}, \"observations\": [\n"
                    + "{\"entity\": \"a\", \"period\": 2020, \"variable\": \"hh\", \"value\": 1, \"attributes\": {\"s\": \"x\"}},\n"
                    + "{\"entity\": \"b\", \"period\": \"2021\", \"variable\": \"hh\", \"value\": null}]}\n");

    private static final ReadOptions SMALL_LIMITS = ReadOptions.defaults().withLimits(new Limits(40, 160, 12, 4, 50));

    /** Varies the options over the cases: small limits, strict mode, decimal comma. */
    private static ReadOptions options(int c) {
        ReadOptions o = c % 3 == 0 ? SMALL_LIMITS : ReadOptions.defaults();
        return o.withStrict(c % 5 == 1).withDecimalComma(c % 7 == 2);
    }

    private static void check(byte[] bytes, ReadOptions o, String what) {
        String name = "fuzz.csv";
        try {
            ReadResult r = DataReader.create(o).read(name, new ByteArrayInputStream(bytes));
            assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsRejected(), what);
            assertTrue(r.errorCount() >= r.rowsRejected(), what);
            for (Problem p : r.problems()) {
                assertEquals(name, p.file(), what);
                assertTrue(p.line() >= 1, () -> what + ": unpositioned problem " + p);
            }
        } catch (DataFormatException e) {
            Problem p = e.problem();
            assertEquals(name, p.file(), what);
            assertTrue(
                    p.line() >= 1 || p.message().startsWith("the input is empty"),
                    () -> what + ": unpositioned error " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }

    @Test
    void randomBytesReadOrFailPositioned() {
        Random rnd = new Random(SEED);
        byte[] alphabet = ",;\t\"\n\r{}[]:.-+eE0123456789 abxyz".getBytes(StandardCharsets.US_ASCII);
        for (int c = 0; c < 2000; c++) {
            byte[] b = new byte[rnd.nextInt(200)];
            for (int i = 0; i < b.length; i++) {
                // half the cases from CSV/JSON punctuation, half arbitrary bytes (invalid UTF-8 too)
                b[i] = c % 2 == 0 ? alphabet[rnd.nextInt(alphabet.length)] : (byte) rnd.nextInt(256);
            }
            check(b, options(c), "seed " + SEED + " random case " + c);
        }
    }

    @Test
    void mutatedValidFilesReadOrFailPositioned() {
        Random rnd = new Random(SEED + 1);
        byte[] inserts = ",;\t\"\n\r{}[]:-eNa\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int c = 0; c < 3000; c++) {
            byte[] b = VALID.get(c % VALID.size()).getBytes(StandardCharsets.UTF_8);
            int edits = 1 + rnd.nextInt(4);
            for (int k = 0; k < edits && b.length > 0; k++) {
                int at = rnd.nextInt(b.length);
                switch (rnd.nextInt(4)) {
                    case 0: // replace one byte
                        b[at] = inserts[rnd.nextInt(inserts.length)];
                        break;
                    case 1: // delete one byte
                        byte[] d = new byte[b.length - 1];
                        System.arraycopy(b, 0, d, 0, at);
                        System.arraycopy(b, at + 1, d, at, b.length - at - 1);
                        b = d;
                        break;
                    case 2: // insert one byte
                        byte[] n = new byte[b.length + 1];
                        System.arraycopy(b, 0, n, 0, at);
                        n[at] = inserts[rnd.nextInt(inserts.length)];
                        System.arraycopy(b, at, n, at + 1, b.length - at);
                        b = n;
                        break;
                    default: // cut
                        b = java.util.Arrays.copyOf(b, at);
                }
            }
            check(b, options(c), "seed " + SEED + " mutation case " + c);
        }
    }

    @Test
    void hostileSizesFailWithLimitsNotMemory() {
        // a quote that is never closed over 1 MB, a 100,000-column header, JSON nested 10,000 deep
        String unclosed = "entity,period,variable,value\na,2020,x,\"" + "y".repeat(1 << 20) + "\n";
        check(unclosed.getBytes(StandardCharsets.UTF_8), SMALL_LIMITS, "unclosed quote");
        String wide = "entity,period," + "v,".repeat(100_000) + "\n";
        check(wide.getBytes(StandardCharsets.UTF_8), SMALL_LIMITS, "wide header");
        String deep = "{\"format\": \"citykpi-dataset/1\", \"observations\": [" + "[".repeat(10_000);
        check(deep.getBytes(StandardCharsets.UTF_8), ReadOptions.defaults(), "deep JSON");
    }
}
