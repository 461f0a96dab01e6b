package org.citykpi.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.assess.ProgressGoal;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressTable;
import org.citykpi.assess.Series;
import org.citykpi.catalog.Direction;
import org.junit.jupiter.api.Test;

class ProgressCsvWriterTest {
    @Test
    void writesTheProgressColumnsWithEmptyCellsWhereNothingApplies() throws IOException {
        ProgressGoal goal = ProgressGoal.of(Direction.LOWER, 10, Period.year(2030));
        Series pm = Series.ofYears(new int[] {2015, 2022}, new double[] {20, 16});
        ProgressTable.Row worked = new ProgressTable.Row(
                "c", "PM25", ProgressMethod.Eurostat.defaults().assess(pm, goal));
        ProgressTable.Row unable = new ProgressTable.Row(
                "=cmd", "PM25", ProgressMethod.Eurostat.defaults().assess(Series.empty(), goal.withoutTarget()));
        StringWriter out = new StringWriter();
        ProgressCsvWriter.write(List.of(worked, unable), out);
        // measure: −(0.8^(1/7) − 1)/|0.5^(1/15) − 1| = 0.6947747659319494 (worked example, 0.695),
        // written at full precision by Numbers.format; the entity "=cmd" is neutralised for spreadsheets
        assertEquals(
                ProgressCsvWriter.HEADER + "\n"
                        + "c,PM25,eurostat,2015,2022,20,16,10,2030,0.6947747659319494,moderate_progress\n"
                        + "\"'=cmd\",PM25,eurostat,,,,,,,,unable_to_assess\n",
                out.toString());
    }
}
