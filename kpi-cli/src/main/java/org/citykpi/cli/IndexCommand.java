package org.citykpi.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.citykpi.index.Aggregator;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.Imputer;
import org.citykpi.index.IndexData;
import org.citykpi.index.IndexException;
import org.citykpi.index.IndexResult;
import org.citykpi.index.IndexStatistics;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.index.Treatment;
import org.citykpi.index.UncertainInput;
import org.citykpi.index.UncertaintyAnalysis;
import org.citykpi.index.UncertaintyResult;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;
import org.citykpi.io.coinr.CoinrData;
import org.citykpi.io.coinr.CoinrMeta;
import org.citykpi.io.coinr.CoinrReader;
import org.citykpi.io.csv.IndexAnalysisCsvWriter;
import org.citykpi.io.csv.IndexCsvWriter;
import org.citykpi.io.csv.UncertaintyCsvWriter;
import org.citykpi.io.csv.UncertaintyRunsCsvWriter;
import org.citykpi.io.json.IndexJson;
import org.citykpi.io.json.UncertaintyJson;
import org.jspecify.annotations.Nullable;
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
        description = "Builds a composite index (COINr-compatible) from iData and iMeta tables, or from the KPIs"
                + " a catalog computes from city data (--catalog).",
        footer = {
            "",
            "Normalisers: minmax[:l,u] (default 0,100), zscore[:m,s], goalposts, dist2targ, target, dist2ref:UNIT,",
            "             rank, prank, borda, dist2max, fracmax, scaled:l,u, none.",
            "             target: 100 at the target, 0 at the worst goalpost (or worst value), clamped.",
            "Aggregators: arithmetic (default), geometric, harmonic, generalised:p, copeland.",
            "Imputation:  mean, median, mean:GROUP, median:GROUP, latest, linear.",
            "Treatment:   winsorise[:winmax], log, boxcox:lambda.",
            "",
            "Uncertainty: --uncertainty RUNS with --vary-normalise, --vary-aggregate,",
            "             --vary-impute, --vary-winsorise (once per alternative) and/or",
            "             --weight-noise F writes unit,target,nominal_rank,median_rank,",
            "             q05_rank,q95_rank,mean_rank,runs[,period].",
            "",
            "Examples:",
            "  citykpi index --data ASEM_iData.csv --meta ASEM_iMeta.csv \\",
            "      --normalise zscore:0,1 --out index.csv",
            "  citykpi index --data ASEM_iData.csv --meta ASEM_iMeta.csv \\",
            "      --normalise minmax:1,100 --uncertainty 1000 --vary-normalise minmax:1,100 \\",
            "      --vary-normalise rank --vary-aggregate arithmetic \\",
            "      --vary-aggregate geometric --weight-noise 0.25",
            "  citykpi index --data examples/data/sample-cities.csv --catalog u4ssc \\",
            "      --normalise rank --write-meta iMeta.csv --write-data iData.csv",
            "  citykpi index --data examples/data/index/synthetic-cities-iData.csv \\",
            "      --meta examples/data/index/synthetic-cities-iMeta.csv --normalise rank"
        })
