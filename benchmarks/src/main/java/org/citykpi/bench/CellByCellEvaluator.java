package org.citykpi.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.citykpi.calc.Calculator;
import org.citykpi.calc.KpiResult;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;

/**
 * The baseline the engine is measured against: the obvious interpreter that walks each formula
 * tree once per cell, as a spreadsheet or a naive library would, producing the same values and
 * causes (division by zero, missing input) into primitive arrays, without per-cell objects.
 */
final class CellByCellEvaluator {
    private final Catalog catalog;
    private final List<String> order;

    CellByCellEvaluator(Catalog catalog) {
        this.catalog = catalog;
        this.order = catalog.evaluationOrder();
    }

    /** Evaluates every output; returns values (NaN where there is none) and writes causes into {@code causes}. */
    double[][] evaluate(Dataset d, byte[][] causes) {
        int rows = d.rowCount();
        Map<String, double[]> done = new HashMap<>();
        Map<String, byte[]> doneCause = new HashMap<>();
        double[][] out = new double[order.size()][];
        for (int k = 0; k < order.size(); k++) {
            String o = order.get(k);
            Calculator f = catalog.formula(o);
            double[] v = new double[rows];
            byte[] c = causes[k];
            for (int r = 0; r < rows; r++) {
                Cell cell = new Cell();
                eval(f, d, r, done, doneCause, cell);
                v[r] = cell.value;
                c[r] = cell.cause;
            }
            done.put(o, v);
            doneCause.put(o, c);
            out[k] = v;
        }
        return out;
    }

    private static final class Cell {
        double value;
        byte cause;
    }

    private void eval(
            Calculator f, Dataset d, int r, Map<String, double[]> done, Map<String, byte[]> doneCause, Cell cell) {
        if (f instanceof Calculator.Constant k) {
            cell.value = k.value();
            return;
        }
        if (f instanceof Calculator.Ref ref) {
            double[] o = done.get(ref.name());
            if (o != null) {
                cell.value = o[r];
                cell.cause = doneCause.get(ref.name())[r];
                return;
            }
            if (!d.has(ref.name())) {
                cell.cause = (byte) (KpiResult.Cause.MISSING_INPUT.ordinal() + 2);
                return;
            }
            Column c = d.column(ref.name());
            if (!c.isPresent(r)) {
                cell.cause = (byte) (KpiResult.Cause.MISSING_INPUT.ordinal() + 2);
                return;
            }
            cell.value = c.get(r);
            return;
        }
        if (f instanceof Calculator.Binary b) {
            eval(b.left(), d, r, done, doneCause, cell);
            if (cell.cause != 0) {
                return;
            }
            double x = cell.value;
            eval(b.right(), d, r, done, doneCause, cell);
            if (cell.cause != 0) {
                return;
            }
            double y = cell.value;
            switch (b.op()) {
                case ADD:
                    cell.value = x + y;
                    break;
                case SUB:
                    cell.value = x - y;
                    break;
                case MUL:
                    cell.value = x * y;
                    break;
                default:
                    if (y == 0) {
                        cell.cause = (byte) (KpiResult.Cause.DIVISION_BY_ZERO.ordinal() + 2);
                        return;
                    }
                    cell.value = x / y;
            }
            return;
        }
        if (f instanceof Calculator.Compare cmp) {
            eval(cmp.left(), d, r, done, doneCause, cell);
            if (cell.cause != 0) {
                return;
            }
            double x = cell.value;
            eval(cmp.right(), d, r, done, doneCause, cell);
            cell.value = x > cell.value ? 1 : 0;
            return;
        }
        if (f instanceof Calculator.If i) {
            eval(i.condition(), d, r, done, doneCause, cell);
            if (cell.cause != 0) {
                return;
            }
            eval(cell.value != 0 ? i.then() : i.otherwise(), d, r, done, doneCause, cell);
            return;
        }
        if (f instanceof Calculator.Call call) {
            double s = 0;
            for (Calculator a : call.args()) {
                eval(a, d, r, done, doneCause, cell);
                if (cell.cause != 0) {
                    return;
                }
                s += cell.value;
            }
            cell.value = s;
            return;
        }
        Calculator.Negate n = (Calculator.Negate) f;
        eval(n.operand(), d, r, done, doneCause, cell);
        cell.value = -cell.value;
    }
}
