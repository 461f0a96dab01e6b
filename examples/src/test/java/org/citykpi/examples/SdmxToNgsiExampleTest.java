package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.citykpi.io.ReadResult;
import org.junit.jupiter.api.Test;

class SdmxToNgsiExampleTest {
    @Test
    void readsSdmxComputesAndWritesNgsiLd() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ReadResult read = SdmxToNgsiExample.run(
                Path.of("data", "formats", "city-households-sdmx.csv"), out, new PrintWriter(err));
        // 6 data rows; the empty OBS_VALUE of CH-GE is accepted as missing, with a warning
        assertEquals(6, read.rowsAccepted(), err::toString);
        assertEquals(0, read.rowsRejected());
        assertEquals(1, read.warningCount());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(3, arr.size()); // rows in dataset order: CH-GE 2022, karmoy 2021, karmoy 2022
        JsonNode ge = arr.get(0);
        assertEquals(
                "urn:ngsi-ld:KeyPerformanceIndicator:CH-GE:NET:2022",
                ge.get("id").asText());
        assertFalse(ge.has("kpiValue"));
        assertEquals("missing_input", ge.get("kpiStatus").get("value").asText());
        JsonNode k22 = arr.get(2);
        assertEquals(
                "urn:ngsi-ld:KeyPerformanceIndicator:karmoy:NET:2022",
                k22.get("id").asText());
        // 100 * 4085 / 4300 = 95 exactly (the sample file)
        assertEquals(95.0, k22.get("kpiValue").get("value").asDouble(), 1e-12);
        // attainment 95 / 95 * 100 = 100 → 4 points → veryGood
        assertEquals("veryGood", k22.get("currentStanding").get("value").asText());
        // karmoy 2021: 100 * 3950 / 4210 = 93.824228...; attainment 98.76 % → 4 points
        assertEquals(
                100.0 * 3950 / 4210, arr.get(1).get("kpiValue").get("value").asDouble(), 1e-12);
    }
}
