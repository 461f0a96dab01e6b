package org.citykpi.calc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.citykpi.calc.Calculator.Binary;
import org.citykpi.calc.Calculator.Call;
import org.citykpi.calc.Calculator.CmpOp;
import org.citykpi.calc.Calculator.Compare;
import org.citykpi.calc.Calculator.Constant;
import org.citykpi.calc.Calculator.Function;
import org.citykpi.calc.Calculator.If;
import org.citykpi.calc.Calculator.Op;
import org.citykpi.calc.Calculator.Ref;

/**
 * Builds calculators in code: the building blocks of city indicators, each giving the same tree
 * as its formula text (shown with each method). Stateless and thread-safe.
 */
public final class Calculators {
    private Calculators() {}

    /**
     * Returns a reference to a variable, indicator or part: {@code name}.
     *
     * @param name the referenced id
     * @return the reference
     * @throws IllegalArgumentException if the name is blank
     */
    public static Calculator ref(String name) {
        return new Ref(name);
    }

    /**
     * Returns a constant: {@code 42}.
     *
     * @param value a finite number
     * @return the constant
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public static Calculator constant(double value) {
        return new Constant(value);
    }

    /**
     * Returns {@code scale * numerator / denominator}, e.g. households with Internet access per 100
     * households. Missing input → {@code MISSING_INPUT}; denominator 0 → {@code DIVISION_BY_ZERO}.
     *
     * @param numerator the name of the numerator
     * @param denominator the name of the denominator
     * @param scale the factor, such as 100 for a percentage; 1 gives the plain quotient
     * @return the ratio
     */
    public static Calculator ratio(String numerator, String denominator, double scale) {
        Calculator q = new Binary(Op.DIV, ref(numerator), ref(denominator));
        return scale == 1
                ? q
                : new Binary(Op.DIV, new Binary(Op.MUL, constant(scale), ref(numerator)), ref(denominator));
    }

    /**
     * Returns {@code 100 * part / whole}: a share in percent.
     *
     * @param part the name of the part
     * @param whole the name of the whole
     * @return the share
     */
    public static Calculator percent(String part, String whole) {
        return ratio(part, whole, 100);
    }

    /**
     * Returns {@code per * count / population}, e.g. {@code per = 100000} for "per 100 000 inhabitants".
     *
     * @param count the name of the count
     * @param population the name of the population
     * @param per the population size the rate is given for
     * @return the rate
     */
    public static Calculator perCapita(String count, String population, double per) {
        return ratio(count, population, per);
    }

    /**
     * Returns {@code a + b + …} (left to right).
     *
     * @param names the names summed, at least one
     * @return the sum
     * @throws IllegalArgumentException if no name is given
     */
    public static Calculator sum(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("sum of nothing");
        }
        Calculator c = ref(names[0]);
        for (int i = 1; i < names.length; i++) {
            c = new Binary(Op.ADD, c, ref(names[i]));
        }
        return c;
    }

    /**
     * Returns {@code a - b}.
     *
     * @param a the name of the minuend
     * @param b the name of the subtrahend
     * @return the difference
     */
    public static Calculator difference(String a, String b) {
        return new Binary(Op.SUB, ref(a), ref(b));
    }

    /**
     * Returns {@code 100 * (current - previous) / previous}: growth in percent.
     *
     * @param current the name of the current value
     * @param previous the name of the previous value
     * @return the growth rate
     */
    public static Calculator growthRate(String current, String previous) {
        return new Binary(
                Op.DIV,
                new Binary(Op.MUL, constant(100), new Binary(Op.SUB, ref(current), ref(previous))),
                ref(previous));
    }

    /**
     * Returns {@code (w1 * x1 + w2 * x2 + …) / (w1 + w2 + …)}.
     *
     * @param values the names of the values
     * @param weights the names of the weights, one per value
     * @return the weighted mean
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public static Calculator weightedMean(List<String> values, List<String> weights) {
        if (values.isEmpty() || values.size() != weights.size()) {
            throw new IllegalArgumentException("weightedMean needs as many weights as values, at least one");
        }
        Calculator num = new Binary(Op.MUL, ref(weights.get(0)), ref(values.get(0)));
        Calculator den = ref(weights.get(0));
        for (int i = 1; i < values.size(); i++) {
            num = new Binary(Op.ADD, num, new Binary(Op.MUL, ref(weights.get(i)), ref(values.get(i))));
            den = new Binary(Op.ADD, den, ref(weights.get(i)));
        }
        return new Binary(Op.DIV, num, den);
    }

    /**
     * Returns {@code if(name != 0, 1, 0)}: a yes/no indicator as 1 or 0.
     *
     * @param name the name of the yes/no input
     * @return the indicator
     */
    public static Calculator yesNo(String name) {
        return new If(new Compare(CmpOp.NE, ref(name), constant(0)), constant(1), constant(0));
    }

    /**
     * Returns a step function of {@code x}: {@code values[0]} below {@code thresholds[0]}, {@code
     * values[i]} in {@code [thresholds[i-1], thresholds[i])}, {@code values[n]} from the last
     * threshold on. As text: nested {@code if(x < t0, v0, if(x < t1, v1, v2))}.
     *
     * @param x the argument
     * @param thresholds the increasing thresholds
     * @param values the value of each step, one more than thresholds
     * @return the step function
     * @throws IllegalArgumentException unless there is one more value than thresholds and the
     *     thresholds increase
     */
    public static Calculator piecewise(Calculator x, double[] thresholds, double[] values) {
        if (values.length != thresholds.length + 1) {
            throw new IllegalArgumentException("piecewise needs one more value than thresholds");
        }
        for (int i = 1; i < thresholds.length; i++) {
            if (!(thresholds[i] > thresholds[i - 1])) {
                throw new IllegalArgumentException("thresholds must increase: " + Arrays.toString(thresholds));
            }
        }
        Calculator c = constant(values[values.length - 1]);
        for (int i = thresholds.length - 1; i >= 0; i--) {
            c = new If(new Compare(CmpOp.LT, x, constant(thresholds[i])), constant(values[i]), c);
        }
        return c;
    }

    /**
     * Returns {@code clamp(x, lo, hi)}.
     *
     * @param x the argument
     * @param lo the lower bound
     * @param hi the upper bound, not below {@code lo}
     * @return {@code x} limited to {@code [lo, hi]}
     * @throws IllegalArgumentException if the bounds are out of order or NaN
     */
    public static Calculator clamp(Calculator x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp bounds out of order: " + lo + " > " + hi);
        }
        return new Call(Function.CLAMP, List.of(x, constant(lo), constant(hi)));
    }

    /**
     * Returns {@code fn(args…)}.
     *
     * @param fn the function
     * @param args its arguments
     * @return the call
     * @throws IllegalArgumentException if the function does not take that many arguments
     */
    public static Calculator call(Function fn, Calculator... args) {
        return new Call(fn, new ArrayList<>(Arrays.asList(args)));
    }
}
