package org.citykpi.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;
import org.citykpi.observe.RollupResult.Status;
import org.junit.jupiter.api.Test;

/** Stations into a city, units, and roll-up results into a dataset with provenance. */
class CityAndBridgeTest {
    static final Period Y = Period.year(2023);

    static RollupResult ok(String station, String property, double v, long valid, String unit) {
        return new RollupResult(
                station,
                property,
                Y,
                Statistic.MEAN,
                OptionalDouble.of(v),
                Status.OK,
                "",
                valid,
                8760,
                Optional.of(unit),
                List.of());
    }

    static RollupResult short_(String station, String property, long valid) {
        return new RollupResult(
                station,
                property,
                Y,
                Statistic.MEAN,
                OptionalDouble.empty(),
                Status.INSUFFICIENT_COVERAGE,
                Rollup.shortfall(valid, 8760, "90"),
                valid,
                8760,
                Optional.of("ug/m3"),
                List.of());
    }

    @Test
    void cityIsTheMeanOfThePassingStations() {
        List<RollupResult> st = List.of(
                ok("A", "pm25", 10, 8000, "ug/m3"), ok("B", "pm25", 20, 8500, "ug/m3"), short_("C", "pm25", 6360));
        List<RollupResult> city = CityMean.combine("Geneva", st);
        assertEquals(1, city.size());
        RollupResult c = city.get(0);
        // by hand: (10 + 20) / 2
        assertEquals(15, c.value().orElseThrow());
        assertEquals("mean of 2 of 3 stations", c.detail());
        assertEquals(2, c.nValid());
        assertEquals(3, c.nExpected());
        assertEquals(100.0 * 2 / 3, c.capturePct());
        assertEquals("Geneva", c.entity());
        assertEquals(3, c.contributions().size());
        assertFalse(c.contributions().get(2).used());
        assertEquals("capture 72.6 % < 90 %", c.contributions().get(2).detail());

        // by hand: weights 1 and 3 → (1 × 10 + 3 × 20) / 4 = 17.5; C (weight 5) is not used
        RollupResult w = CityMean.combine("Geneva", st, Map.of("A", 1.0, "B", 3.0, "C", 5.0))
                .get(0);
        assertEquals(17.5, w.value().orElseThrow());
        assertEquals("weighted mean of 2 of 3 stations", w.detail());
        assertEquals(3.0, w.contributions().get(1).weight());
    }

    @Test
    void cityWithoutPassingStations() {
        RollupResult c = CityMean.combine("X", List.of(short_("A", "pm25", 10))).get(0);
        assertEquals(Status.INSUFFICIENT_COVERAGE, c.status());
        assertEquals("no station passes its coverage rule (0 of 1)", c.detail());
        assertEquals(0, c.nValid());
        RollupResult zero = CityMean.combine("X", List.of(ok("A", "pm25", 1, 8760, "ug/m3")), Map.of("A", 0.0))
                .get(0);
        assertEquals(Status.INSUFFICIENT_COVERAGE, zero.status());
        assertEquals("the weights of the stations used are 0", zero.detail());
        RollupResult one = CityMean.combine("X", List.of(ok("A", "pm25", 1, 8760, "ug/m3")))
                .get(0);
        assertEquals("mean of 1 of 1 station", one.detail());
    }

    @Test
    void cityGroupsByPropertyAndConvertsUnits() {
        // B reports NO2 in ppb: 10 ppb × 1.9 = 19 µg/m³ (U4SSC factor); (21 + 19) / 2 = 20
        List<RollupResult> st = List.of(
                ok("A", "no2", 21, 8760, "ug/m3"),
                ok("A", "pm25", 5, 8760, "ug/m3"),
                ok("B", "no2", 10, 8760, "ppb"),
                ok("B", "pm25", 7, 8760, "dB"));
        List<RollupResult> city = CityMean.combine("X", st);
        assertEquals(2, city.size());
        assertEquals("no2", city.get(0).property());
        assertEquals(20, city.get(0).value().orElseThrow(), 1e-12);
        assertEquals(Optional.of("ug/m3"), city.get(0).unit());
        // dB cannot be combined with µg/m³: B is left out, saying why
        assertEquals(5, city.get(1).value().orElseThrow());
        assertTrue(city.get(1).contributions().get(1).detail().startsWith("no conversion from 'dB' to 'ug/m3'"));
    }

