package org.citykpi.examples;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.io.Problem;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.ngsi.NgsiLdWriter;
import org.citykpi.io.read.DataReader;
import org.citykpi.score.Scores;
import org.citykpi.score.U4sscScoring;

/**
 * Reads an SDMX-CSV export, computes one KPI with a catalog built in code, and writes the results
 * as FIWARE NGSI-LD {@code KeyPerformanceIndicator} entities (normalized), ready for a context
 * broker's batch create.
 *
 * <p>The SDMX series key {@code INDICATOR} becomes the variable ({@code HH_TOTAL}, {@code
 * HH_INTERNET}); {@code OBS_STATUS} and {@code UNIT_MEASURE} are kept as attributes (and the unit
 * is checked against the catalog); the empty {@code OBS_VALUE} of CH-GE is read as missing, so its
 * KPI comes out as {@code missing_input} with no {@code kpiValue}.
 *
 * <p>Run: {@code java -cp examples/target/classes:… org.citykpi.examples.SdmxToNgsiExample
 * examples/data/formats/city-households-sdmx.csv}
 */
public final class SdmxToNgsiExample {
    private SdmxToNgsiExample() {}

    /** Returns the catalog: households with Internet access, in percent (as U4SSC EC: ICT: ICT: 1C). */
    static Catalog catalog() {
        return Catalog.builder("demo", "1")
                .variable(Variable.of("HH_TOTAL", "households", "Households").withRange(0, Double.POSITIVE_INFINITY))
                .variable(Variable.of("HH_INTERNET", "households", "Households with Internet access")
                        .withRange(0, Double.POSITIVE_INFINITY))
                .indicator(Indicator.of(
                        "NET", "Household Internet access", "%", Direction.HIGHER, "100 * HH_INTERNET / HH_TOTAL"))
                .build();
    }

    /**
     * Reads {@code sdmx}, computes, scores against a 95 % target for 2030 and writes NGSI-LD to
     * {@code out}; problems go to {@code err}. Returns the account of the read.
     *
     * @throws IOException if reading or writing fails
     */
    public static ReadResult run(Path sdmx, Writer out, PrintWriter err) throws IOException {
        Catalog cat = catalog();
        ReadOptions options = ReadOptions.defaults()
                .withUnits(java.util.Map.of("HH_TOTAL", "households", "HH_INTERNET", "households"))
                .withRanges(cat.variables());
        ReadResult read = DataReader.create(options).read(List.of(sdmx));
        for (Problem p : read.problems()) {
            err.println(p);
        }
        err.println(read.summary());
        Results results = Engine.create(cat).evaluate(read.dataset());
        TargetSet targets =
                TargetSet.of(List.of(Target.of("NET", 95, Period.parse("2030"), "example target, not a U4SSC value")));
        Scores scores = U4sscScoring.score(results, targets);
        NgsiLdWriter.write(scores.cells(), NgsiLdWriter.Form.NORMALIZED, out);
        return read;
    }

    /** Runs the example on the file named by the first argument (or the bundled sample). */
    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "examples/data/formats/city-households-sdmx.csv");
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        run(in, out, new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        out.flush();
    }
}
