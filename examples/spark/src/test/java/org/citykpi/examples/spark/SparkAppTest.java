package org.citykpi.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.Numbers;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Engine;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.csv.ResultsCsvWriter;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;
import org.citykpi.observe.CityMean;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Observations;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.Statistic;
import org.citykpi.observe.YearGrid;
import org.citykpi.score.U4sscScoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application on embedded Spark ({@code local[2]}): its one-file outputs are the command's
 * outputs, computed here in one JVM the way the command computes them.
 */
class SparkAppTest {
    static final Path DATA = Path.of("..", "data");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkApp.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void computeWritesTheCommandsCsvByteForByte() throws Exception {
        Path out = tmp.resolve("kpis.csv");
        Run r = run(
                "compute",
                "--data",
                DATA.resolve("sample-city.csv").toString(),
                DATA.resolve("sample-cities.csv").toString(),
                "--catalog",
                "u4ssc",
                "--targets",
                DATA.resolve("sample-targets.csv").toString(),
                "--out",
                out.toString(),
                "--partitions",
                "3");
        // the two files overlap (sampleville 2022 is in both): a second value for a cell is refused
        assertEquals(SparkApp.DATA_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("a second value for this entity, period and variable"), r.err());

        r = run(
                "compute",
                "--data",
                DATA.resolve("sample-cities.csv").toString(),
                "--targets",
                DATA.resolve("sample-targets.csv").toString(),
                "--out",
                out.toString());
        assertEquals(SparkApp.OK, r.code(), r.err());
        assertEquals(expectedCompute("sample-cities.csv"), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** The command's CSV for one file, U4SSC catalog and sample targets, computed in this JVM. */
    static String expectedCompute(String file) throws Exception {
        Catalog catalog = CatalogJson.u4ssc();
        Map<String, String> units = new HashMap<>();
        for (Variable v : catalog.variables()) {
            if (!v.unit().isEmpty()) {
                units.put(v.id(), v.unit());
            }
        }
        for (Indicator i : catalog.indicators()) {
            if (!i.unit().isEmpty()) {
                units.putIfAbsent(i.id(), i.unit());
            }
        }
        ReadResult read =
                DataReader.create(ReadOptions.defaults().withUnits(units)).read(List.of(DATA.resolve(file)));
        assertEquals(0, read.rowsRejected(), read.summary());
        TargetsReader.Result t = TargetsReader.read(DATA.resolve("sample-targets.csv"), catalog);
        StringWriter w = new StringWriter();
        ResultsCsvWriter.write(
                U4sscScoring.score(Engine.create(catalog).evaluate(read.dataset()), t.targets())
                        .cells(),
                w);
        return w.toString();
    }

    @Test
    void computeWritesDirectoriesAndReportsBadUsage() throws Exception {
        Path dir = tmp.resolve("kpis");
        Run r = run(
                "compute",
                "--data",
                DATA.resolve("sample-city.csv").toString(),
                "--out",
                dir.toString(),
                "--format",
                "parquet");
        assertEquals(SparkApp.OK, r.code(), r.err());
        assertTrue(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".parquet")));
        Path csv = tmp.resolve("kpis-csv");
        r = run("compute", "--data", DATA.resolve("sample-city.csv").toString(), "--out", csv.toString());
        assertEquals(SparkApp.OK, r.code(), r.err());
        List<String> lines = new ArrayList<>();
        for (Path p : Files.list(csv).filter(p -> p.toString().endsWith(".csv")).toList()) {
            List<String> part = Files.readAllLines(p);
            assertEquals(ResultsCsvWriter.HEADER, part.get(0));
            lines.addAll(part.subList(1, part.size()));
        }
        // same rows as the one-file output, whatever their order
        List<String> want = new ArrayList<>(List.of(expectedComputeNoTargets().split("\n")));
        want.remove(0);
        java.util.Collections.sort(want);
        java.util.Collections.sort(lines);
        assertEquals(want, lines);

        assertEquals(SparkApp.USAGE, run().code());
        assertEquals(SparkApp.USAGE, run("compute", "--out", "x.csv").code());
        assertEquals(
                SparkApp.USAGE,
                run("compute", "--data", "a.csv", "--out", "x.csv", "--format", "xml")
                        .code());
        assertEquals(SparkApp.USAGE, run("frobnicate").code());
        Run missing = run(
                "compute",
                "--data",
                DATA.resolve("sample-city.csv").toString(),
                "--catalog",
                "nope.json",
                "--out",
                "x.csv");
        assertEquals(SparkApp.UNREADABLE, missing.code(), missing.err());
    }

