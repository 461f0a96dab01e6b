package org.citykpi.io.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson setup every JSON reader and writer uses: limits on, default typing off. */
public final class Json {
    /** Deepest nesting accepted (a catalog needs 5). */
    public static final int MAX_DEPTH = 64;
    /** Longest string accepted, in characters. */
    public static final int MAX_STRING = 1 << 20;

    /** The mapper: the limits above, no default typing. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(100)
                    .build())
            .build());

    private Json() {}
}
