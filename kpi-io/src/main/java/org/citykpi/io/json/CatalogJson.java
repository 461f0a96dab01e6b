package org.citykpi.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.Quote;
import org.citykpi.Variable;
import org.citykpi.calc.Formula;
import org.citykpi.calc.FormulaException;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.CatalogException;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;
import org.citykpi.catalog.Tier;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.internal.Failures;
import org.citykpi.io.internal.Json;

/**
 * Reads and writes catalogs in their JSON form, {@code citykpi-catalog/1}:
 *
 * <pre>
 * {"format": "citykpi-catalog/1", "id": "...", "version": "...",
 *  "variables": [{"id", "unit", "description", "min", "max", "source"}],
 *  "indicators": [{"id", "code", "name", "unit", "direction": "higher|lower|target", "formula",
 *                  "dimension", "sub_dimension", "category", "tier", "sdg": [...], "definition",
 *                  "source", "sources": {fact: source}, "min", "max",
 *                  "parts": [{"id", "name", "unit", "formula", "min", "max"}], "headline"}],
 *  "rules": [{"id", "description", "check", "severity": "warning|error", "source"}]}
 * </pre>
 *
 * <p>{@code id}, {@code name}, {@code unit}, {@code direction} and {@code formula} are required for an
 * indicator ({@code formula} may be left out when {@code parts} and {@code headline} are given: the
 * value is then the headline part's). Every problem is a {@link DataFormatException} naming the
 * file, the line and column of the object concerned, and what was expected. The full schema is in
 * {@code docs/formats/catalog-json.md}. Stateless and thread-safe.
 */
public final class CatalogJson {
    /** The format this class reads and writes. */
    public static final String FORMAT = "citykpi-catalog/1";

    private static final String BUNDLED = "/org/citykpi/io/catalog/";

    private CatalogJson() {}

    /**
     * Loads a catalog by name: {@code u4ssc} (or any other bundled catalog id) or a file path.
     *
     * @param nameOrPath a bundled catalog id (lower-case letters, digits, {@code _} and {@code -}),
     *     or else the path of a catalog file
     * @return the catalog
     *
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if the content is not a valid catalog
     */
    public static Catalog load(String nameOrPath) throws IOException {
        if (nameOrPath.matches("[a-z0-9_-]+")
                && CatalogJson.class.getResource(BUNDLED + nameOrPath + ".json") != null) {
            return bundled(nameOrPath);
        }
        return read(Path.of(nameOrPath));
    }

    /** {@return the bundled U4SSC catalog (91 KPIs of ITU-T Y.4903)} */
    public static Catalog u4ssc() {
        return bundled("u4ssc");
    }

