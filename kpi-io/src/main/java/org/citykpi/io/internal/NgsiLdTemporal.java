package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.ObservationFormat;
import org.citykpi.io.Problem;
import org.jspecify.annotations.Nullable;

/**
 * Reads entities in the NGSI-LD temporal representation (ETSI GS CIM 009, {@code
 * /temporal/entities}), one entity or an array of them, such as FIWARE's {@code
 * AirQualityObserved}, {@code NoiseLevelObserved} or {@code WaterQualityObserved}:
 *
 * <pre>{@code
 * {"id": "urn:ngsi-ld:AirQualityObserved:S1", "type": "AirQualityObserved",
 *  "pm25": [{"type": "Property", "value": 12.3, "observedAt": "2023-01-01T00:00:00Z", "unitCode": "GQ"},
 *           {"type": "Property", "value": 10.1, "observedAt": "2023-01-01T01:00:00Z", "unitCode": "GQ"}],
 *  "no2": {"type": "Property", "values": [[41.0, "2023-01-01T00:00:00Z"], [38.5, "2023-01-01T01:00:00Z"]]}}
 * }</pre>
 *
 * <ul>
 *   <li>station: the entity's {@code id};
 *   <li>property: the attribute's name, normalised ({@link Measurands#property}, so {@code PM25}
 *       and {@code pm25} are one property);
 *   <li>normalized form: an array of instances (or one instance), each {@code value} with {@code
 *       observedAt} and an optional {@code unitCode}; simplified form ({@code
 *       options=temporalValues}): {@code values}, an array of {@code [value, time]} pairs, with an
 *       optional {@code unitCode} beside it;
 *   <li>each instance or pair is one row; {@code value} is a number, a string holding one, or
 *       {@code null} (a reading without a value, skipped and counted);
 *   <li>{@code unitCode}: a UN/CEFACT code ({@link Measurands#unitCode}: GQ µg/m³, GP mg/m³, 59 ppm,
 *       61 ppb, 2N dB);
 *   <li>NGSI-LD has no validity flag: every reading is valid.
 * </ul>
 *
 * Not readings, and not read: relationships, geo-properties, the entity's descriptive attributes
 * ({@code location}, {@code address}, {@code dateObserved}, {@code source}, {@code
 * airQualityLevel}, {@code reliability}, …), and an attribute whose first value is text (such as
 * {@code CO_Level}), which gets one warning per input. An attribute whose name is a known property
 * ({@code pm25}, {@code no2}, {@code LAeq}, …) always holds readings, so text in it is an error.
 * Stateless.
 */
public final class NgsiLdTemporal {
    private static final String WHAT = "NGSI-LD entities in temporal representation";
    private static final Set<String> DESCRIPTIVE = Set.of(
            "id",
            "type",
            "@context",
            "scope",
            "location",
            "observationspace",
            "operationspace",
            "address",
            "areaserved",
            "dataprovider",
            "source",
            "name",
            "alternatename",
            "description",
            "seealso",
            "owner",
            "datecreated",
            "datemodified",
            "dateobserved",
            "dateobservedfrom",
            "dateobservedto",
            "createdat",
            "modifiedat",
            "deletedat",
            "refdevice",
            "refpointofinterest",
            "refweatherobserved",
            "typeoflocation",
            "airqualitylevel",
            "reliability");

    private NgsiLdTemporal() {}

    /**
     * Reads one input from {@code in} (named {@code name} in problems) into {@code sink}.
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the input is not readable, or in strict mode
     */
    public static void read(String name, Reader in, ObservationSink sink) throws IOException {
        requireNonNull(sink, "sink");
        sink.beginFile(name, ObservationFormat.NGSI_LD_TEMPORAL, () -> "", 0);
        JsonInput.read(name, in, sink.options().limits(), WHAT, p -> new Doc(name, p, sink).document());
    }

    /** One input being read. */
    private static final class Doc {
        private final String name;
        private final JsonParser p;
        private final ObservationSink sink;
        private final Set<String> warned = new HashSet<>();

        Doc(String name, JsonParser p, ObservationSink sink) {
            this.name = name;
            this.p = p;
            this.sink = sink;
        }

