package org.citykpi.io.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.ProgressTable;
import org.citykpi.io.internal.Json;

/**
 * Writes progress assessments as JSON, schema {@code citykpi-progress/1}:
 *
 * <pre>{@code
 * {"format": "citykpi-progress/1",
 *  "method": {"id": "eurostat", "parameters": {"significantRatio": 0.95, ...}},
 *  "results": [{"entity", "kpi", "method", "base_period", "latest_period", "base_value",
 *               "latest_value", "target", "target_period", "measure", "category", "score",
 *               "reason"}]}
 * }</pre>
 *
 * Fields are those of the {@code progress} CSV plus {@code score} (Statistics Canada, in [−5, 5])
 * and {@code reason} (why a series could not be assessed, or which edge rule was applied); absent
 * values are {@code null}. Thread-safe (stateless).
 */
public final class ProgressJson {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "citykpi-progress/1";

    private ProgressJson() {}

    /**
     * Writes {@code rows}, all assessed by {@code method}, to {@code out} (not closed, flushed).
     *
     * @param method the method every row was assessed by, written once at the top
     * @param rows the progress rows, written in order
     * @param out where to write
     *
     * @throws IOException if writing fails
     */
    public static void write(ProgressMethod method, List<ProgressTable.Row> rows, Writer out) throws IOException {
        requireNonNull(method, "method");
        requireNonNull(rows, "rows");
        requireNonNull(out, "out");
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode m = root.putObject("method");
        m.put("id", method.id());
        ObjectNode params = m.putObject("parameters");
        for (RecordComponent c : method.getClass().getRecordComponents()) {
            Object v = component(c, method);
            if (v instanceof Integer i) {
                params.put(c.getName(), i);
            } else if (v instanceof Double d) {
                params.put(c.getName(), d);
            } else {
                params.put(c.getName(), String.valueOf(v).toLowerCase(java.util.Locale.ROOT));
            }
        }
        ArrayNode results = root.putArray("results");
        for (ProgressTable.Row row : rows) {
            ProgressResult r = row.result();
            ObjectNode n = results.addObject();
            n.put("entity", row.entity());
            n.put("kpi", row.kpi());
            n.put("method", r.method().id());
            period(n, "base_period", r.basePeriod());
            period(n, "latest_period", r.latestPeriod());
            number(n, "base_value", r.baseValue());
            number(n, "latest_value", r.latestValue());
            number(n, "target", r.target());
            period(n, "target_period", r.target().isPresent() ? Optional.of(r.targetPeriod()) : Optional.empty());
            number(n, "measure", r.measure());
            n.put("category", r.category().word());
            number(n, "score", r.score());
            if (r.reason().isEmpty()) {
                n.putNull("reason");
            } else {
                n.put("reason", r.reason());
            }
        }
        Json.MAPPER.writer(new DefaultPrettyPrinter()).writeValue(new NonClosing(out), root);
        out.write('\n');
        out.flush();
    }

    private static Object component(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
        }
    }

    private static void period(ObjectNode n, String field, Optional<Period> p) {
        if (p.isPresent()) {
            n.put(field, p.get().label());
        } else {
            n.putNull(field);
        }
    }

    private static void number(ObjectNode n, String field, OptionalDouble d) {
        if (d.isPresent()) {
            n.put(field, d.getAsDouble());
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
