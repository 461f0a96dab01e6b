package org.citykpi.catalog;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citykpi.Quote;
import org.citykpi.calc.Calculator;
import org.citykpi.calc.Formula;

/**
 * Defines an indicator: identity, grouping, unit, direction, formula, SDG links, methodology
 * source, and where each of these facts came from.
 *
 * <p>A formula that names only the indicator itself (formula {@code PM25} for indicator {@code
 * PM25}) makes a reported-only indicator: its value must come with the data. A multi-part
 * indicator has {@link #parts()}; its own value is that of the {@link #headline()} part unless its
 * formula says otherwise. A value outside {@code [min, max]} is reported as {@code out_of_range}.
 *
 * <p>Immutable and thread-safe; build one with {@link #of} and the {@code with…} methods.
 *
 * <p>Serializable through its canonical constructor, so a value read from a stream is checked like
 * a new one; the serial form is for moving values between JVMs of the same CityKPI version (such
 * as to Spark executors), not for storage.
 *
 * @param id identifier, such as {@code EC.ICT.ICT.1C} (no {@code /})
 * @param code published code, such as {@code EC: ICT: ICT: 1C}; empty if none
 * @param name name for people
 * @param unit unit of the value ({@code %}, {@code per 100 000 inhabitants}, {@code yes/no}, …)
 * @param direction which way is better
 * @param formula how the value is computed
 * @param formulaText the formula as written
 * @param dimension top-level group (U4SSC: Economy, Environment, Society and Culture); may be empty
 * @param subDimension second-level group; may be empty
 * @param category third-level group; may be empty
 * @param tier core or advanced
 * @param sdgs SDG targets or indicators the indicator links to, such as {@code 17.8.1}
 * @param definition the published definition
 * @param source methodology reference for the indicator as a whole
 * @param sources where each fact came from: keys such as {@code formula}, {@code unit}, {@code
 *     direction}; values a URL or {@code derived: <reason>}
 * @param min smallest valid value
 * @param max largest valid value
 * @param parts parts of a multi-part indicator (empty otherwise)
 * @param headline id of the part that gives the indicator's value; empty if there are no parts
 * @serial exclude
 */
