package org.citykpi.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.junit.jupiter.api.Test;

/**
 * Rows the computation cannot take fail the job with a message naming the row and what was
 * expected (as {@code citykpi compute --strict}); empty values declare their entity-period.
 */
class InputErrorsTest {
    static final StructType LONG = new StructType()
            .add("entity", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("variable", DataTypes.StringType)
            .add("value", DataTypes.DoubleType);

    static final Catalog CATALOG = Catalog.builder("t", "1")
            .variable(Variable.of("a", ""))
            .variable(Variable.of("b", ""))
            .indicator(Indicator.of("R", "ratio", "%", Direction.HIGHER, "100 * a / b"))
            .build();

    static Dataset<Row> rows(Object[]... rows) {
        return LocalSpark.session()
                .createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), LONG);
    }

    /** Runs the computation and returns the message of the input error that failed it. */
    static String failure(Dataset<Row> data) {
        Exception e = assertThrows(
                Exception.class, () -> SparkKpis.compute(data, CATALOG).collectAsList());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputRowException) {
                return t.getMessage();
            }
        }
        fail("no InputRowException in " + e);
        return "";
    }

    @Test
    void aSecondValueForOneCellFails() {
        String m =
                failure(rows(new Object[] {"x", "2021", "a", 1.0}, new Object[] {"x", "2021", "b", 2.0}, new Object[] {
                    "x", "2021", "a", 3.0
                }));
        assertTrue(m.startsWith("row (entity 'x', period '2021', variable 'a', value "), m);
        assertTrue(
                m.endsWith("): a second value for this entity, period and variable (expected one value per entity,"
                        + " period and variable)"),
                m);
    }

    @Test
    void twoSpellingsOfOnePeriodAreOneCell() {
        String m = failure(rows(new Object[] {"x", "2015-16", "a", 1.0}, new Object[] {"x", "2015/2016", "a", 3.0}));
        assertTrue(m.contains("period '2015-2016'") && m.contains("a second value"), m);
    }

    @Test
    void emptyOrBadFieldsFail() {
        assertEquals(
                "row (entity null, period '2021', variable 'a', value 1): the entity is empty (expected an entity code)",
                failure(rows(new Object[] {null, "2021", "a", 1.0})));
        assertTrue(failure(rows(new Object[] {"x", " ", "a", 1.0}))
                .startsWith("row (entity 'x', period null, variable 'a', value 1): the period is empty (expected"));
        assertEquals(
                "not a period '20x1' (expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or a span of years such as 2015-16)",
                failure(rows(new Object[] {"x", "20x1", "a", 1.0})));
        assertEquals(
                "row (entity 'x', period '2021', variable null, value 1): a value without a variable (expected a"
                        + " variable id)",
                failure(rows(new Object[] {"x", "2021", null, 1.0})));
        assertEquals(
                "row (entity 'x', period '2021', variable 'a', value NaN): the value is not a finite number (expected a"
                        + " finite number)",
                failure(rows(new Object[] {"x", "2021", "a", Double.NaN})));
        assertTrue(failure(rows(new Object[] {"x", "2021", "a", Double.POSITIVE_INFINITY}))
                .contains("value Infinity): the value is not a finite number"));
    }

    @Test
    void longValuesAreCutAndControlCharactersEscaped() {
        String m = failure(rows(new Object[] {"x\ty", "2021", "a".repeat(150), Double.NaN}));
        assertTrue(
                m.startsWith("row (entity 'x\\ty', period '2021', variable '" + "a".repeat(100) + "…', value NaN)"), m);
    }

    @Test
    void emptyValuesDeclareTheirEntityPeriod() {
        List<Row> out = SparkKpis.compute(
                        rows(
                                new Object[] {"x", "2021", "a", null},
                                new Object[] {"y", "2021", null, null},
                                new Object[] {"z", "2021", "a", 1.0},
                                new Object[] {"z", "2021", "b", 4.0}),
                        CATALOG)
                .orderBy("entity")
                .collectAsList();
        assertEquals(3, out.size());
        assertEquals(
                RowFactory.create(
                        "x", "2021", "R", "ratio", null, "%", "missing_input", "needs a for 2021", null, null, null),
                out.get(0));
        assertEquals(
                RowFactory.create(
                        "y", "2021", "R", "ratio", null, "%", "missing_input", "needs a for 2021", null, null, null),
                out.get(1));
        // 100 * 1 / 4 = 25 (hand-worked)
        assertEquals(RowFactory.create("z", "2021", "R", "ratio", 25.0, "%", "ok", "", null, null, null), out.get(2));
    }

    @Test
    void missingColumnsAndTextValuesAreRefusedBeforeAnyJob() {
        Dataset<Row> noVariable = rows(new Object[] {"x", "2021", "a", 1.0}).drop("variable");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SparkKpis.compute(noVariable, CATALOG));
        assertEquals(
                "the data has no column 'variable' (expected the columns entity, period, variable, value; found entity,"
                        + " period, value)",
                e.getMessage());
        Dataset<Row> text = rows(new Object[] {"x", "2021", "a", 1.0})
                .selectExpr("entity", "period", "variable", "cast(value as string) as VALUE");
        e = assertThrows(IllegalArgumentException.class, () -> SparkKpis.compute(text, CATALOG));
        assertTrue(e.getMessage().startsWith("column 'VALUE' is string (expected a numeric column"), e.getMessage());
        // upper-case names and other numeric types are read
        Dataset<Row> upper = rows(new Object[] {"z", "2021", "a", 1.0}, new Object[] {"z", "2021", "b", 4.0})
                .selectExpr(
                        "entity as ENTITY",
                        "cast(period as int) as Period",
                        "variable",
                        "cast(value as float) as value");
        assertEquals(25.0, SparkKpis.compute(upper, CATALOG).first().getDouble(4));
    }
}
