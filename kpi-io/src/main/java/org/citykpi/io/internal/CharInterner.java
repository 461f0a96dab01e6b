package org.citykpi.io.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Maps character ranges to ids without creating a String per lookup: the hot path of the long
 * reader, where every row repeats an entity, a period and a variable seen before. Open addressing
 * with linear probing; keys are copied on {@link #put}. Not thread-safe.
 */
final class CharInterner {
    // the key of each slot; null marks an empty slot (the probe stops there)
    private char[] @Nullable [] keys = new char[64][];
    private int[] ids = new int[64];
    private int[] hashes = new int[64];
    private int size;
    // the last hit, checked first: exports are usually sorted, so rows repeat the previous key
    private int lastSlot = -1;
    // the slot that followed each slot last time: variables repeat in the same order for every
    // entity and period, so the next key is usually the one that came after the last one
    private int[] next = new int[64];

    /** Returns the id of {@code b[from, to)}, or -1 when it has none yet. */
    int get(char[] b, int from, int to) {
        int last = lastSlot;
        if (last >= 0) {
            if (equal(keys[last], b, from, to)) {
                return ids[last];
            }
            int guess = next[last] - 1;
            if (guess >= 0 && equal(keys[guess], b, from, to)) {
                lastSlot = guess;
                return ids[guess];
            }
        }
        int h = hash(b, from, to);
        int mask = keys.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            char[] k = keys[i];
            if (k == null) {
                return -1;
            }
            if (hashes[i] == h && equal(k, b, from, to)) {
                if (last >= 0) {
                    next[last] = i + 1;
                }
                lastSlot = i;
                return ids[i];
            }
        }
    }

    /** Gives {@code b[from, to)} the id {@code id}. */
    void put(char[] b, int from, int to, int id) {
        if ((size + 1) * 2 > keys.length) {
            rehash();
        }
        int h = hash(b, from, to);
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = Arrays.copyOfRange(b, from, to);
        ids[i] = id;
        hashes[i] = h;
        size++;
        if (lastSlot >= 0) {
            next[lastSlot] = i + 1;
        }
        lastSlot = i;
    }

    private void rehash() {
        char[] @Nullable [] ok = keys;
        int[] oi = ids;
        int[] oh = hashes;
        keys = new char[ok.length * 2][];
        ids = new int[ok.length * 2];
        hashes = new int[ok.length * 2];
        next = new int[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ok[j] != null) {
                int i = oh[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                ids[i] = oi[j];
                hashes[i] = oh[j];
            }
        }
        lastSlot = -1;
    }

    private static int hash(char[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }

    private static boolean equal(char[] k, char[] b, int from, int to) {
        return k.length == to - from && Arrays.equals(k, 0, k.length, b, from, to);
    }
}
