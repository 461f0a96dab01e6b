package org.citykpi.io.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.Quote;
import org.citykpi.assess.Target;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;

/**
 * Reads targets JSON: {@code {"format": "citykpi-targets/1", "targets": [{"kpi", "target",
 * "target_period", "baseline", "baseline_period", "source"}]}}. Problems name the file and the
 * target's index ({@code targets[3]}) since JSON has no rows; a target's "line" is its index + 1.
 * Thread-safe (stateless).
 */
public final class TargetsJson {
    /** The format this class reads. */
    public static final String FORMAT = "citykpi-targets/1";

    private TargetsJson() {}

    /**
     * Reads targets JSON text named {@code name}, adding the problem of every rejected target to
     * {@code problems}, and returns the targets read (second targets for one KPI are not checked
     * here).
     *
     * @throws DataFormatException if the text is not JSON, or not a targets document
     */
    public static List<LocatedTarget> read(String name, String text, Catalog catalog, List<Problem> problems) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new DataFormatException(name, line, col, "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new DataFormatException(
                    name, 1, 0, "", "expected {\"format\": \"" + FORMAT + "\", \"targets\": [...]}");
        }
        JsonNode arr = root.path("targets");
        if (!arr.isArray()) {
            throw new DataFormatException(name, 1, 0, "", "\"targets\" must be an array");
        }
        List<LocatedTarget> found = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode t = arr.get(i);
            String where = "targets[" + i + "]";
            String kpi = t.path("kpi").asText("");
            Optional<String> out = catalog.output(kpi);
            if (out.isEmpty()) {
                problems.add(Problem.error(
                        name,
                        0,
                        0,
                        kpi,
                        where + ": unknown KPI " + Quote.of(kpi) + " (expected an id or code of catalog " + catalog.id()
                                + ")"));
                continue;
            }
            if (!t.path("target").isNumber()) {
                problems.add(Problem.error(
                        name, 0, 0, t.path("target").toString(), where + ": \"target\" must be a number"));
                continue;
            }
            try {
                Optional<Period> tp = period(t, "target_period");
                Optional<Period> bp = period(t, "baseline_period");
                Optional<Double> base = t.path("baseline").isNumber()
                        ? Optional.of(t.path("baseline").asDouble())
                        : Optional.empty();
                found.add(new LocatedTarget(
                        new Target(
                                out.get(),
                                t.path("target").asDouble(),
                                tp,
                                base,
                                bp,
                                t.path("source").asText("")),
                        i + 1));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(name, 0, 0, "", where + ": " + Failures.message(e)));
            }
        }
        return found;
    }

    private static Optional<Period> period(JsonNode t, String field) {
        JsonNode n = t.get(field);
        return n == null || n.isNull() || n.asText().isBlank()
                ? Optional.empty()
                : Optional.of(Period.parse(n.asText()));
    }
}
