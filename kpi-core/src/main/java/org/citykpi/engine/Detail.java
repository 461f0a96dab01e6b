package org.citykpi.engine;

import org.citykpi.Numbers;
import org.citykpi.calc.KpiResult;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;

/** How a cause's detail is worded; rendered only when asked, from the data of the row. */
sealed interface Detail {
    String render(Dataset data, int row, double value);

    /** Returns the cause this detail words: one per kind of detail, so a detail id says both. */
    default KpiResult.Cause cause() {
        if (this instanceof Missing) {
            return KpiResult.Cause.MISSING_INPUT;
        }
        if (this instanceof Invalid) {
            return KpiResult.Cause.INVALID_INPUT;
        }
        if (this instanceof DivisionByZero) {
            return KpiResult.Cause.DIVISION_BY_ZERO;
        }
        if (this instanceof NotApplicable) {
            return KpiResult.Cause.NOT_APPLICABLE;
        }
        return KpiResult.Cause.OUT_OF_RANGE; // NotFinite, OutOfRange
    }

    /** The variable (or reported indicator) has no value. */
    record Missing(String name) implements Detail {
        @Override
        public String render(Dataset data, int row, double value) {
            return "needs " + name + " for " + data.period(row);
        }
    }

    /** The variable's value is outside its valid range. */
    record Invalid(String name, String range) implements Detail {
        @Override
        public String render(Dataset data, int row, double value) {
            String v = "?";
            if (data.has(name)) {
                Column c = data.column(name);
                if (c.isPresent(row)) {
                    v = Numbers.format(c.get(row));
                }
            }
            return name + " = " + v + " is outside its valid range " + range;
        }
    }

    /** A denominator is zero. */
    record DivisionByZero(String denominator) implements Detail {
        @Override
        public String render(Dataset data, int row, double value) {
            return "division by zero: " + denominator + " is 0";
        }
    }

    /** An intermediate result overflowed. */
    record NotFinite(String expression) implements Detail {
        @Override
        public String render(Dataset data, int row, double value) {
            return "result of " + expression + " is not a finite number";
        }
    }

    /**
     * The result of {@code output} (its index and name) is outside its valid range; the value is
     * kept for the message. Outputs computed from it inherit this detail: their messages name the
     * output and show its value, not their own (see {@link #renderInherited}).
     */
    record OutOfRange(String what, String range, int output, String name) implements Detail {
        @Override
        public String render(Dataset data, int row, double value) {
            return text(value);
        }

        /** Renders the detail for another output: {@code value} is this output's value. */
        public String renderInherited(double value) {
            return name + " " + text(value);
        }

        private String text(double value) {
            return what + " " + Numbers.format(value) + " is outside the valid range " + range;
        }
    }

    /** The formula said na(). */
    record NotApplicable(String output) implements Detail {
        @Override
        public String render(Dataset data, int row, double value) {
            return output + " does not apply";
        }
    }
}
