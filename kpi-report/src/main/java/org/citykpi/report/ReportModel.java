package org.citykpi.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.assess.ProgressMethod;
import org.citykpi.assess.ProgressResult;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Direction;
import org.citykpi.engine.Explanation;
import org.citykpi.engine.RuleViolation;
import org.citykpi.observe.RollupProvenance;
import org.citykpi.score.Band;

/**
 * Everything the report shows, computed once from a {@link ReportInput} by {@link #of}: per city
 * its summary, group scores with their bands, the KPIs furthest from target, every KPI with its
 * score and explanation, trends, progress towards targets and data quality; for several cities the
 * ranks, the small multiples and the heat table; and the data account. The views ({@link HtmlPage}
 * and the views it calls) only write this model as HTML and SVG: they never rank, assess, score or
 * look anything up. Lists are in the order the report shows them. Immutable.
 *
 * @param title report title
 * @param catalogId id of the catalog evaluated
 * @param catalogVersion its version
 * @param kpiCount indicators in the catalog
 * @param targetCount targets given
 * @param sources input files, as the user named them
 * @param comparison the comparison of cities, present when there are two or more
 * @param cities one section per city, in dataset order
 * @param account the data account
 */
record ReportModel(
        String title,
        String catalogId,
        String catalogVersion,
        int kpiCount,
        int targetCount,
        List<String> sources,
        Optional<Comparison> comparison,
        List<City> cities,
        Account account) {

    /** Builds the model of {@code input}. */
    static ReportModel of(ReportInput input) {
        return new ModelBuilder(new Layout(input)).build();
    }

    /** How a verdict reads, for its colour: good, bad, in between, or neither. */
    enum Tone {
        GOOD,
        BAD,
        MIXED,
        NEUTRAL
    }

    /**
     * A group's score card: the score in percent of the maximum points and its band (both empty
     * when no KPI of the group is scored), and how many of its KPIs are scored.
     *
     * @param name dimension name, or {@code Overall}
     * @param overall true for the card of all dimensions together
     */
    record Card(String name, boolean overall, OptionalDouble score, Optional<Band> band, int scored, int total) {}

    /** One axis of a radar chart: a group and its score and band (empty when not scored). */
    record Axis(String label, OptionalDouble score, Optional<Band> band) {}

    /**
     * The score of a KPI that earned points: its attainment in percent of target (empty when a value
     * of 0 meets a lower-is-better target) and its band, whose points it earned.
     */
    record Scored(OptionalDouble attainment, Band band) {}

    /** A scored KPI below {@code 95+}, among the furthest from its target. */
    record Furthest(String kpi, String name, String dimension, Scored score) {}

    /**
     * An input of a KPI's formula with its value, as the explanation lists it.
     *
     * @param description the variable's description from the catalog (empty when none)
     */
    record Input(String name, String description, Explanation.Kind kind, OptionalDouble value, String status) {}

    /**
     * One KPI or part of one city at its latest period, as its table row, bar and explanation show
     * it.
     *
     * @param kpi output id ({@code <indicator>/<part>} for a part)
     * @param part whether it is a part
     * @param name indicator name, or the part's own name
     * @param code published code (or id) of an indicator; the output id of a part
     * @param tier tier word of an indicator ({@code core}, {@code advanced}); empty when none, and
     *     for parts
     * @param result value or cause
     * @param target the target applied, if any
     * @param score the score, when the value earned points
     * @param source methodology source of an indicator; empty for parts
     * @param direction the indicator's direction
     * @param formula the formula as text
     * @param inputs the formula's inputs with their values
     * @param definition the indicator's definition; empty for parts
     * @param reportedAs for a reported value, the output under whose id the data gave it (the row's
     *     own, or the headline part an indicator passes on); empty otherwise
     */
    record KpiRow(
            String kpi,
            boolean part,
            String name,
            String code,
            String tier,
            String unit,
            KpiResult result,
            Optional<Target> target,
            Optional<Scored> score,
            String source,
            Direction direction,
            String formula,
            List<Input> inputs,
            String definition,
            String reportedAs) {}

    /** An indicator's row followed by the rows of its parts. */
    record KpiEntry(KpiRow own, List<KpiRow> parts) {}

    /** Indicators of one sub-dimension and category ({@code title} empty when they have neither). */
    record KpiGroup(String title, List<KpiEntry> kpis) {}

    /**
     * One dimension of a city: its score and band, and its KPIs by sub-dimension and category.
     *
     * @param name the dimension; empty for indicators outside any dimension
     */
    record Dimension(String name, OptionalDouble score, Optional<Band> band, List<KpiGroup> groups) {}

    /** How a KPI moved from its first to its latest value, in the KPI's own direction. */
    enum Change {
        NO_CHANGE("no change", Tone.NEUTRAL),
        BETTER_UP("better \u25b2", Tone.GOOD),
        BETTER_DOWN("better \u25bc", Tone.GOOD),
        WORSE_UP("worse \u25b2", Tone.BAD),
        WORSE_DOWN("worse \u25bc", Tone.BAD),
        UP("up \u25b2", Tone.NEUTRAL),
        DOWN("down \u25bc", Tone.NEUTRAL),
        CLOSER("better (closer to target)", Tone.GOOD),
        FURTHER("worse (further from target)", Tone.BAD);

        final String words;
        final Tone tone;

        Change(String words, Tone tone) {
            this.words = words;
            this.tone = tone;
        }
    }

    /** A KPI with values in two or more periods: the series, its target and how it moved. */
    record Trend(
            String kpi,
            String name,
            String unit,
            List<String> periods,
            List<Double> values,
            OptionalDouble target,
            Change change) {}

    /** One assessed series of a KPI with a target, and the tone of its category. */
    record ProgressLine(String kpi, String name, ProgressResult result, Tone tone) {}

    /** Progress towards targets of one city by one method. */
    record Progress(ProgressMethod method, List<ProgressLine> lines) {}

    /** Coverage of one dimension and category at a city's latest period. */
    record Coverage(String group, int kpis, int withValue, int scored) {}

    /** A KPI or part without a value, and the inputs it lacks. */
    record Missing(String kpi, String name, KpiResult.NotAvailable result, List<Explanation.Input> lacking) {}

    /**
     * One city's section.
     *
     * @param latestPeriod label of the latest period, which the summary, bars and tables show
     * @param firstPeriod label of the first period
     * @param periodCount periods in the data for the city
     * @param cards the overall card, then one per dimension of the catalog
     * @param furthest at most six scored KPIs below {@code 95+}, lowest attainment first
     * @param radar one axis per sub-dimension
     * @param dimensions one section per dimension, then one for indicators outside any
     * @param trends the KPIs with values in two or more periods (none with a single period)
     * @param progress progress towards targets, present when the city has two or more periods
     * @param violations plausibility rules that do not hold, in any period
     * @param observations where the city's values made from sensor readings came from, in any period
     */
    record City(
            String entity,
            String latestPeriod,
            String firstPeriod,
            int periodCount,
            CitySummary summary,
            List<Card> cards,
            List<Furthest> furthest,
            List<Axis> radar,
            List<Dimension> dimensions,
            List<Trend> trends,
            Optional<Progress> progress,
            List<Coverage> coverage,
            List<Missing> missing,
            List<RuleViolation> violations,
            List<RollupProvenance> observations) {}

    /**
     * One cell of the ranking: a score, its rank and band (all empty when not scored).
     *
     * @param group a dimension, or empty for the overall score
     */
    record RankCell(String group, OptionalDouble score, OptionalInt rank, Optional<Band> band) {}

    /** One city's row of the ranking: overall, then each dimension. */
    record Ranked(String entity, String period, List<RankCell> cells) {}

    /** One city's small radar: its overall score and band, and its sub-dimension scores. */
    record Multiple(String entity, OptionalDouble overall, Optional<Band> band, List<Axis> axes) {}

    /** One city's cell of the heat table: the KPI's value (empty when none) and band (when scored). */
    record HeatCell(String entity, OptionalDouble value, Optional<Band> band) {}

    /** One KPI of the heat table, a cell per city in ranking order. */
    record HeatRow(String kpi, String name, String code, List<HeatCell> cells) {}

    /** Consecutive KPIs of one dimension in the heat table ({@code dimension} empty: outside any). */
    record HeatBlock(String dimension, List<HeatRow> rows) {}

    /**
     * The comparison of cities at their latest periods.
     *
     * @param dimensions the catalog's dimensions, the ranking's columns after Overall
     * @param ranking cities by overall rank (1 first; cities without a score last, in dataset order)
     * @param multiples the small radars, in ranking order
     * @param heat every indicator, city by city in ranking order
     */
    record Comparison(List<String> dimensions, List<Ranked> ranking, List<Multiple> multiples, List<HeatBlock> heat) {}

    /**
     * The data account and the counts the report states about it.
     *
     * @param errors problems that rejected a row or a value (those that are not warnings)
     * @param violations plausibility rules that do not hold, over all cities and periods
     */
    record Account(DataAccount data, int errors, int violations) {}
}
