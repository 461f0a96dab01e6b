package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.jspecify.annotations.Nullable;

/**
 * Holds the tree of an index: indicators at level 1, each parent exactly one level above its
 * children, any depth (a single-level framework of indicators only is allowed).
 *
 * <p>Node order, used by every result: indicators in the order given, then aggregates level by
 * level, alphabetically by code within a level (COINr's order).
 *
 * <p>Edge cases, each an {@link IllegalArgumentException} naming the node: duplicate code, a parent
 * that does not exist or is not exactly one level up, an aggregate without children, a node above
 * level 1 with direction −1 (COINr ignores it silently: COINr issue #66), no indicators at all.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Serializable (to ship it to the workers of a cluster, such as Spark executors): the serial
 * form is the nodes, and reading it checks and builds the value again through {@link #of}.
 */
public final class Hierarchy implements Serializable {
    private final List<Node> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final int indicatorCount;
    private final int levels;
    private final int[][] children;
    private final int[] parentOf;

    private Hierarchy(List<Node> ordered) {
        this.nodes = List.copyOf(ordered);
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).code(), i);
        }
        int ind = 0;
        int max = 1;
        for (Node n : nodes) {
            if (n.isIndicator()) {
                ind++;
            }
            max = Math.max(max, n.level());
        }
        this.indicatorCount = ind;
        this.levels = max;
        this.parentOf = new int[nodes.size()];
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            kids.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            parentOf[i] = n.parent().map(index::get).orElse(-1);
            if (parentOf[i] >= 0) {
                kids.get(parentOf[i]).add(i);
            }
        }
        this.children = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            children[i] = kids.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Returns the hierarchy of {@code nodes}, validated and put in result order (see the class
     * comment).
     *
     * @param nodes every indicator and aggregate, in any order (the order of the indicators is
     *     kept)
     * @return the validated hierarchy
     * @throws IllegalArgumentException on any of the edge cases listed in the class comment
     */
    public static Hierarchy of(List<Node> nodes) {
        requireNonNull(nodes, "nodes");
        Map<String, Node> byCode = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (byCode.put(n.code(), n) != null) {
                throw new IllegalArgumentException("node '" + n.code() + "' is defined twice (codes must be unique)");
            }
        }
        Map<String, Integer> childCount = new HashMap<>();
        for (Node n : nodes) {
            if (n.parent().isPresent()) {
                String p = n.parent().get();
                Node parent = byCode.get(p);
                if (parent == null) {
                    throw new IllegalArgumentException("node '" + n.code() + "' has parent '" + p
                            + "', which is not defined (add a row for it, or fix the spelling)");
                }
                if (parent.level() != n.level() + 1) {
                    throw new IllegalArgumentException("node '" + n.code() + "' (level " + n.level() + ") has parent '"
                            + p + "' at level " + parent.level() + " (expected level " + (n.level() + 1) + ")");
                }
                childCount.merge(p, 1, Integer::sum);
            }
        }
        List<Node> indicators = new ArrayList<>();
        List<Node> aggregates = new ArrayList<>();
        for (Node n : nodes) {
            if (n.isIndicator()) {
                indicators.add(n);
            } else {
                if (!childCount.containsKey(n.code())) {
                    throw new IllegalArgumentException(
                            "aggregate '" + n.code() + "' (level " + n.level() + ") has no children");
                }
                if (n.direction() != 1) {
                    throw new IllegalArgumentException("aggregate '" + n.code() + "' has direction " + n.direction()
                            + "; directions apply to indicators only (set it to 1)");
                }
                aggregates.add(n);
            }
        }
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("the hierarchy has no indicators (level 1 nodes)");
        }
        aggregates.sort(Comparator.comparingInt(Node::level).thenComparing(Node::code));
        List<Node> ordered = new ArrayList<>(indicators);
        ordered.addAll(aggregates);
        return new Hierarchy(ordered);
    }

    /**
     * Returns the hierarchy of a catalog's indicators: each indicator under its category, each
     * category under its sub-dimension, each sub-dimension under its dimension and each dimension
     * under one top node {@code Index} (named after the catalog), every weight 1 (equal weights
     * within each group), directions from the catalog and targets from {@code targets}.
     *
     * <ul>
     *   <li>an indicator's code is its catalog id and its name the catalog's name;
     *   <li>an aggregate's code is its path of group names, each with every run of characters other
     *       than letters and digits made one {@code _}, joined by {@code .} ({@code
     *       Economy.ICT.ICT_Infrastructure}); its name is the group's own name;
     *   <li>a grouping level (category, sub-dimension or dimension) that every indicator leaves
     *       empty is skipped; one that some indicators leave empty and others do not is an error;
     *   <li>a target is taken as the indicator's target (for the {@code dist2targ} and {@code target}
     *       normalisers), its period ignored; distance-to-target scores are not capped.
     * </ul>
     *
     * @param catalog the catalog that defines the indicators
     * @param indicators the ids of the indicators to take, in the order the index lists them; each
     *     higher or lower is better ({@link org.citykpi.catalog.Direction#TARGET} has no COINr
     *     direction)
     * @param targets the targets, by indicator id; indicators without one get none
     * @return the validated hierarchy
     * @throws IllegalArgumentException if {@code indicators} is empty, names an indicator twice or
     *     one the catalog does not have, names one whose direction is a target band, or the
     *     indicators use a grouping level unevenly
     */
    public static Hierarchy fromCatalog(Catalog catalog, List<String> indicators, TargetSet targets) {
        requireNonNull(catalog, "catalog");
        requireNonNull(targets, "targets");
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("no indicators to arrange");
        }
        List<Indicator> ind = new ArrayList<>();
        for (String id : indicators) {
            Indicator i = catalog.indicator(id)
                    .orElseThrow(
                            () -> new IllegalArgumentException("no indicator '" + id + "' in catalog " + catalog.id()));
            if (i.direction() == Direction.TARGET) {
                throw new IllegalArgumentException("indicator '" + id
                        + "' is best within a target band, which a composite index cannot orient (leave it out)");
            }
            ind.add(i);
        }
        List<java.util.function.Function<Indicator, String>> groups =
                List.of(Indicator::category, Indicator::subDimension, Indicator::dimension);
        List<String> groupWords = List.of("category", "sub-dimension", "dimension");
        // levels used, from the lowest (category) up
        List<Integer> used = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Indicator withGroup = null;
            Indicator without = null;
            for (Indicator i : ind) {
                if (groups.get(g).apply(i).isBlank()) {
                    without = without == null ? i : without;
                } else {
                    withGroup = withGroup == null ? i : withGroup;
                }
            }
            if (withGroup != null && without != null) {
                throw new IllegalArgumentException("indicator '" + without.id() + "' has no " + groupWords.get(g)
                        + " but '" + withGroup.id() + "' has one (give every indicator one, or none)");
            }
            if (withGroup != null) {
                used.add(g);
            }
        }
        List<Node> nodes = new ArrayList<>();
        Map<String, Node> aggregates = new LinkedHashMap<>();
        String top = "Index";
        int topLevel = used.size() + 2;
        for (Indicator i : ind) {
            List<String> path = new ArrayList<>();
            List<String> names = new ArrayList<>();
            // path from the dimension down: codes joined as they descend
            for (int k = used.size() - 1; k >= 0; k--) {
                String name = groups.get(used.get(k)).apply(i).strip();
                names.add(name);
                path.add(slug(name));
            }
            String parent = top;
            for (int depth = 0; depth < path.size(); depth++) {
                String code = String.join(".", path.subList(0, depth + 1));
                int level = topLevel - 1 - depth;
                aggregates.putIfAbsent(code, Node.aggregate(code, level, parent).withName(names.get(depth)));
                parent = code;
            }
            Node n = Node.indicator(i.id(), parent, i.direction() == Direction.LOWER ? -1 : 1)
                    .withName(i.name());
            Optional<Target> t = targets.get(i.id());
            if (t.isPresent()) {
                n = n.withTarget(t.get().value(), false);
            }
            nodes.add(n);
        }
        nodes.addAll(aggregates.values());
        nodes.add(Node.aggregate(top, topLevel, null).withName(catalog.id()));
        return of(nodes);
    }

    /** Returns {@code name} with each run of characters other than letters and digits made one {@code _}. */
    private static String slug(String name) {
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int k = 0; k < name.length(); ) {
            int c = name.codePointAt(k);
            k += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (gap && b.length() > 0) {
                    b.append('_');
                }
                gap = false;
                b.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return b.length() == 0 ? "_" : b.toString();
    }

    /**
     * Returns every node in result order.
     *
     * @return the indicators in the order given, then the aggregates level by level, by code within
     *     a level; unmodifiable
     */
    public List<Node> nodes() {
        return nodes;
    }

    /**
     * Returns the indicators in the order given.
     *
     * @return the level-1 nodes, the first {@link #indicatorCount()} of {@link #nodes()};
     *     unmodifiable
     */
    public List<Node> indicators() {
        return nodes.subList(0, indicatorCount);
    }

    /** {@return the number of indicators (level-1 nodes), at least 1} */
    public int indicatorCount() {
        return indicatorCount;
    }

    /** {@return the highest level: 1 for a framework of indicators only} */
    public int levels() {
        return levels;
    }

    /**
     * Returns the position of a node in {@link #nodes()}.
     *
     * @param code the node's code
     * @return its position, or −1 when no node has this code
     */
    public int indexOf(String code) {
        Integer i = index.get(code);
        return i == null ? -1 : i;
    }

    /**
     * Returns the node with this code.
     *
     * @param code the node's code
     * @return the node
     * @throws IllegalArgumentException if there is none
     */
    public Node node(String code) {
        int i = indexOf(code);
        if (i < 0) {
            throw new IllegalArgumentException("no node '" + code + "' in the hierarchy");
        }
        return nodes.get(i);
    }

    /**
     * Returns the children of a node in result order.
     *
     * @param code the code of a node of this hierarchy
     * @return its children, one level below it; empty for an indicator; unmodifiable
     */
    public List<Node> children(String code) {
        int[] k = children[indexOf(code)];
        List<Node> out = new ArrayList<>(k.length);
        for (int c : k) {
            out.add(nodes.get(c));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Returns the codes of the nodes at one level, in result order.
     *
     * @param level the level, 1 for the indicators
     * @return their codes; empty for a level that has no node
     */
    public List<String> codesAt(int level) {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.level() == level) {
                out.add(n.code());
            }
        }
        return out;
    }

    /**
     * Returns the ancestor of a node at a higher level, e.g. the pillar an indicator belongs to.
     *
     * @param code the code of an indicator or aggregate
     * @param level the level of the ancestor wanted; the node's own level gives the node
     * @return the ancestor's code; empty when no node has this code, or the node has no ancestor at
     *     that level (the level is below the node's or above its top node's)
     */
    public Optional<String> ancestorAt(String code, int level) {
        int i = indexOf(code);
        while (i >= 0 && nodes.get(i).level() < level) {
            i = parentOf[i];
        }
        return i >= 0 && nodes.get(i).level() == level
                ? Optional.of(nodes.get(i).code())
                : Optional.empty();
    }

    int[] childIndices(int node) {
        return children[node];
    }

    int parentIndex(int node) {
        return parentOf[node];
    }

    /**
     * Returns a copy in which the weights of the nodes named in {@code weights} are replaced.
     *
     * @param weights the new raw weights by node code (finite); nodes not named keep theirs
     * @return the hierarchy with these weights
     * @throws IllegalArgumentException if a code names no node of this hierarchy, or a weight is
     *     not finite
     */
    public Hierarchy withWeights(Map<String, Double> weights) {
        List<Node> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            Double w = weights.get(n.code());
            out.add(w == null ? n : n.withWeight(w));
        }
        for (String c : weights.keySet()) {
            if (!index.containsKey(c)) {
                throw new IllegalArgumentException("weight given for '" + c + "', which is not in the hierarchy");
            }
        }
        return new Hierarchy(out);
    }

    /**
     * Returns the weights of all nodes in result order, with {@code overrides} applied (cheaper
     * than {@link #withWeights} when only the numbers are needed).
     *
     * @throws IllegalArgumentException if an override names no node
     */
    double[] weights(Map<String, Double> overrides) {
        double[] w = weights();
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i == null) {
                throw new IllegalArgumentException(
                        "weight given for '" + e.getKey() + "', which is not in the hierarchy");
            }
            w[i] = e.getValue();
        }
        return w;
    }

    /**
     * Returns the weights of all nodes in result order.
     *
     * @return a new array of the raw weights, one per node of {@link #nodes()}
     */
    public double[] weights() {
        double[] w = new double[nodes.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = nodes.get(i).weight();
        }
        return w;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Hierarchy && ((Hierarchy) o).nodes.equals(nodes);
    }

    @Override
    public int hashCode() {
        return nodes.hashCode();
    }

    @Override
    public String toString() {
        return "Hierarchy" + Arrays.toString(new int[] {indicatorCount, nodes.size(), levels});
    }

    // The serial form: the nodes, in this hierarchy's order.
    private record SerialForm(List<Node> nodes) implements Serializable {
        private Object readResolve() throws InvalidObjectException {
            try {
                return of(nodes);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw SerialForms.invalid("hierarchy", e);
            }
        }
    }

    private Object writeReplace() {
        return new SerialForm(nodes);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.notSerialForm("hierarchy");
    }
}
