package org.citykpi.io.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.citykpi.Quote;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Format;
import org.citykpi.io.Problem;

/**
 * Reads SDMX-CSV 1.0 ({@code DATAFLOW,<dimensions>,TIME_PERIOD,OBS_VALUE,<attributes>}) and 2.0
 * ({@code STRUCTURE,STRUCTURE_ID,[STRUCTURE_NAME,]ACTION,[SERIES_KEY,][OBS_KEY,]<dimensions>,
 * OBS_VALUE,<attributes>}), as the SDMX-CSV field guide lays them out: dimensions come before
 * {@code OBS_VALUE}, attributes (and further measures) after it.
 *
 * <ul>
 *   <li>the entity is the dimension {@code REF_AREA} (or {@code GEO}, {@code GEO_AREA}, {@code
 *       AREA}, or an entity synonym), else {@link org.citykpi.io.ReadOptions#entity()}; the
 *       period is {@code TIME_PERIOD} (or a period synonym); {@code FREQ} is implied by the
 *       period and dropped;
 *   <li>the variable is the remaining dimension values joined with {@code .} in column order (an
 *       SDMX series key without FREQ and REF_AREA), or the dataflow id ({@code ESTAT:NA_MAIN(1.6.0)}
 *       → {@code NA_MAIN}) when no dimension remains;
 *   <li>{@code labels=both} cells ({@code A: Annual}) and headers ({@code REF_AREA: Reference
 *       area}) are read by their id, the part before {@code ": "}; {@code ATTR[]} headers lose
 *       the brackets;
 *   <li>attributes such as {@code OBS_STATUS}, {@code UNIT_MULT}, {@code COMMENT_OBS} are kept
 *       per observation; {@code UNIT_MEASURE} is also checked as the unit; values are kept as
 *       published (a non-zero {@code UNIT_MULT} is not applied, and a warning says so once per
 *       file);
 *   <li>an empty {@code OBS_VALUE}, or {@code NaN} (SDMX's missing value), is a missing value with
 *       a warning; an attribute-only row at a partial key (empty dimensions) is accepted with a
 *       warning and not applied;
 *   <li>2.0 {@code ACTION}: {@code I}, {@code A}, {@code R} or empty are read; {@code D} (delete)
 *       rejects the row, since there is nothing to delete from.
 * </ul>
 */
final class SdmxCsv {
    private static final Set<String> ENTITY_DIMENSIONS = Set.of("ref_area", "geo", "geo_area", "area");
    private static final Set<String> STRUCTURE_2 =
            Set.of("structure", "structure_id", "structure_name", "action", "series_key", "obs_key");

    private SdmxCsv() {}

