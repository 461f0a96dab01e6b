package org.citykpi.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import org.jspecify.annotations.Nullable;

/**
 * Decodes bytes, failing on bytes that are not valid in the charset — but only after handing over
 * every character decoded before them, so that the reader of the format can tell the line where
 * the bad bytes are ({@link java.io.InputStreamReader} drops those characters when it throws).
 * Not thread-safe.
 */
public final class StrictDecoder extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean endOfInput;
    private boolean flushed;
    /** The decoding error met after characters already handed over: thrown by the next read; null if none. */
    private @Nullable IOException pending;

    /** Creates a decoder of {@code in} in {@code charset}. */
    public StrictDecoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip(); // empty, ready to read from
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            // the end was handed over already: a decoder cannot decode again after its flush
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult cr = decoder.decode(bytes, out, endOfInput);
            int n = out.position() - off;
            if (cr.isError()) {
                IOException e = cr.isMalformed()
                        ? new java.nio.charset.MalformedInputException(cr.length())
                        : new java.nio.charset.UnmappableCharacterException(cr.length());
                if (n > 0) {
                    pending = e;
                    return n;
                }
                throw e;
            }
            if (cr.isOverflow()) {
                return n;
            }
            // underflow: all bytes used
            if (n > 0 && !endOfInput && in.available() <= 0) {
                return n;
            }
            if (endOfInput) {
                if (!flushed) {
                    flushed = true;
                    decoder.flush(out);
                    n = out.position() - off;
                }
                return n > 0 ? n : -1;
            }
            bytes.compact();
            int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (r < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + r);
            }
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
