package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.ObservationFormat;

/**
 * Reads an observations CSV: {@code station,time,property,value[,unit][,valid][,end]}, one reading
 * per row, columns in any order, names matched ignoring case and surrounding blanks, with these
 * synonyms (docs/observations.md):
 *
 * <ul>
 *   <li>station: {@code station|site|thing|sensor|meter|samplingpoint} — required unless {@link
 *       org.citykpi.io.ObservationOptions#station()} gives it;
 *   <li>time: {@code time|date|datetime|timestamp|phenomenonTime|observedAt|start} — required; a
 *       time stamp or an interval {@code start/end} ({@link TimeStampParser});
 *   <li>end: {@code end} — optional; the end of the interval the time starts (EEA downloads give
 *       {@code Start} and {@code End});
 *   <li>property: {@code property|pollutant|variable|observedProperty} — required unless {@link
 *       org.citykpi.io.ObservationOptions#property()} gives it; normalised ({@link Measurands});
 *   <li>value: {@code value|result} — required; empty for a reading without a value;
 *   <li>unit: {@code unit|units|uom|unitOfMeasurement} — optional;
 *   <li>valid: {@code valid|validity} — optional; a blank cell is valid ({@link
 *       Measurands#validity}).
 * </ul>
 *
 * Other columns are ignored. The tokenizer, the row loop (malformed and ragged records rejected)
 * and the limits are those of every CSV reader ({@link CsvReaders}). Stateless.
 */
public final class ObservationCsv {
    static final Set<String> STATION = Set.of("station", "site", "thing", "sensor", "meter", "samplingpoint");
    static final Set<String> TIME =
            Set.of("time", "date", "datetime", "timestamp", "phenomenontime", "observedat", "start");
    static final Set<String> END = Set.of("end");
    static final Set<String> PROPERTY = Set.of("property", "pollutant", "variable", "observedproperty");
    static final Set<String> VALUE = Set.of("value", "result");
    static final Set<String> UNIT = Set.of("unit", "units", "uom", "unitofmeasurement");
    static final Set<String> VALID = Set.of("valid", "validity");

    private ObservationCsv() {}

    /**
     * Reads one observations CSV from {@code in} (named {@code name} in problems) into {@code sink}.
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the input has no header, a required column is absent, the text
     *     cannot be decoded, or in strict mode at the first data error
     */
    public static void read(String name, Reader in, ObservationSink sink) throws IOException {
        requireNonNull(sink, "sink");
        CsvRecordReader r = CsvRecordReader.open(name, in, sink.options().limits());
        List<String> header = CsvReaders.header(r);
        int cs = find(header, STATION);
        int ct = find(header, TIME);
        int ce = find(header, END);
        int cp = find(header, PROPERTY);
        int cx = find(header, VALUE);
        int cu = find(header, UNIT);
        int cv = find(header, VALID);
        if (cs < 0 && sink.options().station().isEmpty()) {
            throw absent(r, header, "station", "station|site|thing|sensor|meter|samplingpoint", ", or --station");
        }
        if (ct < 0) {
            throw absent(r, header, "time", "time|date|phenomenonTime|observedAt|start", "");
        }
        if (cp < 0 && sink.options().property().isEmpty()) {
            throw absent(r, header, "property", "property|pollutant|variable|observedProperty", ", or --property");
        }
        if (cx < 0) {
            throw absent(r, header, "value", "value|result", "");
        }
        sink.beginFile(name, ObservationFormat.OBSERVATIONS_CSV, r::raw, ct + 1);
        int cols = header.size();
        int fixedStation = cs < 0 ? sink.station(sink.options().station().orElseThrow(), 1, 0) : -1;
        int fixedProperty = cp < 0 ? sink.property(sink.options().property().orElseThrow(), 1, 0) : -1;
        while (CsvReaders.nextRow(r, sink.account(), cols)) {
            int s = fixedStation;
            if (cs >= 0) {
                s = sink.station(r.chars(cs), r.start(cs), r.end(cs), r.line(cs), cs + 1);
                if (s == ObservationSink.REJECTED) {
                    continue;
                }
            }
            if (!sink.time(r.chars(ct), r.start(ct), r.end(ct), r.line(ct), ct + 1)) {
                continue;
            }
            if (ce >= 0 && !sink.end(r.chars(ce), r.start(ce), r.end(ce), r.line(ce), ce + 1)) {
                continue;
            }
            int p = fixedProperty;
            if (cp >= 0) {
                p = sink.property(r.chars(cp), r.start(cp), r.end(cp), r.line(cp), cp + 1);
                if (p == ObservationSink.REJECTED) {
                    continue;
                }
            }
            int series = sink.series(s, p);
            if (cu >= 0) {
                if (!sink.unit(series, r.chars(cu), r.start(cu), r.end(cu), r.line(cu), cu + 1)) {
                    continue;
                }
            } else {
                sink.noUnit(series);
            }
            boolean valid = true;
            if (cv >= 0) {
                int v = sink.validity(r.chars(cv), r.start(cv), r.end(cv), r.line(cv), cv + 1);
                if (v == ObservationSink.REJECTED) {
                    continue;
                }
                valid = v == 1;
            }
            sink.value(series, r.chars(cx), r.start(cx), r.end(cx), valid, r.line(cx), cx + 1);
        }
    }

    static int find(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static DataFormatException absent(
            CsvRecordReader r, List<String> header, String column, String spelled, String or) {
        return new DataFormatException(
                r.name(),
                1,
                0,
                String.join(String.valueOf(r.separator()), header),
                "required column " + column + " is absent from the observations CSV header (expected one of " + spelled
                        + or + ")");
    }
}
