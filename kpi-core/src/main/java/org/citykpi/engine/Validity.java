package org.citykpi.engine;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Which rows of a buffer have a value, and the detail (so the cause) of those that do not: validity
 * masks combined 64 rows at a time, details copied only for rows without a value, and the check
 * that turns non-finite values into causes.
 */
final class Validity {
    private Validity() {}

    static int words(int n) {
        return (n + 63) >>> 6;
    }

    /**
     * Sets {@code out.ok} to the rows valid in every input and copies, for each other row, the
     * detail (and so the cause) of the first input (in order) that has none.
     *
     * <p>Details of rows with a value are never read, so where an input has rows without one its
     * details are copied whole (one bulk copy of the chunk, cheaper than a jump per row); a later
     * input's details are then copied row by row for the rows only it lacks.
     */
    static void combine(Buf out, int n, Buf... in) {
        int words = words(n);
        boolean first = anyInvalid(in[0], n);
        if (first) {
            System.arraycopy(in[0].d, 0, out.d, 0, n);
        }
        for (int w = 0; w < words; w++) {
            long acc = in[0].ok[w];
            for (int k = 1; k < in.length; k++) {
                long fromK = acc & ~in[k].ok[w];
                copyCauses(out, in[k], w, fromK, n);
                acc &= in[k].ok[w];
            }
            out.ok[w] = acc;
        }
    }

    static void combine(Buf out, int n, Buf a, Buf b) {
        int words = words(n);
        if (!anyInvalid(a, n)) {
            copy(out, n, b);
            return;
        }
        System.arraycopy(a.d, 0, out.d, 0, n);
        for (int w = 0; w < words; w++) {
            long ao = a.ok[w];
            long bo = b.ok[w];
            copyCauses(out, b, w, ao & ~bo, n);
            out.ok[w] = ao & bo;
        }
    }

    static void copy(Buf out, int n, Buf a) {
        int words = words(n);
        if (anyInvalid(a, n)) {
            System.arraycopy(a.d, 0, out.d, 0, n);
        }
        System.arraycopy(a.ok, 0, out.ok, 0, words);
    }

    /** Returns true when some row of {@code [0, n)} has no value in {@code b}. */
    static boolean anyInvalid(Buf b, int n) {
        if (n == 0) {
            return false;
        }
        int words = words(n);
        long all = -1L;
        for (int w = 0; w < words - 1; w++) {
            all &= b.ok[w];
        }
        long last = (n & 63) == 0 ? -1L : (1L << (n & 63)) - 1;
        return all != -1L || (b.ok[words - 1] & last) != last;
    }

    private static void copyCauses(Buf out, Buf from, int w, long bits, int n) {
        long b = bits;
        while (b != 0) {
            int i = (w << 6) + Long.numberOfTrailingZeros(b);
            b &= b - 1;
            if (i >= n) {
                break;
            }
            out.d[i] = from.d[i];
        }
    }

    /**
     * Marks valid rows whose value is not finite: division by zero where the denominator is 0, else
     * out of range; their value becomes {@link Buf#NEUTRAL}. {@code denominator} holds a division's
     * denominators, or is null for any other operation (then every such row is out of range).
     * {@code scratch} holds a chunk.
     */
    static void checkFinite(
            Buf out, int n, double @Nullable [] denominator, int divDetail, int finiteDetail, double[] scratch) {
        double[] z = out.v;
        // x − x is +0 for every finite x and NaN for ±∞ and NaN: one vectorised pass, then the
        // intrinsic Arrays.mismatch against zeros jumps from one row that is not finite to the next
        // (there are rarely more than a few per chunk), without a branch per row.
        for (int i = 0; i < n; i++) {
            scratch[i] = z[i] - z[i];
        }
        int i = 0;
        while (i < n) {
            int k = Arrays.mismatch(scratch, i, n, ZEROS, i, n);
            if (k < 0) {
                break;
            }
            i += k;
            if ((out.ok[i >>> 6] & (1L << i)) != 0) {
                out.fail(i, denominator != null && denominator[i] == 0 ? divDetail : finiteDetail);
                z[i] = Buf.NEUTRAL;
            }
            i++;
        }
    }

    private static final double[] ZEROS = new double[Program.CHUNK];
}
