package org.citykpi.engine;

import java.util.Arrays;
import org.citykpi.data.Column;
import org.jspecify.annotations.Nullable;

/**
 * One thread's evaluation state: buffers for the current chunk, the inputs read once per chunk,
 * and a pool of intermediate buffers. Not thread-safe; each worker evaluates whole chunks.
 */
final class Worker {
    // What a worker reads between evaluations: no column, no reported value, no result.
    private static final @Nullable Column[] NO_COLUMNS = new Column[0];
    private static final Column[][] NO_REPORTED = new Column[0][];
    private static final Results.Store NO_STORE = new Results.Store(0, 0, 0);

    private final Program program;
    /** The dataset column of each variable slot, null where the dataset lacks it ({@link Program#columns}). */
    private @Nullable Column[] columns;

    private Column[][] reported;
    private Results.Store store;
    /** Per variable slot: its buffer, made on first use (null until then). */
    private final @Nullable Buf[] varBufs;

    private final int[] varStamp;
    /** Per output: its buffer, made on first use (null until then). */
    private final @Nullable Buf[] outBufs;

    private final int[] outStamp;
    /**
     * Every pooled buffer made so far, by slot (null past the last one made), and the slots of those
     * free (a stack of ints, so no reference is written).
     */
    private @Nullable Buf[] pooled = new Buf[16];

    private int[] free = new int[16];
    private int freeCount;
    private int pooledCount;
    /** Per node: a constant node's values, made once (a chunk of the constant, valid); null for other nodes. */
    private final @Nullable Buf[] constants;

    private final int[] constantRows;
    private final int[] details = new int[Program.CHUNK];
    private final long[] causeBits = new long[Buf.WORDS];
    private final long[] outside = new long[Buf.WORDS];
    /** A chunk of scratch values for the nodes' kernels. */
    final double[] scratch = new double[Program.CHUNK];

    private int stamp;
    /** Per node: whether its values may not be finite on this dataset ({@link Program#checks}). */
    boolean[] check;

    Worker(Program program, @Nullable Column[] columns, Column[][] reported, Results.Store store) {
        this.program = program;
        this.varBufs = new Buf[program.slotCount()];
        this.varStamp = new int[program.slotCount()];
        this.outBufs = new Buf[program.outputCount()];
        this.outStamp = new int[program.outputCount()];
        start(columns, reported, store);
        this.constants = new Buf[check.length];
        this.constantRows = new int[check.length];
    }

    /**
     * Prepares the worker, with the buffers it has, for another evaluation. Buffers cached for a
     * chunk are told apart by a stamp that keeps counting, so none is taken for the new data.
     */
    void start(@Nullable Column[] columns, Column[][] reported, Results.Store store) {
        this.columns = columns;
        this.reported = reported;
        this.store = store;
        this.check = program.checks(columns);
    }

    /** Drops the references to the last evaluation's data and results (the buffers stay). */
    void finish() {
        this.columns = NO_COLUMNS;
        this.reported = NO_REPORTED;
        this.store = NO_STORE;
    }

    Buf acquire() {
        if (freeCount > 0) {
            return pooled[free[--freeCount]];
        }
        if (pooledCount == pooled.length) {
            pooled = Arrays.copyOf(pooled, 2 * pooledCount);
            free = Arrays.copyOf(free, 2 * pooledCount);
        }
        Buf b = new Buf(Program.CHUNK, pooledCount);
        pooled[pooledCount++] = b;
        return b;
    }

    /**
     * Returns a buffer for a result computed row by row from {@code in}: {@code in} itself when the
     * pool owns it (its only reader is the node asking, so it may be overwritten in place), else a
     * fresh one. Cached inputs (variables, outputs, constants) are never overwritten.
     */
    Buf into(Buf in) {
        return in.slot >= 0 ? in : acquire();
    }

    /** Releases {@code in} unless it became the result {@code out} (see {@link #into}). */
    void releaseUnless(Buf in, Buf out) {
        if (in != out) {
            release(in);
        }
    }

    void release(Buf b) {
        if (b.slot >= 0) {
            free[freeCount++] = b.slot;
        }
    }

    /** Returns the buffer of constant node {@code node}: {@code value} in rows {@code [0, n)}, all valid. */
    Buf constant(int node, double value, int n) {
        Buf b = constants[node];
        if (b == null) {
            b = new Buf(Program.CHUNK, -1);
            Arrays.fill(b.v, value);
            constants[node] = b;
        }
        if (constantRows[node] != n) {
            Arrays.fill(b.ok, 0L);
            b.allOk(n);
            constantRows[node] = n;
        }
        return b;
    }

