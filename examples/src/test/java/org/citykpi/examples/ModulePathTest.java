package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the {@code citykpi} command and the examples as named modules ({@code java -p … -m
 * module/class}) and checks that they print exactly what they print on the class path: the
 * module descriptors export and open what the code needs (bundled catalogs read as resources,
 * picocli's reflection, Jackson), and nothing reaches into a package a module does not export.
 */
class ModulePathTest {
    /** The library, CLI and third-party jars plus this module's classes, set by the build. */
    static final String MODULE_PATH = System.getProperty("citykpi.module.path", "");

    static final Path DATA = Path.of("data");

    record Run(int exit, String out, String err) {}

    static Run java(List<String> launch, List<String> args, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launch);
        cmd.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .directory(new File("."))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static List<String> modular(String mainClass) {
        String module = mainClass.startsWith("org.citykpi.cli.") ? "org.citykpi.cli" : "org.citykpi.examples";
        return List.of("-p", MODULE_PATH, "-m", module + "/" + mainClass);
    }

    static List<String> classic(String mainClass) {
        return List.of("-cp", MODULE_PATH, mainClass);
    }

    static Stream<Arguments> runs() {
        String cli = "org.citykpi.cli.CityKpiCommand";
        String city = DATA.resolve("sample-city.csv").toString();
        String targets = DATA.resolve("sample-targets.csv").toString();
        String idata = DATA.resolve("index/synthetic-cities-iData.csv").toString();
        String imeta = DATA.resolve("index/synthetic-cities-iMeta.csv").toString();
        return Stream.of(
                Arguments.of(cli, List.of("compute", "--data", city, "--catalog", "u4ssc", "--targets", targets), 0),
                Arguments.of(cli, List.of("compute", "--data", city, "--format", "json"), 0),
                Arguments.of(cli, List.of("score", "--data", city, "--targets", targets, "--format", "json"), 0),
                Arguments.of(cli, List.of("validate", "--data", city), 1),
                Arguments.of(cli, List.of("catalog", "--format", "markdown"), 0),
                Arguments.of(cli, List.of("index", "--data", idata, "--meta", imeta, "--format", "json"), 0),
                Arguments.of(cli, List.of("compute", "--data", "no-such-file.csv"), 3),
                Arguments.of("org.citykpi.examples.EmbedExample", List.of(), 0),
                Arguments.of("org.citykpi.examples.U4sscExample", List.of(), 0),
                Arguments.of("org.citykpi.examples.IndexExample", List.of(), 0),
                Arguments.of("org.citykpi.examples.ProgressExample", List.of(), 0),
                Arguments.of(
                        "org.citykpi.examples.SdmxToNgsiExample",
                        List.of(DATA.resolve("formats/city-households-sdmx.csv").toString()),
                        0));
    }

    @Test
    void theModulePathIsKnown() {
        assertTrue(MODULE_PATH.contains("kpi-core") && MODULE_PATH.contains("kpi-cli"), MODULE_PATH);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void printsTheSameAsOnTheClassPath(String mainClass, List<String> args, int exit, @TempDir Path tmp)
            throws Exception {
        Run onModules = java(modular(mainClass), args, tmp);
        Run onClassPath = java(classic(mainClass), args, tmp);
        // The exit code the command contract gives (validate of the sample city finds one rejected
        // row: 1; a missing file: 3), so that a crash on both paths cannot pass as "the same".
        assertEquals(exit, onModules.exit(), onModules.err());
        assertEquals(onClassPath.exit(), onModules.exit(), onModules.err());
        assertEquals(onClassPath.out(), onModules.out());
        assertEquals(onClassPath.err(), onModules.err());
        assertTrue(!onModules.out().isEmpty() || onModules.exit() != 0, "nothing printed: " + args);
    }

    @Test
    void theReportIsWrittenFromTheModulePath(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("report.html");
        Run r = java(
                modular("org.citykpi.examples.ReportExample"),
                List.of(
                        DATA.resolve("sample-city.csv").toString(),
                        DATA.resolve("sample-targets.csv").toString(),
                        html.toString()),
                tmp);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(html).contains("<svg"), "the report has its charts");
    }
}
