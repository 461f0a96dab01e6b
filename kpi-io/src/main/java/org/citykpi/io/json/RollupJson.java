package org.citykpi.io.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.io.internal.Json;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Units;
import org.citykpi.observe.VariableMap;

/**
 * Writes observation roll-ups as JSON, schema {@code citykpi-rollup/1}:
 *
 * <pre>{@code
 * {"format": "citykpi-rollup/1",
 *  "settings": {"rule": "eu", "time_stamps": "start", "zone": "Z", ...},
 *  "results": [{"entity", "period", "property", "statistic", "value", "unit", "status", "detail",
 *               "n_valid", "n_expected", "capture_pct",
 *               "stations": [{"station", "value", "status", "detail", "n_valid", "n_expected",
 *                             "capture_pct", "used", "weight"}],
 *               "variable": {"id", "value", "unit", "conversion"}}]}
 * }</pre>
 *
 * Each result has the fields of the {@code rollup} CSV plus its {@code unit}; a city's result
 * lists its {@code stations} (each station's part, and whether the city's value used it); with a
 * {@link VariableMap}, a result the map names has {@code variable}: the catalog variable it feeds
 * and its value converted into the map's unit ({@code conversion} says how, or why it could not
 * be). Absent values are {@code null}. Thread-safe (stateless).
 */
public final class RollupJson {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "citykpi-rollup/1";

    private RollupJson() {}

    /**
     * Writes {@code results} to {@code out} (not closed, flushed).
     *
     * @param results the roll-up results, written in order
     * @param settings how the roll-up was made (name → text, e.g. {@code rule → eu}), written in
     *     order under {@code settings}
     * @param map the variables the results feed, or empty for none
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(
            List<RollupResult> results, Map<String, String> settings, Optional<VariableMap> map, Writer out)
            throws IOException {
        requireNonNull(results, "results");
        requireNonNull(settings, "settings");
        requireNonNull(map, "map");
        requireNonNull(out, "out");
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode s = root.putObject("settings");
        settings.forEach(s::put);
        ArrayNode rows = root.putArray("results");
        for (RollupResult r : results) {
            ObjectNode n = rows.addObject();
            n.put("entity", r.entity());
            n.put("period", r.period().label());
            n.put("property", r.property());
            n.put("statistic", r.statistic().name());
            number(n, "value", r.value());
            text(n, "unit", r.unit());
            n.put("status", r.status().word());
            n.put("detail", r.detail());
            n.put("n_valid", r.nValid());
            n.put("n_expected", r.nExpected());
            n.put("capture_pct", r.capturePct());
            if (!r.contributions().isEmpty()) {
                ArrayNode st = n.putArray("stations");
                for (RollupResult.Contribution c : r.contributions()) {
                    ObjectNode cn = st.addObject();
                    cn.put("station", c.station());
                    number(cn, "value", c.value());
                    cn.put("status", c.status().word());
                    cn.put("detail", c.detail());
                    cn.put("n_valid", c.nValid());
                    cn.put("n_expected", c.nExpected());
                    cn.put("capture_pct", c.capturePct());
                    cn.put("used", c.used());
                    cn.put("weight", c.weight());
                }
            }
            if (map.isPresent()) {
                Optional<VariableMap.Entry> e = map.get().find(r.property(), r.statistic());
                if (e.isPresent()) {
                    variable(n.putObject("variable"), r, e.get());
                }
            }
        }
        Json.MAPPER.writer(new DefaultPrettyPrinter()).writeValue(new NonClosing(out), root);
        out.write('\n');
        out.flush();
    }

    private static void variable(ObjectNode v, RollupResult r, VariableMap.Entry e) {
        v.put("id", e.variable());
        OptionalDouble value = r.value();
        String conversion;
        if (e.unit().isEmpty() || r.unit().isEmpty()) {
            conversion = "none (" + (e.unit().isEmpty() ? "the map gives no unit" : "the readings give no unit") + ")";
        } else {
            try {
                Units.Conversion c =
                        Units.conversion(r.property(), r.unit().get(), e.unit().get());
                conversion = c.toString();
                if (value.isPresent()) {
                    value = OptionalDouble.of(c.apply(value.getAsDouble()));
                }
            } catch (IllegalArgumentException x) {
                conversion = String.valueOf(x.getMessage());
                value = OptionalDouble.empty();
            }
        }
        number(v, "value", value);
        text(v, "unit", e.unit().or(r::unit));
        v.put("conversion", conversion);
    }

    private static void number(ObjectNode n, String field, OptionalDouble d) {
        if (d.isPresent()) {
            n.put(field, d.getAsDouble());
        } else {
            n.putNull(field);
        }
    }

    private static void text(ObjectNode n, String field, Optional<String> t) {
        if (t.isPresent()) {
            n.put(field, t.get());
        } else {
            n.putNull(field);
        }
    }

    /** Keeps Jackson from closing the caller's writer. */
    private static final class NonClosing extends FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