    /** Evaluates every output and rule for rows {@code [from, from + n)}. */
    void chunk(int from, int n) {
        stamp++;
        for (int k = 0; k < program.order.length; k++) {
            int out = program.order[k];
            Buf r = program.roots[out].eval(this, from, n);
            program.store(out, r, from, n, reported[out], store, details, causeBits, outside);
            release(r);
        }
        for (int k = 0; k < program.rules.length; k++) {
            Buf r = program.rules[k].eval(this, from, n);
            long[] bits = store.violations[k];
            for (int i = 0; i < n; i++) {
                if ((r.ok[i >>> 6] & (1L << i)) != 0 && r.v[i] == 0) {
                    int row = from + i;
                    bits[row >>> 6] |= 1L << row;
                }
            }
            release(r);
        }
    }

    /** Returns the chunk's values of variable slot {@code slot}, read from the dataset once per chunk. */
    Buf variable(int slot, int from, int n) {
        if (varStamp[slot] == stamp && varBufs[slot] != null) {
            return varBufs[slot];
        }
        Buf b = varBufs[slot];
        if (b == null) {
            b = new Buf(Program.CHUNK, -1);
            varBufs[slot] = b;
        }
        varStamp[slot] = stamp;
        Column col = columns[slot];
        int missing = program.missingDetail[slot];
        int words = Validity.words(n);
        if (col == null) {
            Arrays.fill(b.v, 0, n, Buf.NEUTRAL);
            Arrays.fill(b.ok, 0L);
            Arrays.fill(b.d, 0, n, missing);
            return b;
        }
        col.copyTo(from, n, b.v, b.ok);
        if (Validity.anyInvalid(b, n)) {
            // Details of rows with a value are never read: one fill, no jump per missing row.
            Arrays.fill(b.d, 0, n, missing);
            for (int w = 0; w < words; w++) {
                long bad = ~b.ok[w];
                while (bad != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bad);
                    bad &= bad - 1;
                    if (i >= n) {
                        break;
                    }
                    b.v[i] = Buf.NEUTRAL;
                }
            }
        }
        double lo = program.slotMin[slot];
        double hi = program.slotMax[slot];
        // The column's own extremes say, once for all chunks, whether any row can be out of range.
        if ((lo != Double.NEGATIVE_INFINITY || hi != Double.POSITIVE_INFINITY)
                && !(col.min() >= lo && col.max() <= hi)
                && !within(b.v, n, lo, hi)) {
            int invalid = program.invalidDetail[slot];
            double[] v = b.v;
            for (int w = 0; w < words; w++) {
                int base = w << 6;
                int end = Math.min(64, n - base);
                long bad = 0;
                for (int j = 0; j < end; j++) {
                    double x = v[base + j];
                    bad |= (x >= lo && x <= hi ? 0L : 1L) << j;
                }
                bad &= b.ok[w];
                while (bad != 0) {
                    b.fail(base + Long.numberOfTrailingZeros(bad), invalid);
                    bad &= bad - 1;
                }
            }
        }
        return b;
    }

    /**
     * Returns true when every one of {@code v[0, n)} lies in {@code [lo, hi]}, missing rows (which
     * hold 0) included: then no row can be out of range and the row-by-row mask is skipped. It ORs
     * the sign bits of {@code x − lo} and {@code hi − x} (each non-negative exactly when x is within
     * that bound; a −0 only makes the test say no, which is safe), a branch-free pass.
     */
    static boolean within(double[] v, int n, double lo, double hi) {
        long signs = 0;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            signs |= Double.doubleToRawLongBits(x - lo) | Double.doubleToRawLongBits(hi - x);
        }
        return signs >= 0;
    }

    /** Returns the chunk's results of output {@code out}, computed earlier in this chunk. */
    Buf output(int out, int from, int n) {
        if (outStamp[out] == stamp && outBufs[out] != null) {
            return outBufs[out];
        }
        Buf b = outBufs[out];
        if (b == null) {
            b = new Buf(Program.CHUNK, -1);
            outBufs[out] = b;
        }
        outStamp[out] = stamp;
        int chunk = from / Program.CHUNK;
        System.arraycopy(store.values(chunk), store.base(out, chunk), b.v, 0, n);
        b.allOk(n);
        // The rows without a value are exactly those listed with a cause, in increasing order.
        int[] c = store.causes[out * store.chunks + from / Program.CHUNK];
        if (c != null) {
            int count = c.length >>> 1;
            for (int k = 0; k < count; k++) {
                int i = c[k];
                b.ok[i >>> 6] &= ~(1L << i);
                b.v[i] = Buf.NEUTRAL;
                b.d[i] = c[count + k];
            }
        }
        return b;
    }
}
