package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.ObservationFormat;
import org.citykpi.io.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Reads a saved page of an OGC SensorThings API {@code Observations} collection (OGC 15-078r6):
 *
 * <pre>{@code
 * {"@iot.count": 2, "@iot.nextLink": "…/Observations?$skip=100",
 *  "value": [
 *    {"@iot.id": 1, "phenomenonTime": "2023-01-01T00:00:00Z", "result": 12.3,
 *     "Datastream": {"unitOfMeasurement": {"name": "microgram per cubic metre", "symbol": "µg/m³"},
 *                    "Thing": {"@iot.id": 7, "name": "S1"},
 *                    "ObservedProperty": {"name": "PM2.5"}}},
 *    {"phenomenonTime": "2023-01-01T01:00:00Z/2023-01-01T02:00:00Z", "result": "7", "resultQuality": "invalid"}]}
 * }</pre>
 *
 * <p>A bare array of observations is read too. {@code @iot.nextLink} is not followed: each saved
 * page is its own file. Each observation is one row:
 *
 * <ul>
 *   <li>{@code phenomenonTime}: an instant, or an interval {@code start/end} ({@link TimeStampParser});
 *   <li>{@code result}: a JSON number, a string holding one (as servers write them, e.g. {@code
 *       "7"}; read like a CSV cell, so {@code --decimal-comma} applies), or {@code null}: a reading
 *       without a value, skipped and counted; any other JSON value rejects the reading;
 *   <li>{@code resultQuality}: absent or null → valid; a boolean, or a validity flag as text or
 *       number ({@link Measurands#validity}: true/false, yes/no, valid/invalid, EEA codes); an
 *       object's {@code valid} or {@code validity} member, read the same way; an object without
 *       either is not understood and the reading taken as valid, with one warning per file; an
 *       array rejects the reading;
 *   <li>station: the expanded {@code Datastream/Thing}'s {@code name}, else its {@code @iot.id},
 *       else the station the caller gives (a page read without {@code $expand});
 *   <li>property: the expanded {@code Datastream/ObservedProperty}'s {@code name}, else its {@code
 *       definition}, else the property the caller gives; normalised ({@link Measurands#property});
 *   <li>unit: the expanded {@code Datastream/unitOfMeasurement}'s {@code symbol}, else its {@code
 *       name} ({@link Measurands#unit}).
 * </ul>
 *
 * Other members (links, {@code resultTime}, {@code parameters}, {@code FeatureOfInterest}) are not
 * read. Stateless.
 */
public final class SensorThingsJson {
    private static final String WHAT = "a SensorThings Observations page, {\"value\": [...]}";

    private SensorThingsJson() {}

    /**
     * Reads one page from {@code in} (named {@code name} in problems) into {@code sink}.
     *
     * @param station the station of observations whose page names none, or null
     * @param property the property of observations whose page names none, or null
     * @throws IOException if reading fails
     * @throws DataFormatException if the input is not a readable page, or in strict mode
     */
    public static void read(
            String name, Reader in, ObservationSink sink, @Nullable String station, @Nullable String property)
            throws IOException {
        requireNonNull(sink, "sink");
        sink.beginFile(name, ObservationFormat.SENSORTHINGS_JSON, () -> "", 0);
        JsonInput.read(
                name, in, sink.options().limits(), WHAT, p -> new Page(name, p, sink, station, property).document());
    }

    /** One page being read. */
    private static final class Page {
        private final String name;
        private final JsonParser p;
        private final ObservationSink sink;
        private final @Nullable String station;
        private final @Nullable String property;
        private boolean warnedQuality;

        Page(String name, JsonParser p, ObservationSink sink, @Nullable String station, @Nullable String property) {
            this.name = name;
            this.p = p;
            this.sink = sink;
            this.station = station;
            this.property = property;
        }

        void document() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                observations();
            } else if (t == JsonToken.START_OBJECT) {
                boolean sawValue = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonLocation at = p.currentTokenLocation();
                    t = p.nextToken();
                    if (field.equals("value")) {
                        if (t != JsonToken.START_ARRAY) {
                            throw error(at, "\"value\" must be an array of observations");
                        }
                        sawValue = true;
                        observations();
                    } else {
                        if (!field.startsWith("@iot.")) {
                            sink.problem(Problem.warning(
                                    name,
                                    at.getLineNr(),
                                    at.getColumnNr(),
                                    field,
                                    "unknown field '" + TimeStampParser.quote(field)
                                            + "' ignored (expected value, @iot.count, @iot.nextLink)"));
                        }
                        p.skipChildren();
                    }
                }
                if (!sawValue) {
                    throw error(p.currentTokenLocation(), "no \"value\" array (expected " + WHAT + ")");
                }
            } else {
                throw error(p.currentTokenLocation(), "expected " + WHAT);
            }
            if (p.nextToken() != null) {
                throw error(p.currentTokenLocation(), "text after the end of the JSON document");
            }
        }

        private void observations() throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                observation(t);
            }
        }

        private void observation(JsonToken t) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            if (t != JsonToken.START_OBJECT) {
                String raw = t.isScalarValue() ? p.getText() : t.asString();
                p.skipChildren();
                sink.reject(Problem.error(
                        name, at.getLineNr(), at.getColumnNr(), raw, "an observation must be a JSON object"));
                return;
            }
            JsonReading r = new JsonReading(at);
            r.station = station;
            r.property = property;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                JsonLocation vat = p.currentTokenLocation();
                switch (field) {
                    case "phenomenonTime" -> {
                        r.timeAt = vat;
                        if (v == JsonToken.VALUE_STRING) {
                            r.time = p.getText();
                        } else {
                            r.error(shape(
                                    vat,
                                    "\"phenomenonTime\" must be a string (expected an instant or an"
                                            + " interval start/end)"));
                            p.skipChildren();
                        }
                    }
                    case "result" -> r.value(p, v, vat, name, "result");
                    case "resultQuality" -> quality(r, v, vat);
                    case "Datastream" -> {
                        if (v == JsonToken.START_OBJECT) {
                            datastream(r);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            r.feed(sink, part -> switch (part) {
                case "station" ->
                    "observation without a station (expected an expanded Datastream/Thing, or" + " --station)";
                case "property" ->
                    "observation without an observed property (expected an expanded"
                            + " Datastream/ObservedProperty, or --property)";
                case "time" -> "observation without \"phenomenonTime\" (expected an instant or an interval)";
                default -> "observation without \"result\" (expected a number, or null for no value)";
            });
        }

        private void quality(JsonReading r, JsonToken v, JsonLocation at) throws IOException {
            switch (v) {
                case VALUE_NULL -> {}
                case VALUE_TRUE, VALUE_FALSE -> r.valid = v == JsonToken.VALUE_TRUE;
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    r.validity = p.getText();
                    r.validityAt = at;
                }
                case START_OBJECT -> {
                    boolean found = false;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        JsonToken kv = p.nextToken();
                        if ((k.equals("valid") || k.equals("validity")) && kv.isScalarValue()) {
                            found = true;
                            quality(r, kv, p.currentTokenLocation());
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (!found && !warnedQuality) {
                        warnedQuality = true;
                        sink.problem(Problem.warning(
                                name,
                                at.getLineNr(),
                                at.getColumnNr(),
                                "",
                                "resultQuality objects without a 'valid' or 'validity' member are not understood:"
                                        + " such readings are taken as valid"));
                    }
                }
                default -> {
                    r.error(shape(
                            at,
                            "\"resultQuality\" must be a validity flag, not " + JsonInput.describe(v) + " ("
                                    + Measurands.VALIDITY_EXPECTED + ")"));
                    p.skipChildren();
                }
            }
        }

        /** Reads an expanded Datastream: its Thing, ObservedProperty and unitOfMeasurement. */
        private void datastream(JsonReading r) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (v != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                JsonLocation[] at = new JsonLocation[2];
                switch (field) {
                    case "Thing" -> {
                        String[] v2 = members("name", "@iot.id", at);
                        int i = v2[0] != null ? 0 : 1;
                        if (v2[i] != null) {
                            r.station = v2[i];
                            r.stationAt = at[i];
                        }
                    }
                    case "ObservedProperty" -> {
                        String[] v2 = members("name", "definition", at);
                        int i = v2[0] != null ? 0 : 1;
                        if (v2[i] != null) {
                            r.property = v2[i];
                            r.propertyAt = at[i];
                        }
                    }
                    case "unitOfMeasurement" -> {
                        String[] v2 = members("symbol", "name", at);
                        int i = v2[0] != null ? 0 : 1;
                        if (v2[i] != null) {
                            r.unit = v2[i];
                            r.unitAt = at[i];
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }

        /**
         * Reads the scalar members {@code a} and {@code b} of the object just opened, as text, with
         * their positions in {@code at}; other members are skipped.
         */
        private @Nullable String[] members(String a, String b, JsonLocation[] at) throws IOException {
            @Nullable String[] out = new String[2];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                JsonToken v = p.nextToken();
                int i = k.equals(a) ? 0 : k.equals(b) ? 1 : -1;
                if (i >= 0 && (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT)) {
                    out[i] = p.getText();
                    at[i] = p.currentTokenLocation();
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }

        private Problem shape(JsonLocation at, String message) throws IOException {
            String raw = p.currentToken() != null && p.currentToken().isScalarValue() ? p.getText() : "";
            return Problem.error(name, at.getLineNr(), at.getColumnNr(), raw, message);
        }

        private DataFormatException error(JsonLocation at, String message) {
            return new DataFormatException(name, JsonInput.line(at), JsonInput.col(at), "", message);
        }
    }
}
