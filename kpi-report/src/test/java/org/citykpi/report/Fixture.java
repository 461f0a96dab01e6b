package org.citykpi.report;

import java.util.List;
import java.util.Map;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.calc.Formula;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;
import org.citykpi.catalog.Tier;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;

/**
 * A small U4SSC-shaped catalog (3 dimensions, 7 sub-dimensions, 13 indicators: computed,
 * reported-only, multi-part, lower-is-better, target-band, one outside any dimension) with names
 * that need escaping, and data for two cities: "Karmøy" over 2020–2022 and {@code Town <&> "Q"} in
 * 2022, with gaps, a zero denominator and a broken plausibility rule. Every number is written here
 * so that tests can work out expected values by hand.
 */
final class Fixture {
    static final String CITY = "Karmøy";
    static final String ODD_CITY = "Town <&> \"Q\" 'x'";
    static final String ODD_NAME = "Fixed Broadband <Subscriptions> & \"more\" 'x'";
    static final String URL = "https://example.org/u4ssc?kpi=1&page=33";

    private Fixture() {}

    private static Indicator ind(
            String id, String name, String unit, Direction d, String formula, String dim, String sub, String cat) {
        return Indicator.of(id, name, unit, d, formula)
                .withCode(id.isEmpty() ? "" : "T: " + id)
                .withGroups(dim, sub, cat)
                .withTier(Tier.CORE)
                .withDocumentation("Definition of " + name, URL, Map.of());
    }

    static Catalog catalog() {
        Catalog.Builder b = Catalog.builder("mini", "1");
        for (String v : List.of(
                "hh",
                "hh_net",
                "bb",
                "pop",
                "pop_3g",
                "pop_4g",
                "unemployed",
                "labour_force",
                "green_ha",
                "renew_mwh",
                "energy_mwh",
                "students",
                "students_ict",
                "violent_crimes",
                "income_f",
                "income_m")) {
            b.variable(Variable.of(v, "count", "Description of " + v + " <raw>"));
        }
        String ec = "Economy";
        String en = "Environment";
        String sc = "Society and Culture";
        b.indicator(ind(
                "NET",
                "Household Internet Access",
                "%",
                Direction.HIGHER,
                "100 * hh_net / hh",
                ec,
                "ICT",
                "ICT Infrastructure"));
        b.indicator(ind("BB", ODD_NAME, "%", Direction.HIGHER, "100 * bb / hh", ec, "ICT", "ICT Infrastructure"));
        b.indicator(ind(
                        "COV",
                        "Wireless Broadband Coverage",
                        "%",
                        Direction.HIGHER,
                        "100 * pop_4g / pop",
                        ec,
                        "ICT",
                        "ICT Infrastructure")
                .withParts(
                        List.of(
                                Part.of("3G", "3G coverage", "%", Formula.parse("100 * pop_3g / pop")),
                                Part.of("4G", "4G coverage", "%", Formula.parse("100 * pop_4g / pop"))),
                        "4G",
                        false));
        b.indicator(ind(
                "UNEMP",
                "Unemployment Rate",
                "%",
                Direction.LOWER,
                "100 * unemployed / labour_force",
                ec,
                "Productivity",
                "Employment"));
        b.indicator(
                ind("RND", "R&D Expenditure", "% of GDP", Direction.HIGHER, "RND", ec, "Productivity", "Innovation"));
        b.indicator(ind(
                "PM25", "Air Pollution (PM2.5)", "µg/m³", Direction.LOWER, "PM25", en, "Environment", "Air Quality"));
        b.indicator(ind(
                "GREEN",
                "Green Areas",
                "ha per 100 000 inhabitants",
                Direction.HIGHER,
                "100000 * green_ha / pop",
                en,
                "Environment",
                "Public Space and Nature"));
        b.indicator(ind(
                "RENEW",
                "Renewable Energy Consumption",
                "%",
                Direction.HIGHER,
                "100 * renew_mwh / energy_mwh",
                en,
                "Energy",
                "Energy"));
        b.indicator(ind(
                "SCHOOL",
                "Student ICT Access",
                "%",
                Direction.HIGHER,
                "100 * students_ict / students",
                sc,
                "Education, Health and Culture",
                "Education"));
        b.indicator(ind(
                "LIFE",
                "Life Expectancy",
                "years",
                Direction.HIGHER,
                "LIFE",
                sc,
                "Education, Health and Culture",
                "Health"));
        b.indicator(ind(
                "CRIME",
                "Violent Crime Rate",
                "per 100 000 inhabitants",
                Direction.LOWER,
                "100000 * violent_crimes / pop",
                sc,
                "Safety, Housing and Social Inclusion",
                "Safety"));
        b.indicator(ind(
                "GENDER",
                "Gender Income Equity",
                "ratio",
                Direction.TARGET,
                "income_f / income_m",
                sc,
                "Safety, Housing and Social Inclusion",
                "Social Inclusion"));
        b.indicator(Indicator.of("LOCAL", "Local <Pilot> Indicator", "%", Direction.HIGHER, "100 * hh_net / hh"));
        b.rule(new Rule(
                "bb-le-net",
                "Broadband <= internet & more",
                Formula.parse("BB <= NET"),
                "BB <= NET",
                Rule.Severity.WARNING,
                URL));
        return b.build();
    }

