package org.citykpi.data;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative ints, without boxing. Not thread-safe. */
final class LongIntMap {
    private long[] keys = new long[64];
    private int[] vals = new int[64];
    private int size;

    LongIntMap() {
        Arrays.fill(vals, -1);
    }

    /** Returns the value for {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (vals[i] >= 0) {
            if (keys[i] == key) {
                return vals[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** Puts a non-negative {@code value} for {@code key}. */
    void put(long key, int value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (vals[i] >= 0) {
            if (keys[i] == key) {
                vals[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        vals[i] = value;
        size++;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        vals = new int[ok.length * 2];
        Arrays.fill(vals, -1);
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ov[i] >= 0) {
                put(ok[i], ov[i]);
            }
        }
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
