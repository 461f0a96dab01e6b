package org.citykpi.score;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.Period;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;

/**
 * A view of one cell of {@link Scores}: the outcome for one entity, period and indicator (or
 * indicator part {@code <id>/<part>}), with its target and U4SSC score where there is one; one row
 * of the {@code compute} output. Nothing is copied: each accessor reads the columns of the scores
 * and the results when called ({@link #result()} builds its object then). Holding a view keeps its
 * scores reachable. Immutable and thread-safe.
 */
public final class ScoredResult {
    private final Scores scores;
    private final int row;
    private final int output;

    ScoredResult(Scores scores, int row, int output) {
        this.scores = scores;
        this.row = row;
        this.output = output;
    }

    /** {@return the row of the results (and of the dataset) this cell belongs to} */
    public int row() {
        return row;
    }

    /** {@return the entity code} */
    public String entity() {
        return scores.results().entity(row);
    }

    /** {@return the reporting period} */
    public Period period() {
        return scores.results().period(row);
    }

    /** {@return the indicator id, or {@code <id>/<part>} for a part of a multi-part indicator} */
    public String kpi() {
        return scores.output(output);
    }

    /** {@return the indicator (or part) name; a part's reads {@code <indicator name>: <part name>}} */
    public String name() {
        return scores.name(output);
    }

    /** {@return the unit of the value, empty if the catalog gives none} */
    public String unit() {
        return scores.unit(output);
    }

    /** {@return the value with its provenance, or the cause of its absence (made on this call)} */
    public KpiResult result() {
        return scores.results().get(row, scores.output(output));
    }

    /** {@return the formula as the catalog writes it} */
    public String formula() {
        return scores.formula(output);
    }

    /** {@return the target applied (the same for every row of the output), or empty when there is none} */
    public Optional<Target> target() {
        return scores.target(output);
    }

    /** {@return the attainment in percent of target, or empty if not scored or the ratio is infinite} */
    public OptionalDouble attainment() {
        return scores.attainment(row, output);
    }

    /** {@return the U4SSC points 1–4, or empty when not scored} */
    public OptionalInt points() {
        return scores.points(row, output);
    }

    /** {@return the U4SSC band, or empty when not scored} */
    public Optional<Band> band() {
        return scores.band(row, output);
    }

    /** Returns true when both views show the same cell of the same scores. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredResult s && s.scores == scores && s.row == row && s.output == output;
    }

    @Override
    public int hashCode() {
        return (System.identityHashCode(scores) * 31 + row) * 31 + output;
    }

    /** Returns {@code entity period kpi: status}, for messages and debugging. */
    @Override
    public String toString() {
        return entity() + " " + period().label() + " " + kpi() + ": " + result().status();
    }
}
