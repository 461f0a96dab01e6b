package org.citykpi.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.csv.OpenSdgCsvWriter;
import org.citykpi.io.json.ResultsJson;
import org.citykpi.io.ngsi.NgsiLdWriter;
import org.citykpi.io.read.DataReader;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;
import org.citykpi.score.U4sscScoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritersTest {
    /**
     * Karmøy 2022: Household Internet access 100 × 875 / 1000 = 87.5 % against the 100 % target due
     * 2030 → attainment 87.5 → 3 points ({@code 66-95}). Genève 2015-16: air pollution has no pm25.
     */
    static final Scores SCORES = scores();

    static final ScoredResult SCORED = SCORES.cell(row("karmoy", "2022"), "EC-ICT-1C");
    static final ScoredResult MISSING = SCORES.cell(row("Genève", "2015-16"), "EN-AQ-1C");

    private static int row(String entity, String period) {
        return SCORES.results().dataset().row(entity, Period.parse(period));
    }

    private static Scores scores() {
        Catalog.Builder c = Catalog.builder("t", "1");
        c.variable(Variable.of("households_with_internet", "households"));
        c.variable(Variable.of("households_total", "households"));
        c.variable(Variable.of("pm25", "µg/m³"));
        c.indicator(Indicator.of(
                "EC-ICT-1C",
                "Household Internet access",
                "%",
                Direction.HIGHER,
                "100 * households_with_internet / households_total"));
        c.indicator(Indicator.of("EN-AQ-1C", "Air pollution", "µg/m³", Direction.LOWER, "pm25"));
        Dataset.Builder d = Dataset.builder();
        d.add("karmoy", Period.parse("2022"), "households_with_internet", 875);
        d.add("karmoy", Period.parse("2022"), "households_total", 1000);
        d.row("Genève", Period.parse("2015-16"));
        Results r = Engine.create(c.build()).evaluate(d.build());
        return U4sscScoring.score(r, TargetSet.of(List.of(Target.of("EC-ICT-1C", 100, Period.parse("2030"), "U4SSC"))));
    }

    @Test
    void resultsJsonCarriesEveryField() throws IOException {
        StringWriter w = new StringWriter();
        ResultsJson.write(List.of(SCORED, MISSING), w);
        JsonNode root = new ObjectMapper().readTree(w.toString());
        assertEquals("citykpi-results/1", root.get("format").asText());
        JsonNode a = root.get("results").get(0);
        assertEquals(87.5, a.get("value").asDouble());
        assertEquals("computed", a.get("provenance").asText());
        assertEquals(100.0, a.get("target").get("value").asDouble());
        assertEquals("2030", a.get("target").get("period").asText());
        assertEquals("U4SSC", a.get("target").get("source").asText());
        assertEquals(3, a.get("points").asInt());
        assertEquals("66-95", a.get("band").asText());
        JsonNode b = root.get("results").get(1);
        assertTrue(b.get("value").isNull());
        assertEquals("missing_input", b.get("status").asText());
        assertEquals("needs pm25 for 2015-2016", b.get("detail").asText());
        assertEquals("2015-2016", b.get("period").asText());
        assertTrue(b.get("target").isNull());
    }

    @Test
    void ngsiLdNormalizedWrapsEveryAttribute() throws IOException {
        StringWriter w = new StringWriter();
        NgsiLdWriter.write(List.of(SCORED, MISSING), NgsiLdWriter.Form.NORMALIZED, w);
        JsonNode arr = new ObjectMapper().readTree(w.toString());
        JsonNode a = arr.get(0);
        assertEquals(
                "urn:ngsi-ld:KeyPerformanceIndicator:karmoy:EC-ICT-1C:2022",
                a.get("id").asText());
        assertEquals("KeyPerformanceIndicator", a.get("type").asText());
        assertEquals("Property", a.get("kpiValue").get("type").asText());
        assertEquals(87.5, a.get("kpiValue").get("value").asDouble());
        assertEquals(
                "2022-01-01",
                a.get("calculationPeriod").get("value").get("from").asText());
        assertEquals(
                "2022-12-31", a.get("calculationPeriod").get("value").get("to").asText());
        assertEquals("quantitative", a.get("category").get("value").get(0).asText());
        // 3 U4SSC points → "good" (our documented mapping)
        assertEquals("good", a.get("currentStanding").get("value").asText());
        assertEquals("%", a.get("kpiUnit").get("value").asText());
        assertEquals(100.0, a.get("kpiTarget").get("value").get("value").asDouble());
        assertEquals(2, a.get("@context").size());
        JsonNode b = arr.get(1);
        // percent-encoded UTF-8 in the id
        assertEquals(
                "urn:ngsi-ld:KeyPerformanceIndicator:Gen%C3%A8ve:EN-AQ-1C:2015-2016",
                b.get("id").asText());
        assertFalse(b.has("kpiValue"));
        assertEquals("missing_input", b.get("kpiStatus").get("value").asText());
        assertEquals(
                "2015-01-01",
                b.get("calculationPeriod").get("value").get("from").asText());
        assertEquals(
                "2016-12-31", b.get("calculationPeriod").get("value").get("to").asText());
    }

    @Test
    void ngsiLdKeyValuesHasPlainValues() throws IOException {
        StringWriter w = new StringWriter();
        NgsiLdWriter.write(List.of(SCORED), NgsiLdWriter.Form.KEY_VALUES, w);
        JsonNode a = new ObjectMapper().readTree(w.toString()).get(0);
        assertEquals(87.5, a.get("kpiValue").asDouble());
        assertEquals("2022-01-01", a.get("calculationPeriod").get("from").asText());
        assertEquals("automatic", a.get("calculationMethod").asText());
        assertEquals(3, a.get("kpiPoints").asInt());
    }

    @Test
    void openSdgCsvReadsBackAsHeadlineValues(@TempDir Path dir) throws IOException {
        StringWriter w = new StringWriter();
        OpenSdgCsvWriter.write(List.of(SCORED, MISSING), w);
        assertEquals("Year,Series,GeoCode,Units,Value\n2022,EC-ICT-1C,karmoy,%,87.5\n", w.toString());
        ReadResult r = DataReader.create(ReadOptions.defaults()).read("o.csv", new StringReader(w.toString()));
        // every column is a long-format synonym (Year, Series, GeoCode, Units, Value), so the long
        // reader takes it, with the same meaning; a disaggregation column would make it Open SDG
        assertEquals(Format.LONG_CSV, r.formats().get("o.csv"));
        assertEquals(
                87.5,
                r.dataset().value("karmoy", Period.parse("2022"), "EC-ICT-1C").orElseThrow());
        List<Path> files = OpenSdgCsvWriter.writePerIndicator(SCORES, dir);
        assertEquals(List.of(dir.resolve("indicator_EC-ICT-1C.csv"), dir.resolve("indicator_EN-AQ-1C.csv")), files);
        assertEquals("Year,Series,GeoCode,Units,Value\n", Files.readString(files.get(1)));
    }
}
