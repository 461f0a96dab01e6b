package org.citykpi.io.json;

import java.io.Reader;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.DatasetSink;

/** JSON dataset reading: arrives in the next commit. */
public final class DatasetJson {
    private DatasetJson() {}

    /** Reads a JSON dataset. */
    public static void read(String name, Reader in, DatasetSink sink) {
        throw new DataFormatException(name, 1, 0, "", "JSON datasets cannot be read yet");
    }
}
