package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The branch-free binary searches of ranking ({@link ColumnStats#firstIndex}, {@link
 * Ranking#upperBound}) against their definitions, counted by a linear scan: {@code firstIndex} =
 * number of elements {@code < v}, {@code upperBound} = number of elements {@code <= x}. Seeded
 * arrays of every length 0–70 with many ties, ±0 and negatives, probed at every element, between
 * elements and beyond both ends.
 */
class SearchTest {
    @Test
    void branchFreeSearchesCountLikeALinearScan() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 0; n <= 70; n++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    int kind = rnd.nextInt(4);
                    a[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : rnd.nextInt(7) - 3 + (kind == 2 ? 0 : 0.5);
                }
                Arrays.sort(a);
                double[] probes = new double[2 * n + 2];
                for (int i = 0; i < n; i++) {
                    probes[2 * i] = a[i];
                    probes[2 * i + 1] = a[i] + 0.25;
                }
                probes[2 * n] = -10;
                probes[2 * n + 1] = 10;
                for (double x : probes) {
                    int less = 0;
                    int atMost = 0;
                    for (double y : a) {
                        less += y < x ? 1 : 0;
                        atMost += y <= x ? 1 : 0;
                    }
                    assertEquals(atMost, Ranking.upperBound(a, n, x), "upperBound n=" + n + " x=" + x);
                    // with a longer array whose tail is ignored: only a[0, n) counts
                    double[] padded = Arrays.copyOf(a, n + 3);
                    Arrays.fill(padded, n, n + 3, Double.NEGATIVE_INFINITY);
                    assertEquals(atMost, Ranking.upperBound(padded, n, x), "padded n=" + n + " x=" + x);
                    if (n > 0 && Arrays.binarySearch(a, x) >= 0) {
                        assertEquals(less, ColumnStats.firstIndex(a, x), "firstIndex n=" + n + " x=" + x);
                    }
                }
            }
        }
    }
}
