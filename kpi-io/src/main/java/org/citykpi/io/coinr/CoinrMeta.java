package org.citykpi.io.coinr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.citykpi.index.Hierarchy;

/**
 * Holds what an {@code iMeta} table says: the index {@code hierarchy}, the codes of its group
 * columns ({@code Type = Group}) and denominators ({@code Type = Denominator}), and notes about
 * things accepted but adjusted (e.g. an aggregate direction that COINr would ignore). Immutable.
 *
 * @param hierarchy the indicators and aggregates, with weights and directions
 * @param groups the iCodes of the group columns, in file order; empty when there are none
 * @param denominators the iCodes of the denominator columns, in file order; empty when there are
 *     none
 * @param notes one line per adjustment, naming the file and the position; empty when none
 */
public record CoinrMeta(Hierarchy hierarchy, List<String> groups, List<String> denominators, List<String> notes) {
    /**
     * Copies the lists.
     *
     * @param hierarchy the indicators and aggregates
     * @param groups the iCodes of the group columns, in file order
     * @param denominators the iCodes of the denominator columns, in file order
     * @param notes one line per adjustment
     */
    public CoinrMeta {
        requireNonNull(hierarchy, "hierarchy");
        groups = List.copyOf(groups);
        denominators = List.copyOf(denominators);
        notes = List.copyOf(notes);
    }
}
