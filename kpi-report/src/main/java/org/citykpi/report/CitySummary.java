package org.citykpi.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.citykpi.Period;
import org.citykpi.score.Band;
import org.citykpi.score.GroupScore;

/**
 * The headline numbers of one city at its latest period, as the report's summary shows them (and
 * {@code citykpi report} prints in the terminal): how many of the catalog's KPIs are reported, have
 * a value and are scored, and the overall and per-dimension U4SSC scores. Immutable.
 *
 * <p>Counting (indicators only; parts are not counted separately): <em>reported</em> when the data
 * holds the KPI's value or at least one input of its formula; <em>with a value</em> when a value
 * was computed or reported; <em>scored</em> when the value earned points against a target. The
 * overall score is all points over 4 × all KPIs scored, summed over the dimensions (U4SSC's group
 * rule applied to the whole catalog).
 *
 * @param entity entity code
 * @param period the entity's latest period
 * @param kpis indicators in the catalog
 * @param reported indicators reported
 * @param withValues indicators with a value
 * @param scored indicators scored
 * @param points points earned over the dimensions
 * @param maxPoints {@code 4 × KPIs scored} over the dimensions
 * @param dimensions the dimension scores, in catalog order
 */
public record CitySummary(
        String entity,
        Period period,
        int kpis,
        int reported,
        int withValues,
        int scored,
        int points,
        int maxPoints,
        List<GroupScore> dimensions) {

    /**
     * Validates the fields and copies the list.
     *
     * @param entity entity code, as in the dataset
     * @param period the entity's latest period in the results
     * @param kpis number of indicators in the catalog (parts not counted separately)
     * @param reported number of indicators for which the data hold the value or at least one input of
     *     the formula
     * @param withValues number of indicators with a computed or reported value, at most {@code kpis}
     * @param scored number of indicators whose value earned points against a target, at most {@code
     *     withValues}
     * @param points points earned, summed over the dimensions: 0 to {@code maxPoints}
     * @param maxPoints 4 × the KPIs scored, summed over the dimensions; 0 when nothing is scored
     * @param dimensions the entity's dimension scores at {@code period}, in catalog order; empty when
     *     no dimension has a score
     * @throws IllegalArgumentException if {@code points} is outside 0 to {@code maxPoints}, or more
     *     KPIs have values than the catalog holds, or more are scored than have values
     */
    public CitySummary {
        requireNonNull(entity, "entity");
        requireNonNull(period, "period");
        dimensions = List.copyOf(dimensions);
        if (points < 0 || points > maxPoints || withValues > kpis || scored > withValues) {
            throw new IllegalArgumentException("inconsistent summary for " + entity);
        }
    }

    /**
     * Returns one summary per entity, in dataset order, each at the entity's latest period.
     *
     * @param input the scored results and group scores to summarise
     * @return one summary per entity of the results, in dataset order; empty when the results have
     *     no rows
     */
    public static List<CitySummary> of(ReportInput input) {
        return of(new Layout(requireNonNull(input, "input")));
    }

    static List<CitySummary> of(Layout m) {
        List<CitySummary> out = new ArrayList<>();
        for (String e : m.rowsByEntity.keySet()) {
            out.add(of(m, e));
        }
        return out;
    }

    static CitySummary of(Layout m, String entity) {
        int row = m.latest(entity);
        Layout.Counts c = m.counts(row);
        List<GroupScore> dims = m.scores(row, GroupScore.Level.DIMENSION);
        int points = 0;
        int max = 0;
        for (GroupScore g : dims) {
            points += g.points();
            max += g.maxPoints();
        }
        return new CitySummary(
                entity, m.results.period(row), c.total(), c.reported(), c.withValues(), c.scored(), points, max, dims);
    }

    /**
     * {@return the overall score in percent, {@code 100 × points / maxPoints} (0 to 100), or empty
     * when no KPI is scored}
     */
    public OptionalDouble overallPercent() {
        return maxPoints == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * points / maxPoints);
    }

    /** {@return the U4SSC band of the overall score, or empty when no KPI is scored} */
    public Optional<Band> overallBand() {
        OptionalDouble p = overallPercent();
        return p.isPresent() ? Optional.of(Band.of(p.getAsDouble())) : Optional.empty();
    }
}
