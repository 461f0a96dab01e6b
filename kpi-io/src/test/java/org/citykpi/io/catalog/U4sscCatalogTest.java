package org.citykpi.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.citykpi.Variable;
import org.citykpi.calc.Formula;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;
import org.citykpi.catalog.Tier;
import org.citykpi.io.TestResources;
import org.citykpi.io.csv.CatalogCsv;
import org.citykpi.io.json.CatalogJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the content of the bundled U4SSC catalog: completeness, structure, sources and ranges. */
class U4sscCatalogTest {
    private static final Catalog U4SSC = CatalogJson.u4ssc();

    static List<Indicator> indicators() {
        return U4SSC.indicators();
    }

    static List<String> indicatorIds() {
        return U4SSC.indicators().stream().map(Indicator::id).toList();
    }

    static List<Variable> variables() {
        return U4SSC.variables();
    }

    @Test
    void hasThe91KpisOfTheReferenceInItsOrder() throws IOException {
        // the 91 KPIs as published (test resources u4ssc-reference/, each with its source pages)
        Path ref = TestResources.path("/u4ssc-reference/u4ssc-kpis.json");
        JsonNode root = new ObjectMapper().readTree(ref.toFile());
        List<String> ids = new ArrayList<>();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode r : root) {
            ids.add(r.get("id").asText());
            byId.put(r.get("id").asText(), r);
        }
        assertEquals(91, ids.size(), "the reference lists 91 KPIs");
        assertEquals(ids, indicators().stream().map(Indicator::id).toList());
        for (Indicator i : indicators()) {
            JsonNode r = byId.get(i.id());
            assertEquals(r.get("code").asText(), i.code(), i.id());
            assertEquals(r.get("name").asText(), i.name(), i.id());
            assertEquals(r.get("dimension").asText(), i.dimension(), i.id());
            assertEquals(r.get("sub_dimension").asText(), i.subDimension(), i.id());
            assertEquals(r.get("category").asText(), i.category(), i.id());
        }
    }

    @Test
    void structureMatchesThePublishedCounts() {
        // Verification Manual 2022 p.15: 91 KPIs in 3 dimensions and 7 sub-dimensions; counted from the
        // published codes (suffix C or A): 55 core and 36 advanced; Economy 45, Environment 17, Society
        // and Culture 29.
        assertEquals(91, indicators().size());
        assertEquals(
                55, indicators().stream().filter(i -> i.tier() == Tier.CORE).count());
        assertEquals(
                36, indicators().stream().filter(i -> i.tier() == Tier.ADVANCED).count());
        Map<String, Integer> perDimension = new TreeMap<>();
        Set<String> subDimensions = new HashSet<>();
        for (Indicator i : indicators()) {
            perDimension.merge(i.dimension(), 1, Integer::sum);
            subDimensions.add(i.dimension() + "/" + i.subDimension());
        }
        assertEquals(Map.of("Economy", 45, "Environment", 17, "Society and Culture", 29), perDimension);
        assertEquals(7, subDimensions.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicatorIds")
    void indicatorIsWellFormed(String id) {
        Indicator i = U4SSC.indicator(id).orElseThrow();
        codeIdAndTierAgree(i);
        everyFactHasASource(i);
        formulasCompileAndRangesFitTheUnit(i);
    }

    private static void codeIdAndTierAgree(Indicator i) {
        // The normalised id drops the colons of the published code (EC: ICT: ICT: 1C -> EC.ICT.ICT.1C).
        assertEquals(i.id(), i.code().replace(": ", ".").replace(":", "."));
        assertEquals(i.id().endsWith("C") ? Tier.CORE : Tier.ADVANCED, i.tier());
        assertFalse(i.definition().isBlank(), "definition");
        assertFalse(i.source().isBlank(), "source");
    }

    private static void everyFactHasASource(Indicator i) {
        List<String> facts = new ArrayList<>(List.of("formula", "unit", "direction"));
        if (!i.sdgs().isEmpty()) {
            facts.add("sdg");
        }
        for (String fact : facts) {
            String s = i.sources().get(fact);
            assertTrue(s != null && !s.isBlank(), i.id() + " has no source for " + fact);
            assertTrue(
                    s.contains("https://") || s.startsWith("derived: ") || s.startsWith("ISO 37120:2014 text"),
                    i.id() + " " + fact + " source is neither a URL nor 'derived: <reason>': " + s);
        }
    }

    private static void formulasCompileAndRangesFitTheUnit(Indicator i) {
        assertFalse(i.isReportedOnly(), "every U4SSC KPI has a formula over raw variables");
        Formula.parse(i.formulaText());
        for (Part p : i.parts()) {
            Formula.parse(p.formulaText());
            assertFalse(p.name().isBlank());
            checkRange(i.id() + "/" + p.id(), p.unit(), p.min(), p.max());
        }
        checkRange(i.id(), i.unit(), i.min(), i.max());
        assertEquals(i.parts().isEmpty(), i.headline().isEmpty(), "headline named exactly when there are parts");
    }

    private static void checkRange(String what, String unit, double min, double max) {
        assertEquals(0.0, min, what + ": every U4SSC value is non-negative");
        if (unit.equals("%")) {
            // School enrolment may exceed 100 % (VM p.118), and so may day-care places per child.
            assertTrue(max == 100 || max == Double.POSITIVE_INFINITY, what + " percentage range");
        } else if (unit.equals("yes/no")) {
            assertEquals(1.0, max, what + " yes/no range");
        }
    }

    @Test
    void percentagesAboveHundredAreOnlyWhereTheManualAllowsThem() {
        List<String> open = new ArrayList<>();
        for (Indicator i : indicators()) {
            if (i.unit().equals("%") && i.max() == Double.POSITIVE_INFINITY) {
                open.add(i.id());
            }
        }
        // School Enrolment (VM p.118: values over 100 % are possible) and Child Care Availability
        // (places per child) are the only open percentages; % of city GDP has its own unit.
        assertEquals(List.of("SC.EH.ED.2C", "SC.SH.SI.5A"), open);
    }

    @Test
    void everyVariableIsDocumentedAndBounded() {
        for (Variable v : variables()) {
            variableIsDocumentedAndBounded(v);
        }
    }

    private static void variableIsDocumentedAndBounded(Variable v) {
        assertTrue(v.id().matches("[a-z][a-z0-9_]*"), v.id() + " is snake_case");
        assertFalse(v.unit().isBlank(), v.id() + " unit");
        assertFalse(v.description().isBlank(), v.id() + " description");
        assertEquals(0.0, v.min(), v.id() + ": counts, amounts and shares start at 0");
        if (v.unit().equals("yes/no") || v.unit().startsWith("coefficient")) {
            assertEquals(1.0, v.max(), v.id());
        }
    }

    @Test
    void everyVariableIsReadAndEveryNameIsDefined() {
        Set<String> read = new HashSet<>();
        for (Indicator i : indicators()) {
            read.addAll(i.formula().references());
            for (Part p : i.parts()) {
                read.addAll(p.formula().references());
            }
        }
        for (Variable v : variables()) {
            assertTrue(read.contains(v.id()), v.id() + " is read by no formula");
        }
        for (String name : read) {
            assertTrue(U4SSC.variable(name).isPresent() || U4SSC.output(name).isPresent(), name + " is not defined");
        }
    }

    @Test
    void multiPartKpisHaveTheirPublishedDataPoints() {
        // Data points as U4SSC verification reports benchmark them (and Verification Manual p.32, p.93).
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("EC.ICT.ICT.4C", List.of("3G", "4G"));
        expected.put("EC.ICT.PS.1A", List.of("number", "percent"));
        expected.put(
                "EC.I.T.4A", List.of("private_vehicle", "public_transport", "walking", "cycling", "para_transport"));
        expected.put(
                "EC.I.UP.2A",
                List.of("compact", "connected", "integrated", "inclusive", "resilient", "principles_met", "all"));
        expected.put("EN.EN.AQ.1C", List.of("PM2.5", "PM10", "NO2", "SO2", "O3"));
        expected.put("EN.EN.WS.4C", List.of("primary", "secondary", "tertiary"));
        expected.put("EN.EN.WA.1C", List.of("landfill", "burnt", "incinerated", "open_dump", "recycled", "other"));
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Indicator i : indicators()) {
            if (!i.parts().isEmpty()) {
                actual.put(i.id(), i.parts().stream().map(Part::id).toList());
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void unresolvedDirectionsAreDecidedAndMarkedDerived() {
        // Reference notes §6: Water Supply Loss, Transportation Mode Share and Solid Waste Treatment
        // have no direction in the sources.
        for (String id : List.of("EC.I.WS.3C", "EC.I.T.4A", "EN.EN.WA.1C")) {
            Indicator i = U4SSC.indicator(id).orElseThrow();
            assertTrue(i.sources().get("direction").startsWith("derived: "), id);
        }
        assertEquals(
                Direction.LOWER, U4SSC.indicator("EC.I.WS.3C").orElseThrow().direction());
        assertEquals(
                Direction.TARGET, U4SSC.indicator("SC.SH.SI.1C").orElseThrow().direction());
    }

    @Test
    void rulesCarryTheirSource() {
        assertTrue(U4SSC.rules().size() >= 15);
        Set<String> ids = new HashSet<>();
        for (Rule r : U4SSC.rules()) {
            assertTrue(ids.add(r.id()));
            assertFalse(r.description().isBlank(), r.id());
            assertTrue(
                    r.source().contains("Verification Manual") || r.source().startsWith("derived: "),
                    r.id() + " source: " + r.source());
        }
        // The consistency checks of VM p.32 are all there.
        for (String id : List.of(
                "broadband-le-internet",
                "wastewater-secondary-le-primary",
                "wastewater-tertiary-le-secondary",
                "mode-share-sums-to-100",
                "waste-treatment-sums-to-100",
                "potable-le-basic-water")) {
            assertTrue(ids.contains(id), id);
        }
    }

    @Test
    void roundTripsThroughItsJsonForm() throws IOException {
        StringWriter out = new StringWriter();
        CatalogJson.write(U4SSC, out);
        Catalog back = CatalogJson.read(
                "u4ssc-written.json", new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(U4SSC.variables(), back.variables());
        assertEquals(U4SSC.indicators(), back.indicators());
        assertEquals(U4SSC.rules(), back.rules());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvFileSource(
            resources = "/org/citykpi/io/catalog/u4ssc-targets.csv",
            numLinesToSkip = 1,
            maxCharsPerColumn = 4096)
    void bundledTargetsArePublishedAndNameAnOutput(
            String kpi, double target, String period, String baseline, String baselinePeriod, String source) {
        assertTrue(U4SSC.output(kpi).isPresent(), kpi);
        assertTrue(Double.isFinite(target) && target > 0, kpi);
        assertTrue(source.contains("https://"), kpi + " source " + source);
        assertFalse(source.toLowerCase(java.util.Locale.ROOT).contains("illustrative"), kpi);
    }

    @Test
    void bundledTargetsHoldThePublishedFixedBroadbandReference() throws IOException {
        // u4ssc-scoring/fixed-broadband-target.csv: 60 % (Mashhad factsheet 2021 p.15).
        try (var in = U4sscCatalogTest.class.getResourceAsStream("/org/citykpi/io/catalog/u4ssc-targets.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(csv.contains("\nEC.ICT.ICT.2C,60,"), csv);
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvFileSource(files = "../examples/data/sample-targets.csv", numLinesToSkip = 1, maxCharsPerColumn = 4096)
    void sampleTargetsNameAnOutputAndSayWhetherTheyArePublished(
            String kpi, double target, String period, String source) {
        assertTrue(U4SSC.output(kpi).isPresent(), kpi);
        assertTrue(Double.isFinite(target) && target > 0, kpi);
        assertTrue(
                source.startsWith("illustrative (not a published target)") || source.startsWith("published, "), source);
    }

    @Test
    void catalogCsvListsExactlyThe91Kpis() throws IOException {
        StringWriter out = new StringWriter();
        CatalogCsv.write(U4SSC, out);
        String[] lines = out.toString().split("\n");
        assertEquals(CatalogCsv.HEADER, lines[0]);
        assertEquals(92, lines.length, "header and one row per KPI");
        for (int k = 1; k < lines.length; k++) {
            assertEquals(indicators().get(k - 1).id(), lines[k].substring(0, lines[k].indexOf(',')));
        }
    }

    @Test
    void kpisCanBeNamedByPublishedCode() {
        assertEquals("EC.ICT.ICT.4C/3G", U4SSC.output("EC: ICT: ICT: 4C/3G").orElseThrow());
        assertEquals(
                "SC.EH.ED.5A", U4SSC.indicator("SC: EH: ED: 5A").orElseThrow().id());
    }
}
