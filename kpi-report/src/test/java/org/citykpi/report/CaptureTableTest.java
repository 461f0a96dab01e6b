package org.citykpi.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.engine.Results;
import org.citykpi.observe.RollupProvenance;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.junit.jupiter.api.Test;

/**
 * The data capture table of a city whose values came from sensor readings: one row per station,
 * its capture (valid hours of the calendar's, cut to a tenth of a percent) and whether the value
 * used it; nothing at all when no value came from readings.
 */
class CaptureTableTest {
    private static RollupResult.Contribution station(String id, long valid, boolean used, String detail) {
        return new RollupResult.Contribution(
                id,
                used ? OptionalDouble.of(10) : OptionalDouble.empty(),
                used ? RollupResult.Status.OK : RollupResult.Status.INSUFFICIENT_COVERAGE,
                detail,
                valid,
                8760,
                used,
                1);
    }

    @Test
    void listsEachStationWithItsCaptureAndWhetherItWasUsed() {
        Results r = Fixture.singleCity();
        String city = r.dataset().entity(0);
        Period p = r.dataset().period(0);
        RollupProvenance pm25 = new RollupProvenance(
                city,
                p,
                "pm25_ugm3",
                "pm25",
                Statistic.MEAN,
                OptionalDouble.of(10),
                RollupResult.Status.OK,
                "mean of 1 of 2 stations",
                "µg/m³",
                1,
                2,
                List.of(station("S1", 8000, true, ""), station("S3", 6600, false, "capture 75.3 % < 90 %")));
        String html = HtmlReport.render(Fixture.input(r).withObservations(List.of(pm25)));
        HtmlReportTest.assertBalanced(html);
        List<Map<String, String>> tables = HtmlReportTest.tags(html, "table", "class");
        assertEquals(
                1, tables.stream().filter(t -> t.get("class").equals("capture")).count());
        // 8,000 / 8,760 = 91.32 % and 6,600 / 8,760 = 75.34 %, cut to tenths
        assertTrue(
                html.contains("<td>S1</td><td class=\"num\">91.3 % <span class=\"small muted\">8000 / 8760</span>"
                        + "</td><td>yes</td>"),
                html);
        assertTrue(html.contains("<td>S3</td><td class=\"num\">75.3 %"), html);
        assertTrue(html.contains("<td>no: capture 75.3 % &lt; 90 %</td>"), html);
    }

    @Test
    void nothingIsShownWithoutReadings() {
        String html = HtmlReport.render(Fixture.input(Fixture.singleCity()));
        assertFalse(html.contains("Data capture of monitoring stations"));
    }
}
