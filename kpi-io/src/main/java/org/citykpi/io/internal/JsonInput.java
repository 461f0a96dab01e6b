package org.citykpi.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Limits;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON readings readers share: a streaming parser with the limits of {@link
 * DatasetJsonReader} (nesting, string and number lengths), and the translation of Jackson's
 * failures into positioned {@link DataFormatException}s (broken JSON, a limit exceeded, text that
 * cannot be decoded). Stateless.
 */
final class JsonInput {
    private JsonInput() {}

    /** The body of one read: walks the document with the parser. */
    interface Body {
        void read(JsonParser p) throws IOException;
    }

    /**
     * Runs {@code body} on a parser over {@code in} (named {@code name} in problems).
     *
     * @param what what the input should have been, for messages (e.g. {@code a SensorThings
     *     Observations page})
     * @throws IOException if reading fails
     * @throws DataFormatException if the JSON is broken, beyond the limits or not decodable
     */
    static void read(String name, Reader in, Limits limits, String what, Body body) throws IOException {
        JsonParser p = DatasetJsonReader.factory(limits).createParser(in);
        try (p) {
            body.read(p);
        } catch (StreamConstraintsException e) {
            JsonLocation at = located(e.getLocation(), p);
            throw new DataFormatException(
                    name,
                    line(at),
                    col(at),
                    "",
                    "JSON beyond the reader's limits: " + firstLine(e) + " (expected nesting up to "
                            + limits.maxJsonDepth() + " levels and strings up to " + limits.maxFieldChars()
                            + " characters)");
        } catch (JsonProcessingException e) {
            JsonLocation at = located(e.getLocation(), p);
            throw new DataFormatException(
                    name, line(at), col(at), "", "broken JSON: " + firstLine(e) + " (expected " + what + ")");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(
                    name, Math.max(1, line(p.currentLocation())), 0, "", CsvReaders.NOT_DECODABLE);
        }
    }

    private static JsonLocation located(@Nullable JsonLocation l, JsonParser p) {
        return l != null && l.getLineNr() > 0 ? l : p.currentLocation();
    }

    static long line(@Nullable JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    static int col(@Nullable JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    private static String firstLine(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return TimeStampParser.quote(nl >= 0 ? m.substring(0, nl) : m);
    }

    /** Returns how a token is named in messages: {@code a string}, {@code an object}, … */
    static String describe(@Nullable JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case VALUE_STRING:
                return "a string";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_NULL:
                return "null";
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            default:
                return t.name();
        }
    }

    /**
     * Returns the error for a JSON number whose text {@code text} does not give a finite, stored
     * double {@code x}, or null when it does: overflow or underflow (a non-zero text read as 0).
     */
    static @Nullable String badNumber(double x, String text) {
        if (!Double.isFinite(x)) {
            return "number out of range '" + TimeStampParser.quote(text) + "' (expected a magnitude below 1.8e308)";
        }
        if (x == 0.0 && !isZeroText(text)) {
            return "number out of range '" + TimeStampParser.quote(text)
                    + "' (too small to be stored; expected 0 or a magnitude of at least 4.9e-324)";
        }
        return null;
    }

    private static boolean isZeroText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }
}
