package org.citykpi.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.ResultRecord;
import org.citykpi.engine.Results;
import org.citykpi.engine.RuleViolation;
import org.citykpi.score.GroupScore;
import org.citykpi.score.U4sscScoring;

/**
 * Everything a report shows: the engine results (which carry the catalog and the dataset), the
 * targets, the U4SSC records and group scores derived from them, the plausibility rules that do not
 * hold, the data account and a title. Build one with {@link #of} and the {@code with…} methods; the
 * records, scores and violations are computed once, by {@link U4sscScoring} and {@link
 * Results#violations()}, so the report shows exactly the numbers {@code citykpi compute} and
 * {@code citykpi score} write. Immutable and thread-safe.
 *
 * @param title report title (plain text; escaped when rendered)
 * @param results engine results
 * @param targets targets the values were scored against (may be empty)
 * @param records one record per row and output, as {@link U4sscScoring#records} returns them
 * @param scores group scores, as {@link U4sscScoring#rollUp} returns them
 * @param violations plausibility rules that do not hold
 * @param account what reading the data found
 * @param progress the method that assesses progress towards targets over time, for cities with
 *     data in two or more periods (Statistics Canada / Open SDG by default, as {@link
 *     ProgressMethod.StatCan#defaults()})
 */
public record ReportInput(
        String title,
        Results results,
        TargetSet targets,
        List<ResultRecord> records,
        List<GroupScore> scores,
        List<RuleViolation> violations,
        DataAccount account,
        ProgressMethod progress) {

    /** Validates the fields and copies the lists. */
    public ReportInput {
        requireNonNull(title, "title");
        requireNonNull(results, "results");
        requireNonNull(targets, "targets");
        records = List.copyOf(requireNonNull(records, "records"));
        scores = List.copyOf(requireNonNull(scores, "scores"));
        violations = List.copyOf(requireNonNull(violations, "violations"));
        requireNonNull(account, "account");
        requireNonNull(progress, "progress");
        if (records.size() != results.rowCount() * results.outputs().size()) {
            throw new IllegalArgumentException("records do not match results: " + records.size() + " records for "
                    + results.rowCount() + " rows x " + results.outputs().size() + " outputs");
        }
    }

    /**
     * Creates the input with progress assessed by the Statistics Canada / Open SDG method (the
     * default, {@link ProgressMethod.StatCan#defaults()}).
     */
    public ReportInput(
            String title,
            Results results,
            TargetSet targets,
            List<ResultRecord> records,
            List<GroupScore> scores,
            List<RuleViolation> violations,
            DataAccount account) {
        this(title, results, targets, records, scores, violations, account, ProgressMethod.StatCan.defaults());
    }

    /**
     * Returns the input for {@code results} scored against {@code targets}, titled after the
     * catalog, with no data account, progress assessed by the Statistics Canada / Open SDG method.
     */
    public static ReportInput of(Results results, TargetSet targets) {
        requireNonNull(results, "results");
        requireNonNull(targets, "targets");
        return new ReportInput(
                "City indicators report",
                results,
                targets,
                U4sscScoring.records(results, targets),
                U4sscScoring.rollUp(results, targets),
                results.violations(),
                DataAccount.none(),
                ProgressMethod.StatCan.defaults());
    }

    /** Returns this input with the title. */
    public ReportInput withTitle(String title) {
        return new ReportInput(title, results, targets, records, scores, violations, account, progress);
    }

    /** Returns this input with the data account. */
    public ReportInput withAccount(DataAccount account) {
        return new ReportInput(title, results, targets, records, scores, violations, account, progress);
    }

    /**
     * Returns this input with progress towards targets assessed by {@code method} (any of {@link
     * ProgressMethod#defaults()}, or one with its own parameters); the report names it.
     */
    public ReportInput withProgress(ProgressMethod method) {
        return new ReportInput(title, results, targets, records, scores, violations, account, method);
    }

    /** Returns the catalog that was evaluated. */
    public Catalog catalog() {
        return results.catalog();
    }
}
