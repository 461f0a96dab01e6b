package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the library's structure to the rules of docs/architecture.md, read from the sources of the
 * library modules: no package cycles, no package in two modules, each module depends only on what
 * it is allowed to, and every library module has a module descriptor.
 */
class ArchitectureTest {
    static final Path ROOT = Path.of("..");
    static final List<String> LIBRARY = List.of("kpi-core", "kpi-index", "kpi-io", "kpi-report", "kpi-spark");
    static final List<String> ALL = List.of("kpi-core", "kpi-index", "kpi-io", "kpi-report", "kpi-spark", "kpi-cli");

    /**
     * The library modules without a module descriptor, and why: each must be {@code @NullMarked}
     * package by package instead. Spark's jars are not named modules, and the automatic names
     * their file names would give ({@code spark-sql_2.13-4.2.0.jar} → {@code spark.sql.2.13}) are
     * not valid module names, so a module cannot require them.
     */
    static final Map<String, String> WITHOUT_DESCRIPTOR =
            Map.of("kpi-spark", "Spark's jars have no valid module name to require");

    /** A qualified name of one of our or our dependencies' types used in the code, without an import. */
    static final Pattern REFERENCE =
            Pattern.compile("(?<![\\w.])((?:org\\.citykpi|org\\.apache|com\\.fasterxml|com\\.opencsv|picocli|org"
                    + "\\.jspecify)(?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");

    /** Any import, whatever its origin: its package (a static import names a type's member). */
    static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?((?:[a-z][\\w]*\\.)*[a-z][\\w]*)\\.[A-Z]", Pattern.MULTILINE);

    static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    record Source(String module, String pkg, Set<String> references) {}

    static List<Source> sources(String module) {
        Path dir = ROOT.resolve(module).resolve("src/main/java");
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".java") || name.equals("module-info.java")) {
                    continue;
                }
                String text = Files.readString(f, StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
                text = text.replaceAll("//[^\\n]*", "");
                Matcher p = PACKAGE.matcher(text);
                assertTrue(p.find(), "no package line in " + f);
                Set<String> refs = new TreeSet<>();
                for (Pattern pattern : List.of(IMPORT, REFERENCE)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        refs.add(m.group(1));
                    }
                }
                refs.remove(p.group(1));
                out.add(new Source(module, p.group(1), refs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Package → the packages it refers to (ours and third parties'), over the given modules. */
    static Map<String, Set<String>> graph(List<String> modules) {
        Map<String, Set<String>> g = new TreeMap<>();
        for (String m : modules) {
            for (Source s : sources(m)) {
                g.computeIfAbsent(s.pkg(), k -> new TreeSet<>()).addAll(s.references());
            }
        }
        return g;
    }

    @Test
    void everyLibraryModuleHasADescriptorThatIsNullMarked() throws IOException {
        for (String m : ALL) {
            Path d = ROOT.resolve(m).resolve("src/main/java/module-info.java");
            if (WITHOUT_DESCRIPTOR.containsKey(m)) {
                assertFalse(Files.exists(d), m + " has a module-info.java: take it off WITHOUT_DESCRIPTOR");
                continue;
            }
            assertTrue(Files.isRegularFile(d), "no module-info.java in " + m);
            assertTrue(Files.readString(d).contains("@NullMarked"), m + " is not @NullMarked");
        }
    }

    @Test
    void everyPackageOfAModuleWithoutDescriptorIsNullMarked() throws IOException {
        for (String m : WITHOUT_DESCRIPTOR.keySet()) {
            Set<String> packages = new TreeSet<>();
            for (Source s : sources(m)) {
                packages.add(s.pkg());
            }
            assertFalse(packages.isEmpty(), m + " has no sources");
            for (String pkg : packages) {
                Path info = ROOT.resolve(m)
                        .resolve("src/main/java")
                        .resolve(pkg.replace('.', '/'))
                        .resolve("package-info.java");
                assertTrue(Files.isRegularFile(info), "no package-info.java for " + pkg + " in " + m);
                assertTrue(Files.readString(info).contains("@NullMarked"), pkg + " in " + m + " is not @NullMarked");
            }
        }
    }

    @Test
    void noPackageCycles() {
        Map<String, Set<String>> g = graph(ALL);
        // Depth-first search over our own packages; a grey package reached again closes a cycle.
        Map<String, Integer> state = new TreeMap<>();
        for (String start : g.keySet()) {
            List<String> path = new ArrayList<>();
            String cycle = visit(start, g, state, path);
            assertEquals("", cycle, "package cycle");
        }
    }

    static String visit(String pkg, Map<String, Set<String>> g, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(pkg);
        if (s != null) {
            return s == 1 ? String.join(" -> ", path.subList(path.indexOf(pkg), path.size())) + " -> " + pkg : "";
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : g.getOrDefault(pkg, Set.of())) {
            if (g.containsKey(next)) {
                String c = visit(next, g, state, path);
                if (!c.isEmpty()) {
                    return c;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return "";
    }

    @Test
    void noPackageLivesInTwoModules() {
        Map<String, String> owner = new TreeMap<>();
        for (String m : ALL) {
            for (Source s : sources(m)) {
                String before = owner.putIfAbsent(s.pkg(), m);
                assertTrue(before == null || before.equals(m), s.pkg() + " is in " + before + " and " + m);
            }
        }
    }

    @Test
    void modulesDependOnlyOnWhatTheyMay() {
        Map<String, List<String>> allowed = Map.of(
                "kpi-core", List.of("java", "org.citykpi", "org.jspecify"),
                "kpi-index", List.of("java", "org.citykpi", "org.jspecify", "org.apache.commons.math3"),
                "kpi-io", List.of("java", "org.citykpi", "org.jspecify", "com.fasterxml.jackson"),
                "kpi-report", List.of("java", "org.citykpi", "org.jspecify"),
                "kpi-spark", List.of("java", "org.citykpi", "org.jspecify", "org.apache.spark", "scala"));
        Map<String, Set<String>> ourPackages = new TreeMap<>();
        for (String m : LIBRARY) {
            for (Source s : sources(m)) {
                ourPackages.computeIfAbsent(m, k -> new TreeSet<>()).add(s.pkg());
            }
        }
        for (String m : LIBRARY) {
            for (Source s : sources(m)) {
                for (String ref : s.references()) {
                    boolean ok = allowed.get(m).stream().anyMatch(a -> ref.equals(a) || ref.startsWith(a + "."));
                    assertTrue(ok, m + ": " + s.pkg() + " uses " + ref);
                    if (ref.startsWith("org.citykpi")) {
                        String home = moduleOf(ref, ourPackages);
                        assertTrue(home.equals(m) || allowedModule(m, home), m + ": " + s.pkg() + " uses " + ref);
                    }
                }
            }
        }
    }

    static String moduleOf(String pkg, Map<String, Set<String>> ours) {
        return ours.entrySet().stream()
                .filter(e -> e.getValue().contains(pkg))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("?");
    }

    static boolean allowedModule(String from, String to) {
        return switch (from) {
            case "kpi-index", "kpi-report" -> to.equals("kpi-core");
            case "kpi-spark" -> to.equals("kpi-core") || to.equals("kpi-index");
            case "kpi-io" -> to.equals("kpi-core") || to.equals("kpi-index");
            default -> false;
        };
    }
}
