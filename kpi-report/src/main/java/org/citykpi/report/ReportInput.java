package org.citykpi.report;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.engine.Results;
import org.citykpi.engine.RuleViolation;
import org.citykpi.observe.RollupProvenance;
import org.citykpi.score.GroupScore;
import org.citykpi.score.Scores;
import org.citykpi.score.U4sscScoring;

/**
 * Everything a report shows: the U4SSC scores of the engine results (which carry the catalog, the
 * dataset and the targets), the group scores rolled up from them, the plausibility rules that do
 * not hold, the data account and a title. Build one with {@link #of} and the {@code with…}
 * methods; the scores, group scores and violations are computed once, by {@link U4sscScoring} and
 * {@link Results#violations()}, so the report shows exactly the numbers {@code citykpi compute} and
 * {@code citykpi score} write. Immutable and thread-safe.
 *
 * @param title report title (plain text; escaped when rendered)
 * @param scores the engine results scored against the targets (may be none), as {@link
 *     U4sscScoring#score(Results, TargetSet)} gives them
 * @param groups group scores, as {@link U4sscScoring#rollUp} returns them
 * @param violations plausibility rules that do not hold
 * @param account what reading the data found
 * @param progress the method that assesses progress towards targets over time, for cities with
 *     data in two or more periods (Statistics Canada / Open SDG by default, as {@link
 *     ProgressMethod.StatCan#defaults()})
 * @param observations where the values made from sensor readings came from (the stations used
 *     and left out, with their capture), shown in each city's data quality section; empty when
 *     no value came from readings
 */
