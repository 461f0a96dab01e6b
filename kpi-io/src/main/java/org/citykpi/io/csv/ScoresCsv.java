package org.citykpi.io.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.citykpi.Numbers;
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

    /** Writes {@code scores} to {@code out} (not closed). */
    public static void write(List<GroupScore> scores, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (GroupScore g : scores) {
            CsvCells.safe(out, g.entity(), ',');
            out.write(',');
            CsvCells.safe(out, g.period().label(), ',');
            out.write(',');
            out.write(g.level().word());
            out.write(',');
            CsvCells.safe(out, g.group(), ',');
            out.write("," + g.kpisTotal() + "," + g.kpisScored() + "," + g.points() + "," + g.maxPoints() + ",");
            if (g.scorePercent().isPresent()) {
                out.write(Numbers.format(g.scorePercent().getAsDouble()));
            }
            out.write(',');
            out.write(g.band().map(Band::label).orElse(""));
            out.write('\n');
        }
        out.flush();
    }
}
