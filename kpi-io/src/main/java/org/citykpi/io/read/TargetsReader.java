package org.citykpi.io.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;
import org.citykpi.io.internal.LocatedTarget;
import org.citykpi.io.internal.TargetsCsv;
import org.citykpi.io.internal.TargetsJson;

/**
 * Reads a target set from CSV ({@code kpi,target[,target_period][,baseline][,baseline_period][,source]})
 * or JSON ({@code {"format": "citykpi-targets/1", "targets": [{"kpi", "target", ...}]}}), chosen by
 * the first non-blank character. KPIs may be named by id or published code (and {@code <id>/<part>});
 * each is resolved against the catalog. A row that names an unknown KPI, or whose numbers or
 * periods do not parse, is rejected with a positioned problem and the others are kept. Stateless
 * and thread-safe.
 */
public final class TargetsReader {
    private TargetsReader() {}

    /**
     * Targets and the problems met reading them.
     *
     * @param targets the targets of the rows accepted, at most one per KPI
     * @param problems the rejections (each an error naming file, line and column), in input order
     */
    public record Result(TargetSet targets, List<Problem> problems) {
        /**
         * Copies the list.
         *
         * @param targets the targets of the rows accepted
         * @param problems the rejections, in input order
         */
        public Result {
            problems = List.copyOf(problems);
        }

        /** {@return true when some row was rejected} */
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    /**
     * Reads a targets file, CSV or JSON.
     *
     * @param file the file; problems name it as given
     * @param catalog the catalog the KPIs are resolved against
     * @return the targets and the problems of the rows rejected
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if the structure is broken (a required column absent, not JSON)
     */
    public static Result read(Path file, Catalog catalog) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, catalog);
        }
    }

    /**
     * Reads targets, CSV or JSON, from a stream (UTF-8, at most 64 MiB; not closed).
     *
     * @param name the input's name in problems
     * @param in the bytes to read
     * @param catalog the catalog the KPIs are resolved against
     * @return the targets and the problems of the rows rejected
     * @throws IOException if reading fails
     * @throws DataFormatException if the input is larger than 64 MiB or its structure is broken (a
     *     required column absent, not JSON)
     */
    public static Result read(String name, InputStream in, Catalog catalog) throws IOException {
        byte[] bytes = in.readNBytes(64 << 20);
        if (in.read() >= 0) {
            throw new DataFormatException(name, 0, 0, "", "targets file larger than 64 MiB");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Problem> problems = new ArrayList<>();
        List<LocatedTarget> found = text.strip().startsWith("{")
                ? TargetsJson.read(name, text, catalog, problems)
                : TargetsCsv.read(name, new java.io.StringReader(text), catalog, problems);
        return collect(name, found, problems);
    }

    /**
     * Reads CSV targets from a reader named {@code name} in messages (not closed).
     *
     * @param name the input's name in problems
     * @param in the CSV text to read
     * @param catalog the catalog the KPIs are resolved against
     * @return the targets and the problems of the rows rejected
     * @throws IOException if reading fails
     * @throws DataFormatException if the structure is broken (a required column absent)
     */
    public static Result readCsv(String name, Reader in, Catalog catalog) throws IOException {
        List<Problem> problems = new ArrayList<>();
        List<LocatedTarget> found = TargetsCsv.read(name, in, catalog, problems);
        return collect(name, found, problems);
    }

    /**
     * Returns the target set built from {@code targets}, after {@code problems} the rejection of
     * every second target for one KPI (naming the line of the first).
     */
    private static Result collect(String name, List<LocatedTarget> targets, List<Problem> problems) {
        List<Target> ok = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (LocatedTarget l : targets) {
            Long first = seen.putIfAbsent(l.target().kpi(), l.line());
            if (first != null) {
                problems.add(Problem.error(
                        name,
                        l.line(),
                        1,
                        l.target().kpi(),
                        "second target for " + l.target().kpi() + " (the first is on line " + first + ")"));
            } else {
                ok.add(l.target());
            }
        }
        return new Result(TargetSet.of(ok), problems);
    }
}