public record ReportInput(
        String title,
        Scores scores,
        List<GroupScore> groups,
        List<RuleViolation> violations,
        DataAccount account,
        ProgressMethod progress,
        List<RollupProvenance> observations) {

    /**
     * Validates the fields and copies the lists.
     *
     * @param title report title (plain text; escaped when rendered)
     * @param scores the engine results scored against the targets (the target set may be empty), as
     *     {@link U4sscScoring#score(Results, TargetSet)} gives them
     * @param groups group scores of the results' rows, as {@link U4sscScoring#rollUp} returns them;
     *     each names an entity and period of the results
     * @param violations plausibility rules that do not hold, as {@link Results#violations()} gives
     *     them; empty when all hold
     * @param account what reading the data found; {@link DataAccount#none()} for data built in code
     * @param progress the method that assesses progress towards targets over time
     * @param observations where the values made from sensor readings came from; empty for none
     * @throws IllegalArgumentException if a group score names an entity and period the results do
     *     not have
     */
    public ReportInput {
        requireNonNull(title, "title");
        requireNonNull(scores, "scores");
        groups = List.copyOf(requireNonNull(groups, "groups"));
        violations = List.copyOf(requireNonNull(violations, "violations"));
        requireNonNull(account, "account");
        requireNonNull(progress, "progress");
        observations = List.copyOf(requireNonNull(observations, "observations"));
        for (GroupScore g : groups) {
            if (scores.results().dataset().row(g.entity(), g.period()) < 0) {
                throw new IllegalArgumentException("group score of " + g.entity() + " "
                        + g.period().label() + " does not match the results: no such entity and period");
            }
        }
    }

    /**
     * Creates the input with progress assessed by the Statistics Canada / Open SDG method (the
     * default, {@link ProgressMethod.StatCan#defaults()}).
     *
     * @param title report title (plain text; escaped when rendered)
     * @param scores the engine results scored against the targets (the target set may be empty), as
     *     {@link U4sscScoring#score(Results, TargetSet)} gives them
     * @param groups group scores of the results' rows, as {@link U4sscScoring#rollUp} returns them;
     *     each names an entity and period of the results
     * @param violations plausibility rules that do not hold, as {@link Results#violations()} gives
     *     them; empty when all hold
     * @param account what reading the data found; {@link DataAccount#none()} for data built in code
     * @throws IllegalArgumentException if a group score names an entity and period the results do
     *     not have
     */
    public ReportInput(
            String title, Scores scores, List<GroupScore> groups, List<RuleViolation> violations, DataAccount account) {
        this(title, scores, groups, violations, account, ProgressMethod.StatCan.defaults(), List.of());
    }

    /**
     * Creates the input with no value made from sensor readings.
     *
     * @param title report title (plain text; escaped when rendered)
     * @param scores the engine results scored against the targets (the target set may be empty), as
     *     {@link U4sscScoring#score(Results, TargetSet)} gives them
     * @param groups group scores of the results' rows, as {@link U4sscScoring#rollUp} returns them;
     *     each names an entity and period of the results
     * @param violations plausibility rules that do not hold, as {@link Results#violations()} gives
     *     them; empty when all hold
     * @param account what reading the data found; {@link DataAccount#none()} for data built in code
     * @param progress the method that assesses progress towards targets over time
     * @throws IllegalArgumentException if a group score names an entity and period the results do
     *     not have
     */
    public ReportInput(
            String title,
            Scores scores,
            List<GroupScore> groups,
            List<RuleViolation> violations,
            DataAccount account,
            ProgressMethod progress) {
        this(title, scores, groups, violations, account, progress, List.of());
    }

    /**
     * Returns the input for {@code results} scored against {@code targets}, with the default title,
     * no data account, progress assessed by the Statistics Canada / Open SDG method.
     *
     * @param results the engine results to report
     * @param targets the targets to score them against; an empty set scores nothing
     * @return the input titled {@code City indicators report}, with the scores, group scores and
     *     violations of {@code results} and {@link DataAccount#none()}
     */
    public static ReportInput of(Results results, TargetSet targets) {
        requireNonNull(results, "results");
        requireNonNull(targets, "targets");
        Scores scores = U4sscScoring.score(results, targets);
        return new ReportInput(
                "City indicators report",
                scores,
                U4sscScoring.rollUp(scores),
                results.violations(),
                DataAccount.none(),
                ProgressMethod.StatCan.defaults(),
                List.of());
    }

    /**
     * Returns this input with the title.
     *
     * @param title report title (plain text; escaped when rendered)
     * @return a copy of this input with {@code title}
     */
    public ReportInput withTitle(String title) {
        return new ReportInput(title, scores, groups, violations, account, progress, observations);
    }

    /**
     * Returns this input with the data account.
     *
     * @param account what reading the data found
     * @return a copy of this input with {@code account}
     */
    public ReportInput withAccount(DataAccount account) {
        return new ReportInput(title, scores, groups, violations, account, progress, observations);
    }

    /**
     * Returns this input with progress towards targets assessed by {@code method}; the report names
     * it.
     *
     * @param method any of {@link ProgressMethod#defaults()}, or one with its own parameters
     * @return a copy of this input with {@code method} as {@link #progress()}
     */
    public ReportInput withProgress(ProgressMethod method) {
        return new ReportInput(title, scores, groups, violations, account, method, observations);
    }

    /**
     * Returns this input with the provenance of the values made from sensor readings: each city's
     * data quality section then lists the stations that fed its values, with their capture and
     * whether the value used them.
     *
     * @param rollups where each such value came from, as {@code org.citykpi.observe.Bridge} gives it
     * @return a copy of this input with {@code rollups} as {@link #observations()}
     */
    public ReportInput withObservations(List<RollupProvenance> rollups) {
        return new ReportInput(title, scores, groups, violations, account, progress, rollups);
    }

    /** {@return the engine results that were scored} */
    public Results results() {
        return scores.results();
    }

    /** {@return the targets the results were scored against} */
    public TargetSet targets() {
        return scores.targets();
    }

    /** {@return the catalog that was evaluated} */
    public Catalog catalog() {
        return scores.results().catalog();
    }
}