        void document() throws IOException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                entity(p.currentTokenLocation());
            } else if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw error(p.currentTokenLocation(), "an entity must be a JSON object");
                    }
                    entity(p.currentTokenLocation());
                }
            } else {
                throw error(p.currentTokenLocation(), "expected " + WHAT + " (an object, or an array of them)");
            }
            if (p.nextToken() != null) {
                throw error(p.currentTokenLocation(), "text after the end of the JSON document");
            }
        }

        /** Reads one entity whose opening brace is at {@code at}, then hands its readings to the sink. */
        private void entity(JsonLocation at) throws IOException {
            @Nullable String id = null;
            JsonLocation idAt = at;
            List<JsonReading> readings = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String attr = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                JsonToken v = p.nextToken();
                JsonLocation vat = p.currentTokenLocation();
                if (attr.equals("id")) {
                    if (v != JsonToken.VALUE_STRING) {
                        throw error(vat, "the entity's \"id\" must be a string");
                    }
                    id = p.getText();
                    idAt = vat;
                } else if (DESCRIPTIVE.contains(attr.toLowerCase(java.util.Locale.ROOT))) {
                    p.skipChildren();
                } else if (v == JsonToken.START_ARRAY) {
                    Attribute a = new Attribute(attr, keyAt);
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        JsonLocation iat = p.currentTokenLocation();
                        if (v != JsonToken.START_OBJECT) {
                            JsonReading r = new JsonReading(iat);
                            r.error(Problem.error(
                                    name,
                                    iat.getLineNr(),
                                    iat.getColumnNr(),
                                    v.isScalarValue() ? p.getText() : "",
                                    "an instance of '" + TimeStampParser.quote(attr) + "' must be a JSON object"));
                            p.skipChildren();
                            a.add(r);
                        } else {
                            a.object(iat);
                        }
                    }
                    a.done(readings);
                } else if (v == JsonToken.START_OBJECT) {
                    Attribute a = new Attribute(attr, keyAt);
                    a.object(vat);
                    a.done(readings);
                } else {
                    // a plain value: the entity is not in temporal representation
                    warnOnce(
                            attr,
                            vat,
                            "attribute '" + TimeStampParser.quote(attr)
                                    + "' is a plain value, not a temporal attribute: not read (expected an array of"
                                    + " instances, or {\"values\": [[value, time], ...]})");
                    p.skipChildren();
                }
            }
            for (JsonReading r : readings) {
                if (id != null) {
                    r.station = id;
                    r.stationAt = idAt;
                }
                r.feed(sink, part -> switch (part) {
                    case "station" -> "entity without an \"id\" (expected the id of the station's entity)";
                    case "time" -> "instance without \"observedAt\" (expected the time of the reading)";
                    default -> "instance without \"value\" (expected a number, or null for no value)";
                });
            }
        }

        private void warnOnce(String attr, JsonLocation at, String message) {
            if (warned.add(attr)) {
                sink.problem(Problem.warning(name, at.getLineNr(), at.getColumnNr(), attr, message));
            }
        }

        /** The readings of one attribute of an entity, kept until the attribute is known to hold readings. */
        private final class Attribute {
            final String attr;
            final JsonLocation keyAt;
            final List<JsonReading> readings = new ArrayList<>();
            // null: not known yet (no value seen but null); true: readings; false: text, not read
            @Nullable
            Boolean numeric;

            boolean skip;

            @Nullable
            String unitCode;

            JsonLocation unitAt = p.currentTokenLocation();
            JsonLocation textAt = p.currentTokenLocation();

            Attribute(String attr, JsonLocation keyAt) {
                this.attr = attr;
                this.keyAt = keyAt;
                if (Measurands.isKnownProperty(attr)) {
                    numeric = Boolean.TRUE;
                }
            }

            void add(JsonReading r) {
                r.property = attr;
                r.propertyAt = keyAt;
                if (numeric == null) {
                    if (r.kind == JsonReading.Kind.NUMBER) {
                        numeric = Boolean.TRUE;
                    } else if (r.kind == JsonReading.Kind.TEXT && !looksNumeric(r.text)) {
                        numeric = Boolean.FALSE;
                        textAt = r.valueAt;
                    }
                }
                readings.add(r);
            }

            /** Reads an object: one normalized instance, or the simplified form with {@code values}. */
            void object(JsonLocation at) throws IOException {
                JsonReading r = new JsonReading(at);
                boolean instance = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    JsonLocation vat = p.currentTokenLocation();
                    switch (f) {
                        case "type" -> {
                            if (v == JsonToken.VALUE_STRING && !p.getText().equals("Property")) {
                                skip = true;
                            }
                        }
                        case "value" -> {
                            instance = true;
                            value(r, v, vat);
                        }
                        case "observedAt" -> {
                            r.timeAt = vat;
                            if (v == JsonToken.VALUE_STRING) {
                                r.time = p.getText();
                            } else {
                                r.error(Problem.error(
                                        name,
                                        vat.getLineNr(),
                                        vat.getColumnNr(),
                                        v.isScalarValue() ? p.getText() : "",
                                        "\"observedAt\" must be a string (expected a time stamp)"));
                                p.skipChildren();
                            }
                        }
                        case "unitCode" -> {
                            if (v == JsonToken.VALUE_STRING) {
                                r.unit = p.getText();
                                r.unitCode = true;
                                r.unitAt = vat;
                                unitCode = r.unit;
                                unitAt = vat;
                            } else {
                                p.skipChildren();
                            }
                        }
                        case "values" -> {
                            if (v == JsonToken.START_ARRAY) {
                                pairs();
                            } else {
                                p.skipChildren();
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                if (instance) {
                    add(r);
                }
            }

            /** Reads the simplified form's {@code [[value, time], ...]}. */
            private void pairs() throws IOException {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    JsonLocation at = p.currentTokenLocation();
                    JsonReading r = new JsonReading(at);
                    if (t != JsonToken.START_ARRAY) {
                        r.error(Problem.error(
                                name,
                                at.getLineNr(),
                                at.getColumnNr(),
                                t.isScalarValue() ? p.getText() : "",
                                "an element of \"values\" must be a pair [value, time]"));
                        p.skipChildren();
                        add(r);
                        continue;
                    }
                    int k = 0;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        JsonLocation vat = p.currentTokenLocation();
                        if (k == 0) {
                            value(r, t, vat);
                        } else if (k == 1) {
                            r.timeAt = vat;
                            if (t == JsonToken.VALUE_STRING) {
                                r.time = p.getText();
                            } else {
                                r.error(Problem.error(
                                        name,
                                        vat.getLineNr(),
                                        vat.getColumnNr(),
                                        t.isScalarValue() ? p.getText() : "",
                                        "the time of a pair [value, time] must be a string (expected a time stamp)"));
                                p.skipChildren();
                            }
                        } else {
                            p.skipChildren();
                        }
                        k++;
                    }
                    if (k < 2) {
                        r.error(Problem.error(
                                name,
                                at.getLineNr(),
                                at.getColumnNr(),
                                "",
                                "an element of \"values\" must be a pair [value, time]"));
                    }
                    add(r);
                }
            }

            private void value(JsonReading r, JsonToken v, JsonLocation at) throws IOException {
                if (!r.value(p, v, at, name, "value") && numeric == null) {
                    // an object or array (a date, a structured value): the attribute holds no readings
                    numeric = Boolean.FALSE;
                    textAt = at;
                }
            }

            /** Hands the attribute's readings on, unless it holds text or is not a property. */
            void done(List<JsonReading> out) {
                if (skip) {
                    return;
                }
                if (Boolean.FALSE.equals(numeric)) {
                    warnOnce(
                            attr,
                            textAt,
                            "attribute '" + TimeStampParser.quote(attr) + "' holds text, not readings: not read");
                    return;
                }
                for (JsonReading r : readings) {
                    if (r.unit == null && unitCode != null) {
                        r.unit = unitCode;
                        r.unitCode = true;
                        r.unitAt = unitAt;
                    }
                    out.add(r);
                }
            }
        }

        private DataFormatException error(JsonLocation at, String message) {
            return new DataFormatException(name, JsonInput.line(at), JsonInput.col(at), "", message);
        }
    }

    /** Returns true when {@code t} reads as a number, with either decimal separator. */
    private static boolean looksNumeric(String t) {
        String s = t.strip();
        return NumberParser.looksNumeric(s, false) || NumberParser.looksNumeric(s, true);
    }
}
