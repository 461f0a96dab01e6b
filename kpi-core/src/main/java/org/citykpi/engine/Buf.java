package org.citykpi.engine;

/**
 * A chunk-sized column of intermediate results: values, a validity bit per row ({@code ok}), and
 * for rows without a value a status code ({@link Codes}) and a detail id. Values of rows that are
 * not valid are meaningless (they are computed anyway so that value loops have no branches). Not
 * thread-safe: each worker owns its buffers.
 */
final class Buf {
    static final int WORDS = Program.CHUNK >>> 6;
    final double[] v;
    final long[] ok = new long[WORDS];
    final byte[] c;
    final int[] d;
    /** True for buffers owned by the pool (released after use); false for cached inputs. */
    final boolean pooled;

    Buf(int size, boolean pooled) {
        this.v = new double[size];
        this.c = new byte[size];
        this.d = new int[size];
        this.pooled = pooled;
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

    /** Marks row {@code i} invalid with a cause and detail, unless it is invalid already. */
    void fail(int i, byte cause, int detail) {
        long bit = 1L << i;
        if ((ok[i >>> 6] & bit) != 0) {
            ok[i >>> 6] &= ~bit;
            c[i] = cause;
            d[i] = detail;
        }
    }
}
