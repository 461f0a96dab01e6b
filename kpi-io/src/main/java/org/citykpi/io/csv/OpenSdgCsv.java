package org.citykpi.io.csv;

import java.util.List;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.DatasetSink;

/** Open SDG reading: arrives in the next commit. */
final class OpenSdgCsv {
    private OpenSdgCsv() {}

    static void read(CsvRecordReader r, List<String> header, DatasetSink sink) {
        throw new DataFormatException(r.name(), 1, 0, "", "Open SDG files cannot be read yet");
    }
}
