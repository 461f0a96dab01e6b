package org.citykpi.catalog;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citykpi.Quote;
import org.citykpi.Variable;
import org.citykpi.calc.Calculator;
import org.jspecify.annotations.Nullable;

/**
 * A versioned set of indicators, the variables they read, and plausibility rules.
 *
 * <p>Checked when built: every name a formula uses must be a variable of the catalog, an indicator
 * (by id or published code), a part {@code <id>/<part>}, or the indicator itself (a reported-only
 * indicator); ids and codes are unique; indicators may not depend on each other in a cycle. Each
 * failure is a {@link CatalogException} naming the indicator.
 *
 * <p>An <em>output</em> is what the engine computes: an indicator ({@code id}) or one of its parts
 * ({@code id/part}). {@link #outputs()} lists them in presentation order (each indicator followed
 * by its parts), {@link #evaluationOrder()} in an order where every output comes after what it
 * reads. Immutable and thread-safe.
 *
 * <p>Serializable (to ship a catalog to the workers of a cluster, such as Spark executors): the
 * serial form is the id, the version, the variables, the indicators and the rules, and reading it
 * builds and checks the catalog again, as {@link Builder#build()} does. The serial form is for
 * moving catalogs between JVMs of the same CityKPI version, not for storage.
 * @serial exclude
 */
public final class Catalog implements Serializable {
    private final String id;
    private final String version;
    private final Map<String, Variable> variables;
    private final Map<String, Indicator> indicators;
    private final Map<String, Indicator> byCode;
    private final List<Rule> rules;
    private final List<String> outputs;
    private final List<String> evaluationOrder;
    private final Map<String, List<String>> dependencies;

    private Catalog(
            String id,
            String version,
            Map<String, Variable> variables,
            Map<String, Indicator> indicators,
            List<Rule> rules) {
        this.id = id;
        this.version = version;
        this.variables = Collections.unmodifiableMap(variables);
        this.indicators = Collections.unmodifiableMap(indicators);
        this.rules = List.copyOf(rules);
        Map<String, Indicator> codes = new HashMap<>();
        for (Indicator ind : indicators.values()) {
            if (!ind.code().isEmpty()) {
                Indicator prev = codes.put(ind.code(), ind);
                if (prev != null) {
                    throw new CatalogException(
                            ind.id(),
                            "indicator " + ind.id() + ": code " + Quote.of(ind.code()) + " is also the code of "
                                    + prev.id());
                }
                if (indicators.containsKey(ind.code()) && !ind.code().equals(ind.id())) {
                    throw new CatalogException(
                            ind.id(),
                            "indicator " + ind.id() + ": code " + Quote.of(ind.code())
                                    + " is the id of another indicator");
                }
            }
        }
        this.byCode = Map.copyOf(codes);
        List<String> outs = new ArrayList<>();
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (Indicator ind : indicators.values()) {
            outs.add(ind.id());
            deps.put(ind.id(), resolve(ind.id(), ind.id(), ind.formula(), ind.formulaText()));
            for (Part p : ind.parts()) {
                String out = ind.id() + "/" + p.id();
                outs.add(out);
                deps.put(out, resolve(ind.id(), out, p.formula(), p.formulaText()));
            }
        }
        for (Rule r : rules) {
            for (String ref : r.check().references()) {
                if (!variables.containsKey(ref) && resolveOutput(ref) == null) {
                    throw new CatalogException(
                            r.id(),
                            "rule " + r.id() + ": check " + Quote.of(r.checkText()) + " names " + Quote.of(ref)
                                    + ", which is neither a variable nor an indicator of catalog " + id);
                }
            }
        }
        this.outputs = List.copyOf(outs);
        this.dependencies = deps;
        this.evaluationOrder = List.copyOf(topologicalOrder(deps));
    }

