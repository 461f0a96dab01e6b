package org.citykpi.engine;

import java.util.Arrays;
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
        /** Evaluates rows {@code [from, from + n)} of the dataset into a buffer's {@code [0, n)}. */
        abstract Buf eval(Worker w, int from, int n);

        /** Returns the constant value, or NaN if the node is not a constant. */
        double constant() {
            return Double.NaN;
        }
    }

    static int words(int n) {
        return (n + 63) >>> 6;
    }

    /**
     * Sets {@code out.ok} to the rows valid in every input and copies, for each other row, the
     * cause and detail of the first input (in order) that has none.
     */
    static void combine(Buf out, int n, Buf... in) {
        int words = words(n);
        for (int w = 0; w < words; w++) {
            long acc = in[0].ok[w];
            long bad = ~acc;
            copyCauses(out, in[0], w, bad, n);
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
        for (int w = 0; w < words; w++) {
            long ao = a.ok[w];
            long bo = b.ok[w];
            long all = ao & bo;
            if (all != -1L) {
                copyCauses(out, a, w, ~ao, n);
                copyCauses(out, b, w, ao & ~bo, n);
            }
            out.ok[w] = all;
        }
    }

    static void copy(Buf out, int n, Buf a) {
        int words = words(n);
        for (int w = 0; w < words; w++) {
            long ao = a.ok[w];
            if (ao != -1L) {
                copyCauses(out, a, w, ~ao, n);
            }
            out.ok[w] = ao;
        }
    }

    private static void copyCauses(Buf out, Buf from, int w, long bits, int n) {
        long b = bits;
        while (b != 0) {
            int i = (w << 6) + Long.numberOfTrailingZeros(b);
            b &= b - 1;
            if (i >= n) {
                break;
            }
            out.c[i] = from.c[i];
            out.d[i] = from.d[i];
        }
    }

    /** Marks valid rows whose value is not finite: division by zero where the denominator is 0, else out of range. */
    static void checkFinite(Buf out, int n, double[] denominator, int divDetail, int finiteDetail) {
        double[] z = out.v;
        for (int w = 0; w < words(n); w++) {
            int base = w << 6;
            int end = Math.min(64, n - base);
            // Branch-free: a double is not finite when its exponent bits are all ones; adding one to
            // the exponent field then carries into the sign bit. Invalid rows often hold infinities
            // (x / 0 where the denominator is missing), so a per-row branch would mispredict.
            long any = 0;
            for (int j = 0; j < end; j++) {
                any |= (Double.doubleToRawLongBits(z[base + j]) & EXPONENT) + EXPONENT_ONE;
            }
            if (any >= 0) {
                continue; // every value of the word is finite (the usual case)
            }
            long nonFinite = 0;
            for (int j = 0; j < end; j++) {
                long e = (Double.doubleToRawLongBits(z[base + j]) & EXPONENT) + EXPONENT_ONE;
                nonFinite |= (e >>> 63) << j;
            }
            long bad = nonFinite & out.ok[w];
            while (bad != 0) {
                int i = base + Long.numberOfTrailingZeros(bad);
                bad &= bad - 1;
                if (denominator != null && denominator[i] == 0) {
                    out.fail(i, Codes.DIV_ZERO, divDetail);
                } else {
                    out.fail(i, Codes.OUT_OF_RANGE, finiteDetail);
                }
                z[i] = Buf.NEUTRAL;
            }
        }
    }

    private static final long EXPONENT = 0x7FF0_0000_0000_0000L;
    private static final long EXPONENT_ONE = 0x0010_0000_0000_0000L;

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
        Buf eval(Worker w, int from, int n) {
            Buf b = w.acquire();
            Arrays.fill(b.v, 0, n, value);
            b.allOk(n);
            return b;
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
    }

    static final class NotApplicable extends Node {
        final int detail;

        NotApplicable(int detail) {
            this.detail = detail;
        }

        @Override
        Buf eval(Worker w, int from, int n) {
            Buf b = w.acquire();
            Arrays.fill(b.v, 0, n, Buf.NEUTRAL);
            Arrays.fill(b.ok, 0L);
            Arrays.fill(b.c, 0, n, Codes.NOT_APPLICABLE);
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
        Buf eval(Worker w, int from, int n) {
            Buf a = operand.eval(w, from, n);
            Buf b = w.acquire();
            double[] x = a.v;
            double[] z = b.v;
            for (int i = 0; i < n; i++) {
                z[i] = -x[i];
            }
            copy(b, n, a);
            w.release(a);
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
            Buf o = w.acquire();
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
            checkFinite(o, n, op == Calculator.Op.DIV ? y : null, divDetail, finiteDetail);
            w.release(a);
            w.release(b);
            return o;
        }

        private Buf scalarRight(Worker w, int from, int n, double k) {
            Buf a = left.eval(w, from, n);
            Buf o = w.acquire();
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
            checkFinite(o, n, null, divDetail, finiteDetail);
            w.release(a);
            return o;
        }

        private Buf scalarLeft(Worker w, int from, int n, double k) {
            Buf b = right.eval(w, from, n);
            Buf o = w.acquire();
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
            checkFinite(o, n, op == Calculator.Op.DIV ? y : null, divDetail, finiteDetail);
            w.release(b);
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
            checkFinite(o, n, null, 0, finiteDetail);
            for (Buf b : in) {
                w.release(b);
            }
            return o;
        }

        private void sum(Worker w, int n, Buf[] in, double[] s) {
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
                    double bp = t - si;
                    comp[i] += (si - (t - bp)) + (yi - bp);
                    s[i] = t;
                }
            }
            double div = fn == Calculator.Function.MEAN ? in.length : 1;
            for (int i = 0; i < n; i++) {
                s[i] = (s[i] + comp[i]) / div;
            }
            w.release(scratch);
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
        Buf eval(Worker w, int from, int n) {
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
                    o.c[i] = src.c[i];
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
