package org.citykpi.io.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import org.citykpi.Numbers;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;
import org.citykpi.score.ScoredResult;

/**
 * Writes results as JSON, {@code "format": "citykpi-results/1"} (schema in
 * docs/formats/results-json.md): the same facts as the {@code compute} CSV, plus the formula, the
 * provenance, the target's period, baseline and source, and the U4SSC band.
 *
 * <pre>{@code
 * {"format": "citykpi-results/1",
 *  "results": [
 *   {"entity": "karmoy", "period": "2022", "kpi": "EC-ICT-1C", "name": "Household Internet access",
 *    "unit": "%", "status": "ok", "value": 87.5, "provenance": "computed", "detail": "",
 *    "formula": "100 * households_with_internet / households_total",
 *    "target": {"value": 100, "period": "2030", "source": "U4SSC"},
 *    "attainment": 87.5, "points": 3, "band": "66-95"}]}
 * }</pre>
 *
 * A result whose inputs were rolled up from sensor readings ({@code compute --observations}) has
 * {@code "observations"}: one line per such input, e.g. {@code pm25_ugm3 for C 2023 = 12.4 ← mean
 * of pm25 (µg/m³) ← mean of 2 of 3 stations: A (capture 95.1 %), B (capture 91.2 %); left out: C
 * (capture 72.6 % < 90 %)}. {@code value} and {@code provenance} are null when the result is not available (then {@code
 * status} is the cause and {@code detail} says why); {@code target}, {@code attainment}, {@code
 * points} and {@code band} are null when not scored. Numbers are written by {@link
 * Numbers#format}. One result per line. Thread-safe (stateless).
 */
public final class ResultsJson {
    /** The format tag. */
    public static final String FORMAT = "citykpi-results/1";

    private ResultsJson() {}

    /**
     * Writes {@code records} to {@code out} (not closed, flushed).
     *
     * @param records the results, written in order, with or without a value
     * @param out where to write
     *
     * @throws IOException if writing fails
     */
    public static void write(Iterable<ScoredResult> records, Writer out) throws IOException {
        write(records, out, r -> List.of());
    }

    /**
     * Writes {@code records} to {@code out} (not closed, flushed), each result with the lines
     * {@code observations} gives it, under {@code "observations"} after its formula: how values made
     * from sensor readings were made (variable ← statistic ← stations used, with the capture of
     * each). A result with no such line has no {@code observations} field.
     *
     * @param records the results, written in order, with or without a value
     * @param out where to write
     * @param observations the roll-up chains of a result's inputs, empty for none
     * @throws IOException if writing fails
     */
    public static void write(
            Iterable<ScoredResult> records, Writer out, Function<ScoredResult, List<String>> observations)
            throws IOException {
        requireNonNull(records, "records");
        requireNonNull(observations, "observations");
        JsonGenerator g = new JsonFactory().createGenerator(requireNonNull(out, "out"));
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeRaw("\n");
        g.writeArrayFieldStart("results");
        for (ScoredResult r : records) {
            g.writeRaw("\n");
            g.writeStartObject();
            g.writeStringField("entity", r.entity());
            g.writeStringField("period", r.period().label());
            g.writeStringField("kpi", r.kpi());
            g.writeStringField("name", r.name());
            g.writeStringField("unit", r.unit());
            g.writeStringField("status", r.result().status());
            if (r.result() instanceof KpiResult.Value) {
                KpiResult.Value v = (KpiResult.Value) r.result();
                g.writeFieldName("value");
                g.writeNumber(Numbers.format(v.value()));
                g.writeStringField("provenance", v.provenance().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("detail", "");
            } else {
                g.writeNullField("value");
                g.writeNullField("provenance");
                g.writeStringField("detail", ((KpiResult.NotAvailable) r.result()).detail());
            }
            g.writeStringField("formula", r.formula());
            List<String> chains = observations.apply(r);
            if (!chains.isEmpty()) {
                g.writeArrayFieldStart("observations");
                for (String c : chains) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            if (r.target().isPresent()) {
                target(g, r.target().get());
            } else {
                g.writeNullField("target");
            }
            if (r.attainment().isPresent()) {
                g.writeFieldName("attainment");
                g.writeNumber(Numbers.format(r.attainment().getAsDouble()));
            } else {
                g.writeNullField("attainment");
            }
            if (r.points().isPresent()) {
                g.writeNumberField("points", r.points().getAsInt());
            } else {
                g.writeNullField("points");
            }
            if (r.band().isPresent()) {
                g.writeStringField("band", r.band().get().label());
            } else {
                g.writeNullField("band");
            }
            g.writeEndObject();
        }
        g.writeRaw("\n");
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw("\n");
        g.flush();
    }

    /** Writes {@code "target": {value, period, baseline, baseline_period, source}}. */
    static void target(JsonGenerator g, Target t) throws IOException {
        g.writeObjectFieldStart("target");
        g.writeFieldName("value");
        g.writeNumber(Numbers.format(t.value()));
        if (t.period().isPresent()) {
            g.writeStringField("period", t.period().get().label());
        } else {
            g.writeNullField("period");
        }
        if (t.baseline().isPresent()) {
            g.writeFieldName("baseline");
            g.writeNumber(Numbers.format(t.baseline().get()));
        } else {
            g.writeNullField("baseline");
        }
        if (t.baselinePeriod().isPresent()) {
            g.writeStringField("baseline_period", t.baselinePeriod().get().label());
        } else {
            g.writeNullField("baseline_period");
        }
        g.writeStringField("source", t.source());
        g.writeEndObject();
    }
}
