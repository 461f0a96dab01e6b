package org.citykpi.io.catalog;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.citykpi.Numbers;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;

/**
 * Writes a catalog as Markdown for people: the indicators as one table per dimension (with the
 * parts of multi-part indicators and the source of every fact), the plausibility rules, and the
 * variable dictionary.
 *
 * <p>Output is deterministic (catalog order, {@code \n} line ends, numbers formatted with {@link
 * Numbers#format}), so a generated file can be committed and checked for staleness. Table cells
 * escape {@code |}; formulas are code spans. Indicators without a dimension are listed under
 * "Other indicators". Stateless and thread-safe.
 */
public final class CatalogMarkdown {
    private static final String OTHER = "Other indicators";

    private CatalogMarkdown() {}

    /**
     * Writes the indicator catalog: a summary, one table per dimension, the parts, the sources of
     * each indicator's facts, and the plausibility rules. The writer is flushed, not closed.
     *
     * @param catalog the catalog
     * @param out where to write the Markdown
     *
     * @throws IOException if the writer fails
     */
    public static void write(Catalog catalog, Writer out) throws IOException {
        requireNonNull(catalog, "catalog");
        requireNonNull(out, "out");
        StringBuilder sb = new StringBuilder();
        Map<String, List<Indicator>> byDimension = byDimension(catalog);
        long parts =
                catalog.indicators().stream().mapToLong(i -> i.parts().size()).sum();
        sb.append("# Catalog `")
                .append(catalog.id())
                .append("` ")
                .append(catalog.version())
                .append("\n\n");
        sb.append("Generated from the catalog by `CatalogMarkdown` (`citykpi catalog --catalog ")
                .append(catalog.id())
                .append(" --format markdown`); do not edit by hand.\n\n");
        sb.append(catalog.indicators().size())
                .append(" indicators (")
                .append(parts)
                .append(" parts), ")
                .append(catalog.variables().size())
                .append(" variables (see the variable dictionary), ")
                .append(catalog.rules().size())
                .append(" plausibility rules.\n\n");
        sb.append("Each fact names its source: a URL for what a publication states, `derived: <reason>` for"
                + " what was worked out from the definition and unit, `secondary:` for a non-official source."
                + " Direction: `higher` or `lower` is better, `target` = closest to a target value is best."
                + " The value of a multi-part indicator is that of its headline part (marked ★).\n\n");
        sb.append("| Dimension | Indicators | Core | Advanced |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, List<Indicator>> e : byDimension.entrySet()) {
            List<Indicator> l = e.getValue();
            sb.append("| [")
                    .append(cell(e.getKey()))
                    .append("](#")
                    .append(anchor(e.getKey()))
                    .append(") | ")
                    .append(l.size())
                    .append(" | ")
                    .append(l.stream()
                            .filter(i -> i.tier().word().equals("core"))
                            .count())
                    .append(" | ")
                    .append(l.stream()
                            .filter(i -> i.tier().word().equals("advanced"))
                            .count())
                    .append(" |\n");
        }
        sb.append('\n');
        for (Map.Entry<String, List<Indicator>> e : byDimension.entrySet()) {
            dimension(sb, e.getKey(), e.getValue());
        }
        rules(sb, catalog.rules());
        out.write(sb.toString());
        out.flush();
    }

