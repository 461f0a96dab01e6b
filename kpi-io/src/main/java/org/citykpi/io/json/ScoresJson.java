package org.citykpi.io.json;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.citykpi.io.internal.Json;
import org.citykpi.score.GroupScore;

/**
 * Writes U4SSC group scores as JSON, {@code {"format": "citykpi-scores/1", "scores": [{"entity",
 * "period", "level", "group", "kpis_total", "kpis_scored", "points", "max_points", "score_pct",
 * "band"}]}} ({@code score_pct} and {@code band} null where nothing is scored). Stateless and
 * thread-safe.
 */
public final class ScoresJson {
    /** The format written. */
    public static final String FORMAT = "citykpi-scores/1";

    private ScoresJson() {}

    /**
     * Writes {@code scores} to {@code out} (not closed, flushed).
     *
     * @param scores the group scores, written in order
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(List<GroupScore> scores, Writer out) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode arr = root.putArray("scores");
        for (GroupScore g : scores) {
            ObjectNode n = arr.addObject();
            n.put("entity", g.entity());
            n.put("period", g.period().label());
            n.put("level", g.level().word());
            n.put("group", g.group());
            n.put("kpis_total", g.kpisTotal());
            n.put("kpis_scored", g.kpisScored());
            n.put("points", g.points());
            n.put("max_points", g.maxPoints());
            if (g.scorePercent().isPresent()) {
                n.put("score_pct", g.scorePercent().getAsDouble());
            } else {
                n.putNull("score_pct");
            }
            if (g.band().isPresent()) {
                n.put("band", g.band().get().label());
            } else {
                n.putNull("band");
            }
        }
        String text = Json.MAPPER.writer(new DefaultPrettyPrinter()).writeValueAsString(root);
        out.write(text);
        out.write('\n');
        out.flush();
    }
}
