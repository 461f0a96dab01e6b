package org.citykpi.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.citykpi.Numbers;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;
import org.citykpi.io.ObservationAttributes;
import org.citykpi.io.ReadResult;
import org.citykpi.io.internal.Columns;

/**
 * Writes a dataset back as long or wide CSV, so that reading the output gives the same dataset
 * (a round trip): rows in the dataset's order, variables sorted, numbers by {@link
 * Numbers#format} (shortest text that reads back to the same double), lines ending in {@code \n}.
 *
 * <ul>
 *   <li>long: {@code entity,period,variable,value[,unit][,<attribute>…]}; a row with no value is
 *       written as {@code entity,period,,} (which declares the row); the unit and attribute
 *       columns appear when a {@link ReadResult} has units or attributes;
 *   <li>wide: {@code entity,period,<variable>…}, empty cells for missing values;
 *   <li>text that a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}
 *       first and not a number) is written with a leading apostrophe, so such text does not
 *       survive a round trip unchanged (everything else does).
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class DatasetCsvWriter {
    private DatasetCsvWriter() {}

    /**
     * Writes {@code dataset} as long CSV.
     *
     * @param dataset the dataset; every row is written, one line per value (or one line declaring
     *     a row without values)
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeLong(Dataset dataset, Writer out) throws IOException {
        writeLong(dataset, Map.of(), List.of(), out);
    }

    /**
     * Writes what {@code result} read (dataset, units, attributes) as long CSV.
     *
     * @param result what a reader read; its units and attributes add columns when it has any
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeLong(ReadResult result, Writer out) throws IOException {
        writeLong(result.dataset(), result.units(), result.attributes(), out);
    }

    /**
     * Writes {@code dataset} as long CSV with a unit column (when {@code units} is not empty) and a
     * column per attribute name (sorted, so that the output does not depend on row order).
     *
     * @param dataset the dataset
     * @param units variable id → unit written on each of its rows; empty writes no unit column
     * @param attributes the attributes of observations, written in their columns (an observation
     *     without attributes gets empty cells); empty writes no attribute column
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeLong(
            Dataset dataset, Map<String, String> units, List<ObservationAttributes> attributes, Writer out)
            throws IOException {
        requireNonNull(dataset, "dataset");
        requireNonNull(out, "out");
        Set<String> names = new TreeSet<>();
        Map<String, Map<String, String>> attrs = new HashMap<>();
        for (ObservationAttributes a : attributes) {
            names.addAll(a.attributes().keySet());
            attrs.put(a.entity() + '\u0000' + a.period().label() + '\u0000' + a.variable(), a.attributes());
        }
        // a name that reads back as a column of its own (unit, entity, …) cannot be an attribute column
        names.removeIf(n -> Columns.of(n)
                .filter(c -> c != Columns.SOURCE && c != Columns.NOTE)
                .isPresent());
        List<String> attrNames = new ArrayList<>(names);
        boolean unitColumn = !units.isEmpty();
        CsvWriter csv = new CsvWriter(out);
        csv.text("entity").text("period").text("variable").text("value");
        if (unitColumn) {
            csv.text("unit");
        }
        for (String n : attrNames) {
            csv.text(n);
        }
        csv.end();
        List<String> vars = dataset.variables();
        Column[] cols = columns(dataset, vars);
        int extra = (unitColumn ? 1 : 0) + attrNames.size();
        for (int r = 0; r < dataset.rowCount(); r++) {
            String e = dataset.entity(r);
            String p = dataset.period(r).label();
            boolean any = false;
            for (int k = 0; k < cols.length; k++) {
                if (!cols[k].isPresent(r)) {
                    continue;
                }
                any = true;
                csv.text(e).text(p).text(vars.get(k)).number(cols[k].get(r));
                if (unitColumn) {
                    csv.text(units.getOrDefault(vars.get(k), ""));
                }
                Map<String, String> a = attrs.get(e + '\u0000' + p + '\u0000' + vars.get(k));
                for (String n : attrNames) {
                    csv.text(a != null && a.containsKey(n) ? a.get(n) : "");
                }
                csv.end();
            }
            if (!any) {
                // a row with no value declares the (entity, period) row
                csv.text(e).text(p).empty().empty();
                for (int i = 0; i < extra; i++) {
                    csv.empty();
                }
                csv.end();
            }
        }
        csv.flush();
    }

    /**
     * Writes {@code dataset} as wide CSV: {@code entity,period,<variables sorted>}.
     *
     * @param dataset the dataset; one line per row, an empty cell for a missing value
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeWide(Dataset dataset, Writer out) throws IOException {
        requireNonNull(dataset, "dataset");
        CsvWriter csv = new CsvWriter(out);
        csv.text("entity").text("period");
        List<String> vars = dataset.variables();
        for (String v : vars) {
            csv.text(v);
        }
        csv.end();
        Column[] cols = columns(dataset, vars);
        for (int r = 0; r < dataset.rowCount(); r++) {
            csv.text(dataset.entity(r)).text(dataset.period(r).label());
            for (Column c : cols) {
                if (c.isPresent(r)) {
                    csv.number(c.get(r));
                } else {
                    csv.empty();
                }
            }
            csv.end();
        }
        csv.flush();
    }

    private static Column[] columns(Dataset dataset, List<String> vars) {
        Column[] cols = new Column[vars.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = dataset.column(vars.get(k));
        }
        return cols;
    }
}
