package org.citykpi.io.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.index.Descriptives;
import org.citykpi.index.IndexResult;
import org.citykpi.index.IndexStatistics;
import org.citykpi.index.Node;

/**
 * Writes a composite index as JSON, {@code "format": "citykpi-index/1"}, pretty-printed: the
 * pipeline, the periods, the nodes with weights, every value and rank at every level, the
 * statistics of the latest period and the build's warnings.
 *
 * <pre>{@code
 * {"format": "citykpi-index/1",
 *  "pipeline": {"denominate": false, "impute": ..., "screen": 0.0, "treat": ...,
 *               "normalise": "minmax:0,100", "aggregate": "arithmetic", "min_coverage": 0.0,
 *               "scope": "pooled"},
 *  "periods": ["2023"],
 *  "nodes": [{"code": "pm25", "name": "...", "level": 1, "parent": "Environment",
 *             "direction": -1, "weight": 1.0}, ...],
 *  "levels": [{"level": 1, "values": [{"unit": "A", "code": "pm25", "value": 0.0, "rank": 3}, ...]},
 *             ...],
 *  "statistics": {"period": "2023", "effective_weights": {...}, "nodes": [...]},
 *  "warnings": []}
 * }</pre>
 *
 * <ul>
 *   <li>{@code value} and {@code rank} are null where the unit has no value for the node; {@code
 *       period} is written per value only for data with more than one period;
 *   <li>statistics: per node the descriptives ({@code n}, {@code missing}, min, max, mean, median,
 *       sd, skew, kurtosis, null where undefined, and the outlier flag), the Pearson correlation
 *       with the parent, and per aggregate Cronbach's alpha and PCA weights (null where
 *       undefined).
 * </ul>
 *
 * Thread-safe (stateless).
 */
public final class IndexJson {
    /** The format tag. */
    public static final String FORMAT = "citykpi-index/1";

    private IndexJson() {}

    /**
     * Writes {@code r} to {@code w} (not closed, flushed).
     *
     * @param r the index result
     * @param w where to write
     *
     * @throws IOException if writing fails
     */
    public static void write(IndexResult r, Writer w) throws IOException {
        requireNonNull(r, "r");
        try (JsonGenerator g = new JsonFactory().createGenerator(requireNonNull(w, "w"))) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeObjectFieldStart("pipeline");
            g.writeBooleanField("denominate", r.pipeline().denominate());
            g.writeStringField("impute", r.pipeline().imputer().toString());
            g.writeNumberField("screen", r.pipeline().screenThreshold());
            g.writeStringField("treat", r.pipeline().treatment().toString());
            g.writeStringField("normalise", r.pipeline().normaliser().text());
            g.writeStringField("aggregate", r.pipeline().aggregator().text());
            g.writeNumberField("min_coverage", r.pipeline().minCoverage());
            g.writeStringField("scope", r.pipeline().scope().name().toLowerCase(java.util.Locale.ROOT));
            g.writeEndObject();
            g.writeArrayFieldStart("periods");
            for (String p : r.data().periods()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("nodes");
            for (Node n : r.hierarchy().nodes()) {
                g.writeStartObject();
                g.writeStringField("code", n.code());
                g.writeStringField("name", n.name());
                g.writeNumberField("level", n.level());
                g.writeStringField("parent", n.parent().orElse(null));
                g.writeNumberField("direction", n.direction());
                g.writeNumberField("weight", n.weight());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("levels");
            List<String> codes = r.codes();
            for (int level = 1; level <= r.hierarchy().levels(); level++) {
                g.writeStartObject();
                g.writeNumberField("level", level);
                g.writeArrayFieldStart("values");
                for (int row = 0; row < r.rowCount(); row++) {
                    if (!r.isActive(row)) {
                        continue;
                    }
                    for (int n = 0; n < codes.size(); n++) {
                        if (r.hierarchy().nodes().get(n).level() != level) {
                            continue;
                        }
                        g.writeStartObject();
                        g.writeStringField("unit", r.unit(row));
                        if (r.data().periods().size() > 1) {
                            g.writeStringField("period", r.period(row));
                        }
                        g.writeStringField("code", codes.get(n));
                        if (r.isPresent(row, n)) {
                            g.writeNumberField("value", r.value(row, n));
                            g.writeNumberField("rank", r.rank(row, n).getAsInt());
                        } else {
                            g.writeNullField("value");
                            g.writeNullField("rank");
                        }
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            statistics(r, g);
            g.writeArrayFieldStart("warnings");
            for (String s : r.warnings()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /**
     * Writes the statistics of the latest period: effective weights, descriptives of every node,
     * the Pearson correlation of each node with its parent, and per aggregate Cronbach's alpha and
     * PCA weights (null where undefined).
     */
    private static void statistics(IndexResult r, JsonGenerator g) throws IOException {
        IndexStatistics s = IndexStatistics.of(r);
        g.writeObjectFieldStart("statistics");
        List<String> ps = r.data().periods();
        g.writeStringField("period", ps.get(ps.size() - 1));
        g.writeObjectFieldStart("effective_weights");
        for (Map.Entry<String, Double> e :
                IndexStatistics.effectiveWeights(r.hierarchy()).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("nodes");
        for (Node n : r.hierarchy().nodes()) {
            Descriptives d = s.describe(n.code());
            g.writeStartObject();
            g.writeStringField("code", n.code());
            g.writeNumberField("n", d.n());
            g.writeNumberField("missing", d.missing());
            number(g, "min", d.min());
            number(g, "max", d.max());
            number(g, "mean", d.mean());
            number(g, "median", d.median());
            number(g, "sd", d.sd());
            number(g, "skew", d.skew());
            number(g, "kurtosis", d.kurtosis());
            g.writeBooleanField("outlier_flag", d.outlierFlag());
            if (n.parent().isPresent()) {
                number(
                        g,
                        "corr_parent",
                        s.correlations(List.of(n.code()), List.of(n.parent().get()), IndexStatistics.Method.PEARSON)
                                .get(0, 0));
            }
            if (!n.isIndicator()) {
                number(g, "cronbach_alpha", s.cronbachAlpha(n.code()));
                Optional<Map<String, Double>> pca = pcaWeights(s, n.code());
                if (pca.isEmpty()) {
                    g.writeNullField("pca_weights");
                } else {
                    g.writeObjectFieldStart("pca_weights");
                    for (Map.Entry<String, Double> e : pca.get().entrySet()) {
                        g.writeNumberField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Returns the PCA weights of aggregate {@code code}, or empty where they are undefined. */
    private static Optional<Map<String, Double>> pcaWeights(IndexStatistics s, String code) {
        try {
            return Optional.of(s.pcaWeights(code));
        } catch (IllegalArgumentException e) {
            // fewer than 2 children or too few complete units
            return Optional.empty();
        }
    }

    private static void number(JsonGenerator g, String name, OptionalDouble v) throws IOException {
        if (v.isPresent()) {
            g.writeNumberField(name, v.getAsDouble());
        } else {
            g.writeNullField(name);
        }
    }
}
