package org.citykpi.io.read;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Format;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.internal.CsvReaders;
import org.citykpi.io.internal.DatasetJsonReader;
import org.citykpi.io.internal.DatasetSink;
import org.citykpi.io.internal.StrictDecoder;

/**
 * Reads city data in any supported {@link Format} into one {@link org.citykpi.data.Dataset},
 * detecting the format of each input from its start: text whose first non-blank character is an
 * opening brace is a JSON dataset; anything else is CSV, told apart by its header (see {@link
 * Format}). {@link ReadOptions#format()} fixes the format instead.
 *
 * <p>Every row is accounted for in the {@link ReadResult}. Lenient mode (the default) rejects bad
 * rows with a positioned {@link org.citykpi.io.Problem} and goes on; strict mode throws {@link
 * DataFormatException} at the first data error.
 *
 * <p>Errors: a missing or unreadable file → {@link IOException}; an input that cannot be read at
 * all (empty, a header that fits no format, a required column absent, broken JSON, text not in the
 * expected encoding, a limit exceeded by the structure) → {@link DataFormatException}. Immutable
 * and thread-safe: each {@code read} call has its own state.
 */
public final class DataReader {
    private final ReadOptions options;

    private DataReader(ReadOptions options) {
        this.options = requireNonNull(options, "options");
    }

    /**
     * Returns a reader.
     *
     * @param options how to read (strictness, decimal separator, duplicates, limits, checks,
     *     encoding, entity, format)
     * @return a reader that reads every input with {@code options}
     */
    public static DataReader create(ReadOptions options) {
        return new DataReader(options);
    }

    /** {@return the options every input is read with} */
    public ReadOptions options() {
        return options;
    }

    /**
     * Reads every file into one dataset, in order. Problems name each file as given.
     *
     * @param files the files to read, each in its own format; an empty list gives an empty
     *     dataset
     * @return the dataset of every file with the account of all their rows and problems
     * @throws IOException if a file cannot be opened or read
     * @throws DataFormatException if a file cannot be read at all, or in strict mode
     */
    public ReadResult read(List<Path> files) throws IOException {
        DatasetSink sink = new DatasetSink(options);
        for (Path f : files) {
            try (InputStream is = Files.newInputStream(f)) {
                readBytes(f.toString(), is, sink);
            }
        }
        return sink.result();
    }

    /**
     * Reads one input (a test string, standard input) named {@code name} in problems. The reader
     * is not closed.
     *
     * @param name the input's name in problems and in {@link ReadResult#formats()}
     * @param in the text to read
     * @return the dataset with the account of every row and problem
     * @throws IOException if reading fails
     * @throws DataFormatException if the input cannot be read at all, or in strict mode
     */
    public ReadResult read(String name, Reader in) throws IOException {
        DatasetSink sink = new DatasetSink(options);
        readInto(name, in, sink);
        return sink.result();
    }

    /**
     * Reads one byte stream (decoded with {@link ReadOptions#charset()}) named {@code name}. The
     * stream is not closed.
     *
     * @param name the input's name in problems and in {@link ReadResult#formats()}
     * @param in the bytes to read
     * @return the dataset with the account of every row and problem
     * @throws IOException if reading fails
     * @throws DataFormatException if the input cannot be read at all, or in strict mode
     */
    public ReadResult read(String name, InputStream in) throws IOException {
        DatasetSink sink = new DatasetSink(options);
        readBytes(name, in, sink);
        return sink.result();
    }

    /**
     * Reads one input into {@code sink} (several inputs share a sink) and returns its format.
     *
     * @throws IOException if reading fails
     * @throws DataFormatException if the input cannot be read at all, or in strict mode
     */
    private Format readInto(String name, Reader in, DatasetSink sink) throws IOException {
        requireNonNull(name, "name");
        BufferedReader br = new BufferedReader(in, 1 << 16);
        Optional<Format> f = options.format();
        if (f.isEmpty() && startsWithBrace(name, br)) {
            f = Optional.of(Format.JSON_DATASET);
        }
        if (f.isPresent() && f.get() == Format.JSON_DATASET) {
            DatasetJsonReader.read(name, br, sink);
            return Format.JSON_DATASET;
        }
        return CsvReaders.read(name, br, sink, f);
    }

    /**
     * Reads bytes: looks for JSON in the bytes themselves (so that a decoding error is found by the
     * reader of the format, which knows its line), then decodes.
     */
    private Format readBytes(String name, InputStream in, DatasetSink sink) throws IOException {
        String cs = options.charset().name();
        if (options.format().isPresent() || cs.startsWith("UTF-16") || cs.startsWith("UTF-32")) {
            return readInto(name, decoder(in), sink);
        }
        java.io.BufferedInputStream bis = new java.io.BufferedInputStream(in, 1 << 16);
        bis.mark(4096);
        boolean json = false;
        for (int i = 0; i < 4096; i++) {
            int c = bis.read();
            if (c < 0) {
                break;
            }
            // skip an UTF-8 byte-order mark (EF BB BF) and ASCII blanks
            if (c == 0xEF || c == 0xBB || c == 0xBF || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            json = c == '{';
            break;
        }
        bis.reset();
        if (json) {
            DatasetJsonReader.read(name, new BufferedReader(decoder(bis), 1 << 16), sink);
            return Format.JSON_DATASET;
        }
        return CsvReaders.read(name, decoder(bis), sink, Optional.empty());
    }

    private Reader decoder(InputStream is) {
        return new StrictDecoder(is, options.charset());
    }

    /**
     * Peeks at the first non-blank character (after a byte-order mark) without consuming it.
     *
     * @throws DataFormatException if the text cannot be decoded (the decoder cannot go on after
     *     that, so it is reported here, with its line)
     */
    private static boolean startsWithBrace(String name, BufferedReader br) throws IOException {
        br.mark(4096);
        long line = 1;
        try {
            for (int i = 0; i < 4096; i++) {
                int c = br.read();
                if (c < 0) {
                    return false;
                }
                if (c == '\n') {
                    line++;
                }
                if (c == '\uFEFF' || Character.isWhitespace(c)) {
                    continue;
                }
                return c == '{';
            }
            return false;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFormatException(name, line, 0, "", CsvReaders.NOT_DECODABLE);
        } finally {
            br.reset();
        }
    }
}