    static void read(CsvRecordReader r, List<String> rawHeader, DatasetSink sink, Format f) throws IOException {
        int cols = rawHeader.size();
        List<String> header = new ArrayList<>(cols);
        for (String h : rawHeader) {
            header.add(id(h).replace("[]", ""));
        }
        int cStructId = 0;
        int cAction = -1;
        int first; // first dimension column
        if (f == Format.SDMX_CSV_1) {
            first = 1;
        } else {
            int i = 0;
            while (i < cols
                    && (STRUCTURE_2.contains(Columns.key(header.get(i)))
                            || Columns.key(header.get(i)).startsWith("structure["))) {
                String k = Columns.key(header.get(i));
                if (k.equals("structure_id")) {
                    cStructId = i;
                } else if (k.equals("action")) {
                    cAction = i;
                }
                i++;
            }
            first = i;
        }
        int cx = -1;
        for (int i = first; i < cols; i++) {
            if (Columns.key(header.get(i)).equals("obs_value")) {
                cx = i;
                break;
            }
        }
        if (cx < 0) {
            throw new DataFormatException(
                    r.name(),
                    1,
                    0,
                    r.raw(),
                    "required column OBS_VALUE is absent from the SDMX-CSV header (expected the"
                            + " dimensions, then OBS_VALUE, then the attributes)");
        }
        int ce = -1;
        int cp = -1;
        List<Integer> keyDims = new ArrayList<>();
        for (int i = first; i < cx; i++) {
            String k = Columns.key(header.get(i));
            if (ce < 0
                    && (ENTITY_DIMENSIONS.contains(k) || Columns.ENTITY.names().contains(k))) {
                ce = i;
            } else if (cp < 0 && Columns.PERIOD.names().contains(k)) {
                cp = i;
            } else if (!k.equals("freq")) {
                keyDims.add(i);
            }
        }
        int givenEntity = sink.givenEntity();
        if (ce < 0 && givenEntity < 0) {
            throw new DataFormatException(
                    r.name(),
                    1,
                    0,
                    r.raw(),
                    "the SDMX-CSV header has no REF_AREA dimension (expected REF_AREA, GEO or an"
                            + " entity column, or the entity given for the file)");
        }
        if (cp < 0) {
            throw new DataFormatException(
                    r.name(), 1, 0, r.raw(), "required column TIME_PERIOD is absent from the SDMX-CSV dimensions");
        }
        int cUnit = -1;
        int cMult = -1;
        for (int i = cx + 1; i < cols; i++) {
            String k = Columns.key(header.get(i));
            if (k.equals("unit_measure") && cUnit < 0) {
                cUnit = i;
            } else if (k.equals("unit_mult") && cMult < 0) {
                cMult = i;
            }
        }
        boolean multWarned = false;
        String file = r.name();
        StringBuilder sb = new StringBuilder();
        while (CsvReaders.nextRow(r, sink.account(), cols)) {
            long line = r.line();
            if (cAction >= 0) {
                String a = id(r.field(cAction));
                if (a.equalsIgnoreCase("D")) {
                    sink.reject(Problem.error(
                            file,
                            line,
                            cAction + 1,
                            a,
                            "ACTION D (delete) cannot be applied when reading data (expected I, A or R)"));
                    continue;
                }
                if (!a.isEmpty() && !a.equalsIgnoreCase("I") && !a.equalsIgnoreCase("A") && !a.equalsIgnoreCase("R")) {
                    sink.reject(Problem.error(
                            file, line, cAction + 1, a, "unknown ACTION " + Quote.of(a) + " (expected I, A, R or D)"));
                    continue;
                }
            }
            // an empty REF_AREA takes the entity given for the file, if there is one
            String code = ce >= 0 ? id(r.field(ce)) : "";
            boolean byGiven = code.isEmpty() && givenEntity >= 0;
            String ptext = id(r.field(cp));
            boolean noValue = LongCsv.isBlank(r, cx) || r.field(cx).strip().equals("NaN");
            if (((code.isEmpty() && !byGiven) || ptext.isEmpty()) && noValue) {
                sink.problem(Problem.warning(
                        file, line, 0, r.raw(), "attribute-only row at a partial key; its attributes are not applied"));
                sink.accept();
                continue;
            }
            int e = byGiven ? givenEntity : sink.entity(code, r.line(ce), ce + 1);
            if (e == DatasetSink.REJECTED) {
                continue;
            }
            int p = sink.period(ptext, r.line(cp), cp + 1);
            if (p == DatasetSink.REJECTED) {
                continue;
            }
            sb.setLength(0);
            for (int i : keyDims) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(id(r.field(i)));
            }
            String var = sb.length() > 0 ? sb.toString() : dataflowId(r.field(cStructId));
            if (var.isEmpty()) {
                sink.reject(Problem.error(
                        file, line, cStructId + 1, r.raw(), "empty dataflow (expected AGENCY:ID(VERSION))"));
                continue;
            }
            int v = sink.variable(var);
            if (cUnit >= 0 && !sink.unit(v, id(r.field(cUnit)), r.line(cUnit), cUnit + 1)) {
                continue;
            }
            if (noValue) {
                sink.missing(e, p, v, r.line(cx), cx + 1, r.field(cx), Map.of());
                continue;
            }
            double x = sink.number(r.chars(cx), r.start(cx), r.end(cx), r.line(cx), cx + 1);
            if (Double.isNaN(x)) {
                sink.rejectRow();
                continue;
            }
            Map<String, String> attrs = Map.of();
            for (int i = cx + 1; i < cols; i++) {
                if (!r.isEmpty(i)) {
                    if (attrs.isEmpty()) {
                        attrs = new LinkedHashMap<>();
                    }
                    attrs.put(header.get(i), r.field(i));
                }
            }
            if (cMult >= 0 && !multWarned) {
                String m = id(r.field(cMult));
                if (!m.isEmpty() && !m.equals("0")) {
                    multWarned = true;
                    sink.problem(Problem.warning(
                            file,
                            r.line(cMult),
                            cMult + 1,
                            m,
                            "UNIT_MULT " + m + ": values are in units of 10^" + m
                                    + " and are kept as published (scale them if the catalog expects plain units)"));
                }
            }
            sink.value(e, p, v, x, r.line(cx), cx + 1, r.field(cx), attrs);
        }
    }

    /** Returns the id of a {@code labels=both} text ({@code A: Annual} → {@code A}), stripped. */
    static String id(String text) {
        int k = text.indexOf(": ");
        return (k > 0 ? text.substring(0, k) : text).strip();
    }

    /** Returns the id of {@code AGENCY:ID(VERSION)}, e.g. {@code ESTAT:NA_MAIN(1.6.0)} → {@code NA_MAIN}. */
    static String dataflowId(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon >= 0) {
            t = t.substring(colon + 1);
        }
        int paren = t.indexOf('(');
        if (paren >= 0) {
            t = t.substring(0, paren);
        }
        return t.strip();
    }
}
