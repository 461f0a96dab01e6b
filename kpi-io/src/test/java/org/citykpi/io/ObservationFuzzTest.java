package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.citykpi.io.read.ObservationReader;
import org.junit.jupiter.api.Test;

/**
 * Any byte string given to {@link ObservationReader} either reads (every row accounted for, every
 * problem positioned) or fails with a positioned {@link DataFormatException}; never another
 * exception. Seeded, so a failure is reproducible: the message names the seed and case.
 */
class ObservationFuzzTest {
    private static final long SEED = 0x0B5L;

    private static final List<String> VALID = List.of(
            "station,time,property,value,unit,valid\nS1,2023-01-01T00:00:00Z,pm25,12.5,ug/m3,1\n"
                    + "S1,2023-01-01T01:00:00+01:00/PT1H,pm25,-0.5,µg/m3,-1\nS2,2023-01-01 02:00,NO2,,ppb,\n",
            "\uFEFFsite;date;pollutant;result\r\nA;2023-06-01T00:00Z;PM10;3,5\r\nA;2023-06-01T24:00Z;PM10;4\r\n",
            "{\"@iot.count\": 2, \"value\": [{\"phenomenonTime\": \"2023-01-01T00:00:00Z\", \"result\": 7,"
                    + " \"resultQuality\": {\"valid\": true}, \"Datastream\": {\"unitOfMeasurement\": {\"symbol\":"
                    + " \"µg/m³\"}, \"Thing\": {\"name\": \"T\"}, \"ObservedProperty\": {\"name\": \"PM2.5\"}}},\n"
                    + "{\"phenomenonTime\": \"2023-01-01T01:00:00Z/2023-01-01T02:00:00Z\", \"result\": \"8\"}]}\n",
            "[{\"id\": \"urn:ngsi-ld:AirQualityObserved:S\", \"type\": \"AirQualityObserved\",\n"
                    + "\"pm25\": [{\"type\": \"Property\", \"value\": 1, \"observedAt\": \"2023-01-01T00:00:00Z\","
                    + " \"unitCode\": \"GQ\"}],\n"
                    + "\"no2\": {\"type\": \"Property\", \"values\": [[2, \"2023-01-01T00:00:00Z\"], [null,"
                    + " \"2023-01-01T01:00:00Z\"]]}}]\n");

    private static final ObservationOptions SMALL_LIMITS =
            ObservationOptions.defaults().withLimits(new Limits(40, 160, 12, 4, 50));

    /** Varies the options over the cases: small limits, strict mode, decimal comma, a zone, a year. */
    private static ObservationOptions options(int c) {
        ObservationOptions o = c % 3 == 0 ? SMALL_LIMITS : ObservationOptions.defaults();
        o = o.withStrict(c % 5 == 1)
                .withDecimalComma(c % 7 == 2)
                .withStation("X")
                .withProperty("p");
        if (c % 4 == 3) {
            o = o.withZone(ZoneId.of("Europe/Paris"))
                    .withYear(2023)
                    .withTimeStamps(
                            c % 8 == 7 ? org.citykpi.observe.TimeStamps.END : org.citykpi.observe.TimeStamps.START);
        }
        return o;
    }

    private static void check(byte[] bytes, ObservationOptions o, String what) {
        String name = "fuzz";
        try {
            ObservationResult r = ObservationReader.create(o).read(name, new ByteArrayInputStream(bytes));
            assertEquals(r.rowsRead(), r.rowsAccepted() + r.rowsRejected() + r.rowsSkipped(), what);
            assertTrue(r.errorCount() >= r.rowsRejected(), what);
            assertEquals(r.rowsAccepted(), r.observations().size() + r.resolvedDuplicates(), what);
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
        byte[] alphabet = ",;\t\"\n\r{}[]:.-+/TZPHeE0123456789 abxyz".getBytes(StandardCharsets.US_ASCII);
        for (int c = 0; c < 2000; c++) {
            byte[] b = new byte[rnd.nextInt(200)];
            for (int i = 0; i < b.length; i++) {
                b[i] = c % 2 == 0 ? alphabet[rnd.nextInt(alphabet.length)] : (byte) rnd.nextInt(256);
            }
            check(b, options(c), "seed " + SEED + " random case " + c);
        }
    }

    @Test
    void mutatedValidFilesReadOrFailPositioned() {
        Random rnd = new Random(SEED + 1);
        byte[] inserts = ",;\t\"\n\r{}[]:-/TZ0eNa\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int c = 0; c < 4000; c++) {
            byte[] b = VALID.get(c % VALID.size()).getBytes(StandardCharsets.UTF_8);
            int edits = 1 + rnd.nextInt(4);
            for (int k = 0; k < edits && b.length > 0; k++) {
                int at = rnd.nextInt(b.length);
                switch (rnd.nextInt(4)) {
                    case 0:
                        b[at] = inserts[rnd.nextInt(inserts.length)];
                        break;
                    case 1:
                        byte[] d = new byte[b.length - 1];
                        System.arraycopy(b, 0, d, 0, at);
                        System.arraycopy(b, at + 1, d, at, b.length - at - 1);
                        b = d;
                        break;
                    case 2:
                        byte[] n = new byte[b.length + 1];
                        System.arraycopy(b, 0, n, 0, at);
                        n[at] = inserts[rnd.nextInt(inserts.length)];
                        System.arraycopy(b, at, n, at + 1, b.length - at);
                        b = n;
                        break;
                    default:
                        b = java.util.Arrays.copyOf(b, at);
                }
            }
            check(b, options(c), "seed " + SEED + " mutation case " + c);
        }
    }

    @Test
    void hostileSizesFailWithLimitsNotMemory() {
        String deep = "{\"value\": [" + "[".repeat(10_000);
        check(deep.getBytes(StandardCharsets.UTF_8), ObservationOptions.defaults(), "deep JSON");
        String deepNgsi = "[{\"id\": \"x\", \"a\": " + "{\"b\": ".repeat(10_000);
        check(deepNgsi.getBytes(StandardCharsets.UTF_8), ObservationOptions.defaults(), "deep NGSI-LD");
        String longTime = "station,time,property,value\nS," + "2".repeat(1 << 20) + ",p,1\n";
        check(longTime.getBytes(StandardCharsets.UTF_8), SMALL_LIMITS, "long time field");
        String longId = "[{\"id\": \"" + "x".repeat(2 << 20) + "\"}]";
        check(longId.getBytes(StandardCharsets.UTF_8), ObservationOptions.defaults(), "long id");
    }
}