final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @SuppressWarnings("NullAway.Init") // picocli sets it: required or defaulted
    @Option(
            names = "--data",
            required = true,
            paramLabel = "IDATA.csv",
            description = "COINr iData table; with --catalog, city data (long, wide, SDMX, Open SDG CSV or JSON).")
    Path data;

    @Option(
            names = "--meta",
            paramLabel = "IMETA.csv",
            description = "COINr iMeta table (with an iData table as --data).")
    @Nullable
    Path meta;

    @Option(
            names = "--catalog",
            paramLabel = "u4ssc|FILE",
            description = "Instead of --meta: compute the catalog's KPIs from city data (--data, as compute reads it)"
                    + " and build the index on them: KPI, category, sub-dimension, dimension, index.")
    @Nullable
    String catalog;

    @Option(
            names = "--targets",
            paramLabel = "FILE",
            description = "With --catalog: targets CSV or JSON, the KPIs' targets for --normalise target or dist2targ.")
    @Nullable
    Path targets;

    @Option(
            names = "--write-meta",
            paramLabel = "FILE",
            description = "With --catalog: also write the iMeta table the index was built from.")
    @Nullable
    Path writeMeta;

    @Option(
            names = "--write-data",
            paramLabel = "FILE",
            description = "With --catalog: also write the iData table (the KPI values) the index was built from.")
    @Nullable
    Path writeData;

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
    @Nullable
    Path denominators;

    @Option(names = "--impute", paramLabel = "METHOD", description = "Imputation of missing values.")
    @Nullable
    String impute;

    @Option(names = "--screen", paramLabel = "F", description = "Keep units with at least this share of indicators.")
    double screen;

    @Option(names = "--treat", paramLabel = "METHOD", description = "Outlier treatment.")
    @Nullable
    String treat;

    @Option(
            names = "--scope",
            paramLabel = "per-period|pooled",
            description = "Panel data: normalise all periods pooled (default, as COINr's Normalise on a purse)"
                    + " or each period on its own; imputation and treatment are always per period.")
    String scope = "pooled";

    @Option(names = "--format", paramLabel = "csv|json", description = "Output format (default csv).")
    String format = "csv";

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    @Nullable
    Path out;

    @Option(
            names = "--uncertainty",
            paramLabel = "RUNS",
            description = "Monte Carlo uncertainty analysis: write each unit's rank interval for the target"
                    + " over RUNS runs instead of the index (needs a --vary-* option or --weight-noise).")
    @Nullable
    Integer uncertainty;

    @Option(
            names = "--vary-normalise",
            paramLabel = "METHOD[:a,b]",
            description = "With --uncertainty: a normaliser the runs choose among (repeat the option).")
    List<String> varyNormalise = new ArrayList<>();

    @Option(
            names = "--vary-aggregate",
            paramLabel = "METHOD[:p]",
            description = "With --uncertainty: an aggregator the runs choose among (repeat the option).")
    List<String> varyAggregate = new ArrayList<>();

    @Option(
            names = "--vary-impute",
            paramLabel = "METHOD",
            description = "With --uncertainty: an imputation the runs choose among (repeat the option).")
    List<String> varyImpute = new ArrayList<>();

    @Option(
            names = "--vary-winsorise",
            paramLabel = "WINMAX",
            description = "With --uncertainty: a winsorisation limit the runs choose among (repeat the option).")
    List<Integer> varyWinsorise = new ArrayList<>();

    @Option(
            names = "--weight-noise",
            paramLabel = "F",
            description = "With --uncertainty: every weight below the top node varies by up to ±F of itself"
                    + " (COINr's noise factor, 0-1; 100 weight sets).")
    @Nullable
    Double weightNoise;

    @Option(
            names = "--target",
            paramLabel = "CODE",
            description = "With --uncertainty: the node whose ranks are analysed (default: the top node).")
    @Nullable
    String target;

    @Option(names = "--seed", paramLabel = "N", description = "With --uncertainty: random seed (default 1).")
    long seed = 1;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "With --uncertainty: threads to spread the runs over (default: all cores;"
                    + " the results do not depend on it).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(
            names = "--analysis",
            paramLabel = "DIR",
            description = "Also write analysis tables into DIR (created if needed): descriptives.csv,"
                    + " correlations.csv, availability.csv, alpha.csv, pca.csv, effective_weights.csv.")
    @Nullable
    Path analysis;

    @Option(
            names = "--runs-out",
            paramLabel = "FILE",
            description = "With --uncertainty: also write every run's sampled choices and the target's ranks"
                    + " (run,<inputs>,unit,rank[,period]).")
    @Nullable
    Path runsOut;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Pipeline p = pipeline();
        String cat = catalog;
        if (cat != null) {
            CatalogInput in = CatalogInput.read(data, cat, targets, err);
            int rc = in.write(writeMeta, writeData, err);
            if (rc != ExitCodes.OK) {
                return rc;
            }
            return build(in.hierarchy(), in.data(), in.hasErrors(), p, err);
        }
        Path metaFile = requireNonNull(meta, "--meta"); // pipeline() checked it
        CoinrMeta m;
        CoinrData d;
        try {
            m = CoinrReader.readMeta(metaFile);
            d = denominators == null ? CoinrReader.readData(data, m) : CoinrReader.readData(data, m, denominators);
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ":0:0: file not found");
            return ExitCodes.UNREADABLE;
        } catch (IOException e) {
            err.println("citykpi index: cannot read input: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        } catch (DataFormatException e) {
            err.println(located(e.problem()));
            return ExitCodes.UNREADABLE;
        }
        m.notes().forEach(err::println);
        d.notes().forEach(err::println);
        for (Problem rejected : d.problems()) {
            err.println(located(rejected));
        }
        if (d.problemsOmitted() > 0) {
            err.println("citykpi index: " + d.problemsOmitted() + " more problems not shown");
        }
        err.println(data + ": " + d.rowsRead() + " rows read, " + d.rowsAccepted() + " accepted, " + d.rowsRejected()
                + " rejected");
        return build(m.hierarchy(), d.data(), d.hasErrors(), p, err);
    }

    /** Builds the index (or runs the uncertainty analysis) and writes it; returns the exit code. */
    private int build(Hierarchy h, IndexData idata, boolean rowsRejected, Pipeline p, PrintWriter err) {
        Integer runs = uncertainty;
        if (runs != null) {
            return uncertainty(runs, h, idata, rowsRejected, p, err);
        }
        IndexResult r;
        try {
            r = CompositeIndex.of(h, idata).build(p);
        } catch (IndexException e) {
            err.println("citykpi index: " + e.getMessage());
            return ExitCodes.DATA_ERRORS;
        } catch (IllegalArgumentException e) {
            err.println("citykpi index: " + e.getMessage());
            return ExitCodes.DATA_ERRORS;
        }
        r.warnings().forEach(w -> err.println("note: " + w));
        Path dir = analysis;
        if (dir != null) {
            int rc = writeAnalysis(r, dir, err);
            if (rc != ExitCodes.OK) {
                return rc;
            }
        }
        try (Writer w = open()) {
            if (format.equals("json")) {
                IndexJson.write(r, w);
            } else {
                IndexCsvWriter.write(r, w);
            }
        } catch (IOException e) {
            err.println((out == null ? "stdout" : out.toString()) + ":0:0: cannot write: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        return rowsRejected ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
    }

    /** Writes the analysis tables of {@code r} into {@code dir}; returns the exit code so far. */
    private static int writeAnalysis(IndexResult r, Path dir, PrintWriter err) {
        Path file = dir;
        try {
            Files.createDirectories(dir);
            file = dir.resolve("descriptives.csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                IndexAnalysisCsvWriter.descriptives(r, w);
            }
            file = dir.resolve("correlations.csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                IndexAnalysisCsvWriter.correlations(r, IndexStatistics.Method.PEARSON, w);
            }
            file = dir.resolve("availability.csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                IndexAnalysisCsvWriter.availability(r, w);
            }
            file = dir.resolve("alpha.csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                IndexAnalysisCsvWriter.alpha(r, w);
            }
            file = dir.resolve("pca.csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                IndexAnalysisCsvWriter.pca(r, w);
            }
            file = dir.resolve("effective_weights.csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                IndexAnalysisCsvWriter.effectiveWeights(r, w);
            }
        } catch (IOException e) {
            err.println(file + ":0:0: cannot write: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        return ExitCodes.OK;
    }

    /** Runs the uncertainty analysis and writes the rank intervals. */
    private int uncertainty(int runs, Hierarchy h, IndexData idata, boolean rowsRejected, Pipeline p, PrintWriter err) {
        CompositeIndex index = CompositeIndex.of(h, idata);
        UncertaintyResult u;
        List<UncertainInput> in = inputs(h);
        try {
            UncertaintyAnalysis ua = UncertaintyAnalysis.create(index, p, in).withThreads(threads);
            if (target != null) {
                ua = ua.withTarget(target);
            }
            u = ua.run(runs, seed);
        } catch (IndexException e) {
            err.println("citykpi index: " + e.getMessage());
            return ExitCodes.DATA_ERRORS;
        } catch (IllegalArgumentException e) {
            err.println("citykpi index: " + e.getMessage());
            return ExitCodes.DATA_ERRORS;
        }
        // failed runs usually fail for the same reason: the first few say why
        u.failures().stream().limit(10).forEach(f -> err.println("note: " + f));
        if (u.failures().size() > 10) {
            err.println("note: ... and " + (u.failures().size() - 10) + " more failed runs");
        }
        err.println("uncertainty: " + u.runs() + " runs of " + String.join(", ", u.inputs()) + ", "
                + u.failures().size() + " failed; ranks of " + u.target());
        Path runsFile = runsOut;
        if (runsFile != null) {
            try (Writer w = Files.newBufferedWriter(runsFile, StandardCharsets.UTF_8)) {
                UncertaintyRunsCsvWriter.write(u, in, choices(in), idata, w);
            } catch (IOException e) {
                err.println(runsFile + ":0:0: cannot write: " + e.getMessage());
                return ExitCodes.UNREADABLE;
            }
        }
        try (Writer w = open()) {
            if (format.equals("json")) {
                UncertaintyJson.write(u, seed, w);
            } else {
                UncertaintyCsvWriter.write(u, idata.periods().size() > 1, w);
            }
        } catch (IOException e) {
            err.println((out == null ? "stdout" : out.toString()) + ":0:0: cannot write: " + e.getMessage());
            return ExitCodes.UNREADABLE;
        }
        return !rowsRejected && u.failures().isEmpty() ? ExitCodes.OK : ExitCodes.DATA_ERRORS;
    }

    /** The alternatives of the --vary-* options, parsed with the other options. */
    private List<Normaliser> normalisers = List.of();

    private List<Aggregator> aggregators = List.of();
    private List<Imputer> imputers = List.of();

    private static <T> List<T> parseEach(List<String> texts, java.util.function.Function<String, T> parse) {
        return texts.stream().map(parse).toList();
    }

    /**
     * Returns the text of each alternative of each input, as the options gave them (normalisers and
     * aggregators in their canonical form; weight sets numbered from 1).
     */
    private List<List<String>> choices(List<UncertainInput> in) {
        List<List<String>> out = new ArrayList<>();
        for (UncertainInput i : in) {
            List<String> c = new ArrayList<>();
            if (i instanceof UncertainInput.NormaliserChoice n) {
                n.options().forEach(o -> c.add(o.text()));
            } else if (i instanceof UncertainInput.AggregatorChoice a) {
                a.options().forEach(o -> c.add(o.text()));
            } else if (i instanceof UncertainInput.ImputerChoice) {
                c.addAll(varyImpute);
            } else if (i instanceof UncertainInput.TreatmentChoice) {
                varyWinsorise.forEach(x -> c.add("winsorise:" + x));
            } else {
                for (int k = 1; k <= i.alternatives(); k++) {
                    c.add("set " + k);
                }
            }
            out.add(c);
        }
        return out;
    }

    /** Returns the uncertain inputs named by the --vary-* and --weight-noise options. */
    private List<UncertainInput> inputs(Hierarchy h) {
        List<UncertainInput> in = new ArrayList<>();
        if (!imputers.isEmpty()) {
            in.add(new UncertainInput.ImputerChoice("imputation", imputers));
        }
        if (!varyWinsorise.isEmpty()) {
            in.add(UncertainInput.TreatmentChoice.winsorisationLimits(
                    "winsorisation",
                    varyWinsorise.stream().mapToInt(Integer::intValue).toArray()));
        }
        if (!normalisers.isEmpty()) {
            in.add(new UncertainInput.NormaliserChoice("normalisation", normalisers));
        }
        if (weightNoise != null) {
            List<Integer> levels = new ArrayList<>();
            for (int l = 1; l < h.levels(); l++) {
                levels.add(l);
            }
            in.add(new UncertainInput.WeightNoise("weights", levels, weightNoise, 100, seed));
        }
        if (!aggregators.isEmpty()) {
            in.add(new UncertainInput.AggregatorChoice("aggregation", aggregators));
        }
        return in;
    }

    private Pipeline pipeline() {
        CommandLine cl = spec.commandLine();
        try {
            boolean vary = !varyNormalise.isEmpty()
                    || !varyAggregate.isEmpty()
                    || !varyImpute.isEmpty()
                    || !varyWinsorise.isEmpty()
                    || weightNoise != null;
            if (uncertainty != null && !vary) {
                throw new IllegalArgumentException("--uncertainty needs at least one of --vary-normalise,"
                        + " --vary-aggregate, --vary-impute, --vary-winsorise or --weight-noise");
            }
            if (uncertainty == null && (vary || target != null || runsOut != null)) {
                throw new IllegalArgumentException(
                        "--vary-*, --weight-noise, --target and --runs-out need --uncertainty RUNS");
            }
            if ((meta == null) == (catalog == null)) {
                throw new IllegalArgumentException(
                        "give --meta IMETA.csv (with an iData table) or --catalog u4ssc|FILE (with city data), not "
                                + (meta == null ? "neither" : "both"));
            }
            if (catalog == null && (targets != null || writeMeta != null || writeData != null)) {
                throw new IllegalArgumentException("--targets, --write-meta and --write-data go with --catalog"
                        + " (with --meta, targets are the iMeta's Target column)");
            }
            if (catalog != null && denominators != null) {
                throw new IllegalArgumentException(
                        "--denominators goes with --meta (the catalog's KPIs are already" + " ratios)");
            }
            if (uncertainty != null && analysis != null) {
                throw new IllegalArgumentException("--analysis describes one build; it cannot go with --uncertainty");
            }
            if (uncertainty != null && uncertainty < 1) {
                throw new IllegalArgumentException("--uncertainty needs at least 1 run, got " + uncertainty);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
            if (weightNoise != null && !(weightNoise >= 0 && weightNoise <= 1)) {
                throw new IllegalArgumentException("--weight-noise must be in [0, 1], got " + weightNoise);
            }
            for (int x : varyWinsorise) {
                if (x < 1) {
                    throw new IllegalArgumentException("--vary-winsorise needs limits of at least 1, got " + x);
                }
            }
            // parse the alternatives now, so that a typo is a usage error
            normalisers = parseEach(varyNormalise, Normaliser::parse);
            aggregators = parseEach(varyAggregate, Aggregator::parse);
            imputers = parseEach(varyImpute, Imputer::parse);
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

    /**
     * Returns {@code problem} as this command has always written COINr problems: {@code
     * FILE:LINE:COLUMN: message} with every position field, 0 where not known (the message on one
     * line, as {@link Problem#toString()} writes it).
     */
    static String located(Problem problem) {
        String s = problem.toString();
        String rest = s.substring(s.indexOf(": ", problem.file().length()) + 2);
        return problem.file() + ":" + problem.line() + ":" + problem.column() + ": " + rest;
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
}
