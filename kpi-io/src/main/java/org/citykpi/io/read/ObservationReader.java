package org.citykpi.io.read;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.ObservationFormat;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.io.internal.CsvReaders;
import org.citykpi.io.internal.NgsiLdTemporal;
import org.citykpi.io.internal.ObservationCsv;
import org.citykpi.io.internal.ObservationSink;
import org.citykpi.io.internal.SensorThingsJson;
import org.citykpi.io.internal.StrictDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Reads sensor and meter readings in any {@link ObservationFormat} into one {@link
 * org.citykpi.observe.Observations} store, with the account of every row (docs/observations.md).
 *
 * <p>Each input's format is {@link ObservationOptions#format()} when given, else told from its
 * name and start: a name ending {@code .csv}, {@code .tsv} or {@code .txt} is an observations CSV;
 * otherwise text whose first non-blank character is <code>&#123;</code> or <code>[</code> is JSON, and anything
 * else CSV. JSON is a SensorThings page when its first telling member is {@code value}, {@code
 * @iot.count}, {@code @iot.nextLink}, {@code @iot.id}, {@code phenomenonTime} or {@code result},
 * and NGSI-LD when it is {@code id}, {@code type} or {@code @context} (looked for in the first
 * 1,048,576 characters).
 *
 * <p>A file name may end with {@code #station=S,property=P} (either part alone too) to give the
 * station and property of a SensorThings page saved without {@code $expand} (e.g. {@code
 * page1.json#station=S1,property=pm25}); it is read so only when no file has that whole name.
 * {@link ObservationOptions#station()} and {@link ObservationOptions#property()} give them for
 * every input that names none.
 *
 * <p>Errors: a missing or unreadable file → {@link IOException}; an input that cannot be read at
 * all (empty, a required column absent, broken JSON, a format that cannot be told, text not in the
 * expected encoding) → {@link DataFormatException}; bad readings are rejected with a positioned
 * {@link org.citykpi.io.Problem} (lenient) or stop the read (strict). Immutable and thread-safe:
 * each {@code read} call has its own state.
 */
public final class ObservationReader {
    private static final int SNIFF = 1 << 20;

    private final ObservationOptions options;

    private ObservationReader(ObservationOptions options) {
        this.options = requireNonNull(options, "options");
    }

    /**
     * Returns a reader.
     *
     * @param options how to read
     * @return a reader that reads every input with {@code options}
     */
    public static ObservationReader create(ObservationOptions options) {
        return new ObservationReader(options);
    }

    /** {@return the options every input is read with} */
    public ObservationOptions options() {
        return options;
    }

    /**
     * Reads every file into one store, in order. Problems name each file as given (without a
     * {@code #station=…} suffix).
     *
     * @param files the files to read, each in its own format; an empty list gives an empty store
     * @return the readings of every file with the account of all their rows and problems
     * @throws IOException if a file cannot be opened or read
     * @throws DataFormatException if a file cannot be read at all, or in strict mode
     */
    public ObservationResult read(List<Path> files) throws IOException {
        ObservationSink sink = new ObservationSink(options);
        for (Path given : files) {
            Path f = given;
            @Nullable String station = null;
            @Nullable String property = null;
            String text = given.toString();
            int hash = text.lastIndexOf('#');
            if (!Files.exists(given) && hash > 0) {
                f = Path.of(text.substring(0, hash));
                String[] parts = fragment(text.substring(0, hash), text.substring(hash + 1));
                station = parts[0];
                property = parts[1];
            }
            if (!Files.exists(f)) {
                throw new NoSuchFileException(f.toString());
            }
            try (InputStream is = Files.newInputStream(f)) {
                readInto(f.toString(), new StrictDecoder(is, options.charset()), sink, station, property);
            }
        }
        return sink.result();
    }

    /**
     * Reads one input (a test string, standard input) named {@code name} in problems. The reader
     * is not closed.
     *
     * @param name the input's name in problems, and its extension a hint to its format
     * @param in the text to read
     * @return the readings with the account of every row and problem
     * @throws IOException if reading fails
     * @throws DataFormatException if the input cannot be read at all, or in strict mode
     */
    public ObservationResult read(String name, Reader in) throws IOException {
        ObservationSink sink = new ObservationSink(options);
        readInto(name, in, sink, null, null);
        return sink.result();
    }

    /**
     * Reads one byte stream (decoded with {@link ObservationOptions#charset()}) named {@code name}.
     * The stream is not closed.
     *
     * @param name the input's name in problems, and its extension a hint to its format
     * @param in the bytes to read
     * @return the readings with the account of every row and problem
     * @throws IOException if reading fails
     * @throws DataFormatException if the input cannot be read at all, or in strict mode
     */
    public ObservationResult read(String name, InputStream in) throws IOException {
        return read(name, new StrictDecoder(in, options.charset()));
    }

    private void readInto(
            String name, Reader in, ObservationSink sink, @Nullable String station, @Nullable String property)
            throws IOException {
        requireNonNull(name, "name");
        BufferedReader br = new BufferedReader(in, 1 << 16);
        ObservationFormat f = options.format().orElse(null);
        if (f == null) {
            f = detect(name, br);
        }
        switch (f) {
            case OBSERVATIONS_CSV -> ObservationCsv.read(name, br, sink);
            case SENSORTHINGS_JSON ->
                SensorThingsJson.read(
                        name,
                        br,
                        sink,
                        station != null ? station : options.station().orElse(null),
                        property != null ? property : options.property().orElse(null));
            case NGSI_LD_TEMPORAL -> NgsiLdTemporal.read(name, br, sink);
        }
    }

    /** Returns the station and property of a {@code #station=S,property=P} suffix (null where not given). */
    private static @Nullable String[] fragment(String file, String fragment) {
        @Nullable String[] out = new String[2];
        for (String part : fragment.split(",", -1)) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            int i = key.equals("station") ? 0 : key.equals("property") ? 1 : -1;
            if (i < 0 || value.isEmpty()) {
                throw new DataFormatException(
                        file,
                        0,
                        0,
                        fragment,
                        "not an input option '" + cut(part) + "' after '#' (expected #station=S,property=P)");
            }
            out[i] = value;
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    /** Tells the format of {@code br} (marked and reset) from the name and the start of the text. */
    private static ObservationFormat detect(String name, BufferedReader br) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) {
            return ObservationFormat.OBSERVATIONS_CSV;
        }
        br.mark(SNIFF);
        try {
            int c;
            long line = 1;
            do {
                try {
                    c = br.read();
                } catch (CharacterCodingException e) {
                    throw new DataFormatException(name, line, 0, "", CsvReaders.NOT_DECODABLE);
                }
                if (c == '\n') {
                    line++;
                }
            } while (c == '\uFEFF' || (c >= 0 && Character.isWhitespace(c)));
            if (c != '{' && c != '[') {
                return ObservationFormat.OBSERVATIONS_CSV;
            }
            br.reset();
            br.mark(SNIFF);
            return json(name, br)
                    .orElseThrow(() -> new DataFormatException(
                            name,
                            1,
                            0,
                            "",
                            "cannot tell the format of this JSON (expected a SensorThings Observations page {\"value\":"
                                    + " [...]}, or NGSI-LD entities with \"id\" and \"type\" near the start)"));
        } finally {
            try {
                br.reset();
            } catch (IOException e) {
                // the sniff read past the mark: nothing can be read from the start again
                throw new DataFormatException(
                        name,
                        1,
                        0,
                        "",
                        "cannot tell the format of this JSON within its first " + SNIFF + " characters (expected"
                                + " \"value\" of a SensorThings page, or \"id\" of an NGSI-LD entity, near the start;"
                                + " or name the format)");
            }
        }
    }

    /** Looks for a member that tells SensorThings from NGSI-LD; empty when there is none (or broken JSON). */
    private static Optional<ObservationFormat> json(String name, Reader r) throws IOException {
        JsonParser p = new JsonFactory().createParser(r);
        try {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                switch (p.currentName()) {
                    case "value", "@iot.count", "@iot.nextLink", "@iot.id", "phenomenonTime", "result":
                        return Optional.of(ObservationFormat.SENSORTHINGS_JSON);
                    case "id", "type", "@context":
                        return Optional.of(ObservationFormat.NGSI_LD_TEMPORAL);
                    default:
                        p.nextToken();
                        p.skipChildren();
                }
            }
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // broken JSON: the reader of the format reports it with its position
            return Optional.of(ObservationFormat.SENSORTHINGS_JSON);
        } catch (CharacterCodingException e) {
            throw new DataFormatException(name, 1, 0, "", CsvReaders.NOT_DECODABLE);
        }
    }
}
