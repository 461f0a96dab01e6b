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

    /** Returns a reference to a variable, indicator or part: {@code name}. */
    public static Calculator ref(String name) {
        return new Ref(name);
    }

    /** Returns a constant: {@code 42}. */
    public static Calculator constant(double value) {
        return new Constant(value);
    }

    /**
     * Returns {@code scale * numerator / denominator}, e.g. households with Internet access per 100
     * households. Missing input → {@code MISSING_INPUT}; denominator 0 → {@code DIVISION_BY_ZERO}.
     */
    public static Calculator ratio(String numerator, String denominator, double scale) {
        Calculator q = new Binary(Op.DIV, ref(numerator), ref(denominator));
        return scale == 1
                ? q
                : new Binary(Op.DIV, new Binary(Op.MUL, constant(scale), ref(numerator)), ref(denominator));
    }

    /** Returns {@code 100 * part / whole}: a share in percent. */
    public static Calculator percent(String part, String whole) {
        return ratio(part, whole, 100);
    }

    /** Returns {@code per * count / population}, e.g. {@code per = 100000} for "per 100 000 inhabitants". */
    public static Calculator perCapita(String count, String population, double per) {
        return ratio(count, population, per);
    }

    /** Returns {@code a + b + …} (left to right). */
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

    /** Returns {@code a - b}. */
    public static Calculator difference(String a, String b) {
        return new Binary(Op.SUB, ref(a), ref(b));
    }

    /** Returns {@code 100 * (current - previous) / previous}: growth in percent. */
    public static Calculator growthRate(String current, String previous) {
        return new Binary(
                Op.DIV,
                new Binary(Op.MUL, constant(100), new Binary(Op.SUB, ref(current), ref(previous))),
                ref(previous));
    }

    /**
     * Returns {@code (w1 * x1 + w2 * x2 + …) / (w1 + w2 + …)}.
     *
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

    /** Returns {@code if(name != 0, 1, 0)}: a yes/no indicator as 1 or 0. */
    public static Calculator yesNo(String name) {
        return new If(new Compare(CmpOp.NE, ref(name), constant(0)), constant(1), constant(0));
    }

    /**
     * Returns a step function of {@code x}: {@code values[0]} below {@code thresholds[0]}, {@code
     * values[i]} in {@code [thresholds[i-1], thresholds[i])}, {@code values[n]} from the last
     * threshold on. As text: nested {@code if(x < t0, v0, if(x < t1, v1, v2))}.
     *
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

    /** Returns {@code clamp(x, lo, hi)}. */
    public static Calculator clamp(Calculator x, double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp bounds out of order: " + lo + " > " + hi);
        }
        return new Call(Function.CLAMP, List.of(x, constant(lo), constant(hi)));
    }

    /** Returns {@code fn(args…)}. */
    public static Calculator call(Function fn, Calculator... args) {
        return new Call(fn, new ArrayList<>(Arrays.asList(args)));
    }
}