    @Test
    void weightsMustCoverTheStations() {
        List<RollupResult> st = List.of(ok("A", "pm25", 1, 1, "ug/m3"));
        assertThrows(IllegalArgumentException.class, () -> CityMean.combine("X", st, Map.of("B", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> CityMean.combine("X", st, Map.of("A", -1.0)));
        assertThrows(IllegalArgumentException.class, () -> CityMean.combine(" ", st));
    }

    @Test
    void unitConversions() {
        // U4SSC factors: NO2 ppb × 1.9, SO2 × 2.62, O3 × 1.96; ppm × 1,000 those; mg/m³ = 1,000 µg/m³
        assertEquals(19, Units.conversion("no2", "ppb", "ug/m3").apply(10), 1e-12);
        assertEquals(26.2, Units.conversion("SO2", "ppb", "µg/m³").apply(10), 1e-12);
        assertEquals(19.6, Units.conversion("o3", "ppb", "GQ").apply(10), 1e-12);
        assertEquals(1900, Units.conversion("no2", "ppm", "ug/m3").apply(1), 1e-9);
        assertEquals(2500, Units.conversion("co", "mg/m3", "ug/m3").apply(2.5));
        assertEquals(0.0025, Units.conversion("co", "ug/m3", "mg/m³").apply(2.5));
        assertEquals(10, Units.conversion("no2", "ug/m3", "ppb").apply(19), 1e-12);
        assertTrue(Units.conversion("pm25", "ug/m3", "μg/m3").isIdentity());
        assertEquals(
                "ppb → µg/m³ × 1.9", Units.conversion("no2", "ppb", "ug/m3").toString());
        assertEquals(
                "µg/m³ → mg/m³ ÷ 1000", Units.conversion("co", "ug/m3", "mg/m3").toString());
        assertEquals("µg/m³", Units.conversion("pm25", "ug/m3", "ug/m3").toString());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Units.conversion("pm25", "ppb", "ug/m3"));
        assertTrue(e.getMessage().startsWith("no conversion from 'ppb' to 'ug/m3' for pm25"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Units.conversion("laeq", "dB", "%"));
        assertTrue(Units.same("dB(A)", "2N"));
        assertFalse(Units.same("ppb", "ppm"));
        assertEquals("furlongs", Units.canonical(" furlongs "));
        assertThrows(IllegalArgumentException.class, () -> new Units.Conversion("a", "b", 0, 1));
    }

    static Catalog catalog() {
        return Catalog.builder("test", "1")
                .variable(Variable.of("pm25_ugm3", "ug/m3"))
                .variable(Variable.of("no2_ugm3", "ug/m3"))
                .variable(Variable.of("noise_lden", "dB"))
                .build();
    }

    static VariableMap map() {
        return VariableMap.of(List.of(
                new VariableMap.Entry("pm25", Statistic.MEAN, "pm25_ugm3", Optional.of("ug/m3")),
                new VariableMap.Entry("no2", Statistic.MEAN, "no2_ugm3", Optional.empty()),
                new VariableMap.Entry("laeq", Statistic.parse("lden"), "noise_lden", Optional.of("dB"))));
    }

    @Test
    void bridgeBuildsTheDatasetConvertingUnits() {
        List<RollupResult> st =
                List.of(ok("A", "no2", 10, 8760, "ppb"), ok("B", "no2", 21, 8000, "ug/m3"), short_("C", "no2", 6360));
        RollupResult city = CityMean.combine("Geneva", st).get(0);
        RollupResult pm = new RollupResult(
                "Geneva",
                "PM25",
                Y,
                Statistic.MEAN,
                OptionalDouble.of(12.5),
                Status.OK,
                "",
                8760,
                8760,
                Optional.empty(),
                List.of());
        RollupResult unmapped = ok("Geneva", "o3", 1, 1, "ug/m3");
        RollupResult badUnit = new RollupResult(
                "Lausanne",
                "pm25",
                Y,
                Statistic.MEAN,
                OptionalDouble.of(3),
                Status.OK,
                "",
                1,
                1,
                Optional.of("ppb"),
                List.of());
        RollupResult missing = new RollupResult(
                "Bern",
                "pm25",
                Y,
                Statistic.MEAN,
                OptionalDouble.empty(),
                Status.INSUFFICIENT_COVERAGE,
                "capture 10.0 % < 90 %",
                876,
                8760,
                Optional.of("ug/m3"),
                List.of());

        Bridge.Bridged out = Bridge.of(map(), catalog()).apply(List.of(city, pm, unmapped, badUnit, missing));
        Dataset d = out.dataset();
        // by hand: A 10 ppb × 1.9 = 19, B 21 → (19 + 21) / 2 = 20 µg/m³
        assertEquals(20, d.value("Geneva", Y, "no2_ugm3").orElseThrow(), 1e-12);
        assertEquals(12.5, d.value("Geneva", Y, "pm25_ugm3").orElseThrow());
        assertTrue(d.value("Lausanne", Y, "pm25_ugm3").isEmpty());
        assertTrue(d.value("Bern", Y, "pm25_ugm3").isEmpty());
        assertEquals(3, d.rowCount(), "Bern and Lausanne keep their rows, so their KPIs report a missing input");
        assertEquals(1, out.problems().size());
        assertTrue(out.problems().get(0).contains("no conversion from 'ppb' to 'ug/m3' for pm25"));

        RollupProvenance p = out.find("Geneva", Y, "no2_ugm3").orElseThrow();
        // the city took the unit of its first station (ppb: B was converted into it), the bridge converts back
        assertEquals(
                "no2_ugm3 for Geneva 2023 = 20 ← mean of no2 (ppb → µg/m³ × 1.9) ← mean of 2 of 3 stations: A (capture 100.0 %),"
                        + " B (capture 91.3 %); left out: C (capture 72.6 % < 90 %)",
                p.toString());
        RollupProvenance pp = out.find("Geneva", Y, "pm25_ugm3").orElseThrow();
        assertEquals("µg/m³, unit not given, taken as ug/m3", pp.conversion());
        assertEquals(
                "pm25_ugm3 for Bern 2023 = not available: insufficient_coverage ← mean of pm25 (µg/m³) ← capture"
                        + " 10.0 % (876 of 8760): capture 10.0 % < 90 %",
                out.find("Bern", Y, "pm25_ugm3").orElseThrow().toString());
        assertTrue(out.find("Geneva", Y, "o3").isEmpty());
        assertEquals(4, out.provenance().size());
    }

    @Test
    void bridgeChecksTheMapAgainstTheCatalog() {
        VariableMap wrongUnit =
                VariableMap.of(List.of(new VariableMap.Entry("no2", Statistic.MEAN, "no2_ugm3", Optional.of("ppb"))));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Bridge.of(wrongUnit, catalog()));
        assertEquals(
                "map gives unit 'ppb' for no2_ugm3, but catalog test has 'ug/m3' (expected the catalog's unit)",
                e.getMessage());
        VariableMap unknown =
                VariableMap.of(List.of(new VariableMap.Entry("no2", Statistic.MEAN, "nope", Optional.empty())));
        assertThrows(IllegalArgumentException.class, () -> Bridge.of(unknown, catalog()));
    }

    @Test
    void twoResultsForOneCellAreAProblem() {
        List<RollupResult> twice = List.of(ok("A", "pm25", 1, 1, "ug/m3"), ok("A", "pm25", 2, 1, "ug/m3"));
        Bridge.Bridged out = Bridge.of(map(), catalog()).apply(twice);
        assertEquals(1, out.dataset().value("A", Y, "pm25_ugm3").orElseThrow());
        assertEquals(1, out.problems().size());
        assertTrue(out.problems().get(0).contains("a second roll-up result"));
    }

    @Test
    void variableMapRejectsAPairMappedTwice() {
        VariableMap.Entry a = new VariableMap.Entry("pm25", Statistic.MEAN, "x", Optional.of(" "));
        assertEquals(Optional.empty(), a.unit());
        VariableMap.Entry b = new VariableMap.Entry("PM25", Statistic.MEAN, "y", Optional.empty());
        assertThrows(IllegalArgumentException.class, () -> VariableMap.of(List.of(a, b)));
        assertThrows(
                IllegalArgumentException.class,
                () -> new VariableMap.Entry(" ", Statistic.MEAN, "x", Optional.empty()));
        assertEquals(List.of(a), VariableMap.of(List.of(a)).entries());
        assertEquals(Optional.of(a), VariableMap.of(List.of(a)).find("Pm25", Statistic.parse("mean")));
    }

    @Test
    void resultsCheckTheirParts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RollupResult(
                        "A",
                        "x",
                        Y,
                        Statistic.MEAN,
                        OptionalDouble.empty(),
                        Status.OK,
                        "",
                        0,
                        0,
                        Optional.empty(),
                        List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RollupResult(
                        "A",
                        "x",
                        Y,
                        Statistic.MEAN,
                        OptionalDouble.of(Double.NaN),
                        Status.OK,
                        "",
                        0,
                        0,
                        Optional.empty(),
                        List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RollupResult(
                        "A",
                        "x",
                        Y,
                        Statistic.MEAN,
                        OptionalDouble.of(1),
                        Status.OK,
                        "",
                        -1,
                        0,
                        Optional.empty(),
                        List.of()));
        assertEquals(
                0,
                new RollupResult(
                                "A",
                                "x",
                                Y,
                                Statistic.MEAN,
                                OptionalDouble.of(1),
                                Status.OK,
                                "",
                                0,
                                0,
                                Optional.empty(),
                                List.of())
                        .capturePct());
        assertEquals("insufficient_coverage", Status.INSUFFICIENT_COVERAGE.word());
    }
}
