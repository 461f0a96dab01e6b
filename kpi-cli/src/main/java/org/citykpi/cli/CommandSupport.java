package org.citykpi.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.Variable;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;
import org.citykpi.io.json.CatalogJson;
import org.citykpi.io.read.DataReader;
import org.citykpi.io.read.TargetsReader;
import org.jspecify.annotations.Nullable;

/**
 * What every command shares: loading a catalog, reading data and targets with the account line
 * and positioned problems on stderr, and opening the output. Messages follow docs/cli.md: {@code
 * FILE:LINE:COLUMN: message}.
 */
final class CommandSupport {
    private CommandSupport() {}

    /** Loads {@code u4ssc} (or another bundled id) or a catalog JSON file; exit 3 when it cannot be read. */
    static Catalog catalog(String spec) {
        try {
            return CatalogJson.load(spec);
        } catch (DataFormatException e) {
            throw new CliException(ExitCodes.UNREADABLE, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE, spec + ": cannot read catalog (" + reason(e) + ")");
        }
    }

    /**
     * Reads every data file into one dataset, printing each problem and then the account line to
     * {@code err}; with {@code checkRanges}, values outside their variable's valid range are rejected
     * as read. Strict mode stops at the first data error (exit 1, no output); an unreadable
     * input is exit 3.
     */
    static ReadResult data(
            List<Path> files,
            boolean strict,
            boolean decimalComma,
            @Nullable String entity,
            @Nullable Catalog catalog,
            boolean checkRanges,
            PrintWriter err) {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CliException(
                        ExitCodes.UNREADABLE,
                        f + ": cannot read data (" + (Files.exists(f) ? "not a file" : "no such file") + ")");
            }
        }
        Map<String, String> units = new HashMap<>();
        if (catalog != null) {
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
        }
        ReadOptions opts = ReadOptions.defaults()
                .withStrict(strict)
                .withDecimalComma(decimalComma)
                .withUnits(units);
        if (entity != null && !entity.isBlank()) {
            opts = opts.withEntity(entity.strip());
        }
        if (checkRanges && catalog != null) {
            // validate rejects values outside their variable's valid range as it reads them, positioned.
            opts = opts.withRanges(catalog.variables());
        }
        ReadResult r;
        try {
            r = DataReader.create(opts).read(files);
        } catch (DataFormatException e) {
            err.println(e.getMessage());
            err.flush();
            throw new CliException(e.isStrictStop() ? ExitCodes.DATA_ERRORS : ExitCodes.UNREADABLE, null);
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE, "cannot read data (" + reason(e) + ")");
        }
        for (Problem p : r.problems()) {
            err.println(p);
        }
        if (r.problemsOmitted() > 0) {
            err.println("citykpi: " + r.problemsOmitted() + " more problems not shown");
        }
        err.println("citykpi: " + r.summary());
        err.flush();
        return r;
    }

    /** Reads a targets file (or returns no targets); rejected rows are printed and counted. */
    static TargetsReader.Result targets(@Nullable Path file, Catalog catalog, PrintWriter err) {
        if (file == null) {
            return new TargetsReader.Result(TargetSet.empty(), List.of());
        }
        try {
            TargetsReader.Result r = TargetsReader.read(file, catalog);
            for (Problem p : r.problems()) {
                err.println(p);
            }
            err.flush();
            return r;
        } catch (DataFormatException e) {
            throw new CliException(ExitCodes.UNREADABLE, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE, file + ": cannot read targets (" + reason(e) + ")");
        }
    }

    /** Opens {@code out} for writing (UTF-8), or standard output when it is null. */
    static Writer output(@Nullable Path out) {
        try {
            if (out == null) {
                return new FilterWriter(
                        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
                    @Override
                    public void close() throws IOException {
                        flush(); // never close standard output
                    }
                };
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new CliException(ExitCodes.USAGE, out + ": cannot write (no such directory " + parent + ")");
            }
            return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNREADABLE, out + ": cannot write (" + reason(e) + ")");
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
