package org.citykpi.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.junit.jupiter.api.Test;

/** From computed KPIs to one assessed row per (entity, KPI) with data. */
class ProgressTableTest {
    static Catalog catalog() {
        return Catalog.builder("t", "1")
                .variable(Variable.of("hh", "households"))
                .variable(Variable.of("hh_net", "households"))
                .indicator(Indicator.of("PM25", "PM2.5 annual mean", "ug/m3", Direction.LOWER, "PM25"))
                .indicator(Indicator.of("NET", "Household internet access", "%", Direction.HIGHER, "100 * hh_net / hh"))
                .indicator(Indicator.of("PLAN", "Resilience plan", "Yes or No", Direction.HIGHER, "PLAN"))
                .build();
    }

    static Results results() {
        Dataset.Builder b = Dataset.builder();
        // city c: the worked example, reported directly
        b.add("c", Period.year(2015), "PM25", 20);
        b.add("c", Period.year(2022), "PM25", 16);
        // internet access 98 % → 98.4 % (2015 → 2020), computed from households
        b.add("c", Period.year(2015), "hh", 1000);
        b.add("c", Period.year(2015), "hh_net", 980);
        b.add("c", Period.year(2020), "hh", 1000);
        b.add("c", Period.year(2020), "hh_net", 984);
        b.add("c", Period.year(2022), "PLAN", 1);
        // city a: one PM2.5 value only
        b.add("a", Period.year(2022), "PM25", 30);
        return Engine.create(catalog()).evaluate(b.build());
    }

    @Test
    void oneRowPerEntityAndKpiWithData() {
        List<ProgressTable.Row> rows = ProgressTable.assess(
                results(),
                TargetSet.of(List.of(Target.of("PM25", 10, Period.year(2030), "WHO interim"))),
                ProgressMethod.StatCan.defaults(),
                Optional.empty(),
                Optional.empty());
        // a: PM25 only (NET and PLAN have no value); c: PM25, NET, PLAN
        assertEquals(4, rows.size());
        assertEquals("a", rows.get(0).entity());
        assertEquals(ProgressCategory.UNABLE_TO_ASSESS, rows.get(0).result().category());
        ProgressTable.Row pm = rows.get(1);
        assertEquals("c", pm.entity());
        assertEquals("PM25", pm.kpi());
        // worked example: R = 0.6947748 → acceleration needed
        assertEquals(0.6947747659, pm.result().measure().getAsDouble(), 1e-9);
        assertEquals(ProgressCategory.ACCELERATION_NEEDED, pm.result().category());
        ProgressTable.Row net = rows.get(2);
        assertEquals("NET", net.kpi());
        // a percentage, higher is better: natural limit 100 → C = 0.0857946, g = 0.0008150 →
        // acceleration needed (see ProgressEdgeCaseTest.NaturalLimits)
        assertEquals(ProgressCategory.ACCELERATION_NEEDED, net.result().category());
        assertTrue(
                net.result().reason().contains("natural limit 100"),
                net.result().reason());
        // yes/no from its unit: 1 = yes → achieved
        assertEquals(ProgressCategory.TARGET_ACHIEVED, rows.get(3).result().category());
    }

    @Test
    void periodOverridesReplaceTheTargetsPeriods() {
        Target t = new Target(
                "PM25", 10, Optional.of(Period.year(2030)), Optional.empty(), Optional.of(Period.year(2010)), "");
        ProgressGoal g = ProgressTable.goal(
                catalog(), "PM25", Optional.of(t), Optional.of(Period.year(2016)), Optional.of(Period.year(2035)));
        assertEquals(Period.year(2016), g.basePeriod());
        assertEquals(Period.year(2035), g.targetPeriod());
        ProgressGoal kept = ProgressTable.goal(catalog(), "PM25", Optional.of(t), Optional.empty(), Optional.empty());
        assertEquals(Period.year(2010), kept.basePeriod());
        assertTrue(ProgressTable.goal(catalog(), "PLAN", Optional.empty(), Optional.empty(), Optional.empty())
                .binary());
    }

    @Test
    void overlappingPeriodsOfOneEntityAreReportedNotThrown() {
        Dataset.Builder b = Dataset.builder();
        b.add("c", Period.year(2015), "PM25", 20);
        b.add("c", Period.parse("2015-16"), "PM25", 19);
        Results r = Engine.create(catalog()).evaluate(b.build());
        List<ProgressTable.Row> rows = ProgressTable.assess(
                r, TargetSet.empty(), ProgressMethod.Eurostat.defaults(), Optional.empty(), Optional.empty());
        assertEquals(1, rows.size());
        assertEquals(ProgressCategory.UNABLE_TO_ASSESS, rows.get(0).result().category());
        assertTrue(rows.get(0).result().reason().contains("start on the same day"));
    }
}
