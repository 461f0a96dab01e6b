package org.citykpi.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Rule;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.engine.RuleViolation;
import org.citykpi.io.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Checks data files against a catalog without computing an output: every format problem and every
 * value outside its variable's valid range (each at {@code FILE:LINE:COLUMN}), every plausibility
 * rule that does not hold (naming entity and period), and, for each KPI, the inputs the data lacks.
 *
 * <p>Errors: rejected rows (format, range, unit, duplicates) and broken rules of severity {@code
 * error}. Warnings: broken rules of severity {@code warning}, KPIs that cannot be computed for
 * some entity and period because an input is missing, and the readers' warnings (empty values).
 * Exit 0 without errors, 1 with any, 3 when an input cannot be read at all.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks data against a catalog: format problems and values outside their valid range (with",
            "FILE:LINE:COLUMN), plausibility rules, and the inputs each KPI lacks. Writes nothing else."
        },
        footer = {
            "",
            "Findings go to stderr, one per line; a verdict line goes to stdout.",
            "Exit codes: 0 no error, 1 errors found, 2 bad usage, 3 an input cannot be read.",
            "",
            "Example:",
            "  citykpi validate --data city.csv --catalog u4ssc"
        })
final class ValidateCommand implements Callable<Integer> {
    /** KPIs with missing inputs list at most this many entity-periods each. */
    static final int EXAMPLES = 3;

    @Spec
    CommandSpec spec;

    @Mixin
    DataInput input;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Catalog cat = input.catalog();
        ReadResult read = input.readChecked(cat, err);
        long errors = read.errorCount();
        long warnings = read.warningCount();

        Results results = Engine.create(cat).evaluate(read.dataset());
        for (RuleViolation v : results.violations()) {
            err.println("citykpi: " + v.message());
            if (v.rule().severity() == Rule.Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
        }
        warnings += missingInputs(cat, read.dataset(), results, err);
        err.flush();
        out.println("citykpi validate: " + (errors == 0 ? "no errors" : errors + (errors == 1 ? " error" : " errors"))
                + ", " + warnings + (warnings == 1 ? " warning" : " warnings") + " (" + read.summary() + "; "
                + read.dataset().rowCount() + " entity-periods; catalog " + cat.id() + ")");
        out.flush();
        return errors > 0 ? ExitCodes.DATA_ERRORS : ExitCodes.OK;
    }

    /**
     * Prints, for each KPI, the inputs it lacks: the variables absent from the whole dataset, or
     * the entity-periods where an input is missing (a few named). Returns the number of warnings.
     */
    static long missingInputs(Catalog cat, Dataset data, Results results, PrintWriter err) {
        long warnings = 0;
        for (Indicator ind : cat.indicators()) {
            String id = ind.id();
            if (!results.outputs().contains(id)) {
                continue;
            }
            Set<String> absent = new LinkedHashSet<>();
            for (String v : variablesOf(cat, id, new LinkedHashSet<>())) {
                if (!data.has(v)) {
                    absent.add(v);
                }
            }
            boolean reportedColumn = data.has(id) || (!ind.code().isEmpty() && data.has(ind.code()));
            Map<String, String> missingRows = new LinkedHashMap<>();
            int missing = 0;
            for (int r = 0; r < results.rowCount(); r++) {
                KpiResult k = results.get(r, id);
                if (k instanceof KpiResult.NotAvailable na && na.cause() == KpiResult.Cause.MISSING_INPUT) {
                    missing++;
                    if (missingRows.size() < EXAMPLES) {
                        missingRows.put(results.entity(r) + " " + results.period(r), na.detail());
                    }
                }
            }
            if (missing == 0) {
                continue;
            }
            warnings++;
            StringBuilder sb = new StringBuilder("citykpi: warning: ").append(id);
            if (!ind.code().isEmpty()) {
                sb.append(" (").append(ind.code()).append(')');
            }
            sb.append(' ').append(ind.name()).append(": ");
            if (missing == results.rowCount() && !absent.isEmpty() && !reportedColumn) {
                sb.append("cannot be computed, the data has no ").append(String.join(", ", absent));
            } else {
                sb.append("missing input for ").append(missing).append(" of ").append(results.rowCount());
                sb.append(" entity-periods");
                List<String> ex = new ArrayList<>();
                for (Map.Entry<String, String> en : missingRows.entrySet()) {
                    ex.add(en.getKey() + " (" + en.getValue() + ")");
                }
                sb.append(": ").append(String.join("; ", ex));
                if (missing > missingRows.size()) {
                    sb.append("; …");
                }
            }
            err.println(sb);
        }
        return warnings;
    }

    /** Returns the variables {@code output} reads, directly or through the outputs it reads. */
    private static Set<String> variablesOf(Catalog cat, String output, Set<String> seen) {
        Set<String> vars = new LinkedHashSet<>();
        if (!seen.add(output)) {
            return vars;
        }
        Set<String> outs = new LinkedHashSet<>(cat.dependencies(output));
        for (String ref : cat.formula(output).references()) {
            if (outs.contains(ref) || cat.output(ref).isPresent()) {
                if (!ref.equals(output)) {
                    vars.addAll(variablesOf(cat, cat.output(ref).orElse(ref), seen));
                }
            } else {
                vars.add(ref);
            }
        }
        return vars;
    }
}
