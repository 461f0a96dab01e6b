package org.citykpi.assess;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * Assesses progress of one time series towards a goal by one published method. Each method is a
 * record holding its documented parameters; {@link #id()} names it in files and on the command
 * line. Every result names its method (see {@link ProgressResult#method()}).
 *
 * <p>Notation: y₀ is the value in the base period t₀ (2015 unless the goal says otherwise; the
 * first later observation when that year has none; a span such as {@code 2015-16} counts as its
 * first year), yₜ the latest value at t, y* the target due at T (2030 unless given), d = +1 when
 * higher is better and −1 when lower is better, s = −1 when the base value is negative (growth
 * direction flipped, so all-negative series work) and +1 otherwise. Times are {@link
 * org.citykpi.Period#decimalYear()} differences. CAGRₐ = (yₜ/y₀)^(1/(t−t₀)) − 1 and CAGRᵣ =
 * (y* / y₀)^(1/(T−t₀)) − 1.
 *
 * <p><b>Signs.</b> Where a published formula divides by the required change (CAGRᵣ, y* − y₀), we
 * divide by its magnitude and multiply by d (and s), as Statistics Canada does ("the factor d
 * accounts for edge cases where the direction to the target differs from the desired direction").
 * Whenever the base value has not already met the target this is exactly the published formula;
 * when it has (target met in the base period, then lost), the published formula would turn a loss
 * into apparent progress, and ours reports it as a loss. A required change of exactly zero (target
 * equal to the base value, not met at the latest period) leaves the measure empty and gives the
 * method's worst category.
 *
 * <p><b>Rules shared by every method</b>, checked in this order:
 *
 * <ol>
 *   <li>an empty series → {@code unable_to_assess};
 *   <li>a goldilocks goal ({@link org.citykpi.catalog.Direction#TARGET}) without a target → {@code
 *       unable_to_assess}; with target 1 (a parity index) values y become max(y, 1/y), and 1 when y
 *       lies in [0.97, 1.03] (Statistics Canada, GIF 4.5.1; values ≤ 0 → {@code
 *       unable_to_assess}); with any other target y* values become y* + |y − y*| (Statistics
 *       Canada, GIF 5.5.1); the folded series is then assessed as lower-is-better towards y*;
 *   <li>a yes/no goal whose values are not all 0 or 1 → {@code unable_to_assess};
 *   <li>the latest value meets the target (yₜ ≥ y* when higher is better, yₜ ≤ y* when lower) →
 *       {@code target_achieved}, even with a single observation (as sdg-build does);
 *   <li>a yes/no indicator not achieved → Statistics Canada {@code target_not_achieved}, UNSD
 *       {@code stagnation_or_regression} (both documented); the other methods define no rule →
 *       {@code unable_to_assess};
 *   <li>no observation in or after the base year, or none after the base observation (fewer than
 *       two periods) → {@code unable_to_assess};
 *   <li>a target due no later than the base period → {@code unable_to_assess}.
 * </ol>
 *
 * <p>Thread-safe (records of immutable parameters; assessment keeps no state).
 */
public sealed interface ProgressMethod {

    /** The published methods, one per record of this interface. */
    enum Kind {
        /** {@link Eurostat}: {@code eurostat}, Eurostat (EU SDG monitoring). */
        EUROSTAT("eurostat", "Eurostat (EU SDG monitoring)"),
        /** {@link StatCan}: {@code statcan}, Statistics Canada / Open SDG. */
        STATCAN("statcan", "Statistics Canada / Open SDG"),
        /** {@link Unsd}: {@code unsd}, UNSD SDG Progress Chart. */
        UNSD("unsd", "UNSD SDG Progress Chart"),
        /** {@link EscapCurrentStatus}: {@code escap-cs}, UN ESCAP current status. */
        ESCAP_CURRENT_STATUS("escap-cs", "UN ESCAP current status"),
        /** {@link EscapAnticipated}: {@code escap-ap}, UN ESCAP anticipated progress. */
        ESCAP_ANTICIPATED("escap-ap", "UN ESCAP anticipated progress"),
        /** {@link Sdsn}: {@code sdsn}, SDSN trend arrows. */
        SDSN("sdsn", "SDSN trend arrows");

        private final String id;
        private final String title;

        Kind(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** {@return the method's name in files and on the command line, e.g. {@code eurostat}} */
        public String id() {
            return id;
        }

        /** {@return the method's published name, e.g. {@code Statistics Canada / Open SDG}} */
        public String title() {
            return title;
        }
    }

    /** {@return which published method this is} */
    Kind kind();

    /** {@return the method's name in files and on the command line, e.g. {@code eurostat}} */
    default String id() {
        return kind().id();
    }

    /**
     * Assesses one series towards a goal, by the rules of the interface comment and the method's
     * own.
     *
     * @param series the observations, in time order; may be empty
     * @param goal direction, target, periods, limit and yes/no flag to assess against
     * @return the verdict with the method's number and the observations used; data that cannot
     *     support an assessment gives {@code unable_to_assess} with the reason, never an exception
     */
    ProgressResult assess(Series series, ProgressGoal goal);

    /**
     * Returns a method by name, with its default parameters.
     *
     * @param id {@code eurostat}, {@code statcan}, {@code unsd}, {@code escap-cs}, {@code escap-ap}
     *     or {@code sdsn}, in any case; surrounding blanks are ignored
     * @return the method with its published parameters (as {@link #defaults()} lists them)
     * @throws IllegalArgumentException naming the accepted names
     */
    static ProgressMethod parse(String id) {
        String t = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (ProgressMethod m : defaults()) {
            if (m.id().equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "not a progress method '" + id + "' (expected eurostat, statcan, unsd, escap-cs, escap-ap or sdsn)");
    }

    /** {@return every method with its default parameters, in the order of {@link #parse}} */
    static List<ProgressMethod> defaults() {
        return List.of(
                Eurostat.defaults(),
                StatCan.defaults(),
                Unsd.defaults(),
                EscapCurrentStatus.defaults(),
                EscapAnticipated.defaults(),
                Sdsn.defaults());
    }

    /**
     * Eurostat, EU SDG monitoring report: ratio of observed to required growth with a quantified
     * target, observed growth alone without one.
     *
     * <ul>
     *   <li>target: measure R = s·d·CAGRₐ/|CAGRᵣ|; R ≥ 0.95 {@code significant_progress}, [0.60,
     *       0.95) {@code moderate_progress}, [0, 0.60) {@code insufficient_progress}, &lt; 0 {@code
     *       movement_away};
     *   <li>no target: measure g = s·d·CAGRₐ; g &gt; 1 % {@code significant_progress}, [0, 1 %]
     *       {@code moderate_progress}, [−1 %, 0) {@code moderate_movement_away}, &lt; −1 % {@code
     *       significant_movement_away};
     *   <li>base value 0 → {@code unable_to_assess} (Eurostat publishes no replacement rule);
     *       target 0 is fine (CAGRᵣ = −100 %); base and latest (or target) of opposite signs →
     *       {@code unable_to_assess}.
     * </ul>
     *
     * <p>Sources: the category words and the 95 %/60 % and ±1 % bands are as recalled in
     * {@code docs/reference/progress-methods.md} §5.1 (the four target categories are confirmed by the
     * 2018 report's summary, IISD, Sept. 2018); the treatment of exactly 0 % growth as moderate
     * progress, and of negative series, is our assumption.
     *
     * @param significantRatio lowest ratio for significant progress (0.95)
     * @param moderateRatio lowest ratio for moderate progress (0.60)
     * @param growthThreshold growth rate separating significant from moderate change without a
     *     target (0.01)
     * @param trendYears 0 to measure from the goal's base period; 5 for Eurostat's short-term or 15
     *     for its long-term trend, measured back from the latest period's year
     */
    record Eurostat(double significantRatio, double moderateRatio, double growthThreshold, int trendYears)
            implements ProgressMethod {

        /**
         * Validates the thresholds.
         *
         * @param significantRatio lowest ratio for significant progress (0.95), at least {@code
         *     moderateRatio}
         * @param moderateRatio lowest ratio for moderate progress (0.60), 0 or more
         * @param growthThreshold growth rate separating significant from moderate change without a
         *     target (0.01), finite and positive
         * @param trendYears 0 to measure from the goal's base period; 5 for Eurostat's short-term or
         *     15 for its long-term trend, measured back from the latest period's year
         * @throws IllegalArgumentException if the ratios are not ordered {@code 0 ≤ moderateRatio
         *     ≤ significantRatio}, the growth threshold is not positive or {@code trendYears} is
         *     negative
         */
        public Eurostat {
            Assessor.requireOrdered(0, moderateRatio, significantRatio, "ratio thresholds");
            Assessor.requirePositive(growthThreshold, "growthThreshold");
            if (trendYears < 0) {
                throw new IllegalArgumentException("trendYears must be 0 or positive: " + trendYears);
            }
        }

        /** {@return Eurostat's published parameters, measured from the goal's base period} */
        public static Eurostat defaults() {
            return new Eurostat(0.95, 0.60, 0.01, 0);
        }

        /**
         * Returns these parameters with a trend over the last years.
         *
         * @param years 5 for Eurostat's short-term or 15 for its long-term trend (any number of
         *     years is accepted); 0 measures from the goal's base period
         * @return a copy of these parameters with that trend
         * @throws IllegalArgumentException if {@code years} is negative
         */
        public Eurostat withTrendYears(int years) {
            return new Eurostat(significantRatio, moderateRatio, growthThreshold, years);
        }

        @Override
        public Kind kind() {
            return Kind.EUROSTAT;
        }

        @Override
        public ProgressResult assess(Series series, ProgressGoal goal) {
            return Assessor.assess(this, series, goal);
        }
    }

    /**
     * Statistics Canada / Open SDG progress measure (sdg-build {@code ProgressMeasure.py}; Open SDG
     * {@code docs/progress-methodology.md}) — all rules below confirmed there.
     *
     * <ul>
     *   <li>target: R = s·d·CAGRₐ/|CAGRᵣ|; R ≥ 0.95 {@code on_track}, [0.60, 0.95) {@code
     *       acceleration_needed}, [0, 0.60) {@code limited_progress}, &lt; 0 {@code deterioration};
     *       score 5 if achieved, min(50/7·R − 30/7, 5) for R ≥ 0.60, else max(25/6·R − 2.5, −5)
     *       (the published breakpoints −60 %→−5, 60 %→0, 130 %→5; sdg-build rounds the slopes to
     *       7.1429 and 4.1667);
     *   <li>no target: g = s·d·CAGRₐ against 1.5 %·C and 0.5 %·C: ≥ 1.5 %·C {@code on_track}, ≥
     *       0.5 %·C {@code acceleration_needed}, ≥ 0 {@code limited_progress}, &lt; 0 {@code
     *       deterioration}; score breakpoints −2 %→−5, 0→−2.5, 0.5 %·C→0, 1.5 %·C→2.5, 2 %·C→5;
     *   <li>C = 1 without a natural limit L; with one (b = |y₀|, l = |L|): 1 if b ≥ 2l, 1 − (b/l)^a
     *       if b ≤ l, else 1 − ((2l − b)/l)^a, with a = 4.44; C = 0 and g ≥ 0 → {@code on_track},
     *       score 5;
     *   <li>base value 0 and target 0 are replaced by {@code zeroReplacement} (0.001); base and
     *       latest of opposite signs → {@code unable_to_assess}; all negative → direction flipped;
     *   <li>yes/no indicators: {@code target_achieved} or {@code target_not_achieved}.
     * </ul>
     *
     * @param onTrackRatio lowest ratio for on track (0.95)
     * @param accelerationRatio lowest ratio for acceleration needed (0.60)
     * @param onTrackGrowth lowest growth for on track without a target (0.015)
     * @param accelerationGrowth lowest growth for acceleration needed without a target (0.005)
     * @param zeroReplacement value used for a base or target of exactly 0 (0.001)
     * @param limitExponent exponent a of the natural-limit factor C (4.44)
     */
    record StatCan(
            double onTrackRatio,
            double accelerationRatio,
            double onTrackGrowth,
            double accelerationGrowth,
            double zeroReplacement,
            double limitExponent)
            implements ProgressMethod {

        /**
         * Validates the thresholds.
         *
         * @param onTrackRatio lowest ratio for on track (0.95), at least {@code accelerationRatio}
         * @param accelerationRatio lowest ratio for acceleration needed (0.60), 0 or more
         * @param onTrackGrowth lowest growth for on track without a target (0.015), at least {@code
         *     accelerationGrowth}
         * @param accelerationGrowth lowest growth for acceleration needed without a target (0.005),
         *     0 or more
         * @param zeroReplacement value used for a base or target of exactly 0 (0.001), finite and
         *     positive
         * @param limitExponent exponent a of the natural-limit factor C (4.44), finite and positive
         * @throws IllegalArgumentException if a pair of thresholds is not ordered or a positive
         *     parameter is not
         */
        public StatCan {
            Assessor.requireOrdered(0, accelerationRatio, onTrackRatio, "ratio thresholds");
            Assessor.requireOrdered(0, accelerationGrowth, onTrackGrowth, "growth thresholds");
            Assessor.requirePositive(zeroReplacement, "zeroReplacement");
            Assessor.requirePositive(limitExponent, "limitExponent");
        }

        /** {@return the parameters published by Statistics Canada and used by sdg-build} */
        public static StatCan defaults() {
            return new StatCan(0.95, 0.60, 0.015, 0.005, 0.001, 4.44);
        }

        @Override
        public Kind kind() {
            return Kind.STATCAN;
        }

        @Override
        public ProgressResult assess(Series series, ProgressGoal goal) {
            return Assessor.assess(this, series, goal);
        }
    }

    /**
     * UNSD SDG Progress Chart (2023 technical note, as adopted by the EUSTAT-DES Open SDG site,
     * {@code _pages/en/metodologia.md}) — all rules below confirmed there.
     *
     * <ul>
     *   <li>target: v̂ = yₜ·(1 + CAGRₐ)^(T − t), measure d·(v̂ − y₀)/|y* − y₀|; ≥ 0.95 {@code
     *       on_track} (score 3), [0.10, 0.95) {@code fair_progress} (2), &lt; 0.10 {@code
     *       stagnation_or_regression} (1);
     *   <li>no target: g = s·d·CAGRₐ; ≥ 2 % {@code on_track}, [0.5 %, 2 %) {@code fair_progress},
     *       &lt; 0.5 % {@code stagnation_or_regression} (the published table mirrored for a desired
     *       decrease);
     *   <li>a latest value within {@code limitTolerance} (1 point) of a target of 0 % or 100 % counts
     *       as achieved; we apply this when the target equals the goal's natural limit, so a count
     *       with target 0 and no declared limit is not affected (our reading);
     *   <li>a target period already past: only observations up to it are used;
     *   <li>yes/no indicators: {@code target_achieved} or {@code stagnation_or_regression};
     *   <li>base value 0 → {@code unable_to_assess} (no rule published); opposite signs → {@code
     *       unable_to_assess}.
     * </ul>
     *
     * @param onTrackRatio lowest ratio for on track (0.95)
     * @param fairRatio lowest ratio for fair progress (0.10)
     * @param onTrackGrowth lowest growth for on track without a target (0.02)
     * @param fairGrowth lowest growth for fair progress without a target (0.005)
     * @param limitTolerance distance from a 0 % or 100 % target that counts as achieved (1)
     */
    record Unsd(double onTrackRatio, double fairRatio, double onTrackGrowth, double fairGrowth, double limitTolerance)
            implements ProgressMethod {

        /**
         * Validates the thresholds.
         *
         * @param onTrackRatio lowest ratio for on track (0.95), at least {@code fairRatio}
         * @param fairRatio lowest ratio for fair progress (0.10), 0 or more
         * @param onTrackGrowth lowest growth for on track without a target (0.02), at least {@code
         *     fairGrowth}
         * @param fairGrowth lowest growth for fair progress without a target (0.005), 0 or more
         * @param limitTolerance distance from a 0 % or 100 % target that counts as achieved (1), in
         *     the indicator's unit, finite and 0 or more
         * @throws IllegalArgumentException if a pair of thresholds is not ordered or the tolerance is
         *     negative or not finite
         */
        public Unsd {
            Assessor.requireOrdered(0, fairRatio, onTrackRatio, "ratio thresholds");
            Assessor.requireOrdered(0, fairGrowth, onTrackGrowth, "growth thresholds");
            if (!(limitTolerance >= 0) || !Double.isFinite(limitTolerance)) {
                throw new IllegalArgumentException("limitTolerance must be finite and ≥ 0: " + limitTolerance);
            }
        }

        /** {@return the parameters of the 2023 Progress Chart} */
        public static Unsd defaults() {
            return new Unsd(0.95, 0.10, 0.02, 0.005, 1.0);
        }

        @Override
        public Kind kind() {
            return Kind.UNSD;
        }

        @Override
        public ProgressResult assess(Series series, ProgressGoal goal) {
            return Assessor.assess(this, series, goal);
        }
    }

    /**
     * UN ESCAP current status index for one series: the share of the way from the base value to
     * the target covered so far, CS = d·(yₜ − y₀)/|y* − y₀|, capped at 1; negative means regression.
     * It is compared with the expected-progress line E = (t − t₀)/(T − t₀) (capped at 1): CS ≥ E
     * {@code on_expected_path}, else {@code behind}. Needs a target (ESCAP selects only indicators
     * for which a target can be set); without one → {@code unable_to_assess}. Zero and negative
     * values are fine (no growth rates).
     *
     * <p>Sources: the structure (index per sub-indicator, simple means at goal level, the
     * expected-progress line) is confirmed by data.unescap.org's progress assessment methodology
     * and the UNECE technical notes; the per-series formula is recalled
     * ({@code docs/reference/progress-methods.md} §5.4), not confirmed against ESCAP's own text.
     */
    record EscapCurrentStatus() implements ProgressMethod {

        /** {@return the method (it has no parameters beyond the goal's periods)} */
        public static EscapCurrentStatus defaults() {
            return new EscapCurrentStatus();
        }

        @Override
        public Kind kind() {
            return Kind.ESCAP_CURRENT_STATUS;
        }

        @Override
        public ProgressResult assess(Series series, ProgressGoal goal) {
            return Assessor.assess(this, series, goal);
        }
    }

    /**
     * UN ESCAP anticipated progress index: projects the value at the target period T and measures
     * the gap still open, gap = d·(y* − ŷ_T)/|y* − y₀|; gap ≤ 0 {@code on_track}, (0, 1] {@code
     * accelerate}, &gt; 1 (the projection is worse than the base value) {@code reverse_trend}. Needs
     * a target; without one → {@code unable_to_assess}.
     *
     * <p>Projection: by default a time-weighted linear regression on the observations from {@code
     * fitFromYear} (2000) to the latest, weight wᵢ = 1 + (tᵢ − t_first) so that recent years count
     * more (confirmed: "time-weighted linear regression … gives more importance to more recent
     * data", UNECE technical notes 2022/2023, after ESCAP SD/WP/04, March 2017; the exact weights
     * of SD/WP/04 are not available here, so these linear weights are our assumption — {@link
     * Weights#EQUAL} gives ordinary least squares). {@link Projection#CAGR} extrapolates ŷ_T = yₜ·(1
     * + CAGRₐ)^(T − t) instead, as early ESCAP reports did (needs base and latest of one sign,
     * base ≠ 0).
     *
     * @param projection how ŷ_T is projected
     * @param weights how observations are weighted in the regression
     * @param fitFromYear first year used by the regression (2000)
     */
    record EscapAnticipated(Projection projection, Weights weights, int fitFromYear) implements ProgressMethod {

        /** How the value at the target period is projected. */
        public enum Projection {
            /** Weighted least-squares line through the observations (default). */
            WEIGHTED_REGRESSION,
            /** Compound growth from the base to the latest value, continued. */
            CAGR
        }

        /** Regression weights. */
        public enum Weights {
            /** wᵢ = 1 + (tᵢ − t_first): the most recent years count most (default). */
            LINEAR,
            /** wᵢ = 1: ordinary least squares. */
            EQUAL
        }

        /**
         * Validates the parameters.
         *
         * @param projection how ŷ_T is projected
         * @param weights how observations are weighted in the regression (not used by {@link
         *     Projection#CAGR})
         * @param fitFromYear first year used by the regression (2000); any year is accepted
         */
        public EscapAnticipated {
            requireNonNull(projection, "projection");
            requireNonNull(weights, "weights");
        }

        /** {@return the time-weighted regression from 2000} */
        public static EscapAnticipated defaults() {
            return new EscapAnticipated(Projection.WEIGHTED_REGRESSION, Weights.LINEAR, 2000);
        }

        /** {@return the CAGR-extrapolation variant} */
        public static EscapAnticipated cagr() {
            return new EscapAnticipated(Projection.CAGR, Weights.LINEAR, 2000);
        }

        @Override
        public Kind kind() {
            return Kind.ESCAP_ANTICIPATED;
        }

        @Override
        public ProgressResult assess(Series series, ProgressGoal goal) {
            return Assessor.assess(this, series, goal);
        }
    }

    /**
     * SDSN SDG Index trend arrows: the linear annual change since the base period compared with the
     * linear annual change needed to reach the target by T; measure m = [d·(yₜ − y₀)/(t − t₀)] /
     * [|y* − y₀|/(T − t₀)]; m ≥ 1 {@code on_track} (↑), [{@code moderateShare}, 1) {@code
     * moderately_improving} (➚), [0, {@code moderateShare}) {@code stagnating} (→), &lt; 0 {@code
     * decreasing} (↓). The SDSN compares against the green threshold; here the goal's target plays
     * that role. Needs a target; without one → {@code unable_to_assess}.
     *
     * <p>Sources: the arrows, their meaning and the 50 % share are recalled from the Sustainable
     * Development Report methodology ({@code docs/reference/progress-methods.md} §5.5), not confirmed
     * here; the SDSN computes the rates on normalised scores, which gives the same ratio as raw
     * values because normalisation is linear (apart from censoring at 0 and 100).
     *
     * @param moderateShare share of the required rate for moderately improving (0.5)
     */
    record Sdsn(double moderateShare) implements ProgressMethod {

        /**
         * Validates the share.
         *
         * @param moderateShare share of the required rate for moderately improving (0.5), in [0, 1]
         * @throws IllegalArgumentException if the share is not in [0, 1]
         */
        public Sdsn {
            Assessor.requireOrdered(0, moderateShare, 1, "moderateShare");
        }

        /** {@return the SDSN's parameters: a moderate share of 0.5} */
        public static Sdsn defaults() {
            return new Sdsn(0.5);
        }

        @Override
        public Kind kind() {
            return Kind.SDSN;
        }

        @Override
        public ProgressResult assess(Series series, ProgressGoal goal) {
            return Assessor.assess(this, series, goal);
        }
    }
}
