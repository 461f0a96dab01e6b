package org.citykpi.io.csv;

import java.util.List;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.DatasetSink;
import org.citykpi.io.Format;

/** SDMX-CSV reading: arrives in the next commit. */
final class SdmxCsv {
    private SdmxCsv() {}

    static void read(CsvRecordReader r, List<String> header, DatasetSink sink, Format f) {
        throw new DataFormatException(r.name(), 1, 0, "", "SDMX-CSV files cannot be read yet");
    }
}