public record Indicator(
        String id,
        String code,
        String name,
        String unit,
        Direction direction,
        Calculator formula,
        String formulaText,
        String dimension,
        String subDimension,
        String category,
        Tier tier,
        List<String> sdgs,
        String definition,
        String source,
        Map<String, String> sources,
        double min,
        double max,
        List<Part> parts,
        String headline)
        implements Serializable {

    /**
     * Validates the fields and copies the collections. Null text fields are read as empty (the
     * formula text as the formula's own text, the tier as {@link Tier#NONE}).
     *
     * @param id identifier, non-blank, without {@code /}
     * @param code published code; empty if none
     * @param name name for people
     * @param unit unit of the value
     * @param direction which way is better
     * @param formula how the value is computed
     * @param formulaText the formula as written
     * @param dimension top-level group; may be empty
     * @param subDimension second-level group; may be empty
     * @param category third-level group; may be empty
     * @param tier core or advanced
     * @param sdgs SDG targets or indicators the indicator links to
     * @param definition the published definition
     * @param source methodology reference for the indicator as a whole
     * @param sources where each fact came from, by fact
     * @param min smallest valid value
     * @param max largest valid value, not below {@code min}
     * @param parts parts of a multi-part indicator, ids unique (empty otherwise)
     * @param headline id of the part that gives the indicator's value; empty if there are no parts
     * @throws IllegalArgumentException if the id is blank or has a {@code /}, the range is empty or
     *     NaN, a part id repeats, or the headline is not one of the parts (or missing when there are parts)
     */
    public Indicator {
        requireNonNull(id, "id");
        if (id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException("indicator id must be non-blank and contain no '/': " + Quote.of(id));
        }
        code = code == null ? "" : code;
        requireNonNull(name, "name");
        unit = unit == null ? "" : unit;
        requireNonNull(direction, "direction");
        requireNonNull(formula, "formula");
        formulaText = formulaText == null ? formula.toString() : formulaText;
        dimension = dimension == null ? "" : dimension;
        subDimension = subDimension == null ? "" : subDimension;
        category = category == null ? "" : category;
        tier = tier == null ? Tier.NONE : tier;
        sdgs = List.copyOf(sdgs);
        definition = definition == null ? "" : definition;
        source = source == null ? "" : source;
        sources = Map.copyOf(sources);
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("indicator " + id + ": invalid range [" + min + ", " + max + "]");
        }
        parts = List.copyOf(parts);
        headline = headline == null ? "" : headline;
        Set<String> seen = new HashSet<>();
        for (Part p : parts) {
            if (!seen.add(p.id())) {
                throw new IllegalArgumentException("indicator " + id + ": part " + p.id() + " is defined twice");
            }
        }
        if (!headline.isEmpty() && !seen.contains(headline)) {
            throw new IllegalArgumentException(
                    "indicator " + id + ": headline part " + headline + " is not one of its parts");
        }
        if (!parts.isEmpty() && headline.isEmpty()) {
            throw new IllegalArgumentException("indicator " + id + ": has parts but names no headline part");
        }
    }

    /**
     * Returns an indicator with the given formula text and no grouping, tier, SDG links or sources.
     *
     * @param id identifier, such as {@code EC.ICT.ICT.1C}
     * @param name name for people
     * @param unit unit of the value
     * @param direction which way is better
     * @param formula the formula text, compiled with {@link Formula#parse}
     * @return the indicator, with an open valid range
     * @throws org.citykpi.calc.FormulaException if the formula does not compile
     */
    public static Indicator of(String id, String name, String unit, Direction direction, String formula) {
        return of(id, name, unit, direction, Formula.parse(formula)).withFormulaText(formula);
    }

    /**
     * Returns an indicator computed by {@code formula}, with no grouping, tier, SDG links or sources.
     *
     * @param id identifier, such as {@code EC.ICT.ICT.1C}
     * @param name name for people
     * @param unit unit of the value
     * @param direction which way is better
     * @param formula how the value is computed
     * @return the indicator, with an open valid range
     */
    public static Indicator of(String id, String name, String unit, Direction direction, Calculator formula) {
        return new Indicator(
                id,
                "",
                name,
                unit,
                direction,
                formula,
                formula.toString(),
                "",
                "",
                "",
                Tier.NONE,
                List.of(),
                "",
                "",
                Map.of(),
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                List.of(),
                "");
    }

    /** {@return true when the value can only come with the data (the formula names only this indicator)} */
    public boolean isReportedOnly() {
        return formula instanceof Calculator.Ref r
                && (r.name().equals(id) || (!code.isEmpty() && r.name().equals(code)));
    }

    /**
     * Returns the part {@code partId}, if any.
     *
     * @param partId a part id
     * @return the part, or empty when the indicator has no part of that id
     */
    public Optional<Part> part(String partId) {
        for (Part p : parts) {
            if (p.id().equals(partId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns this indicator with the published code.
     *
     * @param code published code, such as {@code EC: ICT: ICT: 1C}
     * @return a copy with the code
     */
    public Indicator withCode(String code) {
        Copy c = new Copy(this);
        c.code = code;
        return c.build();
    }

    /**
     * Returns this indicator with the formula text as written (the formula itself is unchanged).
     *
     * @param text the formula as written
     * @return a copy with the text
     */
    public Indicator withFormulaText(String text) {
        Copy c = new Copy(this);
        c.formulaText = text;
        return c.build();
    }

    /**
     * Returns this indicator in the given groups.
     *
     * @param dimension top-level group
     * @param subDimension second-level group
     * @param category third-level group
     * @return a copy in the groups
     */
    public Indicator withGroups(String dimension, String subDimension, String category) {
        Copy c = new Copy(this);
        c.dimension = dimension;
        c.subDimension = subDimension;
        c.category = category;
        return c.build();
    }

    /**
     * Returns this indicator with the tier.
     *
     * @param tier core, advanced or none
     * @return a copy with the tier
     */
    public Indicator withTier(Tier tier) {
        Copy c = new Copy(this);
        c.tier = tier;
        return c.build();
    }

    /**
     * Returns this indicator with its SDG links.
     *
     * @param sdgs SDG targets or indicators, such as {@code 17.8.1}
     * @return a copy with the links
     */
    public Indicator withSdgs(List<String> sdgs) {
        Copy c = new Copy(this);
        c.sdgs = sdgs;
        return c.build();
    }

    /**
     * Returns this indicator with its definition, methodology source and per-fact sources.
     *
     * @param definition the published definition
     * @param source methodology reference for the indicator as a whole
     * @param sources where each fact came from, by fact ({@code formula}, {@code unit}, …)
     * @return a copy with the documentation
     */
    public Indicator withDocumentation(String definition, String source, Map<String, String> sources) {
        Copy c = new Copy(this);
        c.definition = definition;
        c.source = source;
        c.sources = sources;
        return c.build();
    }

    /**
     * Returns this indicator with the valid range {@code [min, max]}.
     *
     * @param min smallest valid value (inclusive)
     * @param max largest valid value (inclusive)
     * @return a copy with the range
     * @throws IllegalArgumentException if the range is empty or NaN
     */
    public Indicator withRange(double min, double max) {
        Copy c = new Copy(this);
        c.min = min;
        c.max = max;
        return c.build();
    }

    /**
     * Returns this indicator with parts; its formula becomes a reference to the headline part
     * unless {@code keepFormula}.
     *
     * @param parts the parts, ids unique
     * @param headline id of the part that gives the indicator's value
     * @param keepFormula true to keep the indicator's own formula
     * @return a copy with the parts
     * @throws IllegalArgumentException if a part id repeats or the headline is not one of the parts
     */
    public Indicator withParts(List<Part> parts, String headline, boolean keepFormula) {
        Copy c = new Copy(this);
        if (!keepFormula) {
            c.formula = new Calculator.Ref(id + "/" + headline);
            c.formulaText = c.formula.toString();
        }
        c.parts = parts;
        c.headline = headline;
        return c.build();
    }

    /** The fields of an indicator, to change one or two of them in a {@code with…} method. */
    private static final class Copy {
        final String id;
        String code;
        final String name;
        final String unit;
        final Direction direction;
        Calculator formula;
        String formulaText;
        String dimension;
        String subDimension;
        String category;
        Tier tier;
        List<String> sdgs;
        String definition;
        String source;
        Map<String, String> sources;
        double min;
        double max;
        List<Part> parts;
        String headline;

        Copy(Indicator i) {
            id = i.id;
            code = i.code;
            name = i.name;
            unit = i.unit;
            direction = i.direction;
            formula = i.formula;
            formulaText = i.formulaText;
            dimension = i.dimension;
            subDimension = i.subDimension;
            category = i.category;
            tier = i.tier;
            sdgs = i.sdgs;
            definition = i.definition;
            source = i.source;
            sources = i.sources;
            min = i.min;
            max = i.max;
            parts = i.parts;
            headline = i.headline;
        }

        Indicator build() {
            return new Indicator(
                    id,
                    code,
                    name,
                    unit,
                    direction,
                    formula,
                    formulaText,
                    dimension,
                    subDimension,
                    category,
                    tier,
                    sdgs,
                    definition,
                    source,
                    sources,
                    min,
                    max,
                    parts,
                    headline);
        }
    }
}