    static String expectedComputeNoTargets() throws Exception {
        Catalog catalog = CatalogJson.u4ssc();
        ReadResult read = DataReader.create(ReadOptions.defaults()).read(List.of(DATA.resolve("sample-city.csv")));
        StringWriter w = new StringWriter();
        ResultsCsvWriter.write(
                U4sscScoring.score(
                                Engine.create(catalog).evaluate(read.dataset()), org.citykpi.assess.TargetSet.empty())
                        .cells(),
                w);
        return w.toString();
    }

    @Test
    void rollupWritesTheCommandsRows() throws Exception {
        // 2023, hourly pm25 at three stations: S1 full, S2 with every 8th hour missing, S3 from April
        Path file = tmp.resolve("air.csv");
        // the column names and flags of the project's sample observations: pollutant, validity 1/-1, ug/m3
        StringBuilder csv = new StringBuilder("station,time,pollutant,value,unit,validity\n");
        Observations.Builder b = Observations.builder();
        long start = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
        int line = 1;
        for (String s : List.of("S1", "S2", "S3")) {
            for (int h = 0; h < 8760; h++) {
                if ((s.equals("S2") && h % 8 == 3) || (s.equals("S3") && h < 2160)) {
                    continue;
                }
                long t = start + h * 3_600_000L;
                double v = 5 + (h % 24) * 0.75 + (s.charAt(1) - '0');
                boolean valid = h % 97 != 0;
                csv.append(s)
                        .append(',')
                        .append(Instant.ofEpochMilli(t))
                        .append(",pm25,")
                        .append(v)
                        .append(",µg/m³,")
                        .append(valid ? "1" : "0")
                        .append('\n');
                b.add(s, "pm25", t, v, valid, "µg/m³", line++);
            }
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        List<Statistic> stats =
                List.of(Statistic.parse("mean"), Statistic.parse("capture"), Statistic.parse("days_above:20"));
        List<RollupResult> st = Rollup.create(YearGrid.of(2023, ZoneOffset.UTC))
                .withRule(CoverageRule.EU)
                .withStatistics(stats)
                .run(b.build());
        List<RollupResult> all = new ArrayList<>(st);
        all.addAll(CityMean.combine("Town", st, Map.of("S1", 2.0, "S2", 1.0, "S3", 0.5)));
        Path stations = tmp.resolve("stations.csv");
        Files.writeString(stations, "station,city,weight\nS1,Town,2\nS2,Town,1\nS3,Town,0.5\n", StandardCharsets.UTF_8);
        StringBuilder want = new StringBuilder(RollupCsv.HEADER + "\n");
        for (RollupResult r : all) {
            want.append(String.join(
                            ",",
                            r.entity(),
                            r.period().label(),
                            r.property(),
                            r.statistic().name(),
                            r.value().isPresent() ? Numbers.format(r.value().getAsDouble()) : "",
                            r.status().word(),
                            r.detail(),
                            Long.toString(r.nValid()),
                            Long.toString(r.nExpected()),
                            Numbers.format(r.capturePct())))
                    .append('\n');
        }
        Path out = tmp.resolve("rollup.csv");
        Run r = run(
                "rollup",
                "--observations",
                file.toString(),
                "--statistic",
                "mean",
                "--statistic",
                "capture",
                "--statistic",
                "days_above:20",
                "--stations",
                stations.toString(),
                "--out",
                out.toString());
        assertEquals(SparkApp.OK, r.code(), r.err());
        assertEquals(want.toString(), Files.readString(out, StandardCharsets.UTF_8));
        assertTrue(want.toString().contains("insufficient_coverage"), "S3 fails the EU rule");
    }
}
