package org.citykpi.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.citykpi.Variable;
import org.citykpi.calc.Calculator;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;
import org.citykpi.data.Column;
import org.citykpi.data.Dataset;
import org.jspecify.annotations.Nullable;

/** A catalog compiled for column-wise evaluation. Immutable after construction; shared by workers. */
final class Program {
    /** Rows per chunk: a multiple of 64 (so rule bitsets of chunks never share a word). */
    static final int CHUNK = 1024;

    final Catalog catalog;
    final List<String> outputs;
    final Map<String, Integer> outputIndex = new HashMap<>();
    final int[] order;
    final Node[] roots;
    final Node[] rules;
    final double[] outMin;
    final double[] outMax;
    final int[] outRangeDetail;
    final int[] reportedRangeDetail;
    final List<List<String>> reportedNames = new ArrayList<>();
    /**
     * Per output: the output whose value its formula passes on unchanged (a formula that is a bare
     * reference to another indicator or part, such as an indicator's reference to its headline
     * part), or -1. Where that output's value was reported, so is this one's.
     */
    final int[] passThrough;

    final List<Detail> details = new ArrayList<>();
    private final Map<Detail, Integer> detailIds = new HashMap<>();

    final List<String> slotNames = new ArrayList<>();
    private final Map<String, Integer> slotIndex = new HashMap<>();
    double[] slotMin = new double[0];
    double[] slotMax = new double[0];
    int[] missingDetail = new int[0];
    int[] invalidDetail = new int[0];
    private int nodeCount;

