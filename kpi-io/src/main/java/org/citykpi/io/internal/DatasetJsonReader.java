package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citykpi.Numbers;
import org.citykpi.Quote;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Format;
import org.citykpi.io.Limits;
import org.citykpi.io.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON dataset, {@code "format": "citykpi-dataset/1"} (schema in
 * docs/formats/dataset-json.md):
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
 * <p>Reading streams the observations one by one (memory grows with the data kept, not the file),
 * each observation being one row of the account; its position is the line and character column
 * of its opening brace, or of the offending value. Jackson is used as a plain streaming parser:
 * no data binding, no default typing, nesting limited to {@link Limits#maxJsonDepth()}, strings to
 * {@link Limits#maxFieldChars()}.
 *
 * <ul>
 *   <li>{@code format} must be {@code citykpi-dataset/1}; JSON that is broken, another format, or
 *       nested too deep makes the input unreadable;
 *   <li>an observation needs {@code entity} (unless {@link org.citykpi.io.ReadOptions#entity()}
 *       gives it), {@code period} (a string, or an integer year) and, when it has a value, {@code
 *       variable} and a finite JSON number {@code value}; {@code "value": null} is a missing value
 *       with a warning; an observation with neither variable nor value declares the (entity,
 *       period) row;
 *   <li>{@code unit} is checked like a CSV unit column; {@code units} at the top level gives
 *       every variable's unit and is checked the same way;
 *   <li>{@code attributes} is an object of scalars, kept as observation attributes (as text);
 *       unknown observation fields are kept as attributes with a warning.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class DatasetJsonReader {
    /** The format tag accepted (and written by {@code org.citykpi.io.json.DatasetJson}). */
    public static final String FORMAT = "citykpi-dataset/1";

    private DatasetJsonReader() {}

    /**
     * Reads a JSON dataset from {@code in} (named {@code name} in problems) into {@code sink}.
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the input is not a readable JSON dataset, or in strict mode
     */
    public static void read(String name, Reader in, DatasetSink sink) throws IOException {
        requireNonNull(sink, "sink");
        sink.beginFile(name, Format.JSON_DATASET, () -> "");
        JsonFactory factory = factory(sink.options().limits());
        JsonParser p = factory.createParser(in);
        try (p) {
            new Reading(name, p, sink).document();
        } catch (StreamConstraintsException e) {
            JsonLocation at = located(e.getLocation(), p);
            throw new DataFormatException(
                    name,
                    line(at),
                    col(at),
                    "",
                    "JSON beyond the reader's limits: " + firstLine(e)
                            + " (expected nesting up to "
                            + sink.options().limits().maxJsonDepth() + " levels and strings up to "
                            + sink.options().limits().maxFieldChars() + " characters)");
        } catch (JsonProcessingException e) {
            JsonLocation at = located(e.getLocation(), p);
            throw new DataFormatException(
                    name,
                    line(at),
                    col(at),
                    "",
                    "broken JSON: " + firstLine(e) + " (expected a JSON" + " dataset, docs/formats/dataset-json.md)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(
                    name, Math.max(1, line(p.currentLocation())), 0, "", CsvReaders.NOT_DECODABLE);
        }
    }

    /** Returns {@code l}, or the parser's location when {@code l} is null (Jackson gave none) or has no line. */
    private static JsonLocation located(@Nullable JsonLocation l, JsonParser p) {
        return l != null && l.getLineNr() > 0 ? l : p.currentLocation();
    }

    static JsonFactory factory(Limits limits) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(limits.maxFieldChars())
                        .maxNameLength(Math.min(limits.maxFieldChars(), 50_000))
                        .maxNumberLength(1000)
                        .build())
                .build();
    }

    /** Returns the line of {@code l}, or 0 (not known) when {@code l} is null or has none. */
    private static long line(@Nullable JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    /** Returns the column of {@code l}, or 0 (not known) when {@code l} is null or has none. */
    private static int col(@Nullable JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    /** One document being read. */
    private static final class Reading {
        private final String name;
        private final JsonParser p;
        private final DatasetSink sink;
        /** The {@code "format"} value once read; null before. */
        private @Nullable String format;

        Reading(String name, JsonParser p, DatasetSink sink) {
            this.name = name;
            this.p = p;
            this.sink = sink;
        }

        void document() throws IOException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), "expected a JSON object with \"format\": \"" + FORMAT + "\"");
            }
            boolean sawObservations = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                t = p.nextToken();
                switch (field) {
                    case "format":
                        if (t != JsonToken.VALUE_STRING) {
                            throw error(at, "\"format\" must be a string (expected \"" + FORMAT + "\")");
                        }
                        format = checkFormat(p.getText(), at);
                        break;
                    case "units":
                        units(at, t);
                        break;
                    case "observations":
                        if (format == null) {
                            throw error(
                                    at,
                                    "\"format\" must come before \"observations\" (expected \"format\": \"" + FORMAT
                                            + "\" first)");
                        }
                        if (t != JsonToken.START_ARRAY) {
                            throw error(at, "\"observations\" must be an array");
                        }
                        sawObservations = true;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            observation(t);
                        }
                        break;
                    default:
                        sink.problem(Problem.warning(
                                name,
                                at.getLineNr(),
                                at.getColumnNr(),
                                field,
                                "unknown field " + Quote.of(field)
                                        + " ignored (expected format, units, observations)"));
                        p.skipChildren();
                }
            }
            if (format == null) {
                throw error(p.currentTokenLocation(), "no \"format\" field (expected \"format\": \"" + FORMAT + "\")");
            }
            if (!sawObservations) {
                throw error(p.currentTokenLocation(), "no \"observations\" array (expected \"observations\": [...])");
            }
            if (p.nextToken() != null) {
                throw error(p.currentTokenLocation(), "text after the end of the JSON object");
            }
        }

        /** Returns {@code format} when it is this reader's, or throws naming what it is instead. */
        private String checkFormat(String format, JsonLocation at) {
            if (!format.equals(FORMAT)) {
                String what = format.startsWith("citykpi-dataset/")
                        ? "unsupported dataset version " + Quote.of(format)
                        : "not a dataset: format " + Quote.of(format);
                throw error(at, what + " (expected \"" + FORMAT + "\")");
            }
            return format;
        }

        private void units(JsonLocation at, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw error(at, "\"units\" must be an object of variable → unit");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String var = p.currentName();
                JsonLocation vat = p.currentTokenLocation();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw error(vat, "the unit of " + Quote.of(var) + " must be a string");
                }
                sink.declaredUnit(var, p.getText(), vat.getLineNr(), vat.getColumnNr());
            }
        }

        /**
         * Reads one element of the observations array and hands it to the sink: JSON-specific
         * problems (types, unknown fields, an absent field) are found here, everything about the
         * values by the sink, as for every other format.
         */
        private void observation(JsonToken t) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                sink.reject(Problem.error(
                        name, at.getLineNr(), at.getColumnNr(), p.getText(), "an observation must be a JSON object"));
                return;
            }
            Fields f = new Fields(at);
            sink.options().entity().ifPresent(fixed -> f.entity = fixed);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                field(f, field, p.nextToken(), p.currentTokenLocation());
            }
            if (f.first != null) {
                sink.reject(f.first);
                return;
            }
            if (f.entity == null) {
                sink.reject(absent(at, "\"entity\" (expected an entity code)"));
                return;
            }
            if (f.period == null) {
                sink.reject(absent(at, "\"period\" (expected a period such as \"2022\")"));
                return;
            }
            int e = sink.entity(f.entity, f.entityAt.getLineNr(), f.entityAt.getColumnNr());
            if (e == DatasetSink.REJECTED) {
                return;
            }
            int pid = sink.period(f.period, f.periodAt.getLineNr(), f.periodAt.getColumnNr());
            if (pid == DatasetSink.REJECTED) {
                return;
            }
            boolean noVariable = f.variable == null || f.variable.isBlank();
            if (noVariable && !f.hasValue && !f.nullValue) {
                sink.declare(e, pid);
                return;
            }
            if (f.variable == null) {
                sink.reject(absent(at, "\"variable\" (expected a variable id)"));
                return;
            }
            int v = sink.variable(f.variable, f.variableAt.getLineNr(), f.variableAt.getColumnNr());
            if (v == DatasetSink.REJECTED) {
                return;
            }
            if (f.unit != null && !sink.unit(v, f.unit, f.unitAt.getLineNr(), f.unitAt.getColumnNr())) {
                return;
            }
            JsonLocation va = f.valueAt;
            if (!f.hasValue) {
                sink.missing(e, pid, v, va.getLineNr(), va.getColumnNr(), "", Map.of());
                return;
            }
            sink.value(e, pid, v, f.value, va.getLineNr(), va.getColumnNr(), Numbers.format(f.value), f.attrs);
        }

        private Problem absent(JsonLocation at, String what) {
            return Problem.error(name, at.getLineNr(), at.getColumnNr(), "", "observation without " + what);
        }

        /** Reads the value of field {@code field} of an observation into {@code f}. */
        private void field(Fields f, String field, JsonToken t, JsonLocation at) throws IOException {
            switch (field) {
                case "entity", "variable", "unit" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        f.error(at, "\"" + field + "\" must be a string");
                        p.skipChildren();
                    } else if (field.equals("entity")) {
                        f.entity = p.getText();
                        f.entityAt = at;
                    } else if (field.equals("variable")) {
                        f.variable = p.getText();
                        f.variableAt = at;
                    } else {
                        f.unit = p.getText();
                        f.unitAt = at;
                    }
                }
                case "period" -> {
                    f.periodAt = at;
                    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                        f.period = p.getText();
                    } else {
                        f.error(at, "\"period\" must be a string such as \"2022\" or \"2015-16\"");
                        p.skipChildren();
                    }
                }
                case "value" -> value(f, t, at);
                case "attributes" -> attributes(f, t, at);
                default -> {
                    if (t.isScalarValue()) {
                        f.attribute(field, t);
                        sink.problem(Problem.warning(
                                name,
                                at.getLineNr(),
                                at.getColumnNr(),
                                field,
                                "unknown field " + Quote.of(field)
                                        + " kept as an attribute (expected entity, period, variable,"
                                        + " value, unit, attributes)"));
                    } else {
                        f.error(
                                at,
                                "unknown field " + Quote.of(field) + " (expected entity, period, variable, value, unit,"
                                        + " attributes)");
                        p.skipChildren();
                    }
                }
            }
        }

        /** Reads {@code "value"}: a finite JSON number, or null for a missing value. */
        private void value(Fields f, JsonToken t, JsonLocation at) throws IOException {
            f.valueAt = at;
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                f.value = p.getDoubleValue();
                f.hasValue = true;
                if (!Double.isFinite(f.value)) {
                    f.error(
                            at,
                            "number out of range " + Quote.of(p.getText()) + " (expected a magnitude below 1.8e308)");
                } else if (f.value == 0.0 && !isZeroText(p.getText())) {
                    f.error(
                            at,
                            "number out of range " + Quote.of(p.getText()) + " (too small to be stored; expected 0 or a"
                                    + " magnitude of at least 4.9e-324)");
                }
            } else if (t == JsonToken.VALUE_NULL) {
                f.nullValue = true;
            } else {
                String raw = t.isScalarValue() ? p.getText() : t.asString();
                f.error(
                        at,
                        "\"value\" must be a JSON number, not " + describe(t) + " " + Quote.of(raw)
                                + " (expected a finite number, or null for a missing value)");
                p.skipChildren();
            }
        }

        /** Reads {@code "attributes"}: an object of scalars, kept as text (null values dropped). */
        private void attributes(Fields f, JsonToken t, JsonLocation at) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                f.error(at, "\"attributes\" must be an object of names and scalar values");
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken vt = p.nextToken();
                if (vt.isScalarValue()) {
                    f.attribute(k, vt);
                } else {
                    f.error(p.currentTokenLocation(), "attribute " + Quote.of(k) + " must be a scalar value");
                    p.skipChildren();
                }
            }
        }

        /**
         * The fields of one observation object as read, each with the position of its value
         * (absent fields are null, positioned at the object's opening brace), and the first error
         * found in the object, or null.
         */
        private final class Fields {
            @Nullable
            String entity;

            JsonLocation entityAt;

            @Nullable
            String period;

            JsonLocation periodAt;

            @Nullable
            String variable;

            JsonLocation variableAt;

            @Nullable
            String unit;

            JsonLocation unitAt;
            boolean hasValue;
            boolean nullValue;
            double value;
            JsonLocation valueAt;
            Map<String, String> attrs = Map.of();

            @Nullable
            Problem first;

            Fields(JsonLocation at) {
                entityAt = at;
                periodAt = at;
                variableAt = at;
                unitAt = at;
                valueAt = at;
            }

            /** Keeps the first error of the object, with the current token as its raw text. */
            void error(JsonLocation at, String message) throws IOException {
                if (first == null) {
                    first = Problem.error(
                            name,
                            at.getLineNr(),
                            at.getColumnNr(),
                            p.currentToken() == null ? "" : p.getText(),
                            message);
                }
            }

            /** Keeps a scalar as an attribute (a JSON null is dropped). */
            void attribute(String key, JsonToken t) throws IOException {
                if (attrs.isEmpty()) {
                    attrs = new LinkedHashMap<>();
                }
                if (t != JsonToken.VALUE_NULL) {
                    attrs.put(key, p.getText());
                }
            }
        }

        private DataFormatException error(JsonLocation at, String message) {
            return new DataFormatException(name, line(at), col(at), "", message);
        }
    }

    private static boolean isZeroText(String text) {
        int e = text.indexOf('e');
        if (e < 0) {
            e = text.indexOf('E');
        }
        String m = e < 0 ? text : text.substring(0, e);
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonToken t) {
        switch (t) {
            case VALUE_STRING:
                return "a string";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            default:
                return t.name();
        }
    }
}
