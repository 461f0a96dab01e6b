package org.citykpi;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

/**
 * A compensated sum of doubles: the running sum and, beside it, the exact rounding error of every
 * addition, added back at the end. Every sum in CityKPI is computed this way (means of the engine's
 * formulas, composite index means and weights, progress roll-ups), so they all round alike.
 *
 * <p>Edge cases of {@link #value()}:
 *
 * <ul>
 *   <li>no term → {@code +0.0}; terms that are all zeros (of either sign) → {@code +0.0};
 *   <li>any term NaN → NaN;
 *   <li>any term infinite → NaN, even when every infinity has the same sign (a plain sum would give
 *       that infinity);
 *   <li>a running sum that overflows (beyond ±{@link Double#MAX_VALUE}) → NaN, even if later terms
 *       would bring it back (a plain sum would give an infinity);
 *   <li>a finite running sum whose compensated value rounds beyond ±{@link Double#MAX_VALUE} → that
 *       infinity.
 * </ul>
 *
 * <p>Accuracy: each addition {@code s + x} rounds to {@code t}, and its error {@code s + x − t} is
 * itself a double, found exactly by Knuth's branch-free two-sum ({@link #twoSumError}; the same
 * value as Neumaier's variant, which branches on {@code |s| ≥ |x|}). The errors are summed in a
 * second, plain accumulator. This is algorithm Sum2s of Ogita, Rump and Oishi, <i>Accurate sum and
 * dot product</i>, SIAM J. Sci. Comput. 26(6), 2005: the result is as accurate as a sum computed in
 * twice the working precision and then rounded, {@code |value − Σx| ≤ 2⁻⁵³|Σx| + γ²ₙ₋₁ Σ|x|} with
 * {@code γₖ = k·2⁻⁵³/(1 − k·2⁻⁵³)}. In particular, when the errors add up without rounding (for
 * example {@code 1e100 + 1 − 1e100}, whose only error is the 1), the value is the exact sum rounded
 * once: {@code 1}. R's {@code sum()}, which accumulates in extended precision, agrees with it on
 * such sums ({@code 0.3 + 0.54 + 0.92} is 1.76 in both, 1.7600000000000002 as a plain sum).
 *
 * <p>Order: the value depends on the order of the terms only through the rounding of the errors'
 * sum, so two orders (or two ways of splitting terms between {@linkplain #add(Sum) merged} sums)
 * can differ in the last place, and agree whenever the value is the exact sum rounded once.
 *
 * <p>Hot loops that cannot afford an object per row keep the running sum and compensation in two
 * local variables and call {@link #twoSumError} themselves; they compute the same bits as this
 * class:
 *
 * <pre>{@code
 * double s = 0, c = 0;
 * for (double x : terms) {
 *     double t = s + x;
 *     c += Sum.twoSumError(s, x, t);
 *     s = t;
 * }
 * double value = s + c; // == Sum.of(terms).value()
 * }</pre>
 *
 * <p>Mutable and not thread-safe: give each thread its own sum and {@linkplain #add(Sum) merge}
 * them, e.g. {@code stream.collect(Sum::create, Sum::add, Sum::add)}.
 */
public final class Sum implements DoubleConsumer, DoubleSupplier {
    /** The running (rounded) sum of the terms. */
    private double sum;

    /** The running sum of the rounding errors of the additions to {@link #sum}. */
    private double comp;

    private Sum() {}

    /**
     * Returns an empty sum, to add terms to.
     *
     * @return a new sum without terms, of value {@code +0.0}
     */
    public static Sum create() {
        return new Sum();
    }

    /**
     * Returns the sum of {@code terms}, added in order.
     *
     * @param terms the terms, any number (none gives {@code +0.0}); the array is not kept
     * @return a new sum holding the terms, to which more may be added
     */
    public static Sum of(double... terms) {
        Sum s = new Sum();
        for (double x : terms) {
            s.add(x);
        }
        return s;
    }

    /**
     * Adds a term.
     *
     * @param x the term; a NaN or infinite term makes the value NaN (see the class comment)
     * @return this sum, so that additions chain
     */
    public Sum add(double x) {
        double t = sum + x;
        comp += twoSumError(sum, x, t);
        sum = t;
        return this;
    }

    /**
     * Adds the terms of {@code other}: its running sum, then its compensation, as two terms. The
     * result is the value of all the terms of both, with the accuracy stated in the class comment.
     *
     * @param other the sum to merge in, not changed; it may be this sum (which then doubles)
     * @return this sum, so that merges chain
     */
    public Sum add(Sum other) {
        // read both parts first: other may be this
        double s = other.sum;
        double c = other.comp;
        return add(s).add(c);
    }

    /** Adds {@code x} (as {@link #add(double)}), so that a sum can collect a {@code DoubleStream}. */
    @Override
    public void accept(double x) {
        add(x);
    }

    /**
     * Returns the compensated value of the terms so far: the running sum plus the compensation.
     *
     * @return the sum of the terms added so far; {@code +0.0} for none, NaN or an infinity in the
     *     edge cases of the class comment
     */
    public double value() {
        return sum + comp;
    }

    /** Returns {@link #value()}. */
    @Override
    public double getAsDouble() {
        return value();
    }

    /** Returns the value as {@link Double#toString(double)} writes it. */
    @Override
    public String toString() {
        return Double.toString(value());
    }

    /**
     * Returns the rounding error of the addition {@code t = s + x}: the double {@code e} with {@code
     * s + x = t + e} exactly, when {@code t} is the rounded sum {@code s + x} and it is finite
     * (Knuth's branch-free two-sum, six operations). If {@code s}, {@code x} or {@code t} is NaN or
     * infinite, NaN.
     *
     * <p>This is the one rounding rule of every compensated sum: a loop keeps {@code s} and a
     * compensation {@code c}, does {@code t = s + x; c += twoSumError(s, x, t); s = t} per term and
     * ends with {@code s + c}. The JIT inlines it, so such loops still vectorise.
     *
     * @param s the running sum before the addition
     * @param x the term added
     * @param t the rounded sum {@code s + x}, as computed by the caller
     * @return the error {@code s + x − t}, exact; NaN if any of the three is NaN or infinite
     */
    public static double twoSumError(double s, double x, double t) {
        double bp = t - s;
        return (s - (t - bp)) + (x - bp);
    }
}
