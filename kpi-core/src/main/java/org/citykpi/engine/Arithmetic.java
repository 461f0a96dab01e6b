package org.citykpi.engine;

import org.citykpi.calc.Calculator;

/**
 * Negation and the four arithmetic operations, with a loop per operator so that each vectorises,
 * and paths for a constant operand. Divisions, and operations that may overflow on the dataset
 * (see {@link Analysis}), check their values for non-finite ones.
 */
final class Arithmetic {
    private Arithmetic() {}

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
            Validity.copy(b, n, a);
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
            if (!Analysis.finite(x) || !Analysis.finite(y) || x[0] > x[1] || y[0] > y[1]) {
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
                    z = Analysis.corners(x[0] * y[0], x[0] * y[1], x[1] * y[0], x[1] * y[1]);
                    break;
                default:
                    if (y[0] <= 0 && y[1] >= 0) {
                        return a.checked(this, Double.NaN, Double.NaN); // the denominator may be 0
                    }
                    z = Analysis.corners(x[0] / y[0], x[0] / y[1], x[1] / y[0], x[1] / y[1]);
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
            Validity.combine(o, n, a, b);
            if (w.check[id]) {
                Validity.checkFinite(o, n, op == Calculator.Op.DIV ? y : null, divDetail, finiteDetail, w.scratch);
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
            Validity.copy(o, n, a);
            if (w.check[id]) {
                Validity.checkFinite(o, n, null, divDetail, finiteDetail, w.scratch);
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
            Validity.copy(o, n, b);
            if (w.check[id]) {
                Validity.checkFinite(o, n, op == Calculator.Op.DIV ? y : null, divDetail, finiteDetail, w.scratch);
            }
            w.releaseUnless(b, o);
            return o;
        }
    }
}
