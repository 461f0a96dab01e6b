package org.citykpi.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.assess.Target;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;
import org.citykpi.io.TargetsReader;

/**
 * Reads targets JSON: {@code {"format": "citykpi-targets/1", "targets": [{"kpi", "target",
 * "target_period", "baseline", "baseline_period", "source"}]}}. Problems name the file and the
 * target's index ({@code targets[3]}) since JSON has no rows.
 */
public final class TargetsJson {
    /** The format this class reads. */
    public static final String FORMAT = "citykpi-targets/1";

    private TargetsJson() {}

    /** Reads targets JSON text; see {@link TargetsReader}. */
    public static TargetsReader.Result read(String name, String text, Catalog catalog) {
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
        List<Problem> problems = new ArrayList<>();
        List<TargetsReader.Located> found = new ArrayList<>();
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
                        where + ": unknown KPI '" + kpi + "' (expected an id or code of catalog " + catalog.id()
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
                found.add(new TargetsReader.Located(
                        new Target(
                                out.get(),
                                t.path("target").asDouble(),
                                tp,
                                base,
                                bp,
                                t.path("source").asText("")),
                        i + 1));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(name, 0, 0, "", where + ": " + e.getMessage()));
            }
        }
        TargetsReader.Result res = TargetsReader.collect(name, found);
        problems.addAll(res.problems());
        return new TargetsReader.Result(res.targets(), problems);
    }

    private static Optional<Period> period(JsonNode t, String field) {
        JsonNode n = t.get(field);
        return n == null || n.isNull() || n.asText().isBlank()
                ? Optional.empty()
                : Optional.of(Period.parse(n.asText()));
    }
}
