package org.citykpi.engine;

import java.util.Arrays;
import org.citykpi.Sum;
import org.citykpi.calc.Calculator;

/**
 * The compiled form of a calculator: one node per tree node, each evaluated over a whole chunk of
 * rows at once. Value loops are branch-free over primitive arrays (the JIT vectorises them);
 * validity is a bitmask combined a word (64 rows) at a time; causes and details are copied only for
 * the rows that have no value, so their cost grows with the missing data, not with the rows.
 */
final class Nodes {
    private Nodes() {}

    abstract static class Node {
        /** The node's number in its program, unique among all its nodes (see {@link Worker#check}). */
        int id;

        /** Evaluates rows {@code [from, from + n)} of the dataset into a buffer's {@code [0, n)}. */
        abstract Buf eval(Worker w, int from, int n);

        /**
         * Returns {@code {lo, hi}}: bounds of every value a row can have where this node has one (rows
         * without a value hold anything), for the dataset {@code a} describes; {@code lo > hi} or
         * infinite bounds where nothing better is known. Marks in {@code a.check} the nodes whose
         * values may not be finite, which must then be checked row by row.
         */
        abstract double[] bounds(Analysis a);

        /** Returns the constant value, or NaN if the node is not a constant. */
        double constant() {
            return Double.NaN;
        }

        /** Returns true when every row's value (with a value or not) is exactly +0 or +1. */
        boolean zeroOne() {
            return false;
        }
    }

    /**
     * What is known of a dataset's values before evaluating: which nodes may produce a value that is
     * not finite. A node that cannot skips its non-finite check, which then has nothing to find.
     */
    static final class Analysis {
        final Program program;
        final org.citykpi.data.Column[] columns;
        final boolean[] check;

        Analysis(Program program, org.citykpi.data.Column[] columns, int nodes) {
            this.program = program;
            this.columns = columns;
            this.check = new boolean[nodes];
        }

        /**
         * Returns the bounds of a node that checks its values: where it has a value, the value is
         * finite, so {@code [bounds] ∩ [−MAX, MAX]}; marks the node for checking unless {@code lo}
         * and {@code hi} are finite. Bounds come from the same floating-point operations the node
         * does, which are monotone in each argument (rounding to nearest is), so they bound every
         * rounded result, not only the exact ones.
         */
        double[] checked(Node node, double lo, double hi) {
            if (lo >= -Double.MAX_VALUE && hi <= Double.MAX_VALUE) {
                return new double[] {lo, hi};
            }
            check[node.id] = true;
            return new double[] {-Double.MAX_VALUE, Double.MAX_VALUE};
        }
    }

    static final double[] ANY = {-Double.MAX_VALUE, Double.MAX_VALUE};

    static boolean finite(double[] b) {
        return b[0] >= -Double.MAX_VALUE && b[1] <= Double.MAX_VALUE;
    }

