package org.citykpi.engine;

import java.util.Arrays;

/** Nodes that read their values: constants, dataset variables, other outputs, and {@code na()}. */
final class Leaves {
    private Leaves() {}

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
}
