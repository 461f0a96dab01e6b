package org.citykpi.engine;

/**
 * A chunk-sized column of intermediate results: values, a validity bit per row ({@code ok}), and
 * for rows without a value a detail id, which also says the cause ({@link Detail#cause()}). Values of rows that are
 * not valid are meaningless (they are computed anyway so that value loops have no branches). Not
 * thread-safe: each worker owns its buffers.
 */
final class Buf {
    static final int WORDS = Program.CHUNK >>> 6;

    /**
     * The value rows without a value hold while they travel through a formula. Being finite and
     * non-zero, it keeps the arithmetic of those rows finite (a missing denominator gives x / 1, not
     * x / 0), so the non-finite check stays on its fast path and only flags real overflows and zero
     * denominators. It never reaches a result: those rows carry a cause.
     */
    static final double NEUTRAL = 1.0;

    final double[] v;
    final long[] ok = new long[WORDS];
    final int[] d;
    /** The buffer's number in its worker's pool (released after use), or −1 for cached inputs. */
    final int slot;

    Buf(int size, int slot) {
        this.v = new double[size];
        this.d = new int[size];
        this.slot = slot;
    }

    /** Marks rows {@code [0, n)} valid and the rest invalid. */
    void allOk(int n) {
        int words = (n + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            ok[w] = -1L;
        }
        if ((n & 63) != 0) {
            ok[words - 1] = (1L << (n & 63)) - 1;
        }
    }

    /** Marks row {@code i} invalid with a cause's detail, unless it is invalid already. */
    void fail(int i, int detail) {
        long bit = 1L << i;
        if ((ok[i >>> 6] & bit) != 0) {
            ok[i >>> 6] &= ~bit;
            d[i] = detail;
        }
    }
}
