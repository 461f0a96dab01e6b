package org.citykpi.io.coinr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.citykpi.index.Hierarchy;

/**
 * Holds what an {@code iMeta} table says: the index {@code hierarchy}, the codes of its group
 * columns ({@code Type = Group}) and denominators ({@code Type = Denominator}), and notes about
 * things accepted but adjusted (e.g. an aggregate direction that COINr would ignore).
 */
public record CoinrMeta(Hierarchy hierarchy, List<String> groups, List<String> denominators, List<String> notes) {
    /** Copies the lists. */
    public CoinrMeta {
        requireNonNull(hierarchy, "hierarchy");
        groups = List.copyOf(groups);
        denominators = List.copyOf(denominators);
        notes = List.copyOf(notes);
    }
}
