package org.citykpi.io.coinr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.citykpi.index.IndexData;

/**
 * Holds an {@code iData} table read: the {@code data}, and the account of its rows ({@code
 * rowsRead = rowsAccepted + rejected.size()}), each rejection positioned; {@code notes} lists
 * columns ignored.
 */
public record CoinrData(
        IndexData data, long rowsRead, long rowsAccepted, List<CoinrFormatException> rejected, List<String> notes) {
    /** Copies the lists and checks the account. */
    public CoinrData {
        requireNonNull(data, "data");
        rejected = List.copyOf(rejected);
        notes = List.copyOf(notes);
        if (rowsRead != rowsAccepted + rejected.size()) {
            throw new IllegalStateException("row account does not add up");
        }
    }
}
