package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Selection ({@link ColumnStats#select}) and the median built on it ({@link ColumnStats#median})
 * against a full sort: the k-th value of the sorted array, and R's median (middle value, or the
 * mean of the two middle values). Seeded arrays of every length 1–60 with many ties and
 * negatives, a few large ones, sorted, reversed and constant inputs (the pivot's bad cases).
 */
class MedianTest {
    private static double sortedMedian(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static void check(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        for (int k = 0; k < a.length; k += Math.max(1, a.length / 17)) {
            assertEquals(s[k], ColumnStats.select(a.clone(), 0, a.length, k), "k=" + k + " n=" + a.length);
        }
        assertEquals(sortedMedian(a), ColumnStats.median(a.clone(), a.length), "median n=" + a.length);
    }

    @Test
    void selectsLikeASort() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 1; n <= 60; n++) {
            for (int trial = 0; trial < 30; trial++) {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(4) - 2 : rnd.nextDouble() * 100 - 50;
                }
                check(a);
            }
        }
        for (int n : new int[] {1000, 10_001}) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rnd.nextDouble();
            }
            check(a);
            double[] up = a.clone();
            Arrays.sort(up);
            check(up);
            double[] down = new double[n];
            for (int i = 0; i < n; i++) {
                down[i] = up[n - 1 - i];
            }
            check(down);
            double[] flat = new double[n];
            Arrays.fill(flat, 3.5);
            check(flat);
        }
    }

    @Test
    void handWorked() {
        // 1, 2, 3, 4 → (2 + 3)/2 = 2.5; 5, 1, 3 → 3 (R: median(c(1,2,3,4)) = 2.5, median(c(5,1,3)) = 3)
        assertEquals(2.5, ColumnStats.median(new double[] {4, 1, 3, 2}, 4));
        assertEquals(3, ColumnStats.median(new double[] {5, 1, 3}, 3));
        assertEquals(7, ColumnStats.median(new double[] {7}, 1));
    }
}
