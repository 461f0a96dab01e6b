package org.citykpi.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.calc.Calculators;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;
import org.citykpi.score.U4sscScoring;
import org.junit.jupiter.api.Test;

class ResultsCsvWriterTest {
    @Test
    void writesTheComputeColumnsWithEmptyCellsWhereNotApplicable() throws IOException {
        // Karmøy 2022: 100 × 875 / 1000 = 87.5 % against a 100 % target; PM2.5 has no input.
        Catalog.Builder c = Catalog.builder("t", "1");
        c.variable(Variable.of("households_with_internet", "households"));
        c.variable(Variable.of("households_total", "households"));
        c.variable(Variable.of("pm25_annual_mean", "µg/m³"));
        c.indicator(Indicator.of(
                "EC-ICT-1C",
                "Household Internet access",
                "%",
                Direction.HIGHER,
                "100 * households_with_internet / households_total"));
        c.indicator(Indicator.of("EN-AQ-1C", "Air pollution, PM2.5", "µg/m³", Direction.LOWER, "pm25_annual_mean"));
        Dataset.Builder d = Dataset.builder();
        d.add("karmoy", Period.parse("2022"), "households_with_internet", 875);
        d.add("karmoy", Period.parse("2022"), "households_total", 1000);
        Scores scores = U4sscScoring.score(
                Engine.create(c.build()).evaluate(d.build()), TargetSet.of(List.of(Target.of("EC-ICT-1C", 100))));
        ScoredResult scored = scores.cell(0, "EC-ICT-1C");
        ScoredResult missing = scores.cell(0, "EN-AQ-1C");
        StringWriter w = new StringWriter();
        ResultsCsvWriter.write(List.of(scored, missing), w);
        // 87.5 % of a 100 % target: attainment 87.5, in [66, 95) → 3 points (U4SSC bands)
        assertEquals(
                "entity,period,kpi,name,value,unit,status,detail,target,attainment,points\n"
                        + "karmoy,2022,EC-ICT-1C,Household Internet access,87.5,%,ok,,100,87.5,3\n"
                        + "karmoy,2022,EN-AQ-1C,\"Air pollution, PM2.5\",,µg/m³,missing_input,needs pm25_annual_mean for"
                        + " 2022,,,\n",
                w.toString());
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() throws IOException {
        Catalog.Builder c = Catalog.builder("t", "1");
        // a reported-only indicator: its formula names itself, so the data carries its value
        c.indicator(Indicator.of("@SUM(A1)", "+cmd", "-x", Direction.HIGHER, Calculators.ref("@SUM(A1)")));
        Dataset.Builder d = Dataset.builder();
        d.add("=HYPERLINK(\"http://x\")", Period.parse("2022"), "@SUM(A1)", -12.5);
        Scores scores = U4sscScoring.score(Engine.create(c.build()).evaluate(d.build()), TargetSet.empty());
        ScoredResult evil = scores.cell(0, "@SUM(A1)");
        StringWriter w = new StringWriter();
        ResultsCsvWriter.write(List.of(evil), w);
        // negative numbers stay numbers; text starting with = + - @ is quoted and prefixed with '
        assertEquals(
                "\"'=HYPERLINK(\"\"http://x\"\")\",2022,\"'@SUM(A1)\",\"'+cmd\",-12.5,\"'-x\",reported,,,,\n",
                w.toString().split("\n", 2)[1]);
    }
}