    Program(Catalog catalog) {
        this.catalog = catalog;
        this.outputs = catalog.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            outputIndex.put(outputs.get(i), i);
        }
        int m = outputs.size();
        roots = new Node[m];
        outMin = new double[m];
        outMax = new double[m];
        outRangeDetail = new int[m];
        reportedRangeDetail = new int[m];
        passThrough = new int[m];
        for (int i = 0; i < m; i++) {
            String out = outputs.get(i);
            Indicator ind = catalog.owner(out);
            Part part = catalog.part(out).orElse(null);
            outMin[i] = part != null ? part.min() : ind.min();
            outMax[i] = part != null ? part.max() : ind.max();
            String range = rangeText(outMin[i], outMax[i]);
            outRangeDetail[i] = detail(new Detail.OutOfRange("value", range, i, out));
            reportedRangeDetail[i] = detail(new Detail.OutOfRange("reported value", range, i, out));
            List<String> names = new ArrayList<>();
            names.add(out);
            if (!ind.code().isEmpty()) {
                names.add(part != null ? ind.code() + "/" + part.id() : ind.code());
            }
            reportedNames.add(List.copyOf(names));
        }
        for (int i = 0; i < m; i++) {
            String out = outputs.get(i);
            Calculator f = catalog.formula(out);
            roots[i] = compile(f, out);
            String passed =
                    f instanceof Calculator.Ref r ? catalog.output(r.name()).orElse(out) : out;
            passThrough[i] = passed.equals(out) ? -1 : index(passed);
        }
        List<String> eval = catalog.evaluationOrder();
        order = new int[eval.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = index(eval.get(k));
        }
        rules = new Node[catalog.rules().size()];
        for (int k = 0; k < rules.length; k++) {
            Rule r = catalog.rules().get(k);
            rules[k] = compile(r.check(), "rule " + r.id());
        }
    }

    int slotCount() {
        return slotNames.size();
    }

    int outputCount() {
        return outputs.size();
    }

    /** Returns the index in {@link #outputs} of {@code output}, one of the catalog's output ids. */
    int index(String output) {
        return requireNonNull(outputIndex.get(output), "every output of the catalog has an index");
    }

    private int detail(Detail d) {
        return detailIds.computeIfAbsent(d, k -> {
            details.add(k);
            return details.size() - 1;
        });
    }

    /**
     * Returns the slot of the dataset column {@code name}, made on first use; {@code declared} is
     * the catalog's variable of that name, whose range the values must lie in, or empty for a
     * reported-only value (the column is the output's own), whose values are unbounded.
     */
    private int slot(String name, Optional<Variable> declared) {
        Integer s = slotIndex.get(name);
        if (s != null) {
            return s;
        }
        int k = slotNames.size();
        slotNames.add(name);
        slotIndex.put(name, k);
        slotMin = append(slotMin, declared.map(Variable::min).orElse(Double.NEGATIVE_INFINITY));
        slotMax = append(slotMax, declared.map(Variable::max).orElse(Double.POSITIVE_INFINITY));
        missingDetail = append(missingDetail, detail(new Detail.Missing(name)));
        String range = declared.map(Variable::rangeText).orElse("");
        invalidDetail = append(invalidDetail, detail(new Detail.Invalid(name, range)));
        return k;
    }

    private static double[] append(double[] a, double x) {
        double[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    private static int[] append(int[] a, int x) {
        int[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    static String rangeText(double min, double max) {
        return Variable.of("x", "").withRange(min, max).rangeText();
    }

    private Node compile(Calculator c, String self) {
        if (c instanceof Calculator.Constant k) {
            return node(new Leaves.Const(k.value()));
        }
        if (c instanceof Calculator.Ref r) {
            String out = catalog.output(r.name()).orElse(null);
            if (out != null && out.equals(self)) {
                // Reported-only: the value can only come with the data, under the output's name.
                return node(new Leaves.Var(slot(self, Optional.empty())));
            }
            if (out != null) {
                return node(new Leaves.Out(index(out)));
            }
            return node(new Leaves.Var(slot(r.name(), catalog.variable(r.name()))));
        }
        if (c instanceof Calculator.Negate neg) {
            return node(new Arithmetic.Negate(compile(neg.operand(), self)));
        }
        if (c instanceof Calculator.Binary b) {
            return node(new Arithmetic.Arith(
                    b.op(),
                    compile(b.left(), self),
                    compile(b.right(), self),
                    detail(new Detail.DivisionByZero(b.right().toString())),
                    detail(new Detail.NotFinite(b.toString()))));
        }
        if (c instanceof Calculator.Compare cmp) {
            return node(new Conditions.Cmp(cmp.op(), compile(cmp.left(), self), compile(cmp.right(), self)));
        }
        if (c instanceof Calculator.If i) {
            return node(new Conditions.IfNode(
                    compile(i.condition(), self), compile(i.then(), self), compile(i.otherwise(), self)));
        }
        Calculator.Call call = (Calculator.Call) c;
        if (call.function() == Calculator.Function.NA) {
            return node(new Leaves.NotApplicable(detail(new Detail.NotApplicable(self))));
        }
        Node[] args = new Node[call.args().size()];
        for (int k = 0; k < args.length; k++) {
            args[k] = compile(call.args().get(k), self);
        }
        return node(new Call(call.function(), args, detail(new Detail.NotFinite(call.toString()))));
    }

    private Node node(Node n) {
        n.id = nodeCount++;
        return n;
    }

    /** Returns, per node, whether it must check its values for non-finite ones on this dataset. */
    boolean[] checks(@Nullable Column[] columns) {
        Analysis a = new Analysis(this, columns, nodeCount);
        for (int out : order) {
            roots[out].bounds(a);
        }
        for (Node r : rules) {
            r.bounds(a);
        }
        return a.check;
    }

    /** Returns the dataset column for each variable slot (null where the dataset lacks it). */
    @Nullable
    Column[] columns(Dataset data) {
        @Nullable Column[] cols = new Column[slotCount()];
        for (int k = 0; k < cols.length; k++) {
            String name = slotNames.get(k);
            cols[k] = data.has(name) ? data.column(name) : reportedAlias(data, name);
        }
        return cols;
    }

    /**
     * Returns the column carrying, under its id or its code, the reported values of output {@code
     * name}, or null when {@code name} is not an output or the dataset has no such column.
     */
    private @Nullable Column reportedAlias(Dataset data, String name) {
        Integer out = outputIndex.get(name);
        if (out == null) {
            return null;
        }
        for (String alias : reportedNames.get(out)) {
            if (data.has(alias)) {
                return data.column(alias);
            }
        }
        return null;
    }

    /** Returns the columns carrying each output's reported value, by id then by code (empty where none). */
    Column[][] reported(Dataset data) {
        Column[][] cols = new Column[outputCount()][];
        for (int i = 0; i < cols.length; i++) {
            List<Column> found = new ArrayList<>();
            for (String name : reportedNames.get(i)) {
                if (data.has(name)) {
                    found.add(data.column(name));
                }
            }
            cols[i] = found.toArray(new Column[0]);
        }
        return cols;
    }

    /**
     * Writes a chunk's result for output {@code out}, applying the valid range and reported values.
     * {@code details}, {@code causeBits} and {@code outside} are the worker's scratch.
     */
    void store(
            int out,
            Buf r,
            int from,
            int n,
            Column[] reported,
            Results.Store s,
            int[] details,
            long[] causeBits,
            long[] outside) {
        double[] v = s.values(from / CHUNK);
        int at = s.base(out, from / CHUNK);
        System.arraycopy(r.v, 0, v, at, n);
        double lo = outMin[out];
        double hi = outMax[out];
        boolean ranged = lo != Double.NEGATIVE_INFINITY || hi != Double.POSITIVE_INFINITY;
        int det = outRangeDetail[out];
        int words = Validity.words(n);
        int count = 0;
        for (int w = 0; w < words; w++) {
            int base = w << 6;
            int end = Math.min(64, n - base);
            long okw = r.ok[w];
            long none = ~okw & (end == 64 ? -1L : (1L << end) - 1);
            long bad = 0;
            if (ranged) {
                for (int j = 0; j < end; j++) {
                    double x = r.v[base + j];
                    bad |= (x >= lo && x <= hi ? 0L : 1L) << j;
                }
                bad &= okw;
                none |= bad;
            }
            outside[w] = bad;
            causeBits[w] = none;
            count += Long.bitCount(none);
        }
        if (reported.length > 0) {
            count = applyReported(out, r, from, n, reported, s, details, causeBits, outside);
        }
        int passed = passThrough[out];
        if (passed >= 0 && s.reported[passed] != null) {
            passReported(out, passed, from, words, s, causeBits);
        }
        if (count == 0) {
            return;
        }
        int[] c = new int[2 * count];
        // The details of the rows without a value: from the scratch after reported values, else
        // from the buffer, then (rarely) the range's detail for values outside the range.
        int[] source = reported.length > 0 ? details : r.d;
        int k = 0;
        for (int w = 0; w < words; w++) {
            long bits = causeBits[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                c[k] = i;
                c[count + k] = source[i];
                k++;
            }
        }
        if (ranged && reported.length == 0) {
            k = 0;
            for (int w = 0; w < words; w++) {
                long bad = outside[w];
                if (bad == 0) {
                    k += Long.bitCount(causeBits[w]);
                    continue;
                }
                long bits = causeBits[w];
                while (bits != 0) {
                    int j = Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (((bad >>> j) & 1) != 0) {
                        c[count + k] = det;
                    }
                    k++;
                }
            }
        }
        s.causes[out * s.chunks + from / CHUNK] = c;
    }

    /**
     * Marks reported the rows of chunk {@code [from, from + 64 × words)} where output {@code out},
     * whose formula passes on output {@code passed}'s value, has a value and {@code passed}'s value
     * was reported: the value is the reported one (provenance follows the value). {@code causeBits}
     * holds the chunk's rows without a value. A chunk starts on a word of the row bitsets (its size
     * is a multiple of 64), so the bits are combined a word at a time.
     */
    private static void passReported(int out, int passed, int from, int words, Results.Store s, long[] causeBits) {
        // the engine gives an output a bitset wherever the output it passes on has one (Engine#evaluate)
        long[] rep = requireNonNull(s.reported[out], "reported bits");
        long[] src = requireNonNull(s.reported[passed], "reported bits");
        int w0 = from >>> 6;
        for (int w = 0; w < words; w++) {
            // bits past the last row are 0 in src (no such row), so ~causeBits needs no mask
            rep[w0 + w] |= src[w0 + w] & ~causeBits[w];
        }
    }

    /**
     * Replaces computed values by reported ones where present: those in the output's range become
     * values marked reported, the others cells outside the range. Fills {@code details} for every
     * row left without a value, updates {@code causeBits} and returns how many rows those are.
     */
    private int applyReported(
            int out,
            Buf r,
            int from,
            int n,
            Column[] reported,
            Results.Store s,
            int[] details,
            long[] causeBits,
            long[] outside) {
        int words = Validity.words(n);
        for (int w = 0; w < words; w++) {
            long bits = causeBits[w];
            while (bits != 0) {
                int j = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int i = (w << 6) + j;
                details[i] = ((outside[w] >>> j) & 1) != 0 ? outRangeDetail[out] : r.d[i];
            }
        }
        double[] v = s.values(from / CHUNK);
        int at = s.base(out, from / CHUNK);
        // an output with reported columns has its bit per row (Engine#evaluate)
        long[] rep = requireNonNull(s.reported[out], "reported bits");
        double lo = outMin[out];
        double hi = outMax[out];
        int rdet = reportedRangeDetail[out];
        // A value reported under the id wins over one reported under the published code.
        for (int k = reported.length - 1; k >= 0; k--) {
            Column col = reported[k];
            for (int i = 0; i < n; i++) {
                int row = from + i;
                if (col.isPresent(row)) {
                    double x = col.get(row);
                    v[at + i] = x;
                    if (x >= lo && x <= hi) {
                        rep[row >>> 6] |= 1L << row;
                        causeBits[i >>> 6] &= ~(1L << i);
                    } else {
                        rep[row >>> 6] &= ~(1L << row);
                        causeBits[i >>> 6] |= 1L << i;
                        details[i] = rdet;
                    }
                }
            }
        }
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(causeBits[w]);
        }
        return count;
    }
}
