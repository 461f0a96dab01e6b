package org.citykpi.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.citykpi.index.Aggregator;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Imputer;
import org.citykpi.index.IndexException;
import org.citykpi.index.IndexResult;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.index.Treatment;
import org.citykpi.io.coinr.CoinrData;
import org.citykpi.io.coinr.CoinrFormatException;
import org.citykpi.io.coinr.CoinrMeta;
import org.citykpi.io.coinr.CoinrReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds a composite index from COINr iData / iMeta tables: {@code citykpi index --data IDATA.csv
 * --meta IMETA.csv [...]}. Output CSV columns {@code unit,code,level,value,rank} (plus {@code
 * period} for panel data); level 1 rows hold the normalised indicators, higher levels the
 * aggregates.
 */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        description = "Builds a composite index (COINr-compatible) from iData and iMeta tables.",
        footer = {
            "",
            "Normalisers: minmax[:l,u] (default 0,100), zscore[:m,s], goalposts, dist2targ, rank, prank, borda,",
            "             dist2max, fracmax, scaled:l,u, none.",
            "Aggregators: arithmetic (default), geometric, harmonic, generalised:p, copeland.",
            "Imputation:  mean, median, mean:GROUP, median:GROUP, latest, linear.",
            "Treatment:   winsorise[:winmax], log, boxcox:lambda.",
            "",
            "Example:",
            "  citykpi index --data ASEM_iData.csv --meta ASEM_iMeta.csv --normalise zscore:0,1 --out index.csv"
        })
public final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "IDATA.csv", description = "COINr iData table.")
    Path data;

    @Option(names = "--meta", required = true, paramLabel = "IMETA.csv", description = "COINr iMeta table.")
    Path meta;

    @Option(names = "--normalise", paramLabel = "METHOD[:a,b]", description = "Normaliser (default minmax:0,100).")
    String normalise = "minmax";

    @Option(names = "--aggregate", paramLabel = "METHOD[:p]", description = "Aggregator (default arithmetic).")
    String aggregate = "arithmetic";

    @Option(
            names = "--min-coverage",
            paramLabel = "F",
            description = "Share of an aggregate's children a unit needs (COINr dat_thresh, 0-1).")
    double minCoverage;

    @Option(names = "--denominate", description = "Divide indicators by the denominators named in the iMeta.")
    boolean denominate;

    @Option(
            names = "--denominators",
            paramLabel = "FILE",
            description = "Denominators table (uCode plus columns), e.g. WorldDenoms.csv; implies --denominate.")
    Path denominators;

    @Option(names = "--impute", paramLabel = "METHOD", description = "Imputation of missing values.")
    String impute;

    @Option(names = "--screen", paramLabel = "F", description = "Keep units with at least this share of indicators.")
    double screen;

    @Option(names = "--treat", paramLabel = "METHOD", description = "Outlier treatment.")
    String treat;

    @Option(
            names = "--scope",
            paramLabel = "per-period|pooled",
            description = "Panel data: normalise each period on its own (default) or all periods pooled.")
    String scope = "per-period";

    @Option(names = "--format", paramLabel = "csv|json", description = "Output format (default csv).")
    String format = "csv";

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Pipeline p = pipeline();
        CoinrMeta m;
        CoinrData d;
        try {
            m = CoinrReader.readMeta(meta);
            d = CoinrReader.readData(data, m, denominators);
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ":0:0: file not found");
            return ExitCodes.UNREADABLE;
        } catch (IOException e) {
            err.println("citykpi index: cannot read input: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        } catch (CoinrFormatException e) {
            err.println(e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        m.notes().forEach(err::println);
        d.notes().forEach(err::println);
        for (CoinrFormatException e : d.rejected()) {
            err.println(e.getMessage());
        }
        err.println(data + ": " + d.rowsRead() + " rows read, " + d.rowsAccepted() + " accepted, "
                + d.rejected().size() + " rejected");
        IndexResult r;
        try {
            r = CompositeIndex.of(m.hierarchy(), d.data()).build(p);
        } catch (IndexException e) {
            err.println("citykpi index: " + e.getMessage());
            return ExitCodes.DATA_ERRORS;
        } catch (IllegalArgumentException e) {
            err.println("citykpi index: " + e.getMessage());
            return ExitCodes.DATA_ERRORS;
        }
        r.warnings().forEach(w -> err.println("note: " + w));
        try (Writer w = open()) {
            if (format.equals("json")) {
                IndexJson.write(r, w);
            } else {
                writeCsv(r, w);
            }
        } catch (IOException e) {
            err.println((out == null ? "stdout" : out.toString()) + ":0:0: cannot write: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        return d.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
    }

    private Pipeline pipeline() {
        CommandLine cl = spec.commandLine();
        try {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
            }
            Pipeline.Scope sc;
            if (scope.equals("per-period")) {
                sc = Pipeline.Scope.PER_PERIOD;
            } else if (scope.equals("pooled")) {
                sc = Pipeline.Scope.POOLED;
            } else {
                throw new IllegalArgumentException("--scope must be per-period or pooled, not '" + scope + "'");
            }
            return Pipeline.defaults()
                    .withNormaliser(Normaliser.parse(normalise))
                    .withAggregator(Aggregator.parse(aggregate))
                    .withMinCoverage(minCoverage)
                    .withDenominate(denominate || denominators != null)
                    .withImputer(impute == null ? new Imputer.None() : Imputer.parse(impute))
                    .withScreenThreshold(screen)
                    .withTreatment(treat == null ? new Treatment.None() : Treatment.parse(treat))
                    .withScope(sc);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage(), e);
        }
    }

    private Writer open() throws IOException {
        if (out == null) {
            return new BufferedWriter(spec.commandLine().getOut()) {
                @Override
                public void close() throws IOException {
                    flush(); // leave standard output open
                }
            };
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    static void writeCsv(IndexResult r, Writer w) throws IOException {
        boolean panel = r.data().periods().size() > 1;
        w.write(panel ? "unit,code,level,value,rank,period\n" : "unit,code,level,value,rank\n");
        List<String> codes = r.codes();
        int[] levels = new int[codes.size()];
        for (int n = 0; n < codes.size(); n++) {
            levels[n] = r.hierarchy().nodes().get(n).level();
        }
        StringBuilder sb = new StringBuilder(64);
        for (int row = 0; row < r.rowCount(); row++) {
            if (!r.isActive(row)) {
                continue;
            }
            String unit = cell(r.unit(row));
            for (int n = 0; n < codes.size(); n++) {
                sb.setLength(0);
                sb.append(unit)
                        .append(',')
                        .append(cell(codes.get(n)))
                        .append(',')
                        .append(levels[n])
                        .append(',');
                if (r.isPresent(row, n)) {
                    sb.append(org.citykpi.Numbers.format(r.value(row, n)))
                            .append(',')
                            .append(r.rank(row, n).getAsInt());
                } else {
                    sb.append(',');
                }
                if (panel) {
                    sb.append(',').append(cell(r.period(row)));
                }
                sb.append('\n');
                w.write(sb.toString());
            }
        }
    }

    /** Returns {@code s} as one CSV cell: RFC 4180 quoting; text starting =, +, -, @ made inert. */
    static String cell(String s) {
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
        boolean quote =
                formula || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        if (!quote) {
            return s;
        }
        return '"' + (formula ? "'" : "") + s.replace("\"", "\"\"") + '"';
    }
}
