package org.citykpi.io.ngsi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.citykpi.Numbers;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;
import org.citykpi.score.Band;
import org.citykpi.score.ScoredResult;

/**
 * Writes results as FIWARE Smart Data Models {@code KeyPerformanceIndicator} entities in NGSI-LD,
 * normalized (every attribute a {@code {"type": "Property", "value": …}}) or keyValues (plain
 * values), as a JSON array ready for an NGSI-LD batch create ({@code POST
 * /ngsi-ld/v1/entityOperations/create}). Documented in docs/formats/ngsi-ld.md.
 *
 * <p>One entity per result: {@code id} {@code urn:ngsi-ld:KeyPerformanceIndicator:<entity>:<kpi>:
 * <period>} (each part percent-encoded except {@code A-Z a-z 0-9 - . _ ~}), {@code type}, {@code
 * name}, {@code category} {@code ["quantitative"]}, {@code areaServed} (the entity code), {@code
 * calculationPeriod} {@code {from, to}} (ISO dates of the period), {@code calculationFormula}
 * (when there is one), {@code calculationMethod} {@code automatic} (computed) or {@code manual}
 * (reported), {@code kpiValue} (only when there is a value), and {@code currentStanding} when
 * scored (U4SSC points 4 → {@code veryGood}, 3 → {@code good}, 2 → {@code fair}, 1 → {@code bad};
 * our mapping, since neither model defines one).
 *
 * <p>The model has no unit, target, status or provenance, so these are added as extra properties:
 * {@code indicatorId}, {@code kpiUnit}, {@code kpiStatus} ({@code ok}, {@code reported} or the
 * cause), {@code kpiStatusDetail} (when not available), {@code provenance} ({@code computed} or
 * {@code reported}), {@code kpiTarget} {@code {value, period, baseline, baselinePeriod, source}},
 * {@code kpiAttainment}, {@code kpiPoints}. They expand with the core context's default
 * vocabulary. Thread-safe (stateless).
 */
public final class NgsiLdWriter {
    /** The NGSI-LD core context and the KeyPerformanceIndicator context, in that order. */
    public static final List<String> CONTEXT = List.of(
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld",
            "https://raw.githubusercontent.com/smart-data-models/dataModel.KeyPerformanceIndicator/master/context.jsonld");

    /** The two NGSI-LD representations. */
    public enum Form {
        /** Every attribute wrapped as {@code {"type": "Property", "value": …}}. */
        NORMALIZED,
        /** Plain values ({@code options=keyValues}). */
        KEY_VALUES
    }

    private NgsiLdWriter() {}

    /**
     * Writes {@code records} as a JSON array of entities in {@code form} to {@code out} (not
     * closed, flushed).
     *
     * @param records the results, one entity each, in order
     * @param form normalized (attributes as Properties) or key-values
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(Iterable<ScoredResult> records, Form form, Writer out) throws IOException {
        requireNonNull(records, "records");
        requireNonNull(form, "form");
        JsonGenerator g = new JsonFactory().createGenerator(requireNonNull(out, "out"));
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartArray();
        for (ScoredResult r : records) {
            entity(g, r, form == Form.NORMALIZED);
        }
        g.writeEndArray();
        g.writeRaw("\n");
        g.flush();
    }

    /**
     * Returns the NGSI-LD entity id of a result.
     *
     * @param r the result
     * @return {@code urn:ngsi-ld:KeyPerformanceIndicator:<entity>:<kpi>:<period>}, each part
     *     percent-encoded except {@code A-Z a-z 0-9 - . _ ~}
     */
    public static String id(ScoredResult r) {
        return "urn:ngsi-ld:KeyPerformanceIndicator:" + encode(r.entity()) + ":" + encode(r.kpi()) + ":"
                + encode(r.period().label());
    }

