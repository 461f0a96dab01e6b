package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Direction;
import org.citykpi.catalog.Indicator;
import org.citykpi.data.Dataset;
import org.junit.jupiter.api.Test;

/**
 * {@code if(cond, 1, 0)} and {@code if(cond, 0, 1)} with a yes/no condition take a short path; it
 * must give what the general {@code if} gives. A branch written {@code 0 + 0} or {@code 1 * 1} is
 * not a constant node, so it takes the general path with the same values.
 */
class YesNoTest {
    @Test
    void theShortPathGivesWhatTheGeneralOneGives() {
        String[][] pairs = {
            {"if(x > y, 1, 0)", "if(x > y, 1, 0 + 0)"},
            {"if(x <= 0, 0, 1)", "if(x <= 0, 1 * 0, 1)"},
            {"if(not(x), 1, 0)", "if(not(x), 1 * 1, 0)"},
            {"if(and(x, y), 0, 1)", "if(and(x, y), 0, 1 * 1)"},
            {"if(or(x, z), 1, 0)", "if(or(x, z), 1, 0 * 1)"},
            {"if(x != y, 1, 0)", "if(x != y, 1 + 0, 0)"},
        };
        Catalog.Builder cb = Catalog.builder("t", "1")
                .variable(Variable.of("x", "n").withRange(-50, 50)) // values outside: invalid input
                .variable(Variable.of("y", "n"))
                .variable(Variable.of("z", "n"));
        for (int k = 0; k < pairs.length; k++) {
            cb.indicator(Indicator.of("S" + k, "short", "", Direction.HIGHER, pairs[k][0]));
            cb.indicator(Indicator.of("G" + k, "general", "", Direction.HIGHER, pairs[k][1]));
        }
        Catalog c = cb.build();
        SplittableRandom rnd = new SplittableRandom(4);
        Dataset.Builder b = Dataset.builder();
        int rows = 2100; // two full chunks and a partial one
        for (int r = 0; r < rows; r++) {
            String e = String.format("e%05d", r);
            b.add(e, Period.year(2021), "w", 1); // keeps the row when x, y and z are all missing
            for (String v : new String[] {"x", "y", "z"}) {
                if (rnd.nextInt(8) != 0) {
                    b.add(e, Period.year(2021), v, rnd.nextInt(7) == 0 ? 0 : rnd.nextInt(121) - 60);
                }
            }
        }
        Results res = Engine.create(c).evaluate(b.build(), 1);
        assertEquals(rows, res.rowCount(), "every entity has an observation");
        for (int k = 0; k < pairs.length; k++) {
            for (int row = 0; row < rows; row++) {
                KpiResult s = res.get(row, "S" + k);
                KpiResult g = res.get(row, "G" + k);
                if (s instanceof KpiResult.Value sv && g instanceof KpiResult.Value gv) {
                    assertEquals(
                            Double.doubleToRawLongBits(gv.value()),
                            Double.doubleToRawLongBits(sv.value()),
                            pairs[k][0] + " row " + row);
                } else {
                    assertEquals(g, s, pairs[k][0] + " row " + row);
                }
            }
        }
    }
}