    /**
     * Returns a bundled catalog.
     *
     * @param id the catalog id, e.g. {@code u4ssc}
     * @return the catalog
     *
     * @throws IllegalArgumentException if there is no bundled catalog {@code id}
     */
    public static Catalog bundled(String id) {
        String res = BUNDLED + id + ".json";
        try (InputStream in = CatalogJson.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled catalog '" + id + "'");
            }
            return read(id + ".json", in);
        } catch (IOException e) {
            throw new IllegalStateException("bundled catalog " + id + " cannot be read", e);
        }
    }

    /**
     * Reads a catalog file.
     *
     * @param file the {@code citykpi-catalog/1} JSON file; problems name it as given
     * @return the catalog
     *
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if the content is not a valid catalog
     */
    public static Catalog read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
    }

    /**
     * Reads a catalog from a stream; {@code name} is used in messages.
     *
     * @param name the input's name in problems
     * @param in the {@code citykpi-catalog/1} JSON text, UTF-8; closed at the end
     * @return the catalog
     *
     * @throws IOException if the stream cannot be read
     * @throws DataFormatException if the content is not a valid catalog
     */
    public static Catalog read(String name, InputStream in) throws IOException {
        try (JsonParser p = Json.MAPPER.createParser(in)) {
            return new Reader(name, p).read();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new DataFormatException(
                    name,
                    loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(),
                    "",
                    "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static final class Reader {
        private final String file;
        private final JsonParser p;

        Reader(String file, JsonParser p) {
            this.file = file;
            this.p = p;
        }

        private DataFormatException error(JsonLocation at, String message) {
            return new DataFormatException(file, at.getLineNr(), at.getColumnNr(), "", message);
        }

        Catalog read() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(p.currentTokenLocation(), "expected a JSON object with \"format\": \"" + FORMAT + "\"");
            }
            JsonLocation top = p.currentTokenLocation();
            String format = null;
            String id = null;
            String version = "";
            List<Located> variables = new ArrayList<>();
            List<Located> indicators = new ArrayList<>();
            List<Located> rules = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "variables":
                        readArray(field, t, variables);
                        break;
                    case "indicators":
                        readArray(field, t, indicators);
                        break;
                    case "rules":
                        readArray(field, t, rules);
                        break;
                    default:
                        JsonNode v = p.readValueAsTree();
                        if (field.equals("format")) {
                            format = v.asText();
                        } else if (field.equals("id")) {
                            id = v.asText();
                        } else if (field.equals("version")) {
                            version = v.asText();
                        }
                }
            }
            if (!FORMAT.equals(format)) {
                throw error(
                        top,
                        "\"format\" is " + (format == null ? "missing" : Quote.of(format)) + " (expected \"" + FORMAT
                                + "\")");
            }
            if (id == null || id.isBlank()) {
                throw error(top, "catalog \"id\" is missing");
            }
            Catalog.Builder b = Catalog.builder(id, version);
            for (Located v : variables) {
                try {
                    b.variable(variable(v));
                } catch (IllegalArgumentException e) {
                    throw error(v.at, Failures.message(e));
                }
            }
            Map<String, JsonLocation> where = new LinkedHashMap<>();
            for (Located ind : indicators) {
                Indicator i = indicator(ind);
                where.put(i.id(), ind.at);
                try {
                    b.indicator(i);
                } catch (IllegalArgumentException e) {
                    throw error(ind.at, Failures.message(e));
                }
            }
            for (Located r : rules) {
                try {
                    b.rule(rule(r));
                } catch (FormulaException e) {
                    throw error(r.at, "rule " + text(r, "id", false) + ": " + Failures.message(e));
                } catch (IllegalArgumentException e) {
                    throw error(r.at, Failures.message(e));
                }
            }
            try {
                return b.build();
            } catch (CatalogException e) {
                JsonLocation at = where.getOrDefault(e.subject(), top);
                throw error(at, Failures.message(e));
            }
        }

        private void readArray(String field, JsonToken t, List<Located> out) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                throw error(p.currentTokenLocation(), "\"" + field + "\" must be an array");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw error(at, "each of \"" + field + "\" must be an object");
                }
                out.add(new Located((ObjectNode) p.readValueAsTree(), at));
            }
        }

        private String text(Located o, String field, boolean required) {
            JsonNode n = o.node.get(field);
            if (n == null || n.isNull()) {
                if (required) {
                    throw error(o.at, what(o) + ": \"" + field + "\" is required");
                }
                return "";
            }
            if (!n.isValueNode()) {
                throw error(o.at, what(o) + ": \"" + field + "\" must be text");
            }
            return n.asText();
        }

        private double number(Located o, String field, double absent) {
            JsonNode n = o.node.get(field);
            if (n == null || n.isNull()) {
                return absent;
            }
            if (!n.isNumber()) {
                throw error(o.at, what(o) + ": \"" + field + "\" must be a number, not " + Quote.of(n.toString()));
            }
            return n.asDouble();
        }

        private String what(Located o) {
            JsonNode id = o.node.get("id");
            return id == null ? "object" : Quote.of(id.asText());
        }

        private Variable variable(Located o) {
            return new Variable(
                    text(o, "id", true),
                    text(o, "unit", false),
                    text(o, "description", false),
                    number(o, "min", Double.NEGATIVE_INFINITY),
                    number(o, "max", Double.POSITIVE_INFINITY));
        }

        private Indicator indicator(Located o) {
            String id = text(o, "id", true);
            String name = text(o, "name", true);
            String unit = text(o, "unit", true);
            Direction dir;
            try {
                dir = Direction.parse(text(o, "direction", true));
            } catch (IllegalArgumentException e) {
                throw error(o.at, "indicator " + id + ": " + Failures.message(e));
            }
            List<Part> parts = new ArrayList<>();
            JsonNode ps = o.node.get("parts");
            if (ps != null && !ps.isNull()) {
                if (!ps.isArray()) {
                    throw error(o.at, "indicator " + id + ": \"parts\" must be an array");
                }
                for (JsonNode pn : ps) {
                    if (!pn.isObject()) {
                        throw error(o.at, "indicator " + id + ": each part must be an object");
                    }
                    Located pl = new Located((ObjectNode) pn, o.at);
                    String pid = text(pl, "id", true);
                    String pf = text(pl, "formula", true);
                    try {
                        parts.add(new Part(
                                pid,
                                text(pl, "name", false),
                                text(pl, "unit", false),
                                Formula.parse(pf),
                                pf,
                                number(pl, "min", Double.NEGATIVE_INFINITY),
                                number(pl, "max", Double.POSITIVE_INFINITY)));
                    } catch (IllegalArgumentException e) {
                        throw error(o.at, "indicator " + id + ", part " + pid + ": " + Failures.message(e));
                    }
                }
            }
            String headline = text(o, "headline", false);
            String formula = text(o, "formula", parts.isEmpty());
            try {
                Indicator ind = formula.isEmpty()
                        ? Indicator.of(id, name, unit, dir, "0")
                        : Indicator.of(id, name, unit, dir, formula);
                Map<String, String> sources = new LinkedHashMap<>();
                JsonNode sn = o.node.get("sources");
                if (sn != null && sn.isObject()) {
                    for (Map.Entry<String, JsonNode> e : sn.properties()) {
                        sources.put(e.getKey(), e.getValue().asText());
                    }
                }
                List<String> sdgs = new ArrayList<>();
                JsonNode sdg = o.node.get("sdg");
                if (sdg != null && sdg.isArray()) {
                    sdg.forEach(x -> sdgs.add(x.asText()));
                } else if (sdg != null && !sdg.isNull()) {
                    sdgs.add(sdg.asText());
                }
                ind = ind.withCode(text(o, "code", false))
                        .withGroups(
                                text(o, "dimension", false),
                                text(o, "sub_dimension", false),
                                text(o, "category", false))
                        .withTier(Tier.parse(text(o, "tier", false)))
                        .withSdgs(sdgs)
                        .withDocumentation(text(o, "definition", false), text(o, "source", false), sources)
                        .withRange(
                                number(o, "min", Double.NEGATIVE_INFINITY), number(o, "max", Double.POSITIVE_INFINITY));
                if (!parts.isEmpty()) {
                    ind = ind.withParts(parts, headline, !formula.isEmpty());
                }
                return ind;
            } catch (FormulaException e) {
                throw error(o.at, "indicator " + id + ": " + Failures.message(e));
            } catch (IllegalArgumentException e) {
                String m = Failures.message(e);
                throw error(o.at, m.startsWith("indicator") ? m : "indicator " + id + ": " + m);
            }
        }

        private Rule rule(Located o) {
            String check = text(o, "check", true);
            return new Rule(
                    text(o, "id", true),
                    text(o, "description", false),
                    Formula.parse(check),
                    check,
                    Rule.Severity.parse(text(o, "severity", false)),
                    text(o, "source", false));
        }
    }

    private record Located(ObjectNode node, JsonLocation at) {}

    /**
     * Writes {@code catalog} in the {@code citykpi-catalog/1} form (reads back to an equal catalog).
     *
     * @param catalog the catalog
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(Catalog catalog, Writer out) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("id", catalog.id());
        root.put("version", catalog.version());
        ArrayNode vars = root.putArray("variables");
        for (Variable v : catalog.variables()) {
            ObjectNode n = vars.addObject();
            n.put("id", v.id());
            n.put("unit", v.unit());
            n.put("description", v.description());
            putBound(n, "min", v.min());
            putBound(n, "max", v.max());
        }
        ArrayNode inds = root.putArray("indicators");
        for (Indicator i : catalog.indicators()) {
            ObjectNode n = inds.addObject();
            n.put("id", i.id());
            if (!i.code().isEmpty()) {
                n.put("code", i.code());
            }
            n.put("name", i.name());
            n.put("unit", i.unit());
            n.put("direction", i.direction().word());
            boolean headlineOnly =
                    !i.parts().isEmpty() && i.formulaText().equals("`" + i.id() + "/" + i.headline() + "`");
            if (!headlineOnly) {
                n.put("formula", i.formulaText());
            }
            n.put("dimension", i.dimension());
            n.put("sub_dimension", i.subDimension());
            n.put("category", i.category());
            n.put("tier", i.tier().word());
            ArrayNode sdg = n.putArray("sdg");
            i.sdgs().forEach(sdg::add);
            n.put("definition", i.definition());
            n.put("source", i.source());
            ObjectNode src = n.putObject("sources");
            i.sources().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> src.put(e.getKey(), e.getValue()));
            putBound(n, "min", i.min());
            putBound(n, "max", i.max());
            if (!i.parts().isEmpty()) {
                ArrayNode ps = n.putArray("parts");
                for (Part p : i.parts()) {
                    ObjectNode pn = ps.addObject();
                    pn.put("id", p.id());
                    pn.put("name", p.name());
                    pn.put("unit", p.unit());
                    pn.put("formula", p.formulaText());
                    putBound(pn, "min", p.min());
                    putBound(pn, "max", p.max());
                }
                n.put("headline", i.headline());
            }
        }
        ArrayNode rules = root.putArray("rules");
        for (Rule r : catalog.rules()) {
            ObjectNode n = rules.addObject();
            n.put("id", r.id());
            n.put("description", r.description());
            n.put("check", r.checkText());
            n.put("severity", r.severity().word());
            n.put("source", r.source());
        }
        Json.MAPPER.writer(new DefaultPrettyPrinter()).writeValue(new NonClosing(out), root);
        out.flush();
    }

    private static void putBound(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        }
    }

    /** Keeps Jackson from closing the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
