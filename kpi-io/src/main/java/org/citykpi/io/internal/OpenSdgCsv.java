package org.citykpi.io.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Disaggregation;

/**
 * Reads Open SDG tidy CSV: {@code Year,<columns>,Value}, one observation per row (Open SDG's
 * {@code check_csv.py} wants {@code Year} first and {@code Value} last; here they may be
 * anywhere).
 *
 * <ul>
 *   <li>reserved columns (Open SDG's {@code open_sdg_indicator_options_defaults}, matched
 *       ignoring case): {@code Units} is the unit, {@code Series} the variable, {@code GeoCode}
 *       the entity; {@code Observation status}, {@code Unit multiplier}, {@code Unit measure},
 *       {@code UNIT_MEASURE}, {@code COMMENT_TS}, {@code DATA_LAST_UPDATE} and {@code COMMENT_OBS}
 *       are kept as observation attributes;
 *   <li>every other column is a disaggregation ({@code Sex}, {@code Age}, …);
 *   <li>headline rows (every disaggregation empty) go into the dataset; the other rows are kept
 *       apart as {@link Disaggregation}s ({@link org.citykpi.io.ReadResult#disaggregations()});
 *       both count as accepted;
 *   <li>the variable is the {@code Series} cell when there is one, else the indicator of the file
 *       name ({@code indicator_11-6-2.csv} → {@code 11-6-2}; another name → the name without
 *       directory and extension);
 *   <li>the entity is the {@code GeoCode} cell when there is one, else {@link
 *       org.citykpi.io.ReadOptions#entity()}; with neither, the file is unreadable (no GeoCode
 *       column) or the row is rejected (empty GeoCode);
 *   <li>an empty {@code Value} is a missing value, with a warning.
 * </ul>
 */
final class OpenSdgCsv {
    private static final Set<String> ATTRIBUTES = Set.of(
            "observation status",
            "unit multiplier",
            "unit measure",
            "unit_measure",
            "comment_ts",
            "data_last_update",
            "comment_obs");

    private OpenSdgCsv() {}

    static void read(CsvRecordReader r, List<String> header, DatasetSink sink) throws IOException {
        int cols = header.size();
        int cp = -1;
        int cx = -1;
        int cu = -1;
        int cs = -1;
        int cg = -1;
        boolean[] attr = new boolean[cols];
        boolean[] dis = new boolean[cols];
        for (int i = 0; i < cols; i++) {
            String k = Columns.key(header.get(i));
            if (k.equals("year") && cp < 0) {
                cp = i;
            } else if (k.equals("value") && cx < 0) {
                cx = i;
            } else if (k.equals("units") && cu < 0) {
                cu = i;
            } else if (k.equals("series") && cs < 0) {
                cs = i;
            } else if (k.equals("geocode") && cg < 0) {
                cg = i;
            } else if (ATTRIBUTES.contains(k)) {
                attr[i] = true;
            } else {
                dis[i] = true;
            }
        }
        if (cp < 0) {
            throw new DataFormatException(
                    r.name(),
                    1,
                    0,
                    r.raw(),
                    "required column Year is absent from the Open SDG header (expected Year first)");
        }
        if (cx < 0) {
            throw new DataFormatException(
                    r.name(),
                    1,
                    0,
                    r.raw(),
                    "required column Value is absent from the Open SDG header (expected Value last)");
        }
        int givenEntity = sink.givenEntity();
        if (cg < 0 && givenEntity < 0) {
            throw new DataFormatException(
                    r.name(),
                    1,
                    0,
                    r.raw(),
                    "the Open SDG file has no GeoCode column (expected a GeoCode column, or the entity given for the"
                            + " file)");
        }
        String fileVariable = indicatorOf(r.name());
        String file = r.name();
        while (CsvReaders.nextRow(r, sink.account(), cols)) {
            int e = givenEntity;
            // an empty GeoCode is an error only when no entity is given for the file
            if (cg >= 0 && (givenEntity < 0 || !r.field(cg).isBlank())) {
                e = sink.entity(r.field(cg), r.line(cg), cg + 1);
                if (e == DatasetSink.REJECTED) {
                    continue;
                }
            }
            int p = sink.period(r.field(cp), r.line(cp), cp + 1);
            if (p == DatasetSink.REJECTED) {
                continue;
            }
            String series = cs >= 0 ? r.field(cs).strip() : "";
            int v = sink.variable(series.isEmpty() ? fileVariable : series);
            if (cu >= 0 && !sink.unit(v, r.field(cu), r.line(cu), cu + 1)) {
                continue;
            }
            Map<String, String> dims = Map.of();
            for (int i = 0; i < cols; i++) {
                if (dis[i] && !LongCsv.isBlank(r, i)) {
                    if (dims.isEmpty()) {
                        dims = new LinkedHashMap<>();
                    }
                    dims.put(
                            header.get(i).isEmpty() ? "column " + (i + 1) : header.get(i),
                            r.field(i).strip());
                }
            }
            if (LongCsv.isBlank(r, cx)) {
                sink.missing(e, p, v, r.line(cx), cx + 1, "", dims);
                continue;
            }
            if (dims.isEmpty()) {
                Map<String, String> attrs = LongCsv.attributes(r, header, attr);
                sink.value(e, p, v, r.chars(cx), r.start(cx), r.end(cx), r.line(cx), cx + 1, attrs);
                continue;
            }
            double x = sink.number(r.chars(cx), r.start(cx), r.end(cx), r.line(cx), cx + 1);
            if (Double.isNaN(x)) {
                sink.rejectRow();
                continue;
            }
            sink.disaggregation(new Disaggregation(
                    sink.entityName(e), sink.periodOf(p), sink.variableName(v), dims, x, file, r.line()));
            sink.accept();
        }
    }

    /** Returns the indicator of an Open SDG file name: {@code dir/indicator_11-6-2.csv} → {@code 11-6-2}. */
    static String indicatorOf(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (base.startsWith("indicator_") && base.length() > "indicator_".length()) {
            base = base.substring("indicator_".length());
        }
        return base.isBlank() ? "value" : base;
    }
}
