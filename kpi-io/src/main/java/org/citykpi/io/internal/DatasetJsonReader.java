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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citykpi.Numbers;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Format;
import org.citykpi.io.Limits;
import org.citykpi.io.Problem;

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
        sink.beginFile(name, Format.JSON_DATASET);
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

    private static JsonLocation located(JsonLocation l, JsonParser p) {
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

    private static long line(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    private static int col(JsonLocation l) {
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
        private String format;
        private final Map<String, String> units = new HashMap<>();

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
                        format = p.getText();
                        checkFormat(at);
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
                                "unknown field '" + field + "' ignored (expected format, units, observations)"));
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

        private void checkFormat(JsonLocation at) {
            if (!format.equals(FORMAT)) {
                String what = format.startsWith("citykpi-dataset/")
                        ? "unsupported dataset version '" + format + "'"
                        : "not a dataset: format '" + format + "'";
                throw error(at, what + " (expected \"" + FORMAT + "\")");
            }
        }

        private void units(JsonLocation at, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw error(at, "\"units\" must be an object of variable → unit");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String var = p.currentName();
                JsonLocation vat = p.currentTokenLocation();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw error(vat, "the unit of '" + var + "' must be a string");
                }
                String unit = p.getText();
                units.put(var, unit);
                Problem bad = sink.checkUnit(var, unit, vat.getLineNr(), vat.getColumnNr());
                if (bad != null) {
                    sink.problem(bad);
                }
            }
        }

        private void observation(JsonToken t) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            long line = at.getLineNr();
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                sink.reject(Problem.error(
                        name, line, at.getColumnNr(), p.getText(), "an observation must be a JSON object"));
                return;
            }
            String entity = sink.options().entity().orElse(null);
            String period = null;
            String variable = null;
            String unit = null;
            boolean hasValue = false;
            boolean nullValue = false;
            double value = 0;
            Map<String, String> attrs = null;
            Problem first = null;
            JsonLocation periodAt = at;
            JsonLocation valueAt = at;
            JsonLocation unitAt = at;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                t = p.nextToken();
                JsonLocation fat = p.currentTokenLocation();
                switch (field) {
                    case "entity":
                    case "variable":
                    case "unit":
                        if (t != JsonToken.VALUE_STRING) {
                            first = keep(first, fat, "\"" + field + "\" must be a string");
                            p.skipChildren();
                        } else if (field.equals("entity")) {
                            entity = p.getText().strip();
                        } else if (field.equals("variable")) {
                            variable = p.getText().strip();
                        } else {
                            unit = p.getText();
                            unitAt = fat;
                        }
                        break;
                    case "period":
                        periodAt = fat;
                        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                            period = p.getText().strip();
                        } else {
                            first = keep(first, fat, "\"period\" must be a string such as \"2022\" or \"2015-16\"");
                            p.skipChildren();
                        }
                        break;
                    case "value":
                        valueAt = fat;
                        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                            value = p.getDoubleValue();
                            hasValue = true;
                            if (!Double.isFinite(value)) {
                                first = keep(
                                        first,
                                        fat,
                                        "number out of range '" + p.getText() + "' (expected a magnitude below"
                                                + " 1.8e308)");
                            } else if (value == 0.0 && !isZeroText(p.getText())) {
                                first = keep(
                                        first,
                                        fat,
                                        "number out of range '" + p.getText() + "' (too small to be stored;"
                                                + " expected 0 or a magnitude of at least 4.9e-324)");
                            }
                        } else if (t == JsonToken.VALUE_NULL) {
                            nullValue = true;
                        } else {
                            String raw = t.isScalarValue() ? p.getText() : t.asString();
                            first = keep(
                                    first,
                                    fat,
                                    "\"value\" must be a JSON number, not " + describe(t) + " '" + raw + "'"
                                            + " (expected a finite number, or null for a missing value)");
                            p.skipChildren();
                        }
                        break;
                    case "attributes":
                        if (t != JsonToken.START_OBJECT) {
                            first = keep(first, fat, "\"attributes\" must be an object of names and scalar values");
                            p.skipChildren();
                            break;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            JsonToken vt = p.nextToken();
                            if (vt.isScalarValue()) {
                                if (attrs == null) {
                                    attrs = new LinkedHashMap<>();
                                }
                                if (vt != JsonToken.VALUE_NULL) {
                                    attrs.put(k, p.getText());
                                }
                            } else {
                                first = keep(
                                        first,
                                        p.currentTokenLocation(),
                                        "attribute '" + k + "' must be a scalar value");
                                p.skipChildren();
                            }
                        }
                        break;
                    default:
                        if (t.isScalarValue()) {
                            if (attrs == null) {
                                attrs = new LinkedHashMap<>();
                            }
                            if (t != JsonToken.VALUE_NULL) {
                                attrs.put(field, p.getText());
                            }
                            sink.problem(Problem.warning(
                                    name,
                                    fat.getLineNr(),
                                    fat.getColumnNr(),
                                    field,
                                    "unknown field '"
                                            + field
                                            + "' kept as an attribute (expected entity, period, variable, value, unit,"
                                            + " attributes)"));
                        } else {
                            first = keep(
                                    first,
                                    fat,
                                    "unknown field '" + field + "' (expected entity, period, variable,"
                                            + " value, unit, attributes)");
                            p.skipChildren();
                        }
                }
            }
            if (first != null) {
                sink.reject(first);
                return;
            }
            if (entity == null || entity.isEmpty()) {
                sink.reject(Problem.error(
                        name, line, at.getColumnNr(), "", "observation without \"entity\" (expected an entity code)"));
                return;
            }
            if (period == null || period.isEmpty()) {
                sink.reject(Problem.error(
                        name,
                        line,
                        at.getColumnNr(),
                        "",
                        "observation without \"period\" (expected a period" + " such as \"2022\")"));
                return;
            }
            int e = sink.entity(entity);
            int pid;
            try {
                pid = sink.period(period);
            } catch (IllegalArgumentException ex) {
                sink.reject(Problem.error(name, periodAt.getLineNr(), periodAt.getColumnNr(), period, ex.getMessage()));
                return;
            }
            if (variable == null || variable.isEmpty()) {
                if (!hasValue && !nullValue) {
                    sink.row(e, pid);
                    sink.accept();
                } else {
                    sink.reject(Problem.error(
                            name,
                            line,
                            at.getColumnNr(),
                            "",
                            "observation without \"variable\" (expected a" + " variable id)"));
                }
                return;
            }
            int v = sink.variable(variable);
            if (unit != null) {
                Problem bad = sink.checkUnit(variable, unit, unitAt.getLineNr(), unitAt.getColumnNr());
                if (bad != null) {
                    sink.reject(bad);
                    return;
                }
            }
            if (!hasValue) {
                sink.row(e, pid);
                sink.problem(Problem.warning(
                        name,
                        valueAt.getLineNr(),
                        valueAt.getColumnNr(),
                        "",
                        "no value for " + variable + " (" + entity + ", " + period + "); taken as missing"));
                sink.accept();
                return;
            }
            Problem dup = sink.add(e, pid, v, value, line, valueAt.getColumnNr(), Numbers.format(value), attrs);
            if (dup != null) {
                sink.reject(dup);
                return;
            }
            sink.accept();
        }

        private Problem keep(Problem first, JsonLocation at, String message) throws IOException {
            if (first != null) {
                return first;
            }
            return Problem.error(
                    name, at.getLineNr(), at.getColumnNr(), p.currentToken() == null ? "" : p.getText(), message);
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
