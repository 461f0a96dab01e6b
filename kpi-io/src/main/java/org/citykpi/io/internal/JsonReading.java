package org.citykpi.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.citykpi.io.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The parts of one reading as a JSON reader found them, each with the position of its value (the
 * line and character column; an absent part is positioned at the reading's start), handed to the
 * {@link ObservationSink} in its order once the reading is complete, so that a JSON reading is
 * checked exactly as a CSV row is. Not thread-safe.
 */
final class JsonReading {
    /** What the value part holds. */
    enum Kind {
        ABSENT,
        NULL,
        NUMBER,
        TEXT
    }

    final JsonLocation at;

    @Nullable
    String station;

    JsonLocation stationAt;

    @Nullable
    String time;

    JsonLocation timeAt;

    @Nullable
    String property;

    JsonLocation propertyAt;

    @Nullable
    String unit;

    boolean unitCode;
    JsonLocation unitAt;

    /** The validity flag as text (checked by the sink), or null when {@link #valid} says it. */
    @Nullable
    String validity;

    boolean valid = true;
    JsonLocation validityAt;
    Kind kind = Kind.ABSENT;
    double number;
    String text = "";
    JsonLocation valueAt;

    /** The first JSON-specific error of the reading (a part of the wrong type), or null. */
    @Nullable
    Problem first;

    JsonReading(JsonLocation at) {
        this.at = at;
        stationAt = at;
        timeAt = at;
        propertyAt = at;
        unitAt = at;
        validityAt = at;
        valueAt = at;
    }

    /**
     * Reads the value token {@code v} at {@code at} (the reading's {@code field} of input {@code
     * file}): a JSON number (checked for overflow and underflow), a string (read later like a CSV
     * cell; blank is no value), or null (no value). Anything else is the reading's error, and is
     * skipped.
     *
     * @return false when the value is an object, an array or a boolean (not a reading's value at all)
     * @throws IOException if reading fails
     */
    boolean value(JsonParser p, JsonToken v, JsonLocation at, String file, String field) throws IOException {
        valueAt = at;
        switch (v) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                kind = Kind.NUMBER;
                number = p.getDoubleValue();
                text = p.getText();
                String bad = JsonInput.badNumber(number, text);
                if (bad != null) {
                    error(Problem.error(file, at.getLineNr(), at.getColumnNr(), text, bad));
                }
                return true;
            }
            case VALUE_STRING -> {
                text = p.getText();
                kind = text.isBlank() ? Kind.NULL : Kind.TEXT;
                return true;
            }
            case VALUE_NULL -> {
                kind = Kind.NULL;
                return true;
            }
            default -> {
                error(Problem.error(
                        file,
                        at.getLineNr(),
                        at.getColumnNr(),
                        v.isScalarValue() ? p.getText() : "",
                        "\"" + field + "\" must be a number, not " + JsonInput.describe(v)
                                + " (expected a number, a string holding one, or null for no value)"));
                p.skipChildren();
                return false;
            }
        }
    }

    /** Keeps {@code p} when it is the reading's first error. */
    void error(Problem p) {
        if (first == null) {
            first = p;
        }
    }

    /**
     * Hands the reading to {@code sink}, which ends its row; {@code absent} tells how to name a
     * missing part (e.g. {@code "station" → "observation without a station (expected …)"}).
     */
    void feed(ObservationSink sink, Absent absent) {
        String file = sink.file();
        if (first != null) {
            sink.reject(first);
            return;
        }
        if (station == null) {
            sink.reject(Problem.error(file, line(at), col(at), "", absent.message("station")));
            return;
        }
        int s = sink.station(station, line(stationAt), col(stationAt));
        if (s == ObservationSink.REJECTED) {
            return;
        }
        if (time == null) {
            sink.reject(Problem.error(file, line(at), col(at), "", absent.message("time")));
            return;
        }
        if (!sink.time(time, line(timeAt), col(timeAt))) {
            return;
        }
        if (property == null) {
            sink.reject(Problem.error(file, line(at), col(at), "", absent.message("property")));
            return;
        }
        int p = sink.property(property, line(propertyAt), col(propertyAt));
        if (p == ObservationSink.REJECTED) {
            return;
        }
        int series = sink.series(s, p);
        if (unit == null) {
            sink.noUnit(series);
        } else if (!sink.unit(series, unit, unitCode, line(unitAt), col(unitAt))) {
            return;
        }
        boolean ok = valid;
        if (validity != null) {
            int v = sink.validity(validity, line(validityAt), col(validityAt));
            if (v == ObservationSink.REJECTED) {
                return;
            }
            ok = v == 1;
        }
        switch (kind) {
            case ABSENT -> sink.reject(Problem.error(file, line(at), col(at), "", absent.message("value")));
            case NULL -> sink.noValue();
            case NUMBER -> sink.value(series, number, text, ok, line(valueAt), col(valueAt));
            case TEXT -> sink.value(series, text.toCharArray(), 0, text.length(), ok, line(valueAt), col(valueAt));
        }
    }

    /** How a format names a missing part of a reading. */
    interface Absent {
        /** Returns the message for the missing {@code part}: station, time, property or value. */
        String message(String part);
    }

    static long line(JsonLocation l) {
        return JsonInput.line(l);
    }

    static int col(JsonLocation l) {
        return JsonInput.col(l);
    }
}
