package org.citykpi.io.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.citykpi.score.Band;
import org.citykpi.score.GroupScore;

/**
 * Writes U4SSC group scores as CSV: {@code
 * entity,period,level,group,kpis_total,kpis_scored,points,max_points,score_pct,band} ({@code
 * score_pct} and {@code band} empty where no KPI of the group is scored). Stateless and thread-safe.
 */
public final class ScoresCsv {
    /** The header row. */
    public static final String HEADER =
            "entity,period,level,group,kpis_total,kpis_scored,points,max_points,score_pct,band";

    private ScoresCsv() {}

    /**
     * Writes the header and {@code scores} to {@code out} (not closed, flushed).
     *
     * @param scores the group scores, written in order
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(List<GroupScore> scores, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.line(HEADER.split(","));
        for (GroupScore g : scores) {
            csv.text(g.entity())
                    .text(g.period().label())
                    .text(g.level().word())
                    .text(g.group())
                    .integer(g.kpisTotal())
                    .integer(g.kpisScored())
                    .integer(g.points())
                    .integer(g.maxPoints())
                    .number(g.scorePercent())
                    .text(g.band().map(Band::label).orElse(""))
                    .end();
        }
        csv.flush();
    }
}
