package org.citykpi.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.engine.Explanation;
import org.citykpi.engine.Results;
import org.citykpi.score.GroupScore;
import org.citykpi.score.Scores;

/**
 * The report input arranged for building the report model: rows per entity in period order, group
 * scores by row, and the catalog's dimension order, with the counts of a city's summary. Built once
 * per report; not shared.
 */
final class Layout {
    final ReportInput in;
    final Catalog catalog;
    final Results results;
    final Scores scores;
    /** Entity → its rows, oldest period first; entities in dataset order. */
    final Map<String, List<Integer>> rowsByEntity = new LinkedHashMap<>();

    final Map<Integer, List<GroupScore>> scoresByRow = new HashMap<>();
    final List<String> dimensions;
    final List<String> subDimensions;

    Layout(ReportInput in) {
        this.in = in;
        this.catalog = in.catalog();
        this.results = in.results();
        this.scores = in.scores();
        for (int row = 0; row < results.rowCount(); row++) {
            rowsByEntity
                    .computeIfAbsent(results.entity(row), e -> new ArrayList<>())
                    .add(row);
        }
        for (List<Integer> rows : rowsByEntity.values()) {
            rows.sort((a, b) -> results.period(a).compareTo(results.period(b)));
        }
        for (GroupScore g : in.groups()) {
            int row = results.dataset().row(g.entity(), g.period());
            if (row >= 0) {
                scoresByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(g);
            }
        }
        Set<String> dims = new LinkedHashSet<>();
        Set<String> subs = new LinkedHashSet<>();
        for (Indicator i : catalog.indicators()) {
            if (!i.dimension().isEmpty()) {
                dims.add(i.dimension());
                if (!i.subDimension().isEmpty()) {
                    subs.add(i.subDimension());
                }
            }
        }
        dimensions = List.copyOf(dims);
        subDimensions = List.copyOf(subs);
    }

    /** Returns the rows of {@code entity} (an entity of the results), oldest period first; never empty. */
    List<Integer> rows(String entity) {
        return requireNonNull(rowsByEntity.get(entity), "every entity of the results has rows");
    }

    /** Returns the most recent row of {@code entity} (an entity of the results). */
    int latest(String entity) {
        List<Integer> rows = rows(entity);
        return rows.get(rows.size() - 1);
    }

    /** Returns the group scores of {@code row} at {@code level}, in catalog order. */
    List<GroupScore> scores(int row, GroupScore.Level level) {
        List<GroupScore> out = new ArrayList<>();
        for (GroupScore g : scoresByRow.getOrDefault(row, List.of())) {
            if (g.level() == level) {
                out.add(g);
            }
        }
        return out;
    }

    /** Returns the score of one group, or empty when the group has no score row. */
    Optional<GroupScore> score(int row, GroupScore.Level level, String group) {
        for (GroupScore g : scores(row, level)) {
            if (g.group().equals(group)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the overall score of a row: all points over 4 × all KPIs scored, summed over the
     * dimensions (each KPI with a dimension sits in exactly one), empty when nothing is scored.
     */
    OptionalDouble overall(int row) {
        long points = 0;
        long max = 0;
        for (GroupScore g : scores(row, GroupScore.Level.DIMENSION)) {
            points += g.points();
            max += g.maxPoints();
        }
        return max == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * points / max);
    }

    /** Counts for the summary of one row. */
    record Counts(int total, int reported, int withValues, int scored) {}

    /**
     * Counts the catalog's indicators (parts not counted separately) in {@code row}: reported when
     * the data holds the value or at least one input of its formula, with values when a value was
     * computed or reported, scored when the value earned points.
     */
    Counts counts(int row) {
        int total = 0;
        int reported = 0;
        int values = 0;
        int scored = 0;
        for (Indicator i : catalog.indicators()) {
            total++;
            if (results.isAvailable(row, i.id())) {
                values++;
                reported++;
            } else if (anyInput(row, i)) {
                reported++;
            }
            if (scores.isScored(row, i.id())) {
                scored++;
            }
        }
        return new Counts(total, reported, values, scored);
    }

    private boolean anyInput(int row, Indicator i) {
        List<String> outs = new ArrayList<>();
        outs.add(i.id());
        for (var p : i.parts()) {
            outs.add(i.id() + "/" + p.id());
        }
        for (String o : outs) {
            if (results.isAvailable(row, o)) {
                return true;
            }
            for (Explanation.Input x : results.explain(row, o).inputs()) {
                if (x.value().isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }
}
