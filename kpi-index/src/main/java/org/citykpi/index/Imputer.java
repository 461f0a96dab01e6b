package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * Fills missing indicator values before treatment and normalisation (COINr {@code Impute}).
 *
 * <ul>
 *   <li>{@link Mean} / {@link Median}: per indicator over the units of the same period.
 *   <li>{@link GroupMean} / {@link GroupMedian}: the same within the units sharing a label in a
 *       group column (e.g. {@code EurAsia_group}); a unit without a label, or a group without any
 *       value, stays missing.
 *   <li>{@link PanelLatest}: the unit's latest earlier value of the indicator (last observation
 *       carried forward); values before the unit's first observation stay missing.
 *   <li>{@link PanelLinear}: linear interpolation through time between the unit's neighbouring
 *       observations, held constant beyond the first and last (COINr {@code rule = 2}); period
 *       positions are equally spaced by their order.
 *   <li>A column with no value at all stays missing. Values that were present never change.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Imputer extends Serializable {
    /** No imputation (the default). */
    record None() implements Imputer {}

    /** Column mean. */
    record Mean() implements Imputer {}

    /** Column median. */
    record Median() implements Imputer {}

    /**
     * Mean within a group.
     *
     * @param group the name of the group column of the {@link IndexData} whose labels form the
     *     groups (e.g. {@code EurAsia_group})
     */
    record GroupMean(String group) implements Imputer {
        /**
         * Requires a group column name.
         *
         * @param group the name of the group column
         */
        public GroupMean {
            requireNonNull(group, "group");
        }
    }

    /**
     * Median within a group.
     *
     * @param group the name of the group column of the {@link IndexData} whose labels form the
     *     groups
     */
    record GroupMedian(String group) implements Imputer {
        /**
         * Requires a group column name.
         *
         * @param group the name of the group column
         */
        public GroupMedian {
            requireNonNull(group, "group");
        }
    }

    /** Last observation carried forward through time. */
    record PanelLatest() implements Imputer {}

    /** Linear interpolation through time, constant beyond the ends. */
    record PanelLinear() implements Imputer {}

    /**
     * Parses {@code none}, {@code mean}, {@code median}, {@code mean:GROUP}, {@code median:GROUP},
     * {@code latest} and {@code linear}.
     *
     * @param text the method, any case, surrounding blanks ignored; after a colon, the name of a
     *     group column (its case kept)
     * @return the imputer it names
     * @throws IllegalArgumentException naming the accepted forms, for an unknown name, a colon with
     *     no group after it, or a group given to a method that takes none
     */
    static Imputer parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String name = Methods.lower(colon >= 0 ? t.substring(0, colon) : t);
        String arg = colon >= 0 ? t.substring(colon + 1).strip() : "";
        if (colon >= 0 && arg.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no group column after ':'");
        }
        switch (name) {
            case "none":
                if (colon < 0) {
                    return new None();
                }
                break;
            case "mean":
                return arg.isEmpty() ? new Mean() : new GroupMean(arg);
            case "median":
                return arg.isEmpty() ? new Median() : new GroupMedian(arg);
            case "latest":
                if (colon < 0) {
                    return new PanelLatest();
                }
                break;
            case "linear":
                if (colon < 0) {
                    return new PanelLinear();
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("unknown imputation '" + text
                + "' (expected none, mean, median, mean:GROUP, median:GROUP, latest or linear)");
    }
}
