package org.citykpi.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.Target;
import org.citykpi.assess.TargetSet;
import org.citykpi.calc.Formula;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;

/**
 * A synthetic U4SSC-shaped panel made from fixed seeds, the same on the driver and in Spark: 91
 * indicators with the formula shapes of the real catalog (shares, per-100,000 rates, sums,
 * differences, indicator references, yes/no and conditional formulas, a two-part indicator, a
 * reported-only indicator) over 150 variables, some with a valid range; entity-periods of 5 years;
 * 5 % of values missing, 0.5 % zero (division by zero), 0.2 % negative (invalid where a range
 * forbids it), a reported value of K3 for a tenth of the entity-periods.
 *
 * <p>Row {@code i} of the long data is slot {@code i} of {@code entityPeriods × SLOTS}, kept when
 * {@link #keep} says so: the generator is a pure function of the row number, so Spark builds the
 * rows from {@code spark.range} in parallel and the driver builds the same rows in a loop.
 */
final class Panel {
    static final int VARIABLES = 150;
    /** Variables, then the reported value of K3. */
    static final int SLOTS = VARIABLES + 1;

    static final int YEARS = 5;

    private Panel() {}

    static Catalog catalog() {
        SplittableRandom rnd = new SplittableRandom(91);
        Catalog.Builder b = Catalog.builder("panel", "1");
        for (int v = 0; v < VARIABLES; v++) {
            Variable var = Variable.of(var(v), "count");
            b.variable(v % 10 == 0 ? var.withRange(0, Double.POSITIVE_INFINITY) : var);
        }
        for (int k = 0; k < 91; k++) {
            String f;
            switch (k % 7) {
                case 0, 1 -> f = "100 * " + var(rnd.nextInt(VARIABLES)) + " / " + var(rnd.nextInt(VARIABLES));
                case 2 -> f = "100000 * " + var(rnd.nextInt(VARIABLES)) + " / " + var(rnd.nextInt(VARIABLES));
                case 3 ->
                    f = "100 * (" + var(rnd.nextInt(VARIABLES)) + " + " + var(rnd.nextInt(VARIABLES)) + " + "
                            + var(rnd.nextInt(VARIABLES)) + ") / " + var(rnd.nextInt(VARIABLES));
                case 4 ->
                    f = k > 7 ? "100 - K" + (k - 4) : var(rnd.nextInt(VARIABLES)) + " - " + var(rnd.nextInt(VARIABLES));
                case 5 -> f = "if(" + var(rnd.nextInt(VARIABLES)) + " > 500000, 1, 0)";
                default ->
                    f = "sum(" + var(rnd.nextInt(VARIABLES)) + ", " + var(rnd.nextInt(VARIABLES)) + ", "
                            + var(rnd.nextInt(VARIABLES)) + ", " + var(rnd.nextInt(VARIABLES)) + ") / "
                            + var(rnd.nextInt(VARIABLES));
            }
            Indicator ind =
                    Indicator.of("K" + k, "indicator " + k, "%", k % 3 == 0 ? Direction.LOWER : Direction.HIGHER, f);
            if (k == 3) {
                ind = ind.withRange(0, 1000);
            }
            if (k == 10) {
                ind = ind.withParts(
                        List.of(
                                Part.of("a", "part a", "%", Formula.parse("100 * v11 / v12")),
                                Part.of("b", "part b", "%", Formula.parse("100 * v13 / v12"))
                                        .withRange(0, 100)),
                        "b",
                        false);
            }
            b.indicator(ind);
        }
        return b.build();
    }

    static TargetSet targets() {
        List<Target> t = new ArrayList<>();
        for (int k = 0; k < 91; k += 4) {
            t.add(Target.of("K" + k, 50 + k));
        }
        t.add(Target.of("K10/b", 80));
        return TargetSet.of(t);
    }

    static String var(int v) {
        return "v" + v;
    }

    /** Returns a well-mixed 64-bit number for slot {@code i} (SplitMix64's finaliser). */
    static long mix(long i) {
        long z = (i + 1) * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static boolean keep(long i) {
        long h = mix(i);
        if (i % SLOTS == VARIABLES) {
            return Math.floorMod(h, 10) == 0; // K3 reported for a tenth of the entity-periods
        }
        return Math.floorMod(h, 20) != 0; // 5 % missing
    }

    static String entity(long i) {
        return String.format("city-%05d", i / SLOTS / YEARS);
    }

    static String period(long i) {
        return Integer.toString(2015 + (int) (i / SLOTS % YEARS));
    }

    static String variable(long i) {
        int slot = (int) (i % SLOTS);
        return slot == VARIABLES ? "K3" : var(slot);
    }

    static double value(long i) {
        long h = mix(i ^ 0x5DEECE66DL);
        if (i % SLOTS == VARIABLES) {
            return (h >>> 11) * 0x1.0p-53 * 2000; // half of them outside K3's range [0, 1000]
        }
        long r = Math.floorMod(h, 1000);
        if (r < 5) {
            return 0;
        }
        if (r < 7) {
            return -1 - Math.floorMod(h >>> 20, 100);
        }
        return 1 + (h >>> 11) * 0x1.0p-53 * 1_000_000;
    }

    /** The long rows of {@code entityPeriods} entity-periods, made by Spark from {@code spark.range}. */
    static Dataset<Row> rows(SparkSession spark, int entityPeriods) {
        UserDefinedFunction keep = functions.udf((UDF1<Long, Boolean>) Panel::keep, DataTypes.BooleanType);
        UserDefinedFunction entity = functions.udf((UDF1<Long, String>) Panel::entity, DataTypes.StringType);
        UserDefinedFunction period = functions.udf((UDF1<Long, String>) Panel::period, DataTypes.StringType);
        UserDefinedFunction variable = functions.udf((UDF1<Long, String>) Panel::variable, DataTypes.StringType);
        UserDefinedFunction value = functions.udf((UDF1<Long, Double>) Panel::value, DataTypes.DoubleType);
        Dataset<Row> ids = spark.range((long) entityPeriods * SLOTS).toDF("id");
        return ids.filter(keep.apply(ids.col("id")))
                .select(
                        entity.apply(ids.col("id")).as("entity"),
                        period.apply(ids.col("id")).as("period"),
                        variable.apply(ids.col("id")).as("variable"),
                        value.apply(ids.col("id")).as("value"));
    }

    /** The same rows in a kpi-core dataset, built on the driver. */
    static org.citykpi.data.Dataset dataset(int entityPeriods) {
        org.citykpi.data.Dataset.Builder b = org.citykpi.data.Dataset.builder();
        long n = (long) entityPeriods * SLOTS;
        for (long i = 0; i < n; i++) {
            if (keep(i)) {
                b.add(entity(i), Period.parse(period(i)), variable(i), value(i));
            }
        }
        return b.build();
    }

    /** Returns the number of long rows of {@code entityPeriods} entity-periods. */
    static long rowCount(int entityPeriods) {
        long n = 0;
        for (long i = 0; i < (long) entityPeriods * SLOTS; i++) {
            n += keep(i) ? 1 : 0;
        }
        return n;
    }
}