    private static void entity(JsonGenerator g, ScoredResult r, boolean normalized) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id(r));
        g.writeStringField("type", "KeyPerformanceIndicator");
        P p = new P(g, normalized);
        p.text("name", r.name().isEmpty() ? r.kpi() : r.name());
        p.start("category");
        g.writeStartArray();
        g.writeString("quantitative");
        g.writeEndArray();
        p.end();
        p.text("areaServed", r.entity());
        p.start("calculationPeriod");
        g.writeStartObject();
        g.writeStringField("from", r.period().start().toString());
        g.writeStringField("to", r.period().end().toString());
        g.writeEndObject();
        p.end();
        if (!r.formula().isEmpty()) {
            p.text("calculationFormula", r.formula());
        }
        KpiResult res = r.result();
        boolean reported =
                res instanceof KpiResult.Value && ((KpiResult.Value) res).provenance() == KpiResult.Provenance.REPORTED;
        p.text("calculationMethod", reported ? "manual" : "automatic");
        if (res instanceof KpiResult.Value) {
            p.number("kpiValue", ((KpiResult.Value) res).value());
        }
        if (r.band().isPresent()) {
            p.text("currentStanding", standing(r.band().get()));
        }
        p.text("indicatorId", r.kpi());
        if (!r.unit().isEmpty()) {
            p.text("kpiUnit", r.unit());
        }
        p.text("kpiStatus", res.status());
        if (res instanceof KpiResult.NotAvailable) {
            p.text("kpiStatusDetail", ((KpiResult.NotAvailable) res).detail());
        } else {
            p.text("provenance", ((KpiResult.Value) res).provenance().name().toLowerCase(Locale.ROOT));
        }
        if (r.target().isPresent()) {
            Target t = r.target().get();
            p.start("kpiTarget");
            g.writeStartObject();
            g.writeFieldName("value");
            g.writeNumber(Numbers.format(t.value()));
            if (t.period().isPresent()) {
                g.writeStringField("period", t.period().get().label());
            }
            if (t.baseline().isPresent()) {
                g.writeFieldName("baseline");
                g.writeNumber(Numbers.format(t.baseline().get()));
            }
            if (t.baselinePeriod().isPresent()) {
                g.writeStringField("baselinePeriod", t.baselinePeriod().get().label());
            }
            if (!t.source().isEmpty()) {
                g.writeStringField("source", t.source());
            }
            g.writeEndObject();
            p.end();
        }
        if (r.attainment().isPresent()) {
            p.number("kpiAttainment", r.attainment().getAsDouble());
        }
        if (r.points().isPresent()) {
            p.number("kpiPoints", r.points().getAsInt());
        }
        g.writeArrayFieldStart("@context");
        for (String c : CONTEXT) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Returns the FIWARE standing of a U4SSC band (points 4, 3, 2, 1 → veryGood, good, fair, bad). */
    static String standing(Band band) {
        return switch (band) {
            case B95_PLUS -> "veryGood";
            case B66_95 -> "good";
            case B33_66 -> "fair";
            case B0_33 -> "bad";
        };
    }

    /** Percent-encodes everything but {@code A-Z a-z 0-9 - . _ ~} (UTF-8). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                sb.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** Writes attributes as Properties (normalized) or plain values (keyValues). */
    private static final class P {
        private final JsonGenerator g;
        private final boolean normalized;

        P(JsonGenerator g, boolean normalized) {
            this.g = g;
            this.normalized = normalized;
        }

        void start(String name) throws IOException {
            g.writeFieldName(name);
            if (normalized) {
                g.writeStartObject();
                g.writeStringField("type", "Property");
                g.writeFieldName("value");
            }
        }

        void end() throws IOException {
            if (normalized) {
                g.writeEndObject();
            }
        }

        void text(String name, String value) throws IOException {
            start(name);
            g.writeString(value);
            end();
        }

        void number(String name, double value) throws IOException {
            start(name);
            g.writeNumber(Numbers.format(value));
            end();
        }
    }
}
