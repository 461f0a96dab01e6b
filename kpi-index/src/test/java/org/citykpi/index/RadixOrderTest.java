package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The radix order and ranks ({@link RadixOrder}) against their definitions, counted by a linear
 * scan: rank from the lowest = 1 + number of values {@code <} x, from the highest = 1 + number of
 * values {@code >} x; the order is ascending and stable. Seeded arrays of every length 0–70 and a
 * few large ones, with many ties, ±0, negatives, infinities, subnormals and values differing only
 * in their last bit or only in their exponent (so every radix digit is exercised).
 */
class RadixOrderTest {
    private static double value(SplittableRandom rnd) {
        switch (rnd.nextInt(9)) {
            case 0:
                return 0.0;
            case 1:
                return -0.0;
            case 2:
                return rnd.nextInt(7) - 3;
            case 3:
                return rnd.nextInt(7) - 3 + 0.5;
            case 4:
                return Math.nextUp(1.0) * (rnd.nextBoolean() ? 1 : -1);
            case 5:
                return rnd.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 6:
                return Double.MIN_VALUE * rnd.nextInt(1, 4) * (rnd.nextBoolean() ? 1 : -1);
            case 7:
                return Math.scalb(1.0, rnd.nextInt(-1000, 1000)) * (rnd.nextBoolean() ? 1 : -1);
            default:
                return (rnd.nextDouble() - 0.5) * 1e6;
        }
    }

    private static void check(double[] a) {
        int n = a.length;
        int[] order = new int[n];
        RadixOrder.ascending(a, n, order);
        for (int p = 1; p < n; p++) {
            double prev = a[order[p - 1]];
            double cur = a[order[p]];
            assertEquals(true, prev <= cur, "ascending at " + p + ": " + prev + " then " + cur);
            if (prev == cur) {
                assertEquals(true, order[p - 1] < order[p], "stable among equal values at " + p);
            }
        }
        int[] low = new int[n];
        int[] high = new int[n];
        RadixOrder.fromLowest(a, n, low);
        RadixOrder.fromHighest(a, n, high);
        int[] lowRef = new int[n];
        int[] highRef = new int[n];
        for (int i = 0; i < n; i++) {
            int less = 0;
            int more = 0;
            for (double y : a) {
                less += y < a[i] ? 1 : 0;
                more += y > a[i] ? 1 : 0;
            }
            lowRef[i] = 1 + less;
            highRef[i] = 1 + more;
        }
        assertArrayEquals(lowRef, low, "ranks from the lowest");
        assertArrayEquals(highRef, high, "ranks from the highest");
    }

    @Test
    void ordersAndRanksLikeALinearScan() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 0; n <= 70; n++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = value(rnd);
                }
                check(a);
            }
        }
        for (int n : new int[] {1000, 3000}) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = value(rnd);
            }
            check(a);
        }
    }

    @Test
    void handWorkedTies() {
        // scores 3, 1, 3, 2: from the highest 1, 4, 1, 3; from the lowest 3, 1, 3, 2 (by hand)
        double[] a = {3, 1, 3, 2};
        int[] high = new int[4];
        int[] low = new int[4];
        RadixOrder.fromHighest(a, 4, high);
        RadixOrder.fromLowest(a, 4, low);
        assertArrayEquals(new int[] {1, 4, 1, 3}, high);
        assertArrayEquals(new int[] {3, 1, 3, 2}, low);
        // −0.0 and 0.0 are equal values, so they tie
        RadixOrder.fromLowest(new double[] {0.0, -0.0, -1}, 3, low);
        assertArrayEquals(new int[] {2, 2, 1}, java.util.Arrays.copyOf(low, 3));
    }
}
