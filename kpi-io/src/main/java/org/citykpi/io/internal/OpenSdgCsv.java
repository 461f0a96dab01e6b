package org.citykpi.io.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Disaggregation;
import org.citykpi.io.Problem;

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
        String fixedEntity = sink.options().entity().orElse(null);
        if (cg < 0 && fixedEntity == null) {
            throw new DataFormatException(
                    r.name(),
                    1,
                    0,
                    r.raw(),
                    "the Open SDG file has no GeoCode column (expected a GeoCode column, or the entity given for the"
                            + " file)");
        }
        String fileVariable = indicatorOf(r.name());
        boolean comma = sink.options().decimalComma();
        String file = r.name();
        while (CsvReaders.nextRow(r, sink.account(), cols)) {
            long line = r.line();
            String code = cg >= 0 ? CsvReaders.strip(r, cg) : "";
            if (code.isEmpty()) {
                if (fixedEntity == null) {
                    sink.reject(Problem.error(
                            file,
                            r.line(cg),
                            cg + 1,
                            r.raw(),
                            "empty GeoCode (expected an entity code, or the entity given for the file)"));
                    continue;
                }
                code = fixedEntity;
            }
            int e = sink.entity(code);
            String ptext = CsvReaders.strip(r, cp);
            int p;
            try {
                if (ptext.isEmpty()) {
                    sink.reject(
                            Problem.error(file, r.line(cp), cp + 1, r.raw(), "empty Year (expected YYYY or 2015-16)"));
                    continue;
                }
                p = sink.period(ptext);
            } catch (IllegalArgumentException ex) {
                sink.reject(Problem.error(file, r.line(cp), cp + 1, ptext, ex.getMessage()));
                continue;
            }
            String var = cs >= 0 ? CsvReaders.strip(r, cs) : "";
            if (var.isEmpty()) {
                var = fileVariable;
            }
            int v = sink.variable(var);
            if (cu >= 0) {
                Problem up = sink.checkUnit(var, r.field(cu), r.line(cu), cu + 1);
                if (up != null) {
                    sink.reject(up);
                    continue;
                }
            }
            Map<String, String> dims = null;
            for (int i = 0; i < cols; i++) {
                if (dis[i] && !LongCsv.isBlank(r, i)) {
                    if (dims == null) {
                        dims = new LinkedHashMap<>();
                    }
                    dims.put(
                            header.get(i).isEmpty() ? "column " + (i + 1) : header.get(i),
                            r.field(i).strip());
                }
            }
            if (LongCsv.isBlank(r, cx)) {
                if (dims == null) {
                    sink.row(e, p);
                }
                sink.problem(Problem.warning(
                        file,
                        r.line(cx),
                        cx + 1,
                        "",
                        "no value for " + var + " (" + code + ", " + ptext + (dims == null ? "" : ", " + dims)
                                + "); taken as missing"));
                sink.accept();
                continue;
            }
            double x = NumberParser.parse(r.chars(cx), r.start(cx), r.end(cx), comma);
            if (Double.isNaN(x)) {
                String raw = r.field(cx);
                sink.reject(Problem.error(file, r.line(cx), cx + 1, raw, NumberParser.explain(raw, comma)));
                continue;
            }
            if (dims != null) {
                sink.disaggregation(new Disaggregation(code, sink.periodOf(p), var, dims, x, file, line));
                sink.accept();
                continue;
            }
            Map<String, String> attrs = LongCsv.attributes(r, header, attr);
            Problem dup = sink.add(e, p, v, x, line, cx + 1, r.field(cx), attrs);
            if (dup != null) {
                sink.reject(dup);
                continue;
            }
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
