package org.citykpi.index;

import java.util.List;

/**
 * Holds a variance-based sensitivity analysis: for each uncertain input, the first-order index
 * {@code Si} and total index {@code STi} of the mean absolute rank shift, with bootstrap 5–95 %
 * confidence intervals. Estimates from small designs are noisy and may fall outside [0, 1].
 *
 * @param target the code of the node whose ranks were analysed
 * @param n the base sample size N of the design
 * @param runs the number of runs, {@code N·(d + 2)} for d inputs
 * @param indices the indices of each uncertain input, in the order the inputs were given
 * @param failures one message per failed run ({@code run N: reason}); empty when every run
 *     succeeded
 */
public record SensitivityResult(String target, int n, int runs, List<Index> indices, List<String> failures) {
    /**
     * Copies the lists.
     *
     * @param target the code of the node whose ranks were analysed
     * @param n the base sample size
     * @param runs the number of runs
     * @param indices the indices of each uncertain input
     * @param failures one message per failed run
     */
    public SensitivityResult {
        indices = List.copyOf(indices);
        failures = List.copyOf(failures);
    }

    /**
     * Sensitivity indices of one input, with the 5th and 95th percentiles of their bootstrap
     * estimates (the estimate itself when there was no bootstrap).
     *
     * @param input the name of the uncertain input
     * @param first the first-order index {@code Si}: the share of the output's variance due to this
     *     input alone
     * @param firstLow the lower end of the interval of {@code Si}
     * @param firstHigh the upper end of the interval of {@code Si}
     * @param total the total index {@code STi}: the share due to this input with all its
     *     interactions
     * @param totalLow the lower end of the interval of {@code STi}
     * @param totalHigh the upper end of the interval of {@code STi}
     */
    public record Index(
            String input,
            double first,
            double firstLow,
            double firstHigh,
            double total,
            double totalLow,
            double totalHigh) {}
}
