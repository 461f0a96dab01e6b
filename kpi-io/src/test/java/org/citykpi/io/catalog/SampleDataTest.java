package org.citykpi.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.citykpi.Period;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;
import org.junit.jupiter.api.Test;

/**
 * Computes the bundled U4SSC catalog over the synthetic sample data in {@code examples/data} and
 * checks what the sample data is made to show: complete years, a few gaps in the latest year
 * that each give a readable cause, and the rule warnings planted in it (examples/data/README.md).
 */
class SampleDataTest {
    private static final Path DATA = Path.of("..", "examples", "data");
    private static final Catalog U4SSC = CatalogJson.u4ssc();

    /** Reads the long CSV {@code entity,period,variable,value} that the sample files use. */
    private static Dataset read(String file) throws IOException {
        Dataset.Builder b = Dataset.builder();
        List<String> lines = Files.readAllLines(DATA.resolve(file), StandardCharsets.UTF_8);
        assertEquals("entity,period,variable,value", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(4, f.length, line);
            assertEquals(
                    Dataset.Added.NEW,
                    b.add(f[0], Period.parse(f[1]), f[2], Double.parseDouble(f[3])),
                    "duplicate: " + line);
        }
        return b.build();
    }

    private static Map<String, String> unavailable(Results r, int row) {
        Map<String, String> out = new TreeMap<>();
        for (Indicator i : U4SSC.indicators()) {
            KpiResult k = r.get(row, i.id());
            if (!k.isAvailable()) {
                out.put(i.id(), k.status());
            }
        }
        return out;
    }

    @Test
    void sampleCityHasEveryKpiInTwoYearsAndReadableCausesInTheLatest() throws IOException {
        Dataset d = read("sample-city.csv");
        assertEquals(List.of("sampleville"), d.entities());
        for (String v : d.variables()) {
            assertEquals(true, U4SSC.variable(v).isPresent(), v + " is not a catalog variable");
        }
        // Every catalog variable is in the file for 2021 (148 of 148).
        assertEquals(U4SSC.variables().size(), d.variables().size());
        Results r = Engine.create(U4SSC).evaluate(d, 1);
        assertEquals(Map.of(), unavailable(r, d.row("sampleville", Period.year(2021))));
        assertEquals(Map.of(), unavailable(r, d.row("sampleville", Period.year(2022))));
        // The five planted gaps of examples/data/README.md: 86 of 91 KPIs have values in 2023.
        assertEquals(
                Map.of(
                        "EC.ICT.ICT.2C", "out_of_range",
                        "EC.ICT.PS.1A", "division_by_zero",
                        "EC.I.UP.2A", "invalid_input",
                        "EN.EN.WS.3C", "missing_input",
                        "SC.SH.SI.2C", "missing_input"),
                unavailable(r, d.row("sampleville", Period.year(2023))));
        List<String> violations = r.violations().stream()
                .map(v -> v.rule().id() + " " + v.period())
                .toList();
        // 2022: the mode shares add up to 103.5 % (planted survey rounding).
        assertEquals(List.of("mode-share-sums-to-100 2022"), violations);
    }

    @Test
    void theProjectReadersAcceptTheSampleFilesWhole() throws IOException {
        for (String file : List.of("sample-city.csv", "sample-cities.csv")) {
            ReadResult rr = DataReader.create(ReadOptions.defaults()).read(List.of(DATA.resolve(file)));
            assertEquals(List.of(), rr.problems(), file);
            assertEquals(rr.rowsRead(), rr.rowsAccepted(), file);
            Dataset mine = read(file);
            assertEquals(mine.observationCount(), rr.dataset().observationCount(), file);
            assertEquals(mine.rowCount(), rr.dataset().rowCount(), file);
        }
        TargetsReader.Result t = TargetsReader.read(DATA.resolve("sample-targets.csv"), U4SSC);
        assertEquals(List.of(), t.problems());
        // 11 published targets (the bundled set) and 61 illustrative ones.
        assertEquals(72, t.targets().size());
    }

    @Test
    void bundledTargetsReadWithoutProblems() throws IOException {
        try (InputStream in = SampleDataTest.class.getResourceAsStream("/org/citykpi/io/catalog/u4ssc-targets.csv")) {
            TargetsReader.Result t = TargetsReader.read("u4ssc-targets.csv", in, U4SSC);
            assertEquals(List.of(), t.problems());
            assertEquals(11, t.targets().size());
            // u4ssc-scoring/fixed-broadband-target.csv: 60 % (Mashhad factsheet 2021 p.15).
            assertEquals(60.0, t.targets().get("EC.ICT.ICT.2C").orElseThrow().value());
            // WHO global air quality guidelines 2021, annual PM2.5: 5 ug/m3.
            assertEquals(5.0, t.targets().get("EN.EN.AQ.1C/PM2.5").orElseThrow().value());
        }
    }

    @Test
    void sampleCitiesAreComplete() throws IOException {
        Dataset d = read("sample-cities.csv");
        assertEquals(List.of("eastmoor", "northbay", "sampleville", "southport", "westhaven"), d.entities());
        Results r = Engine.create(U4SSC).evaluate(d, 1);
        for (String e : d.entities()) {
            Map<String, String> gaps = unavailable(r, d.row(e, Period.year(2023)));
            if (e.equals("sampleville")) {
                assertEquals(5, gaps.size(), gaps.toString());
            } else {
                assertEquals(Map.of(), gaps, e);
            }
            assertEquals(Map.of(), unavailable(r, d.row(e, Period.year(2022))), e);
        }
        List<String> violations = r.violations().stream()
                .map(v -> v.entity() + " " + v.period() + " " + v.rule().id())
                .toList();
        // The other four cities are consistent; Sampleville keeps its planted 2022 warning.
        assertEquals(List.of("sampleville 2022 mode-share-sums-to-100"), violations);
    }
}
