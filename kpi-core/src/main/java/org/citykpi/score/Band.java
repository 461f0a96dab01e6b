package org.citykpi.score;

/**
 * The four U4SSC bands of attainment, each with its label, its points and its attainment range
 * (U4SSC verification reports and city factsheets):
 *
 * <ul>
 *   <li>{@code 0-33}: attainment in [0, 33) % of target, 1 point;
 *   <li>{@code 33-66}: [33, 66), 2 points;
 *   <li>{@code 66-95}: [66, 95), 3 points;
 *   <li>{@code 95+}: 95 or more, 4 points.
 * </ul>
 *
 * <p>A group (category, sub-dimension, dimension) is banded the same way by its score {@code points
 * / (4 × KPIs scored) × 100}. Each lower bound belongs to its band: 33 is {@code 33-66}, 95 is
 * {@code 95+}.
 */
public enum Band {
    /** Attainment in [0, 33): 1 point. */
    B0_33("0-33", 1, 0, 33),
    /** Attainment in [33, 66): 2 points. */
    B33_66("33-66", 2, 33, 66),
    /** Attainment in [66, 95): 3 points. */
    B66_95("66-95", 3, 66, 95),
    /** Attainment of 95 or more: 4 points. */
    B95_PLUS("95+", 4, 95, Double.POSITIVE_INFINITY);

    private static final Band[] BY_POINTS = values();

    private final String label;
    private final int points;
    private final double from;
    private final double to;

    Band(String label, int points, double from, double to) {
        this.label = label;
        this.points = points;
        this.from = from;
        this.to = to;
    }

    /**
     * {@return the label used in files and the report: {@code 0-33}, {@code 33-66}, {@code 66-95} or
     * {@code 95+}}
     */
    public String label() {
        return label;
    }

    /** {@return the U4SSC points of the band, 1 to 4} */
    public int points() {
        return points;
    }

    /** {@return the smallest attainment in the band, in percent (inclusive): 0, 33, 66 or 95} */
    public double from() {
        return from;
    }

    /**
     * {@return the attainment in percent at which the next band starts (exclusive): 33, 66, 95, or
     * positive infinity for {@code 95+}}
     */
    public double to() {
        return to;
    }

    /**
     * Returns whether an attainment lies in this band.
     *
     * @param attainment attainment in percent of target
     * @return true when it lies in {@code [from(), to())}; false for NaN
     */
    public boolean contains(double attainment) {
        return attainment >= from && attainment < to;
    }

    /**
     * Returns the band of an attainment (or group score) in percent.
     *
     * @param attainment attainment in percent of target, 0 or more (above 100 where the target is
     *     exceeded; positive infinity is {@code 95+})
     * @return the band whose range holds it
     * @throws IllegalArgumentException if {@code attainment} is NaN or negative (scoring never gives
     *     either: negative values and targets are not scored)
     */
    public static Band of(double attainment) {
        if (!(attainment >= 0)) {
            throw new IllegalArgumentException("attainment must be 0 or more: " + attainment);
        }
        if (attainment < 33) {
            return B0_33;
        }
        if (attainment < 66) {
            return B33_66;
        }
        return attainment < 95 ? B66_95 : B95_PLUS;
    }

    /**
     * Returns the band worth some points.
     *
     * @param points U4SSC points, 1 to 4
     * @return the band earning them: 1 is {@code 0-33}, 4 is {@code 95+}
     * @throws IllegalArgumentException if {@code points} is not 1 to 4
     */
    public static Band ofPoints(int points) {
        if (points < 1 || points > 4) {
            throw new IllegalArgumentException("points must be 1 to 4: " + points);
        }
        return BY_POINTS[points - 1];
    }
}
