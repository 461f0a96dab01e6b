package org.citykpi.engine;

import org.citykpi.calc.Calculator;

/**
 * The compiled form of a calculator: one node per tree node, each evaluated over a whole chunk of
 * rows at once. Inner loops are over primitive arrays; a fast path skips status checks when no
 * input row lacks a value.
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
            java.util.Arrays.fill(b.v, 0, n, value);
            java.util.Arrays.fill(b.c, 0, n, Codes.OK);
            b.anyCause = false;
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
            java.util.Arrays.fill(b.c, 0, n, Codes.NOT_APPLICABLE);
            java.util.Arrays.fill(b.d, 0, n, detail);
            b.anyCause = n > 0;
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
            for (int i = 0; i < n; i++) {
                b.v[i] = -a.v[i];
            }
            copyStatus(a, b, n);
            w.release(a);
            return b;
        }
    }

    static void copyStatus(Buf from, Buf to, int n) {
        if (from.anyCause) {
            System.arraycopy(from.c, 0, to.c, 0, n);
            System.arraycopy(from.d, 0, to.d, 0, n);
        } else {
            java.util.Arrays.fill(to.c, 0, n, Codes.OK);
        }
        to.anyCause = from.anyCause;
    }

    /** Sets each row's status to the first cause among {@code a} and {@code b} (left first). */
    static void mergeStatus(Buf a, Buf b, Buf out, int n) {
        if (!a.anyCause && !b.anyCause) {
            java.util.Arrays.fill(out.c, 0, n, Codes.OK);
            out.anyCause = false;
            return;
        }
        boolean any = false;
        for (int i = 0; i < n; i++) {
            byte ca = a.c[i];
            if (ca != 0) {
                out.c[i] = ca;
                out.d[i] = a.d[i];
                any = true;
            } else {
                byte cb = b.c[i];
                out.c[i] = cb;
                if (cb != 0) {
                    out.d[i] = b.d[i];
                    any = true;
                }
            }
        }
        out.anyCause = any;
    }

    /** Marks rows whose value is not finite (and had no cause yet) as out of range. */
    static void checkFinite(Buf out, int n, int detail) {
        boolean any = out.anyCause;
        for (int i = 0; i < n; i++) {
            double x = out.v[i];
            // x - x is 0 for finite x and NaN for infinities and NaN: one test for both.
            if (x - x != 0 && out.c[i] == 0) {
                out.c[i] = Codes.OUT_OF_RANGE;
                out.d[i] = detail;
                any = true;
            }
        }
        out.anyCause = any;
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
            mergeStatus(a, b, o, n);
            if (op == Calculator.Op.DIV) {
                markZeroDenominators(b, o, n);
            }
            checkFinite(o, n, finiteDetail);
            w.release(a);
            w.release(b);
            return o;
        }

        private void markZeroDenominators(Buf den, Buf o, int n) {
            boolean any = o.anyCause;
            for (int i = 0; i < n; i++) {
                if (den.v[i] == 0 && o.c[i] == 0) {
                    o.c[i] = Codes.DIV_ZERO;
                    o.d[i] = divDetail;
                    any = true;
                }
            }
            o.anyCause = any;
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
            copyStatus(a, o, n);
            checkFinite(o, n, finiteDetail);
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
            copyStatus(b, o, n);
            if (op == Calculator.Op.DIV) {
                markZeroDenominators(b, o, n);
            }
            checkFinite(o, n, finiteDetail);
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
            for (int i = 0; i < n; i++) {
                o.v[i] = compare(op, a.v[i], b.v[i]) ? 1 : 0;
            }
            mergeStatus(a, b, o, n);
            w.release(a);
            w.release(b);
            return o;
        }
    }

    static boolean compare(Calculator.CmpOp op, double a, double b) {
        switch (op) {
            case LT:
                return a < b;
            case LE:
                return a <= b;
            case GT:
                return a > b;
            case GE:
                return a >= b;
            case EQ:
                return a == b;
            default:
                return a != b;
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
            Buf o = w.acquire();
            Buf first = args[0].eval(w, from, n);
            System.arraycopy(first.v, 0, o.v, 0, n);
            copyStatus(first, o, n);
            w.release(first);
            double[] z = o.v;
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
                case CLAMP:
                    clamp(w, from, n, o);
                    break;
                case SUM:
                case MEAN:
                    sum(w, from, n, o);
                    break;
                default:
                    fold(w, from, n, o);
            }
            checkFinite(o, n, finiteDetail);
            return o;
        }

        private void fold(Worker w, int from, int n, Buf o) {
            double[] z = o.v;
            if (fn == Calculator.Function.AND || fn == Calculator.Function.OR) {
                for (int i = 0; i < n; i++) {
                    z[i] = z[i] != 0 ? 1 : 0;
                }
            }
            for (int k = 1; k < args.length; k++) {
                Buf b = args[k].eval(w, from, n);
                double[] y = b.v;
                switch (fn) {
                    case MIN:
                        for (int i = 0; i < n; i++) {
                            z[i] = Math.min(z[i], y[i]);
                        }
                        break;
                    case MAX:
                        for (int i = 0; i < n; i++) {
                            z[i] = Math.max(z[i], y[i]);
                        }
                        break;
                    case AND:
                        for (int i = 0; i < n; i++) {
                            z[i] = (z[i] != 0 && y[i] != 0) ? 1 : 0;
                        }
                        break;
                    default: // OR
                        for (int i = 0; i < n; i++) {
                            z[i] = (z[i] != 0 || y[i] != 0) ? 1 : 0;
                        }
                }
                mergeStatus(o, b, o, n);
                w.release(b);
            }
        }

        private void sum(Worker w, int from, int n, Buf o) {
            double[] s = o.v;
            Buf scratch = w.acquire();
            double[] comp = scratch.v;
            java.util.Arrays.fill(comp, 0, n, 0);
            for (int k = 1; k < args.length; k++) {
                Buf b = args[k].eval(w, from, n);
                double[] y = b.v;
                // Neumaier compensation, row by row, so that the sum does not depend on magnitude order.
                for (int i = 0; i < n; i++) {
                    double t = s[i] + y[i];
                    if (Math.abs(s[i]) >= Math.abs(y[i])) {
                        comp[i] += (s[i] - t) + y[i];
                    } else {
                        comp[i] += (y[i] - t) + s[i];
                    }
                    s[i] = t;
                }
                mergeStatus(o, b, o, n);
                w.release(b);
            }
            double div = fn == Calculator.Function.MEAN ? args.length : 1;
            for (int i = 0; i < n; i++) {
                s[i] = (s[i] + comp[i]) / div;
            }
            w.release(scratch);
        }

        private void clamp(Worker w, int from, int n, Buf o) {
            Buf lo = args[1].eval(w, from, n);
            Buf hi = args[2].eval(w, from, n);
            double[] z = o.v;
            for (int i = 0; i < n; i++) {
                z[i] = Math.max(lo.v[i], Math.min(hi.v[i], z[i]));
            }
            mergeStatus(o, lo, o, n);
            mergeStatus(o, hi, o, n);
            w.release(lo);
            w.release(hi);
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
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (c.c[i] != 0) {
                    o.c[i] = c.c[i];
                    o.d[i] = c.d[i];
                    any = true;
                    continue;
                }
                Buf s = c.v[i] != 0 ? a : b;
                o.v[i] = s.v[i];
                o.c[i] = s.c[i];
                if (s.c[i] != 0) {
                    o.d[i] = s.d[i];
                    any = true;
                }
            }
            o.anyCause = any;
            w.release(c);
            w.release(a);
            w.release(b);
            return o;
        }
    }
}
