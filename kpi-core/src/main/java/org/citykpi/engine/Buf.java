package org.citykpi.engine;

/**
 * A chunk-sized column of intermediate results: values, a status code per row (0 = value,
 * otherwise {@link Codes}) and a detail id per row where there is no value. Not thread-safe: each
 * worker owns its buffers.
 */
final class Buf {
    final double[] v;
    final byte[] c;
    final int[] d;
    /** True when some row in {@code [0, n)} has a non-zero status. */
    boolean anyCause;
    /** True for buffers owned by the pool (released after use); false for cached inputs. */
    final boolean pooled;

    Buf(int size, boolean pooled) {
        this.v = new double[size];
        this.c = new byte[size];
        this.d = new int[size];
        this.pooled = pooled;
    }
}
