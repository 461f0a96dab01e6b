package org.citykpi.bench;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.citykpi.data.Dataset;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.read.DataReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does a long-format CSV import into a {@link Dataset}, and how much heap does the result
 * take per observation? Targets (README.md, Performance): at least 400 MB/s with an error bar within
 * ± 10 %, and at most 16 bytes per stored observation beyond the value's 8.
 *
 * <p>The file: 200 MB (in MB of 10^6 bytes), {@code entity,period,variable,value}, 1,000 entities ×
 * × 10 years × 320 variables, about 63 bytes a row, cut at 200 MB (3.17 million observations), values with six
 * decimals, generated once per trial from a fixed seed into a temporary file. Scores are MB/s
 * ({@code @OperationsPerInvocation} = the file size in MB, so "ops/s" reads as MB/s).
 *
 * <ul>
 *   <li>{@code citykpi}: {@link DataReader} end to end (decode, tokenize, parse, intern, build the
 *       dataset with duplicate checks and full accounting);
 *   <li>{@code fastcsv}: FastCSV 4 reads every record and parses the value with {@link
 *       Double#parseDouble} (no dataset): the plain-reader baseline;
 *   <li>{@code opencsv}: opencsv's {@code readNext} with the RFC 4180 parser, values parsed the same
 *       way: the baseline the design names.
 * </ul>
 *
 * Heap per observation is printed once per trial (retained heap of the dataset after a GC,
 * divided by its observations; and the peak heap of one import relative to it).
 *
 * <p>Run: {@code java -Xmx2g -jar benchmarks/target/benchmarks.jar CsvImportBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CsvImportBenchmark.SIZE_MB)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
public class CsvImportBenchmark {
    /** File size in MB (10^6 bytes). */
    static final int SIZE_MB = 200;

    Path file;
    long bytes;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        file = Files.createTempFile("citykpi-bench-", ".csv");
        bytes = write(file, SIZE_MB * 1_000_000L, 20260101L);
        memory();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Writes observations until the file reaches {@code target} bytes; returns the size. */
    static long write(Path f, long target, long seed) throws IOException {
        Random rnd = new Random(seed);
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            String header = "entity,period,variable,value\n";
            w.write(header);
            n += header.length();
            outer:
            for (int e = 0; e < 1000; e++) {
                for (int y = 2014; y < 2024; y++) {
                    for (int v = 0; v < 320; v++) {
                        String row = String.format(
                                Locale.ROOT,
                                "city-%05d,%d,variable_%03d_of_the_u4ssc_catalog,%.6f\n",
                                e,
                                y,
                                v,
                                rnd.nextDouble() * 100_000);
                        w.write(row);
                        n += row.length();
                        if (n >= target) {
                            break outer;
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Prints the retained heap of one imported dataset per observation, and the import's peak heap. */
    void memory() throws IOException {
        System.gc();
        long before = used();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        ReadResult r = DataReader.create(ReadOptions.defaults()).read(List.of(file));
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        Dataset d = r.dataset();
        r = null;
        System.gc();
        long retained = used() - before;
        long obs = d.observationCount();
        System.out.printf(
                Locale.ROOT,
                "%n[memory] %d bytes, %d observations, %d rows: retained %.1f bytes/observation (%.1f beyond the"
                        + " value's 8); peak heap during import %.2f x the dataset (sum of pool peaks)%n",
                bytes,
                obs,
                d.rowCount(),
                (double) retained / obs,
                (double) retained / obs - 8,
                (double) (peak - before) / retained);
        if (d.rowCount() < 0) {
            throw new IllegalStateException(); // keeps d reachable until here
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Benchmark
    public long citykpi() throws IOException {
        ReadResult r = DataReader.create(ReadOptions.defaults()).read(List.of(file));
        if (r.rowsRejected() != 0) {
            throw new IllegalStateException(r.problems().toString());
        }
        return r.dataset().observationCount();
    }

    @Benchmark
    public double fastcsv() throws IOException {
        double sum = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            boolean header = true;
            for (CsvRecord rec : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                sum += Double.parseDouble(rec.getField(3));
            }
        }
        return sum;
    }

    @Benchmark
    public double opencsv() throws IOException, com.opencsv.exceptions.CsvValidationException {
        double sum = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReaderBuilder(in)
                        .withCSVParser(
                                new RFC4180ParserBuilder().withSeparator(',').build())
                        .withSkipLines(1)
                        .build()) {
            String[] rec;
            while ((rec = csv.readNext()) != null) {
                sum += Double.parseDouble(rec[3]);
            }
        }
        return sum;
    }
}
