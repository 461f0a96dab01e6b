package org.citykpi.io.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.citykpi.index.RankStats;
import org.citykpi.index.UncertaintyResult;

/**
 * Writes an uncertainty analysis as JSON, {@code "format": "citykpi-uncertainty/1"},
 * pretty-printed and ended by a line break: the target, runs, seed, uncertain inputs and failed
 * runs, then each unit's nominal rank (null when it has none) and rank interval (median, 5th and
 * 95th percentiles by R's type 7, mean, over the {@code runs} runs in which it had a rank; {@code
 * period} only for units with a period label). Thread-safe (stateless).
 */
public final class UncertaintyJson {
    /** The format tag. */
    public static final String FORMAT = "citykpi-uncertainty/1";

    private UncertaintyJson() {}

    /**
     * Writes {@code u}, run from random seed {@code seed}, to {@code w} (not closed, flushed).
     *
     * @param u the uncertainty analysis result
     * @param seed the random seed the analysis ran from, written so that it can be repeated
     * @param w where to write
     *
     * @throws IOException if writing fails
     */
    public static void write(UncertaintyResult u, long seed, Writer w) throws IOException {
        requireNonNull(u, "u");
        try (JsonGenerator g = new JsonFactory().createGenerator(requireNonNull(w, "w"))) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
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
        w.flush();
    }
}
