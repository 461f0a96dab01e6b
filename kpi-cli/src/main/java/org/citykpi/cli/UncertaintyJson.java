package org.citykpi.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.citykpi.index.RankStats;
import org.citykpi.index.UncertaintyResult;

/**
 * Writes an uncertainty analysis as JSON ({@code "format": "citykpi-uncertainty/1"}): the target,
 * runs, seed, uncertain inputs and failed runs, then each unit's nominal rank and rank interval
 * (median, 5th and 95th percentiles, mean, over the runs in which it had a rank).
 */
final class UncertaintyJson {
    private UncertaintyJson() {}

    static void write(UncertaintyResult u, long seed, Writer w) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", "citykpi-uncertainty/1");
            g.writeStringField("target", u.target());
            g.writeNumberField("runs", u.runs());
            g.writeNumberField("seed", seed);
            g.writeArrayFieldStart("inputs");
            for (String i : u.inputs()) {
                g.writeString(i);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("failures");
            for (String f : u.failures()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("units");
            for (RankStats s : u.stats()) {
                g.writeStartObject();
                g.writeStringField("unit", s.unit());
                if (!s.period().isEmpty()) {
                    g.writeStringField("period", s.period());
                }
                if (s.nominal().isPresent()) {
                    g.writeNumberField("nominal_rank", s.nominal().getAsInt());
                } else {
                    g.writeNullField("nominal_rank");
                }
                g.writeNumberField("median_rank", s.median());
                g.writeNumberField("q05_rank", s.q05());
                g.writeNumberField("q95_rank", s.q95());
                g.writeNumberField("mean_rank", s.mean());
                g.writeNumberField("runs", s.runs());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.write('\n');
    }
}
