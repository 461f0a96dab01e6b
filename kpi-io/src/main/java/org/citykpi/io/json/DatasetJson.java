package org.citykpi.io.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;
import org.citykpi.io.ObservationAttributes;
import org.citykpi.io.ReadResult;
import org.citykpi.io.internal.DatasetJsonReader;
import org.citykpi.io.read.DataReader;

/**
 * Writes the JSON dataset, {@code "format": "citykpi-dataset/1"} (schema in
 * docs/formats/dataset-json.md), which {@link DataReader} reads back:
 *
 * <pre>{@code
 * {"format": "citykpi-dataset/1",
 *  "units": {"households_total": "households"},
 *  "observations": [
 *    {"entity": "karmoy", "period": "2022", "variable": "households_total", "value": 4210,
 *     "unit": "households", "attributes": {"source": "census"}},
 *    {"entity": "karmoy", "period": "2023"}]}
 * }</pre>
 *
 * Thread-safe (stateless).
 */
public final class DatasetJson {
    /** The format tag written and accepted. */
    public static final String FORMAT = DatasetJsonReader.FORMAT;

    private DatasetJson() {}

    /**
     * Writes {@code dataset} as a JSON dataset: one observation per present value, rows in the
     * dataset's order and variables sorted; a row with no value at all is written as {@code
     * {"entity", "period"}} so that it survives a round trip.
     *
     * @param dataset the dataset
     * @param out where to write; not closed
     *
     * @throws IOException if writing fails
     */
    public static void write(Dataset dataset, Writer out) throws IOException {
        write(dataset, Map.of(), List.of(), out);
    }

    /**
     * Writes what {@code result} read: its dataset, the units and the observation attributes, so
     * that reading the output gives the same dataset, units and attributes.
     *
     * @param result what a reader read
     * @param out where to write; not closed
     *
     * @throws IOException if writing fails
     */
    public static void write(ReadResult result, Writer out) throws IOException {
        write(result.dataset(), result.units(), result.attributes(), out);
    }

    /**
     * Writes {@code dataset} with {@code units} (variable → unit) and {@code attributes}.
     *
     * @param dataset the dataset
     * @param units variable id → unit; empty writes no {@code "units"} object
     * @param attributes the attributes of observations, each written with its observation; empty
     *     when there are none
     * @param out where to write; not closed
     *
     * @throws IOException if writing fails
     */
    public static void write(
            Dataset dataset, Map<String, String> units, List<ObservationAttributes> attributes, Writer out)
            throws IOException {
        requireNonNull(dataset, "dataset");
        Map<String, Map<String, String>> attrs = new HashMap<>();
        for (ObservationAttributes a : attributes) {
            attrs.put(key(a.entity(), a.period(), a.variable()), a.attributes());
        }
        JsonGenerator g = new JsonFactory().createGenerator(out);
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        if (!units.isEmpty()) {
            g.writeObjectFieldStart("units");
            for (Map.Entry<String, String> u : new java.util.TreeMap<>(units).entrySet()) {
                g.writeStringField(u.getKey(), u.getValue());
            }
            g.writeEndObject();
        }
        g.writeRaw("\n");
        g.writeArrayFieldStart("observations");
        List<String> vars = dataset.variables();
        Column[] cols = new Column[vars.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = dataset.column(vars.get(k));
        }
        for (int r = 0; r < dataset.rowCount(); r++) {
            String e = dataset.entity(r);
            Period per = dataset.period(r);
            boolean any = false;
            for (int k = 0; k < cols.length; k++) {
                if (!cols[k].isPresent(r)) {
                    continue;
                }
                any = true;
                g.writeRaw("\n");
                g.writeStartObject();
                g.writeStringField("entity", e);
                g.writeStringField("period", per.label());
                g.writeStringField("variable", vars.get(k));
                g.writeFieldName("value");
                g.writeNumber(Numbers.format(cols[k].get(r)));
                Map<String, String> a = attrs.get(key(e, per, vars.get(k)));
                if (a != null && !a.isEmpty()) {
                    g.writeObjectFieldStart("attributes");
                    for (Map.Entry<String, String> en : a.entrySet()) {
                        g.writeStringField(en.getKey(), en.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            if (!any) {
                g.writeRaw("\n");
                g.writeStartObject();
                g.writeStringField("entity", e);
                g.writeStringField("period", per.label());
                g.writeEndObject();
            }
        }
        g.writeRaw("\n");
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw("\n");
        g.flush();
    }

    private static String key(String e, Period p, String v) {
        return e + '\u0000' + p.label() + '\u0000' + v;
    }
}
