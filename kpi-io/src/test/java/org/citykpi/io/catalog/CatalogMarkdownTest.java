package org.citykpi.io.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.citykpi.Variable;
import org.citykpi.calc.Formula;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;
import org.citykpi.io.json.CatalogJson;
import org.junit.jupiter.api.Test;

/**
 * Checks the Markdown presentation of catalogs, and that the committed {@code docs/u4ssc-*.md}
 * files are what the generator writes now. To regenerate them after a catalog change, run the
 * tests with {@code -Dcitykpi.regenerateDocs=true}.
 */
class CatalogMarkdownTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void committedCatalogDocIsCurrent() throws IOException {
        StringWriter w = new StringWriter();
        CatalogMarkdown.write(CatalogJson.u4ssc(), w);
        compareOrRegenerate(DOCS.resolve("u4ssc-catalog.md"), w.toString());
    }

    @Test
    void committedVariableDocIsCurrent() throws IOException {
        StringWriter w = new StringWriter();
        CatalogMarkdown.writeVariables(CatalogJson.u4ssc(), w);
        compareOrRegenerate(DOCS.resolve("u4ssc-variables.md"), w.toString());
    }

    private static void compareOrRegenerate(Path file, String generated) throws IOException {
        if (Boolean.getBoolean("citykpi.regenerateDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(file), file + " is missing (run with -Dcitykpi.regenerateDocs=true)");
        assertEquals(
                generated,
                Files.readString(file, StandardCharsets.UTF_8),
                file + " is stale (run the kpi-io tests with -Dcitykpi.regenerateDocs=true)");
    }

    @Test
    void writesTablesPartsSourcesAndRulesOfAnyCatalog() throws IOException {
        Indicator plain = Indicator.of("A", "Share | of things", "%", Direction.HIGHER, "100 * a / b")
                .withDocumentation("Def.", "https://example.org/a", java.util.Map.of("formula", "derived: why"))
                .withRange(0, 100);
        Indicator multi = Indicator.of("M", "Multi", "%", Direction.LOWER, "x")
                .withGroups("Dim", "Sub", "Cat")
                .withParts(
                        java.util.List.of(
                                Part.of("p1", "One", "%", Formula.parse("a")),
                                Part.of("p2", "Two", "%", Formula.parse("b"))),
                        "p2",
                        false);
        Catalog c = Catalog.builder("t", "1")
                .variable(Variable.of("a", "n", "the a").withRange(0, Double.POSITIVE_INFINITY))
                .variable(Variable.of("b", "n", "the b"))
                .variable(Variable.of("x", "n", "unused x"))
                .indicator(plain)
                .indicator(multi)
                .rule(new Rule("r1", "a at most b", Formula.parse("a <= b"), "a <= b", Rule.Severity.ERROR, "src"))
                .build();
        StringWriter w = new StringWriter();
        CatalogMarkdown.write(c, w);
        String md = w.toString();
        // One section per dimension; the indicator without one goes to "Other indicators".
        assertTrue(md.contains("## Dim\n"), md);
        assertTrue(md.contains("## Other indicators\n"), md);
        assertTrue(md.contains("| [Other indicators](#other-indicators) | 1 | 0 | 0 |"), md);
        // '|' in a name is escaped, the formula is a code span, the range is shown.
        assertTrue(md.contains("Share \\| of things"), md);
        assertTrue(md.contains("`100 * a / b`"), md);
        assertTrue(md.contains("- valid range: [0, 100]"), md);
        assertTrue(md.contains("- formula: derived: why"), md);
        // The headline part is starred; a formula with back-quotes uses a double code span.
        assertTrue(md.contains("| `M/p2` ★ | Two |"), md);
        assertTrue(md.contains("| `` `M/p2` `` |"), md);
        assertTrue(md.contains("| `r1` | error | `a <= b` | a at most b | src |"), md);

        StringWriter v = new StringWriter();
        CatalogMarkdown.writeVariables(c, v);
        String vars = v.toString();
        assertTrue(vars.contains("| `a` | n | >= 0 | the a | A, M |"), vars);
        assertTrue(vars.contains("| `b` | n | any finite number | the b | A, M |"), vars);
        // x was M's formula before its parts replaced it: now no formula reads it.
        assertTrue(vars.contains("| `x` | n | any finite number | unused x |  |"), vars);
    }

    @Test
    void anchorsFollowGitHubHeadings() {
        assertEquals("society-and-culture", CatalogMarkdown.anchor("Society and Culture"));
        assertEquals("ecictict1c", CatalogMarkdown.anchor("EC.ICT.ICT.1C"));
    }
}
