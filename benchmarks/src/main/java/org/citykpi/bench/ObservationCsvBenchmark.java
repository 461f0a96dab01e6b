package org.citykpi.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.io.read.ObservationReader;
import org.citykpi.observe.CoverageRule;
import org.citykpi.observe.Rollup;
import org.citykpi.observe.RollupResult;
import org.citykpi.observe.YearGrid;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does an observations CSV become annual means under the EU rule, end to end: read,
 * check and account for every reading, build the series, roll each one up? Target (DESIGN, speed
 * budgets): at least 250 MB/s.
 *
 * <p>The file: 50 MB (10^6 bytes) of {@code station,time,property,value,unit,valid} rows, hourly
 * readings of 2023 (start-of-hour UTC stamps) of pm25, pm10 and no2, station after station (as
 * exports come), values with one decimal, about 1 % of hours missing and 1 % flagged invalid,
 * generated once per trial from a fixed seed into a temporary file (about 1.2 million rows, 45
 * stations). Scores are MB/s ({@code @OperationsPerInvocation} = the file size in MB).
 *
 * <ul>
 *   <li>{@code CITYKPI}: {@link ObservationReader} (decode, tokenize, time stamps, validity,
 *       units, duplicate checks, the account) then {@link Rollup} (hours, capture against the
 *       calendar, the annual mean under the EU rule) for every series;
 *   <li>{@code NAIVE}: what a first implementation does: {@link BufferedReader#readLine}, {@link
 *       String#split}, {@link Instant#parse}, {@link Double#parseDouble}, readings grouped in a
 *       {@link HashMap} of {@link TreeMap}s of boxed hours and doubles, then each series' mean of
 *       its valid hours when they are at least 90 % of the year (no unit, duplicate or error
 *       checks). The baseline in the same run.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ObservationCsvBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ObservationCsvBenchmark.SIZE_MB)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class ObservationCsvBenchmark {
    /** File size in MB (10^6 bytes). */
    static final int SIZE_MB = 50;

    private static final long YEAR_START = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;

    /** The implementations compared. */
    public enum Impl {
        /** ObservationReader and Rollup. */
        CITYKPI,
        /** Line splitting, java.time parsing and boxed maps. */
        NAIVE
    }

    @Param
    public Impl impl;

    Path file;
    long bytes;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        file = Files.createTempFile("citykpi-obs-bench-", ".csv");
        bytes = write(file, SIZE_MB * 1_000_000L, 20230101L);
        System.out.printf(Locale.ROOT, "%n[file] %d bytes%n", bytes);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Writes readings until the file reaches {@code target} bytes; returns the size. */
    static long write(Path f, long target, long seed) throws IOException {
        Random rnd = new Random(seed);
        String[] props = {"pm25", "pm10", "no2"};
        double[] base = {12, 20, 30};
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            String header = "station,time,property,value,unit,valid\n";
            w.write(header);
            n += header.length();
            for (int s = 0; n < target; s++) {
                for (int h = 0; h < 8760 && n < target; h++) {
                    if (rnd.nextInt(100) == 0) {
                        continue;
                    }
                    String t = Instant.ofEpochMilli(YEAR_START + h * HOUR).toString();
                    for (int p = 0; p < props.length; p++) {
                        String row = String.format(
                                Locale.ROOT,
                                "station-%03d,%s,%s,%.1f,ug/m3,%d\n",
                                s,
                                t,
                                props[p],
                                base[p] * (0.5 + rnd.nextDouble()),
                                rnd.nextInt(100) == 0 ? 0 : 1);
                        w.write(row);
                        n += row.length();
                    }
                }
            }
        }
        return n;
    }

    @Benchmark
    public Object rollup() throws IOException {
        return impl == Impl.CITYKPI ? citykpi(file) : naive(file);
    }

    /** Reads and rolls up with the library; returns the annual means. */
    static List<RollupResult> citykpi(Path f) throws IOException {
        ObservationResult r =
                ObservationReader.create(ObservationOptions.defaults()).read(List.of(f));
        if (r.hasErrors()) {
            throw new IllegalStateException("benchmark file has errors: " + r.problems());
        }
        return Rollup.create(YearGrid.of(2023)).withRule(CoverageRule.EU).run(r.observations());
    }

    /** The baseline: returns "station|property" → annual mean, or NaN when capture is below 90 %. */
    static Map<String, Double> naive(Path f) throws IOException {
        Map<String, TreeMap<Long, List<Double>>> series = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while ((line = in.readLine()) != null) {
                String[] c = line.split(",");
                if (!c[5].equals("1")) {
                    continue;
                }
                long hour = (Instant.parse(c[1]).toEpochMilli() - YEAR_START) / HOUR;
                series.computeIfAbsent(c[0] + "|" + c[2], k -> new TreeMap<>())
                        .computeIfAbsent(hour, k -> new ArrayList<>())
                        .add(Double.parseDouble(c[3]));
            }
        }
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<String, TreeMap<Long, List<Double>>> e : series.entrySet()) {
            double sum = 0;
            int hours = 0;
            for (List<Double> vs : e.getValue().values()) {
                double h = 0;
                for (Double v : vs) {
                    h += v;
                }
                sum += h / vs.size();
                hours++;
            }
            out.put(e.getKey(), hours * 10 >= 8760 * 9 ? sum / hours : Double.NaN);
        }
        return out;
    }
}