    /**
     * Writes the variable dictionary: id, unit, valid range, description and the indicators that
     * read each variable. The writer is flushed, not closed.
     *
     * @param catalog the catalog
     * @param out where to write the Markdown
     *
     * @throws IOException if the writer fails
     */
    public static void writeVariables(Catalog catalog, Writer out) throws IOException {
        requireNonNull(catalog, "catalog");
        requireNonNull(out, "out");
        Map<String, Set<String>> readers = new LinkedHashMap<>();
        for (String output : catalog.outputs()) {
            for (String ref : catalog.formula(output).references()) {
                if (catalog.variable(ref).isPresent()) {
                    readers.computeIfAbsent(ref, k -> new LinkedHashSet<>())
                            .add(catalog.owner(output).id());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Variables of catalog `")
                .append(catalog.id())
                .append("` ")
                .append(catalog.version())
                .append("\n\n");
        sb.append("Generated from the catalog by `CatalogMarkdown`; do not edit by hand. ")
                .append(catalog.variables().size())
                .append(" raw variables, the inputs a city provides (long CSV: `entity,period,variable,value`)."
                        + " A value outside the valid range is not used: indicators that read it report"
                        + " `invalid_input`.\n\n");
        sb.append("| Variable | Unit | Valid range | Description | Read by |\n|---|---|---|---|---|\n");
        for (Variable v : catalog.variables()) {
            sb.append("| `")
                    .append(v.id())
                    .append("` | ")
                    .append(cell(v.unit()))
                    .append(" | ")
                    .append(cell(v.rangeText()))
                    .append(" | ")
                    .append(cell(v.description()))
                    .append(" | ")
                    .append(String.join(", ", readers.getOrDefault(v.id(), Set.of())))
                    .append(" |\n");
        }
        out.write(sb.toString());
        out.flush();
    }

    private static Map<String, List<Indicator>> byDimension(Catalog catalog) {
        Map<String, List<Indicator>> m = new LinkedHashMap<>();
        for (Indicator i : catalog.indicators()) {
            String d = i.dimension().isBlank() ? OTHER : i.dimension();
            m.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
        }
        return m;
    }

    private static void dimension(StringBuilder sb, String dimension, List<Indicator> inds) {
        sb.append("## ").append(dimension).append("\n\n");
        sb.append("| Id | Code | Indicator | Sub-dimension / category | Tier | Unit | Direction | Formula | SDG |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Indicator i : inds) {
            sb.append("| [")
                    .append(i.id())
                    .append("](#")
                    .append(anchor(i.id()))
                    .append(") | ")
                    .append(cell(i.code()))
                    .append(" | ")
                    .append(cell(i.name()))
                    .append(" | ")
                    .append(cell(group(i)))
                    .append(" | ")
                    .append(i.tier().word())
                    .append(" | ")
                    .append(cell(i.unit()))
                    .append(" | ")
                    .append(i.direction().word())
                    .append(" | ")
                    .append(code(i.formulaText()))
                    .append(" | ")
                    .append(String.join(", ", i.sdgs()))
                    .append(" |\n");
        }
        sb.append('\n');
        List<Indicator> multi = inds.stream().filter(i -> !i.parts().isEmpty()).toList();
        if (!multi.isEmpty()) {
            sb.append("### Parts of multi-part indicators (").append(dimension).append(")\n\n");
            sb.append("| Output | Part | Unit | Valid range | Formula |\n|---|---|---|---|---|\n");
            for (Indicator i : multi) {
                for (Part p : i.parts()) {
                    sb.append("| `")
                            .append(i.id())
                            .append('/')
                            .append(p.id())
                            .append("`")
                            .append(p.id().equals(i.headline()) ? " ★" : "")
                            .append(" | ")
                            .append(cell(p.name()))
                            .append(" | ")
                            .append(cell(p.unit()))
                            .append(" | ")
                            .append(range(p.min(), p.max()))
                            .append(" | ")
                            .append(code(p.formulaText()))
                            .append(" |\n");
                }
            }
            sb.append('\n');
        }
        sb.append("### Definitions and sources (").append(dimension).append(")\n\n");
        for (Indicator i : inds) {
            sb.append("#### ").append(i.id()).append("\n\n");
            sb.append("**").append(text(i.name())).append("**");
            if (!i.code().isEmpty()) {
                sb.append(" (").append(text(i.code())).append(")");
            }
            sb.append(". ").append(text(i.definition())).append("\n\n");
            sb.append("- valid range: ").append(range(i.min(), i.max())).append('\n');
            if (!i.source().isEmpty()) {
                sb.append("- methodology: ").append(text(i.source())).append('\n');
            }
            for (Map.Entry<String, String> e : new TreeMap<>(i.sources()).entrySet()) {
                sb.append("- ")
                        .append(text(e.getKey()))
                        .append(": ")
                        .append(text(e.getValue()))
                        .append('\n');
            }
            sb.append('\n');
        }
    }

    private static void rules(StringBuilder sb, List<Rule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        sb.append("## Plausibility rules\n\n");
        sb.append("Checked for every entity and period where all their inputs have values; a broken rule is"
                + " reported with its severity and source, and the values are kept.\n\n");
        sb.append("| Rule | Severity | Check | Description | Source |\n|---|---|---|---|---|\n");
        for (Rule r : rules) {
            sb.append("| `")
                    .append(r.id())
                    .append("` | ")
                    .append(r.severity().word())
                    .append(" | ")
                    .append(code(r.checkText()))
                    .append(" | ")
                    .append(cell(r.description()))
                    .append(" | ")
                    .append(cell(r.source()))
                    .append(" |\n");
        }
        sb.append('\n');
    }

    private static String group(Indicator i) {
        if (i.subDimension().isEmpty()) {
            return i.category();
        }
        return i.category().isEmpty() ? i.subDimension() : i.subDimension() + " / " + i.category();
    }

    private static String range(double min, double max) {
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY;
        if (lo && hi) {
            return "[" + Numbers.format(min) + ", " + Numbers.format(max) + "]";
        }
        if (lo) {
            return ">= " + Numbers.format(min);
        }
        return hi ? "<= " + Numbers.format(max) : "any";
    }

    /** Returns a code span that holds {@code s} even when it contains back-quotes. */
    private static String code(String s) {
        String t = s.replace("|", "\\|").replace("\n", " ");
        return t.contains("`") ? "`` " + t + " ``" : "`" + t + "`";
    }

    /** Returns text safe inside a table cell. */
    private static String cell(String s) {
        return text(s).replace("|", "\\|");
    }

    /** Returns text on one line. */
    private static String text(String s) {
        return s.replace("\r", " ").replace("\n", " ");
    }

    /** Returns the GitHub-style heading anchor of {@code heading}. */
    static String anchor(String heading) {
        StringBuilder sb = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
