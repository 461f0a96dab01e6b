package org.citykpi.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.assess.ProgressGoal;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressTable;
import org.citykpi.assess.Series;
import org.citykpi.catalog.Direction;
import org.citykpi.io.internal.Json;
import org.junit.jupiter.api.Test;

class ProgressJsonTest {
    @Test
    void writesResultsWithScoreReasonAndTheMethodsParameters() throws IOException {
        ProgressGoal goal = ProgressGoal.of(Direction.LOWER, 10, Period.year(2030));
        ProgressMethod m = ProgressMethod.StatCan.defaults();
        ProgressTable.Row worked = new ProgressTable.Row(
                "c", "PM25", m.assess(Series.ofYears(new int[] {2015, 2022}, new double[] {20, 16}), goal));
        ProgressTable.Row one = new ProgressTable.Row(
                "c", "NO2", m.assess(Series.ofYears(new int[] {2022}, new double[] {30}), goal.withoutTarget()));
        StringWriter out = new StringWriter();
        ProgressJson.write(m, List.of(worked, one), out);
        JsonNode root = Json.MAPPER.readTree(out.toString());
        assertEquals("citykpi-progress/1", root.get("format").asText());
        assertEquals("statcan", root.get("method").get("id").asText());
        assertEquals(
                4.44, root.get("method").get("parameters").get("limitExponent").asDouble(), 0);
        JsonNode r0 = root.get("results").get(0);
        // worked example: R = 0.6947748, score 50/7·R − 30/7 = 0.6769626
        assertEquals(0.6947747659, r0.get("measure").asDouble(), 1e-9);
        assertEquals(0.6769626138, r0.get("score").asDouble(), 1e-9);
        assertEquals("acceleration_needed", r0.get("category").asText());
        assertEquals("2030", r0.get("target_period").asText());
        assertTrue(r0.get("reason").isNull());
        JsonNode r1 = root.get("results").get(1);
        assertEquals("unable_to_assess", r1.get("category").asText());
        assertTrue(r1.get("reason").asText().contains("at least two periods"), r1.toString());
        assertTrue(r1.get("target").isNull()
                && r1.get("target_period").isNull()
                && r1.get("measure").isNull());
    }
}