    static TargetSet targets() {
        return TargetSet.of(List.of(
                Target.of("NET", 90),
                new Target(
                        "BB",
                        60,
                        java.util.Optional.of(Period.year(2030)),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        "Plan <2030> & \"beyond\""),
                Target.of("COV", 100),
                Target.of("UNEMP", 5),
                Target.of("RND", 3),
                Target.of("PM25", 10),
                Target.of("GREEN", 50),
                Target.of("RENEW", 40),
                Target.of("SCHOOL", 100),
                Target.of("CRIME", 200),
                Target.of("GENDER", 1)));
    }

    private static void add(Dataset.Builder b, String e, int year, Object... kv) {
        Period p = Period.year(year);
        b.row(e, p);
        for (int i = 0; i < kv.length; i += 2) {
            b.add(e, p, (String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
    }

    /** Karmøy 2020–2022 (values improving), the odd town in 2022 (a zero denominator, gaps). */
    static Dataset data() {
        Dataset.Builder b = Dataset.builder();
        add(
                b,
                CITY,
                2020,
                "hh",
                1000,
                "hh_net",
                800,
                "bb",
                500,
                "pop",
                40000,
                "pop_3g",
                38000,
                "pop_4g",
                30000,
                "unemployed",
                1200,
                "labour_force",
                20000,
                "RND",
                1.2,
                "PM25",
                14,
                "green_ha",
                10,
                "renew_mwh",
                300,
                "energy_mwh",
                1000,
                "students",
                5000,
                "students_ict",
                4000,
                "LIFE",
                80.1,
                "violent_crimes",
                120,
                "income_f",
                80,
                "income_m",
                100);
        // 2021: broadband 90 % above internet access 85 % breaks rule bb-le-net.
        add(
                b,
                CITY,
                2021,
                "hh",
                1000,
                "hh_net",
                850,
                "bb",
                900,
                "pop",
                40500,
                "pop_3g",
                39000,
                "pop_4g",
                34000,
                "unemployed",
                1100,
                "labour_force",
                20000,
                "RND",
                1.5,
                "PM25",
                12,
                "green_ha",
                11,
                "renew_mwh",
                350,
                "energy_mwh",
                1000,
                "students",
                5000,
                "students_ict",
                4500,
                "violent_crimes",
                100,
                "income_f",
                85,
                "income_m",
                100);
        // 2022: NET = 100 × 900 / 1000 = 90 (attainment 100 %, 4 points); BB = 100 × 640 / 1000 = 64
        // (64 / 60 = 106.7 %, 4 points); UNEMP = 100 × 1000 / 20000 = 5 (5 / 5 = 100 %, 4 points);
        // RND 0.9 reported (0.9 / 3 = 30 %, 1 point); PM25 20 (10 / 20 = 50 %, 2 points);
        // GREEN = 100000 × 12 / 41000 = 29.268… (58.5 %, 2 points); RENEW = 100 × 360 / 1000 = 36
        // (90 %, 3 points); SCHOOL has no input (missing); CRIME = 100000 × 90 / 41000 = 219.5…
        // (200 / 219.5 = 91.1 %, 3 points); GENDER = 0.9 (90 %, 3 points).
        add(
                b,
                CITY,
                2022,
                "hh",
                1000,
                "hh_net",
                900,
                "bb",
                640,
                "pop",
                41000,
                "pop_3g",
                40000,
                "pop_4g",
                39000,
                "unemployed",
                1000,
                "labour_force",
                20000,
                "RND",
                0.9,
                "PM25",
                20,
                "green_ha",
                12,
                "renew_mwh",
                360,
                "energy_mwh",
                1000,
                "LIFE",
                81.3,
                "violent_crimes",
                90,
                "income_f",
                90,
                "income_m",
                100);
        // The odd town: no households and no energy use (division by zero); no RND, LIFE or 3G input.
        add(
                b,
                ODD_CITY,
                2022,
                "hh",
                0,
                "hh_net",
                0,
                "bb",
                0,
                "pop",
                5000,
                "pop_4g",
                5000,
                "unemployed",
                400,
                "labour_force",
                2000,
                "PM25",
                8,
                "green_ha",
                4,
                "renew_mwh",
                0,
                "energy_mwh",
                0,
                "students",
                400,
                "students_ict",
                100,
                "violent_crimes",
                30,
                "income_f",
                50,
                "income_m",
                100);
        return b.build();
    }

    /** Both cities. */
    static Results results() {
        return Engine.create(catalog()).evaluate(data());
    }

    /** Karmøy alone. */
    static Results singleCity() {
        return Engine.create(catalog()).evaluate(data().sliceEntities(List.of(CITY)));
    }

    static ReportInput input(Results r) {
        return ReportInput.of(r, targets())
                .withTitle("Report for <Karmøy> & \"friends\"")
                .withAccount(new DataAccount(
                        List.of("data <1>.csv"),
                        12,
                        10,
                        2,
                        List.of(
                                "data <1>.csv:3:4: not a number '1x0' (use '.' as decimal separator)",
                                "data <1>.csv:7:2: warning: empty value & more"),
                        0));
    }
}