    /** Returns the output id a formula name stands for (indicator by id or code, or a part), or null. */
    private @Nullable String resolveOutput(String name) {
        if (indicators.containsKey(name)) {
            return name;
        }
        Indicator byC = byCode.get(name);
        if (byC != null) {
            return byC.id();
        }
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            String head = name.substring(0, slash);
            Indicator ind = indicators.containsKey(head) ? indicators.get(head) : byCode.get(head);
            if (ind != null && ind.part(name.substring(slash + 1)).isPresent()) {
                return ind.id() + "/" + name.substring(slash + 1);
            }
        }
        return null;
    }

    /** Returns the outputs that {@code output}'s formula reads (variables are not listed). */
    private List<String> resolve(String indicatorId, String output, Calculator formula, String text) {
        List<String> deps = new ArrayList<>();
        for (String ref : formula.references()) {
            String out = resolveOutput(ref);
            if (out != null && out.equals(output)) {
                continue; // a self-reference: the value must be reported with the data
            }
            if (out != null) {
                deps.add(out);
            } else if (!variables.containsKey(ref)) {
                throw new CatalogException(
                        indicatorId,
                        "indicator " + indicatorId + ": formula " + Quote.of(text) + " names " + Quote.of(ref)
                                + ", which is neither a variable nor an indicator of catalog " + id);
            }
        }
        return deps;
    }

    private static List<String> topologicalOrder(Map<String, List<String>> deps) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (String start : deps.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> its = new ArrayDeque<>();
            path.push(start);
            its.push(deps.get(start).iterator());
            state.put(start, 1);
            while (!path.isEmpty()) {
                java.util.Iterator<String> it = its.peek();
                if (it.hasNext()) {
                    String next = it.next();
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        path.push(next);
                        its.push(requireNonNull(deps.get(next), next).iterator());
                    } else if (s == 1) {
                        List<String> cycle = new ArrayList<>();
                        for (String p : path) {
                            cycle.add(0, p);
                            if (p.equals(next)) {
                                break;
                            }
                        }
                        cycle.add(next);
                        String owner = cycle.get(0).contains("/")
                                ? cycle.get(0).substring(0, cycle.get(0).indexOf('/'))
                                : cycle.get(0);
                        throw new CatalogException(
                                owner, "indicator " + owner + " depends on itself: " + String.join(" -> ", cycle));
                    }
                } else {
                    String done = path.pop();
                    its.pop();
                    state.put(done, 2);
                    order.add(done);
                }
            }
        }
        return order;
    }

    /**
     * Returns a builder for a catalog {@code id} at {@code version}.
     *
     * @param id the catalog id, such as {@code u4ssc}
     * @param version the catalog version
     * @return an empty builder
     */
    public static Builder builder(String id, String version) {
        return new Builder(id, version);
    }

    /** {@return the catalog id (such as {@code u4ssc})} */
    public String id() {
        return id;
    }

    /** {@return the catalog version} */
    public String version() {
        return version;
    }

    /** {@return the variables in definition order} */
    public List<Variable> variables() {
        return List.copyOf(variables.values());
    }

    /**
     * Returns the variable {@code id}, if defined.
     *
     * @param id a variable id
     * @return the variable, or empty when the catalog has none of that id
     */
    public Optional<Variable> variable(String id) {
        return Optional.ofNullable(variables.get(id));
    }

    /** {@return the indicators in definition order} */
    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    /** {@return the plausibility rules, in definition order} */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Returns the indicator whose id or published code is {@code idOrCode} (surrounding blanks ignored).
     *
     * @param idOrCode an indicator id or published code
     * @return the indicator, or empty when none has that id or code
     */
    public Optional<Indicator> indicator(String idOrCode) {
        String k = idOrCode.strip();
        Indicator ind = indicators.get(k);
        return Optional.ofNullable(ind != null ? ind : byCode.get(k));
    }

    /**
     * Returns the output id for an indicator or part named by id or code ({@code EC: ICT: ICT:
     * 4C/3G} gives {@code EC.ICT.ICT.4C/3G}), if it names one.
     *
     * @param idOrCode an indicator or part, by id or published code
     * @return the output id, or empty when {@code idOrCode} names no indicator or part
     */
    public Optional<String> output(String idOrCode) {
        return Optional.ofNullable(resolveOutput(idOrCode.strip()));
    }

    /** {@return every output (indicators, each followed by its parts) in presentation order} */
    public List<String> outputs() {
        return outputs;
    }

    /** {@return every output ordered so that each comes after the outputs it reads} */
    public List<String> evaluationOrder() {
        return evaluationOrder;
    }

    /**
     * Returns the outputs that {@code output} reads directly (variables not included).
     *
     * @param output an output id
     * @return the outputs its formula names, in order of appearance
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public List<String> dependencies(String output) {
        List<String> d = dependencies.get(output);
        if (d == null) {
            throw new IllegalArgumentException("no output '" + output + "' in catalog " + id);
        }
        return List.copyOf(d);
    }

    /**
     * Returns the indicator that owns {@code output} ({@code X} for {@code X} and {@code X/part}).
     *
     * @param output an output id
     * @return the indicator
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public Indicator owner(String output) {
        int slash = output.indexOf('/');
        Indicator ind = indicators.get(slash < 0 ? output : output.substring(0, slash));
        if (ind == null) {
            throw new IllegalArgumentException("no output '" + output + "' in catalog " + id);
        }
        return ind;
    }

    /**
     * Returns the part that {@code output} names, or empty for an indicator's own output.
     *
     * @param output an output id
     * @return the part, or empty
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public Optional<Part> part(String output) {
        int slash = output.indexOf('/');
        return slash < 0 ? Optional.empty() : owner(output).part(output.substring(slash + 1));
    }

    /**
     * Returns the formula of {@code output}.
     *
     * @param output an output id
     * @return the formula of the indicator or part
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public Calculator formula(String output) {
        return part(output).map(Part::formula).orElseGet(() -> owner(output).formula());
    }

    /**
     * Returns the formula text of {@code output}.
     *
     * @param output an output id
     * @return the formula text of the indicator or part
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public String formulaText(String output) {
        return part(output).map(Part::formulaText).orElseGet(() -> owner(output).formulaText());
    }

    /**
     * Returns the name of {@code output} (a part: its indicator's name and the part's name).
     *
     * @param output an output id
     * @return the name, for people
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public String name(String output) {
        Indicator ind = owner(output);
        return part(output).map(p -> ind.name() + ": " + p.name()).orElse(ind.name());
    }

    /**
     * Returns the unit of {@code output}.
     *
     * @param output an output id
     * @return the unit of the indicator or part
     * @throws IllegalArgumentException if the catalog has no such output
     */
    public String unit(String output) {
        return part(output).map(Part::unit).orElseGet(() -> owner(output).unit());
    }

    /**
     * Returns the catalog restricted to the named indicators (by id or code) and everything they
     * depend on; variables and rules are kept whole.
     *
     * @param idsOrCodes indicators or parts, by id or published code
     * @return the smaller catalog, with the same id and version
     * @throws IllegalArgumentException naming an id that is not in the catalog
     */
    public Catalog only(Collection<String> idsOrCodes) {
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String s : idsOrCodes) {
            String out = resolveOutput(s.strip());
            if (out == null) {
                throw new IllegalArgumentException("no indicator '" + s + "' in catalog " + id);
            }
            todo.add(owner(out).id());
        }
        while (!todo.isEmpty()) {
            String ind = todo.pop();
            if (!keep.add(ind)) {
                continue;
            }
            Indicator i = requireNonNull(indicators.get(ind), ind);
            List<String> outs = new ArrayList<>();
            outs.add(ind);
            for (Part p : i.parts()) {
                outs.add(ind + "/" + p.id());
            }
            for (String o : outs) {
                for (String d : requireNonNull(dependencies.get(o), o)) {
                    todo.add(owner(d).id());
                }
            }
        }
        Builder b = builder(id, version);
        variables.values().forEach(b::variable);
        for (Indicator i : indicators.values()) {
            if (keep.contains(i.id())) {
                b.indicator(i);
            }
        }
        List<Rule> keptRules = new ArrayList<>();
        for (Rule r : rules) {
            boolean ok = true;
            for (String ref : r.check().references()) {
                String out = resolveOutput(ref);
                if (out != null && !keep.contains(owner(out).id())) {
                    ok = false;
                }
            }
            if (ok) {
                keptRules.add(r);
            }
        }
        keptRules.forEach(b::rule);
        return b.build();
    }

    /**
     * Returns the union of this catalog and {@code other}: id and version joined with {@code +}.
     * A variable defined in both must be equal in both.
     *
     * @param other the catalog added to this one
     * @return the merged catalog
     * @throws CatalogException if an indicator or rule id is in both, or the result is inconsistent
     */
    public Catalog merge(Catalog other) {
        Builder b = builder(id + "+" + other.id, version + "+" + other.version);
        variables.values().forEach(b::variable);
        for (Variable v : other.variables.values()) {
            Variable mine = variables.get(v.id());
            if (mine == null) {
                b.variable(v);
            } else if (!mine.equals(v)) {
                throw new CatalogException(
                        v.id(), "variable " + v.id() + " is defined differently in " + id + " and " + other.id);
            }
        }
        indicators.values().forEach(b::indicator);
        other.indicators.values().forEach(b::indicator);
        rules.forEach(b::rule);
        other.rules.forEach(b::rule);
        return b.build();
    }

    // The serial form of a catalog: its definitions, from which reading builds (and checks) the
    // catalog again; the derived lookups are not written.
    private record SerialForm(
            String id, String version, List<Variable> variables, List<Indicator> indicators, List<Rule> rules)
            implements Serializable {
        private Object readResolve() throws InvalidObjectException {
            try {
                Builder b = builder(id, version);
                variables.forEach(b::variable);
                indicators.forEach(b::indicator);
                rules.forEach(b::rule);
                return b.build();
            } catch (IllegalArgumentException e) {
                InvalidObjectException bad = new InvalidObjectException("not a valid catalog: " + e.getMessage());
                bad.initCause(e);
                throw bad;
            }
        }
    }

    private Object writeReplace() {
        return new SerialForm(id, version, variables(), indicators(), rules);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a catalog is read through its serial form");
    }

    @Override
    public String toString() {
        return "Catalog[" + id + " " + version + ", " + indicators.size() + " indicators, " + variables.size()
                + " variables]";
    }

    /** Collects definitions for a catalog; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String version;
        private final Map<String, Variable> variables = new LinkedHashMap<>();
        private final Map<String, Indicator> indicators = new LinkedHashMap<>();
        private final List<Rule> rules = new ArrayList<>();
        private final Set<String> ruleIds = new HashSet<>();

        private Builder(String id, String version) {
            this.id = requireNonNull(id, "id");
            this.version = requireNonNull(version, "version");
        }

        /**
         * Adds a variable.
         *
         * @param v the variable
         * @return this builder
         * @throws CatalogException if a variable with that id was added already
         */
        public Builder variable(Variable v) {
            requireNonNull(v, "variable");
            if (variables.putIfAbsent(v.id(), v) != null) {
                throw new CatalogException(v.id(), "variable " + v.id() + " is defined twice in catalog " + id);
            }
            return this;
        }

        /**
         * Adds an indicator.
         *
         * @param ind the indicator
         * @return this builder
         * @throws CatalogException if an indicator with that id was added already
         */
        public Builder indicator(Indicator ind) {
            requireNonNull(ind, "indicator");
            if (indicators.putIfAbsent(ind.id(), ind) != null) {
                throw new CatalogException(ind.id(), "indicator " + ind.id() + " is defined twice in catalog " + id);
            }
            return this;
        }

        /**
         * Adds a plausibility rule.
         *
         * @param r the rule
         * @return this builder
         * @throws CatalogException if a rule with that id was added already
         */
        public Builder rule(Rule r) {
            requireNonNull(r, "rule");
            if (!ruleIds.add(r.id())) {
                throw new CatalogException(r.id(), "rule " + r.id() + " is defined twice in catalog " + id);
            }
            rules.add(r);
            return this;
        }

        /**
         * Checks and builds the catalog.
         *
         * @return the catalog
         * @throws CatalogException naming the indicator at fault
         */
        public Catalog build() {
            return new Catalog(id, version, new LinkedHashMap<>(variables), new LinkedHashMap<>(indicators), rules);
        }
    }
}
