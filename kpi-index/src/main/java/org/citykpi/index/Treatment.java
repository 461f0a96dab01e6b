package org.citykpi.index;

import java.io.Serializable;

/**
 * Treats outliers in the indicators before normalisation (COINr {@code Treat}), per indicator
 * over the units of one period (panel data: each period on its own, as COINr's {@code Treat} on a
 * purse, whatever the normalisation scope).
 *
 * <ul>
 *   <li>{@link Winsorise}: an indicator passes when {@code |skew| < skewLimit} or {@code kurtosis <
 *       kurtLimit} (sample skewness and excess kurtosis, e1071 type 2, see {@link Descriptives}).
 *       While it fails and fewer than {@code winmax} points are winsorised: if skew ≥ 0, every
 *       value equal to the maximum is set to the next-highest value, otherwise the same at the
 *       minimum; the count is the number of points now tied at the treated end(s), as in COINr.
 *       If the indicator still fails and {@code logFallback} is set, the <em>original</em> values
 *       are log-transformed instead: {@code ln(x − min + 0.01·(max − min))}. Fewer than 4 values
 *       → left untreated (skew and kurtosis are undefined).
 *   <li>{@link Log}: {@code ln(x − min + 0.01·(max − min))} for every indicator (COINr {@code
 *       log_CT}); a constant indicator is left untreated.
 *   <li>{@link BoxCox}: {@code ((x − min + 1)^λ − 1)/λ}, or {@code ln(x − min + 1)} for λ = 0.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Treatment extends Serializable {
    /** No treatment (the default). */
    record None() implements Treatment {}

    /**
     * Iterative winsorisation with an optional log fallback (COINr's default treatment).
     *
     * @param winmax the most points winsorised per indicator and group, 0 or more (COINr's default
     *     5)
     * @param skewLimit an indicator passes when its absolute skewness is below this (default 2);
     *     above 0
     * @param kurtLimit an indicator also passes when its excess kurtosis is below this (default 3.5);
     *     above 0
     * @param logFallback whether an indicator that still fails is log-transformed instead
     */
    record Winsorise(int winmax, double skewLimit, double kurtLimit, boolean logFallback) implements Treatment {
        /**
         * Rejects a negative winmax and non-positive limits.
         *
         * @param winmax the most points winsorised per indicator and group
         * @param skewLimit the absolute skewness below which an indicator passes
         * @param kurtLimit the excess kurtosis below which an indicator passes
         * @param logFallback whether an indicator that still fails is log-transformed
         * @throws IllegalArgumentException if {@code winmax} is negative or a limit is not above 0
         */
        public Winsorise {
            if (winmax < 0 || !(skewLimit > 0) || !(kurtLimit > 0)) {
                throw new IllegalArgumentException("winsorise needs winmax ≥ 0 and positive limits");
            }
        }
    }

    /** Log transform of every indicator. */
    record Log() implements Treatment {}

    /**
     * Box-Cox transform with a fixed λ.
     *
     * @param lambda the power λ, finite; 0 is the log transform
     */
    record BoxCox(double lambda) implements Treatment {
        /**
         * Rejects a non-finite λ.
         *
         * @param lambda the power λ
         * @throws IllegalArgumentException if λ is not finite
         */
        public BoxCox {
            if (!Double.isFinite(lambda)) {
                throw new IllegalArgumentException("Box-Cox needs a finite lambda");
            }
        }
    }

    /**
     * Returns COINr's default treatment.
     *
     * @return winsorising up to 5 points while |skew| ≥ 2 and kurtosis ≥ 3.5, then the log
     *     fallback
     */
    static Treatment winsorise() {
        return new Winsorise(5, 2, 3.5, true);
    }

    /**
     * Parses {@code none}, {@code winsorise[:winmax]} (COINr's default limits, log fallback),
     * {@code log} and {@code boxcox:lambda}.
     *
     * @param text the method, any case, surrounding blanks ignored; numbers written with '.' as
     *     decimal separator
     * @return the treatment it names
     * @throws IllegalArgumentException naming the accepted forms, for an unknown name, a missing,
     *     extra or non-finite parameter, or a winmax that is not a whole number ≥ 0
     */
    static Treatment parse(String text) {
        String t = Methods.lower(text);
        int colon = t.indexOf(':');
        String name = colon >= 0 ? t.substring(0, colon) : t;
        double[] p = colon >= 0 ? Methods.numbers(t.substring(colon + 1), text) : new double[0];
        switch (name) {
            case "winsorise":
            case "winsorize":
                if (p.length == 0) {
                    return winsorise();
                }
                double w = Methods.param(p, 0, 1, text);
                if (w != Math.rint(w) || w < 0) {
                    throw new IllegalArgumentException("winmax must be a whole number ≥ 0: '" + text + "'");
                }
                return new Winsorise((int) w, 2, 3.5, true);
            case "boxcox":
                return new BoxCox(Methods.param(p, 0, 1, text));
            case "log":
                if (p.length == 0) {
                    return new Log();
                }
                break;
            case "none":
                if (p.length == 0) {
                    return new None();
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException(
                "unknown treatment '" + text + "' (expected none, winsorise[:winmax], log or boxcox:lambda)");
    }
}
