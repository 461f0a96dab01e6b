package org.citykpi.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.citykpi.Period;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.json.CatalogJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Feeds the golden inputs of {@code golden/u4ssc/kpis.csv} to the engine with the bundled U4SSC
 * catalog and compares each output with the value worked out by hand in that file; does the same
 * for the plausibility rules with {@code golden/u4ssc/rules.csv}.
 */
class U4sscGoldenTest {
    private static final String GOLDEN = "/golden/u4ssc/kpis.csv";
    private static final String RULES = "/golden/u4ssc/rules.csv";
    private static final Catalog U4SSC = CatalogJson.u4ssc();
    private static final Engine ENGINE = Engine.create(U4SSC);

    @ParameterizedTest(name = "{0} = {3}")
    @CsvFileSource(resources = GOLDEN, maxCharsPerColumn = 4096)
    void matchesTheHandCalculation(String output, String formula, String inputs, String expected, String calculation) {
        assertEquals(U4SSC.formulaText(output), formula, "the golden file names the catalog's formula");
        Results r = ENGINE.evaluate(dataset(inputs), 1);
        KpiResult got = r.get(0, output);
        if (Character.isDigit(expected.charAt(0)) || expected.charAt(0) == '-') {
            assertTrue(got.isAvailable(), output + ": " + got + " (expected " + calculation + ")");
            double want = Double.parseDouble(expected);
            // Relative tolerance 1e-12: the engine and the hand calculation may round differently.
            assertEquals(want, r.value(0, output), Math.abs(want) * 1e-12, calculation);
        } else {
            assertEquals(expected, got.status(), output + ": " + got + " (" + calculation + ")");
        }
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvFileSource(resources = RULES, maxCharsPerColumn = 4096)
    void rulesHoldOrAreViolatedAsWorkedOut(String rule, String inputs, String expected, String calculation) {
        Results r = ENGINE.evaluate(dataset(inputs), 1);
        List<String> violated = r.violations().stream().map(v -> v.rule().id()).toList();
        assertEquals(expected.equals("violated"), violated.contains(rule), calculation + "; violations: " + violated);
    }

    @Test
    void everyRuleHasAGoldenCase() throws IOException {
        Set<String> covered = firstColumn(RULES);
        Set<String> all = new LinkedHashSet<>();
        U4SSC.rules().forEach(x -> all.add(x.id()));
        assertEquals(all, covered);
    }

    private static Dataset dataset(String inputs) {
        Dataset.Builder b = Dataset.builder();
        Period p = Period.year(2023);
        for (String kv : inputs.split(";")) {
            int eq = kv.indexOf('=');
            b.add("golden", p, kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
        }
        return b.build();
    }

    private static Set<String> firstColumn(String resource) throws IOException {
        Set<String> covered = new LinkedHashSet<>();
        try (InputStream in = U4sscGoldenTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    covered.add(line.substring(0, line.indexOf(',')));
                }
            }
        }
        return covered;
    }

    @Test
    void everyOutputOfTheCatalogHasAGoldenValue() throws IOException {
        Set<String> covered = firstColumn(GOLDEN);
        Set<String> all = new LinkedHashSet<>(U4SSC.outputs());
        all.removeAll(covered);
        assertEquals(Set.of(), all, "outputs without a golden value");
    }
}