    static double[] hull(double[]... bs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] b : bs) {
            lo = Math.min(lo, b[0]);
            hi = Math.max(hi, b[1]);
        }
        return new double[] {lo, hi};
    }

    /** The smallest and largest of four numbers, NaN-propagating (NaN makes the bounds unknown). */
    static double[] corners(double a, double b, double c, double d) {
        return new double[] {Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d))};
    }

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
     * out of range; their value becomes {@link Buf#NEUTRAL}. {@code scratch} holds a chunk.
     */
    static void checkFinite(Buf out, int n, double[] denominator, int divDetail, int finiteDetail, double[] scratch) {
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
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    static final class Const extends Node {
        final double value;

        Const(double value) {
            this.value = value;
        }

        @Override
        double constant() {
            return value;
        }

        @Override
        double[] bounds(Analysis a) {
            return new double[] {value, value};
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            return w.constant(id, value, n);
        }
    }

    /** A variable (or a reported-only value) read from the dataset. */
    static final class Var extends Node {
        final int slot;

        Var(int slot) {
            this.slot = slot;
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            return w.variable(slot, from, n);
        }

        @Override
        double[] bounds(Analysis a) {
            // A row has a value when present and within the variable's range; column values are finite.
            org.citykpi.data.Column c = a.columns[slot];
            if (c == null || c.presentCount() == 0) {
                return new double[] {Buf.NEUTRAL, Buf.NEUTRAL}; // no row has a value
            }
            return new double[] {Math.max(c.min(), a.program.slotMin[slot]), Math.min(c.max(), a.program.slotMax[slot])
            };
        }
    }

    /** Another output (indicator or part), already computed for this chunk. */
    static final class Out extends Node {
        final int output;

        Out(int output) {
            this.output = output;
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            return w.output(output, from, n);
        }

        @Override
        double[] bounds(Analysis a) {
            // Values of an output (computed or reported) are finite and within its valid range.
            return new double[] {
                Math.max(a.program.outMin[output], -Double.MAX_VALUE),
                Math.min(a.program.outMax[output], Double.MAX_VALUE)
            };
        }
    }

    static final class NotApplicable extends Node {
        final int detail;

        NotApplicable(int detail) {
            this.detail = detail;
        }

        @Override
        double[] bounds(Analysis a) {
            return new double[] {Buf.NEUTRAL, Buf.NEUTRAL}; // no row has a value
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            Buf b = w.acquire();
            Arrays.fill(b.v, 0, n, Buf.NEUTRAL);
            Arrays.fill(b.ok, 0L);
            Arrays.fill(b.d, 0, n, detail);
            return b;
        }
    }

    static final class Negate extends Node {
        final Node operand;

        Negate(Node operand) {
            this.operand = operand;
        }

        @Override
        double[] bounds(Analysis a) {
            double[] b = operand.bounds(a);
            return new double[] {-b[1], -b[0]};
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            Buf a = operand.eval(w, from, n);
            Buf b = w.into(a);
            double[] x = a.v;
            double[] z = b.v;
            for (int i = 0; i < n; i++) {
                z[i] = -x[i];
            }
            copy(b, n, a);
            w.releaseUnless(a, b);
            return b;
        }
    }

    static final class Arith extends Node {
        final Calculator.Op op;
        final Node left;
        final Node right;
        final int divDetail;
        final int finiteDetail;

        Arith(Calculator.Op op, Node left, Node right, int divDetail, int finiteDetail) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.divDetail = divDetail;
            this.finiteDetail = finiteDetail;
        }

        @Override
        double[] bounds(Analysis a) {
            double[] x = left.bounds(a);
            double[] y = right.bounds(a);
            if (!finite(x) || !finite(y) || x[0] > x[1] || y[0] > y[1]) {
                return a.checked(this, Double.NaN, Double.NaN);
            }
            double[] z;
            switch (op) {
                case ADD:
                    z = new double[] {x[0] + y[0], x[1] + y[1]};
                    break;
                case SUB:
                    z = new double[] {x[0] - y[1], x[1] - y[0]};
                    break;
                case MUL:
                    z = corners(x[0] * y[0], x[0] * y[1], x[1] * y[0], x[1] * y[1]);
                    break;
                default:
                    if (y[0] <= 0 && y[1] >= 0) {
                        return a.checked(this, Double.NaN, Double.NaN); // the denominator may be 0
                    }
                    z = corners(x[0] / y[0], x[0] / y[1], x[1] / y[0], x[1] / y[1]);
            }
            return a.checked(this, z[0], z[1]);
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            double lc = left.constant();
            double rc = right.constant();
            if (!Double.isNaN(rc) && op != Calculator.Op.DIV) {
                return scalarRight(w, from, n, rc);
            }
            if (!Double.isNaN(lc)) {
                return scalarLeft(w, from, n, lc);
            }
            Buf a = left.eval(w, from, n);
            Buf b = right.eval(w, from, n);
            // The result may take the left operand's buffer (same index read and written, and the
            // denominator, on the right, stays intact for the check).
            Buf o = w.into(a);
            double[] x = a.v;
            double[] y = b.v;
            double[] z = o.v;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] + y[i];
                    }
                    break;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] - y[i];
                    }
                    break;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] * y[i];
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] / y[i];
                    }
            }
            combine(o, n, a, b);
            if (w.check[id]) {
                checkFinite(o, n, op == Calculator.Op.DIV ? y : null, divDetail, finiteDetail, w.scratch);
            }
            w.releaseUnless(a, o);
            w.release(b);
            return o;
        }

        private Buf scalarRight(Worker w, int from, int n, double k) {
            Buf a = left.eval(w, from, n);
            Buf o = w.into(a);
            double[] x = a.v;
            double[] z = o.v;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] + k;
                    }
                    break;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] - k;
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] * k;
                    }
            }
            copy(o, n, a);
            if (w.check[id]) {
                checkFinite(o, n, null, divDetail, finiteDetail, w.scratch);
            }
            w.releaseUnless(a, o);
            return o;
        }

        private Buf scalarLeft(Worker w, int from, int n, double k) {
            Buf b = right.eval(w, from, n);
            // Not in place for a division: its denominator is checked after.
            Buf o = op == Calculator.Op.DIV ? w.acquire() : w.into(b);
            double[] y = b.v;
            double[] z = o.v;
            switch (op) {
                case ADD:
                    for (int i = 0; i < n; i++) {
                        z[i] = k + y[i];
                    }
                    break;
                case SUB:
                    for (int i = 0; i < n; i++) {
                        z[i] = k - y[i];
                    }
                    break;
                case MUL:
                    for (int i = 0; i < n; i++) {
                        z[i] = k * y[i];
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        z[i] = k / y[i];
                    }
            }
            copy(o, n, b);
            if (w.check[id]) {
                checkFinite(o, n, op == Calculator.Op.DIV ? y : null, divDetail, finiteDetail, w.scratch);
            }
            w.releaseUnless(b, o);
            return o;
        }
    }

    static final class Cmp extends Node {
        final Calculator.CmpOp op;
        final Node left;
        final Node right;

        Cmp(Calculator.CmpOp op, Node left, Node right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        double[] bounds(Analysis a) {
            left.bounds(a);
            right.bounds(a);
            return new double[] {0, 1};
        }

        @Override
        boolean zeroOne() {
            return true; // x op y ? 1 : 0 on every row
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            Buf a = left.eval(w, from, n);
            Buf b = right.eval(w, from, n);
            Buf o = w.acquire();
            double[] x = a.v;
            double[] y = b.v;
            double[] z = o.v;
            switch (op) {
                case LT:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] < y[i] ? 1 : 0;
                    }
                    break;
                case LE:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] <= y[i] ? 1 : 0;
                    }
                    break;
                case GT:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] > y[i] ? 1 : 0;
                    }
                    break;
                case GE:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] >= y[i] ? 1 : 0;
                    }
                    break;
                case EQ:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] == y[i] ? 1 : 0;
                    }
                    break;
                default:
                    for (int i = 0; i < n; i++) {
                        z[i] = x[i] != y[i] ? 1 : 0;
                    }
            }
            combine(o, n, a, b);
            w.release(a);
            w.release(b);
            return o;
        }
    }

    static final class Func extends Node {
        final Calculator.Function fn;
        final Node[] args;
        final int finiteDetail;

        Func(Calculator.Function fn, Node[] args, int finiteDetail) {
            this.fn = fn;
            this.args = args;
            this.finiteDetail = finiteDetail;
        }

        @Override
        boolean zeroOne() {
            // ? 1 : 0 on every row; the non-finite check never replaces such a value
            return fn == Calculator.Function.NOT || fn == Calculator.Function.AND || fn == Calculator.Function.OR;
        }

        @Override
        double[] bounds(Analysis a) {
            double[][] b = new double[args.length][];
            boolean known = true;
            for (int k = 0; k < args.length; k++) {
                b[k] = args[k].bounds(a);
                known &= finite(b[k]) && b[k][0] <= b[k][1];
            }
            switch (fn) {
                case NOT:
                case AND:
                case OR:
                    return new double[] {0, 1}; // 0 or 1 whatever the arguments
                default:
            }
            if (!known) {
                return a.checked(this, Double.NaN, Double.NaN);
            }
            switch (fn) {
                case ABS: {
                    double m = Math.max(Math.abs(b[0][0]), Math.abs(b[0][1]));
                    return a.checked(this, 0, m);
                }
                case SUM:
                case MEAN: {
                    // |compensated sum| <= (Σ max|x_k|)(1 + k·2^-52 …): twice the sum bounds it while the
                    // sum stays far below the largest double; the division by k of a mean only shrinks it.
                    double m = 0;
                    for (double[] x : b) {
                        m += Math.max(Math.abs(x[0]), Math.abs(x[1]));
                    }
                    return m <= 0x1p1000 ? a.checked(this, -2 * m, 2 * m) : a.checked(this, Double.NaN, Double.NaN);
                }
                default: { // MIN, MAX, CLAMP: one of the arguments
                    double[] h = hull(b);
                    return a.checked(this, h[0], h[1]);
                }
            }
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            Buf[] in = new Buf[args.length];
            for (int k = 0; k < args.length; k++) {
                in[k] = args[k].eval(w, from, n);
            }
            Buf o = w.acquire();
            double[] z = o.v;
            System.arraycopy(in[0].v, 0, z, 0, n);
            switch (fn) {
                case ABS:
                    for (int i = 0; i < n; i++) {
                        z[i] = Math.abs(z[i]);
                    }
                    break;
                case NOT:
                    for (int i = 0; i < n; i++) {
                        z[i] = z[i] == 0 ? 1 : 0;
                    }
                    break;
                case CLAMP: {
                    double[] lo = in[1].v;
                    double[] hi = in[2].v;
                    for (int i = 0; i < n; i++) {
                        z[i] = Math.max(lo[i], Math.min(hi[i], z[i]));
                    }
                    break;
                }
                case SUM:
                case MEAN:
                    sum(w, n, in, z);
                    break;
                case MIN:
                    for (int k = 1; k < in.length; k++) {
                        double[] y = in[k].v;
                        for (int i = 0; i < n; i++) {
                            z[i] = Math.min(z[i], y[i]);
                        }
                    }
                    break;
                case MAX:
                    for (int k = 1; k < in.length; k++) {
                        double[] y = in[k].v;
                        for (int i = 0; i < n; i++) {
                            z[i] = Math.max(z[i], y[i]);
                        }
                    }
                    break;
                case AND:
                    for (int i = 0; i < n; i++) {
                        z[i] = z[i] != 0 ? 1 : 0;
                    }
                    for (int k = 1; k < in.length; k++) {
                        double[] y = in[k].v;
                        for (int i = 0; i < n; i++) {
                            z[i] = (z[i] != 0 && y[i] != 0) ? 1 : 0;
                        }
                    }
                    break;
                default: // OR
                    for (int i = 0; i < n; i++) {
                        z[i] = z[i] != 0 ? 1 : 0;
                    }
                    for (int k = 1; k < in.length; k++) {
                        double[] y = in[k].v;
                        for (int i = 0; i < n; i++) {
                            z[i] = (z[i] != 0 || y[i] != 0) ? 1 : 0;
                        }
                    }
            }
            if (in.length == 1) {
                copy(o, n, in[0]);
            } else if (in.length == 2) {
                combine(o, n, in[0], in[1]);
            } else {
                combine(o, n, in);
            }
            if (w.check[id]) {
                checkFinite(o, n, null, 0, finiteDetail, w.scratch);
            }
            for (Buf b : in) {
                w.release(b);
            }
            return o;
        }

        private void sum(Worker w, int n, Buf[] in, double[] s) {
            double div = fn == Calculator.Function.MEAN ? in.length : 1;
            if (in.length >= 2 && in.length <= 4) {
                fusedSum(n, in, s, div);
                return;
            }
            Buf scratch = w.acquire();
            double[] comp = scratch.v;
            Arrays.fill(comp, 0, n, 0);
            for (int k = 1; k < in.length; k++) {
                double[] y = in[k].v;
                // Compensated row by row, so that the sum does not depend on magnitude order. Knuth's
                // branch-free two-sum gives exactly the rounding error that Neumaier's branch on
                // |s| >= |y| gives (both are exact for finite sums; with an overflow or a non-finite
                // input both make the compensation, and so the sum, NaN), and the JIT vectorises it.
                for (int i = 0; i < n; i++) {
                    double si = s[i];
                    double yi = y[i];
                    double t = si + yi;
                    comp[i] += Sum.twoSumError(si, yi, t);
                    s[i] = t;
                }
            }
            for (int i = 0; i < n; i++) {
                s[i] = (s[i] + comp[i]) / div;
            }
            w.release(scratch);
        }

        /**
         * The same sum for 2 to 4 inputs in one pass: each row's running sum and compensation stay
         * in registers instead of being written and re-read once per input. Every row goes through
         * the same operations in the same order as in {@link #sum} (the compensation starts at 0
         * and each error is added to it), so the results are the same bits.
         */
        private static void fusedSum(int n, Buf[] in, double[] s, double div) {
            double[] y1 = in[1].v;
            if (in.length == 2) {
                for (int i = 0; i < n; i++) {
                    double si = s[i];
                    double c = 0.0;
                    double yi = y1[i];
                    double t = si + yi;
                    c += Sum.twoSumError(si, yi, t);
                    s[i] = (t + c) / div;
                }
                return;
            }
            double[] y2 = in[2].v;
            if (in.length == 3) {
                for (int i = 0; i < n; i++) {
                    double si = s[i];
                    double c = 0.0;
                    double yi = y1[i];
                    double t = si + yi;
                    c += Sum.twoSumError(si, yi, t);
                    si = t;
                    yi = y2[i];
                    t = si + yi;
                    c += Sum.twoSumError(si, yi, t);
                    s[i] = (t + c) / div;
                }
                return;
            }
            double[] y3 = in[3].v;
            for (int i = 0; i < n; i++) {
                double si = s[i];
                double c = 0.0;
                double yi = y1[i];
                double t = si + yi;
                c += Sum.twoSumError(si, yi, t);
                si = t;
                yi = y2[i];
                t = si + yi;
                c += Sum.twoSumError(si, yi, t);
                si = t;
                yi = y3[i];
                t = si + yi;
                c += Sum.twoSumError(si, yi, t);
                s[i] = (t + c) / div;
            }
        }
    }

    static final class IfNode extends Node {
        final Node cond;
        final Node then;
        final Node otherwise;

        IfNode(Node cond, Node then, Node otherwise) {
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        double[] bounds(Analysis a) {
            cond.bounds(a);
            return hull(then.bounds(a), otherwise.bounds(a));
        }

        /**
         * {@code if(cond, 1, 0)} (or {@code if(cond, 0, 1)} when {@code negate}) where the condition
         * is 0 or 1 on every row: the value is the condition's (or 1 minus it, exactly 0 or 1), the
         * branches, being constants, always have a value, so the rows without one and their causes
         * are the condition's. The same as the general path, without a select or truth mask per row.
         */
        private Buf yesNo(Worker w, int from, int n, boolean negate) {
            Buf c = cond.eval(w, from, n);
            Buf o = w.into(c);
            double[] cv = c.v;
            double[] z = o.v;
            if (negate) {
                for (int i = 0; i < n; i++) {
                    z[i] = 1 - cv[i];
                }
            } else if (o != c) {
                System.arraycopy(cv, 0, z, 0, n);
            }
            copy(o, n, c);
            if ((n & 63) != 0) {
                o.ok[words(n) - 1] &= (1L << (n & 63)) - 1;
            }
            w.releaseUnless(c, o);
            return o;
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            if (cond.zeroOne()) {
                long t = Double.doubleToRawLongBits(then.constant());
                long e = Double.doubleToRawLongBits(otherwise.constant());
                if (t == ONE_BITS && e == 0) {
                    return yesNo(w, from, n, false);
                }
                if (t == 0 && e == ONE_BITS) {
                    return yesNo(w, from, n, true);
                }
            }
            Buf c = cond.eval(w, from, n);
            Buf a = then.eval(w, from, n);
            Buf b = otherwise.eval(w, from, n);
            Buf o = w.acquire();
            double[] cv = c.v;
            double[] av = a.v;
            double[] bv = b.v;
            double[] z = o.v;
            for (int i = 0; i < n; i++) {
                z[i] = cv[i] != 0 ? av[i] : bv[i];
            }
            for (int wd = 0; wd < words(n); wd++) {
                int base = wd << 6;
                int end = Math.min(64, n - base);
                long truth = 0;
                for (int j = 0; j < end; j++) {
                    truth |= (cv[base + j] != 0 ? 1L : 0L) << j;
                }
                long co = c.ok[wd];
                long chosenOk = (truth & a.ok[wd]) | (~truth & b.ok[wd]);
                long okw = co & chosenOk;
                long bad = ~okw;
                if (end < 64) {
                    bad &= (1L << end) - 1;
                }
                while (bad != 0) {
                    int j = Long.numberOfTrailingZeros(bad);
                    bad &= bad - 1;
                    int i = base + j;
                    Buf src = (co & (1L << j)) == 0 ? c : ((truth & (1L << j)) != 0 ? a : b);
                    o.d[i] = src.d[i];
                }
                o.ok[wd] = okw;
            }
            w.release(c);
            w.release(a);
            w.release(b);
            return o;
        }
    }
}
