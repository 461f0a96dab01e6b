package org.citykpi.engine;

import org.citykpi.calc.Calculator;

/**
 * A call of a formula function (abs, not, clamp, sum, mean, min, max, and, or) over its arguments'
 * buffers, a loop per function; sum and mean are compensated ({@link SumKernels}).
 */
final class Call extends Node {
    final Calculator.Function fn;
    final Node[] args;
    final int finiteDetail;

    Call(Calculator.Function fn, Node[] args, int finiteDetail) {
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
            known &= Analysis.finite(b[k]) && b[k][0] <= b[k][1];
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
                double[] h = Analysis.hull(b);
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
                SumKernels.sum(w, n, in, z, fn == Calculator.Function.MEAN ? in.length : 1);
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
            Validity.copy(o, n, in[0]);
        } else if (in.length == 2) {
            Validity.combine(o, n, in[0], in[1]);
        } else {
            Validity.combine(o, n, in);
        }
        if (w.check[id]) {
            Validity.checkFinite(o, n, null, 0, finiteDetail, w.scratch);
        }
        for (Buf b : in) {
            w.release(b);
        }
        return o;
    }
}
