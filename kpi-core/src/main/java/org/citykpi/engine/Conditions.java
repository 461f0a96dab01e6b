package org.citykpi.engine;

import org.citykpi.calc.Calculator;

/**
 * Comparisons ({@code x op y ? 1 : 0}, a loop per operator) and {@code if(c, a, b)}, whose rows
 * without a value take the cause of the condition or of the branch taken.
 */
final class Conditions {
    private Conditions() {}

    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

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
            Validity.combine(o, n, a, b);
            w.release(a);
            w.release(b);
            return o;
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
            return Analysis.hull(then.bounds(a), otherwise.bounds(a));
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
            Validity.copy(o, n, c);
            if ((n & 63) != 0) {
                o.ok[Validity.words(n) - 1] &= (1L << (n & 63)) - 1;
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
            for (int wd = 0; wd < Validity.words(n); wd++) {
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
