package org.citykpi.index;

import java.util.List;

/**
 * Holds a variance-based sensitivity analysis: for each uncertain input, the first-order index
 * {@code Si} and total index {@code STi} of the mean absolute rank shift, with bootstrap 5–95 %
 * confidence intervals. Estimates from small designs are noisy and may fall outside [0, 1].
 */
public record SensitivityResult(String target, int n, int runs, List<Index> indices, List<String> failures) {
    /** Copies the lists. */
    public SensitivityResult {
        indices = List.copyOf(indices);
        failures = List.copyOf(failures);
    }

    /** Sensitivity indices of one input. */
    public record Index(
            String input,
            double first,
            double firstLow,
            double firstHigh,
            double total,
            double totalLow,
            double totalHigh) {}
}
