package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.IndexData;
import org.citykpi.index.Node;

/**
 * Writes the input of an index as COINr's {@code iMeta} and {@code iData} tables, so that COINr
 * (or {@code citykpi index --data IDATA --meta IMETA}) can build the same index from them.
 *
 * <ul>
 *   <li>iMeta: {@code iCode,iName,Level,Parent,Direction,Weight,Type,Unit,Target}, plus {@code
 *       goalpost_lower,goalpost_upper,goalpost_scale,goalpost_trunc2posts} when a node has
 *       goalposts, {@code dist2targ_cap_max} when one caps its distance to target and {@code
 *       Denominator} when one is divided by a denominator; one row per
 *       node in the hierarchy's order; the top node's parent is {@code NA}, as in COINr's examples;
 *       an absent target, unit or goalpost is an empty cell.
 *   <li>iData: {@code uCode,uName,Time,<indicators>}, one row per unit and period that exists, in
 *       the data's row order; a missing value is an empty cell (NA when R reads it).
 *   <li>numbers by {@link org.citykpi.Numbers#format} (full precision, {@code .}); text by the one
 *       quoting rule of {@link CsvWriter}; lines end in {@code \n}.
 * </ul>
 *
 * Thread-safe (stateless); the writer is flushed, not closed.
 */
public final class CoinrCsvWriter {
    private CoinrCsvWriter() {}

    /**
     * Writes {@code h} as an iMeta table.
     *
     * @param h the hierarchy
     * @param units the unit of each indicator, by code; indicators not in it get an empty cell
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void meta(Hierarchy h, Map<String, String> units, Writer out) throws IOException {
        requireNonNull(h, "h");
        requireNonNull(units, "units");
        boolean posts = h.nodes().stream().anyMatch(n -> n.goalposts().isPresent());
        boolean cap = h.nodes().stream().anyMatch(Node::capAtTarget);
        boolean denom = h.nodes().stream().anyMatch(n -> n.denominator().isPresent());
        CsvWriter csv = new CsvWriter(out);
        for (String c : List.of("iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type", "Unit", "Target")) {
            csv.text(c);
        }
        if (posts) {
            for (String c : List.of("goalpost_lower", "goalpost_upper", "goalpost_scale", "goalpost_trunc2posts")) {
                csv.text(c);
            }
        }
        if (cap) {
            csv.text("dist2targ_cap_max");
        }
        if (denom) {
            csv.text("Denominator");
        }
        csv.end();
        for (Node n : h.nodes()) {
            csv.text(n.code()).text(n.name()).integer(n.level()).text(n.parent().orElse("NA"));
            csv.integer(n.direction()).number(n.weight()).text(n.isIndicator() ? "Indicator" : "Aggregate");
            csv.text(units.getOrDefault(n.code(), "")).number(n.target());
            if (posts) {
                if (n.goalposts().isPresent()) {
                    Node.Goalposts g = n.goalposts().get();
                    csv.number(g.lower()).number(g.upper()).number(g.scale()).text(g.truncate() ? "TRUE" : "FALSE");
                } else {
                    csv.empty().empty().empty().empty();
                }
            }
            if (cap) {
                csv.text(n.capAtTarget() ? "TRUE" : "FALSE");
            }
            if (denom) {
                csv.text(n.denominator().orElse(""));
            }
            csv.end();
        }
        out.flush();
    }

    /**
     * Writes {@code data} as an iData table.
     *
     * @param data the index data
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void data(IndexData data, Writer out) throws IOException {
        requireNonNull(data, "data");
        CsvWriter csv = new CsvWriter(out);
        csv.text("uCode").text("uName").text("Time");
        for (String c : data.indicators()) {
            csv.text(c);
        }
        csv.end();
        List<String> units = data.units();
        List<String> names = data.unitNames();
        for (int row = 0; row < data.rowCount(); row++) {
            if (!data.rowExists(row)) {
                continue;
            }
            String unit = data.unitOf(row);
            csv.text(unit).text(names.get(units.indexOf(unit))).text(data.periodOf(row));
            for (String c : data.indicators()) {
                if (data.isPresent(row, c)) {
                    csv.number(data.value(row, c));
                } else {
                    csv.empty();
                }
            }
            csv.end();
        }
        out.flush();
    }
}
