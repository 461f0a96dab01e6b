package org.citykpi.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.Period;
import org.citykpi.assess.Target;
import org.citykpi.calc.KpiResult;
import org.citykpi.engine.ResultRecord;
import org.junit.jupiter.api.Test;

class ResultsCsvWriterTest {
    @Test
    void writesTheComputeColumnsWithEmptyCellsWhereNotApplicable() throws IOException {
        ResultRecord scored = new ResultRecord(
                "karmoy",
                Period.parse("2022"),
                "EC-ICT-1C",
                "Household Internet access",
                "%",
                new KpiResult.Value(87.5, KpiResult.Provenance.COMPUTED),
                "100 * households_with_internet / households_total",
                Optional.of(Target.of("EC-ICT-1C", 100)),
                OptionalDouble.of(87.5),
                OptionalInt.of(3));
        ResultRecord missing = new ResultRecord(
                "karmoy",
                Period.parse("2022"),
                "EN-AQ-1C",
                "Air pollution, PM2.5",
                "µg/m³",
                new KpiResult.NotAvailable(KpiResult.Cause.MISSING_INPUT, "needs pm25_annual_mean for 2022"),
                "pm25_annual_mean",
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalInt.empty());
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
        ResultRecord evil = new ResultRecord(
                "=HYPERLINK(\"http://x\")",
                Period.parse("2022"),
                "@SUM(A1)",
                "+cmd",
                "-x",
                new KpiResult.Value(-12.5, KpiResult.Provenance.REPORTED),
                "",
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalInt.empty());
        StringWriter w = new StringWriter();
        ResultsCsvWriter.write(List.of(evil), w);
        // negative numbers stay numbers; text starting with = + - @ is quoted and prefixed with '
        assertEquals(
                "\"'=HYPERLINK(\"\"http://x\"\")\",2022,\"'@SUM(A1)\",\"'+cmd\",-12.5,\"'-x\",reported,,,,\n",
                w.toString().split("\n", 2)[1]);
    }
}
