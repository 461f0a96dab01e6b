package org.citykpi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;

/**
 * A U4SSC-shaped workload made from a fixed seed: 91 indicators whose formulas have the shapes of
 * the real catalog (percent shares, per-100 000 rates, sums over 3–5 inputs, differences, indicator
 * references, yes/no and conditional formulas), over 150 variables, and a dataset of {@code rows}
 * entity-periods with 5 % of values missing and a few zero denominators.
 */
final class EngineWorkload {
    static final int VARIABLES = 150;
    static final int INDICATORS = 91;

    private EngineWorkload() {}

    static Catalog catalog() {
        SplittableRandom rnd = new SplittableRandom(91);
        Catalog.Builder b = Catalog.builder("bench", "1");
        for (int v = 0; v < VARIABLES; v++) {
            b.variable(Variable.of(var(v), "count").withRange(0, Double.POSITIVE_INFINITY));
        }
        for (int k = 0; k < INDICATORS; k++) {
            String f;
            switch (k % 7) {
                case 0:
                case 1:
                    f = "100 * " + var(rnd.nextInt(VARIABLES)) + " / " + var(rnd.nextInt(VARIABLES));
                    break;
                case 2:
                    f = "100000 * " + var(rnd.nextInt(VARIABLES)) + " / " + var(rnd.nextInt(VARIABLES));
                    break;
                case 3:
                    f = "100 * (" + var(rnd.nextInt(VARIABLES)) + " + " + var(rnd.nextInt(VARIABLES)) + " + "
                            + var(rnd.nextInt(VARIABLES)) + ") / " + var(rnd.nextInt(VARIABLES));
                    break;
                case 4:
                    f = k > 7 ? "100 - K" + (k - 4) : var(rnd.nextInt(VARIABLES)) + " - " + var(rnd.nextInt(VARIABLES));
                    break;
                case 5:
                    f = "if(" + var(rnd.nextInt(VARIABLES)) + " > 0, 1, 0)";
                    break;
                default:
                    f = "sum(" + var(rnd.nextInt(VARIABLES)) + ", " + var(rnd.nextInt(VARIABLES)) + ", "
                            + var(rnd.nextInt(VARIABLES)) + ", " + var(rnd.nextInt(VARIABLES)) + ") / "
                            + var(rnd.nextInt(VARIABLES));
            }
            b.indicator(Indicator.of("K" + k, "indicator " + k, "%", Direction.HIGHER, f));
        }
        return b.build();
    }

    static Dataset dataset(int rows) {
        SplittableRandom rnd = new SplittableRandom(2026);
        Dataset.Builder b = Dataset.builder();
        int years = 5;
        int entities = (rows + years - 1) / years;
        int[] vars = new int[VARIABLES];
        for (int v = 0; v < VARIABLES; v++) {
            vars[v] = b.variable(var(v));
        }
        int made = 0;
        for (int e = 0; e < entities && made < rows; e++) {
            int ent = b.entity(String.format("city-%06d", e));
            for (int y = 0; y < years && made < rows; y++, made++) {
                int per = b.period(Period.year(2019 + y));
                for (int v = 0; v < VARIABLES; v++) {
                    if (rnd.nextInt(20) == 0) {
                        continue; // 5 % missing
                    }
                    double value = rnd.nextInt(200) == 0 ? 0 : 1 + rnd.nextInt(1_000_000);
                    b.add(ent, per, vars[v], value, -1);
                }
            }
        }
        return b.build();
    }

    static List<String> indicatorIds() {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < INDICATORS; k++) {
            ids.add("K" + k);
        }
        return ids;
    }

    static String var(int v) {
        return "v" + v;
    }
}
