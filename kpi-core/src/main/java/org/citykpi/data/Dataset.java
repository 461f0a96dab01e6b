package org.citykpi.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import org.citykpi.Period;

/**
 * Holds values of variables for (entity, period) rows, column by column: one primitive {@code
 * double[]} per variable with a presence mask (see {@link Column}).
 *
 * <p>Rows are sorted by entity code, then period, whatever order the data came in, so every result
 * computed from a dataset is independent of input row order. A row exists for every (entity,
 * period) pair that was given at least one observation or was added with {@link
 * Builder#row(String, Period)}.
 *
 * <p>Immutable once built and thread-safe; slicing copies only the selected rows.
 */
public final class Dataset {
    private final String[] rowEntity;
    private final Period[] rowPeriod;
    private final List<String> entities;
    private final List<Period> periods;
    private final Map<String, Column> columns;
    private final List<String> variables;
    private final Map<RowKey, Integer> rowIndex = new HashMap<>();

    private record RowKey(String entity, Period period) {}

    private Dataset(String[] rowEntity, Period[] rowPeriod, Map<String, Column> columns) {
        this.rowEntity = rowEntity;
        this.rowPeriod = rowPeriod;
        this.columns = columns;
        List<String> vars = new ArrayList<>(columns.keySet());
        Collections.sort(vars);
        this.variables = List.copyOf(vars);
        Set<String> es = new HashSet<>();
        Set<Period> ps = new HashSet<>();
        List<String> el = new ArrayList<>();
        List<Period> pl = new ArrayList<>();
        for (int i = 0; i < rowEntity.length; i++) {
            if (es.add(rowEntity[i])) {
                el.add(rowEntity[i]);
            }
            if (ps.add(rowPeriod[i])) {
                pl.add(rowPeriod[i]);
            }
            rowIndex.put(new RowKey(rowEntity[i], rowPeriod[i]), i);
        }
        Collections.sort(pl);
        this.entities = List.copyOf(el);
        this.periods = List.copyOf(pl);
    }

    /** {@return a new builder with the duplicate policy {@link DuplicatePolicy#ERROR}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the number of (entity, period) rows} */
    public int rowCount() {
        return rowEntity.length;
    }

    /** {@return the distinct entity codes in row order (sorted)} */
    public List<String> entities() {
        return entities;
    }

    /** {@return the distinct periods, oldest first} */
    public List<Period> periods() {
        return periods;
    }

    /** {@return the variable ids that have a column, sorted} */
    public List<String> variables() {
        return variables;
    }

    /**
     * Returns the entity of row {@code row}.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @return the entity code
     * @throws ArrayIndexOutOfBoundsException if there is no such row
     */
    public String entity(int row) {
        return rowEntity[row];
    }

    /**
     * Returns the period of row {@code row}.
     *
     * @param row a row index, {@code 0} to {@code rowCount() - 1}
     * @return the period
     * @throws ArrayIndexOutOfBoundsException if there is no such row
     */
    public Period period(int row) {
        return rowPeriod[row];
    }

    /**
     * Returns the row of {@code entity} in {@code period}, or -1 if there is none.
     *
     * @param entity an entity code
     * @param period a period
     * @return the row index, or -1
     */
    public int row(String entity, Period period) {
        Integer r = rowIndex.get(new RowKey(entity, period));
        return r == null ? -1 : r;
    }

    /**
     * Returns true when the dataset has a column for {@code variable}.
     *
     * @param variable a variable id
     * @return whether {@link #column} finds it
     */
    public boolean has(String variable) {
        return columns.containsKey(variable);
    }

    /**
     * Returns the column of {@code variable}.
     *
     * @param variable a variable id
     * @return its column
     * @throws IllegalArgumentException if the dataset has no such variable (see {@link #has})
     */
    public Column column(String variable) {
        Column c = columns.get(variable);
        if (c == null) {
            throw new IllegalArgumentException("no variable '" + variable + "' in the dataset");
        }
        return c;
    }

    /**
     * Returns the value of {@code variable} for {@code entity} in {@code period}, if present.
     *
     * @param entity an entity code
     * @param period a period
     * @param variable a variable id
     * @return the value, or empty when the row, the column or the cell is missing
     */
    public OptionalDouble value(String entity, Period period, String variable) {
        int r = row(entity, period);
        Column c = columns.get(variable);
        if (r < 0 || c == null || !c.isPresent(r)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(c.get(r));
    }

    /** {@return the number of values present over all columns} */
    public long observationCount() {
        long n = 0;
        for (Column c : columns.values()) {
            n += c.presentCount();
        }
        return n;
    }

    /**
     * Returns the rows whose entity is in {@code keep}, in the same order.
     *
     * @param keep the entity codes kept
     * @return a dataset of the kept rows, with every column
     */
    public Dataset sliceEntities(Collection<String> keep) {
        Set<String> k = Set.copyOf(keep);
        return select(r -> k.contains(rowEntity[r]));
    }

    /**
     * Returns the rows whose period satisfies {@code keep}, in the same order.
     *
     * @param keep tells which periods are kept
     * @return a dataset of the kept rows, with every column
     */
    public Dataset slicePeriods(Predicate<Period> keep) {
        requireNonNull(keep, "keep");
        return select(r -> keep.test(rowPeriod[r]));
    }

    /**
     * Returns rows {@code [from, to)} as a dataset of their own (a chunk for parallel work).
     *
     * @param from first row (inclusive)
     * @param to end row (exclusive)
     * @return a dataset of those rows, with every column
     * @throws IndexOutOfBoundsException if the range is not within {@code [0, rowCount()]}
     */
    public Dataset rows(int from, int to) {
        if (from < 0 || to > rowCount() || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rowCount());
        }
        return select(r -> r >= from && r < to);
    }

    private Dataset select(java.util.function.IntPredicate keep) {
        int[] sel = new int[rowCount()];
        int n = 0;
        for (int r = 0; r < rowCount(); r++) {
            if (keep.test(r)) {
                sel[n++] = r;
            }
        }
        int[] rows = Arrays.copyOf(sel, n);
        String[] e = new String[n];
        Period[] p = new Period[n];
        for (int i = 0; i < n; i++) {
            e[i] = rowEntity[rows[i]];
            p[i] = rowPeriod[rows[i]];
        }
        Map<String, Column> cols = new HashMap<>();
        for (Map.Entry<String, Column> en : columns.entrySet()) {
            cols.put(en.getKey(), en.getValue().select(rows));
        }
        return new Dataset(e, p, cols);
    }

    /** The outcome of {@link Builder#add}. */
    public enum Added {
        /** The cell was empty and now holds the value. */
        NEW,
        /** The cell had a value; under {@link DuplicatePolicy#ERROR} the new one was rejected. */
        REJECTED_DUPLICATE,
        /** The cell had a value; it was kept ({@code FIRST}) and the new one ignored. */
        IGNORED_DUPLICATE,
        /** The cell had a value; it was replaced ({@code LAST}). */
        REPLACED_DUPLICATE,
        /** The cell had a value; the new one was added to it ({@code SUM}). */
        SUMMED_DUPLICATE
    }

    /**
     * Fills a dataset from observations in any order. Streams: memory grows with the cells kept,
     * not with the number of calls. Not thread-safe; {@link #build()} may be called once.
     *
     * <p>Each observation may carry an {@code origin} (for readers: a line number). After an
     * {@link #add} that returns a duplicate outcome, {@link #conflictOrigin()} gives the origin of
     * the value that was already there.
     */
    public static final class Builder {
        private DuplicatePolicy policy = DuplicatePolicy.ERROR;
        private final Map<String, Integer> entityIds = new HashMap<>();
        private final List<String> entityNames = new ArrayList<>();
        private final Map<Period, Integer> periodIds = new HashMap<>();
        private final List<Period> periodList = new ArrayList<>();
        private final Map<String, Integer> variableIds = new HashMap<>();
        private final List<GrowColumn> cols = new ArrayList<>();
        private final LongIntMap rowOf = new LongIntMap();
        private int[] rowEnt = new int[16];
        private int[] rowPer = new int[16];
        private int rows;
        private int conflictOrigin = -1;
        private boolean built;

        private Builder() {}

        /**
         * Sets the duplicate policy (default {@link DuplicatePolicy#ERROR}).
         *
         * @param p what an observation for a cell that already has a value does
         * @return this builder
         */
        public Builder duplicates(DuplicatePolicy p) {
            this.policy = requireNonNull(p, "policy");
            return this;
        }

        /**
         * Returns the id of {@code entity}, interning it.
         *
         * @param entity an entity code, not blank
         * @return its id for {@link #add(int, int, int, double, int)}
         * @throws IllegalArgumentException if the code is blank
         */
        public int entity(String entity) {
            requireNonNull(entity, "entity");
            Integer id = entityIds.get(entity);
            if (id == null) {
                if (entity.isBlank()) {
                    throw new IllegalArgumentException("entity code is blank");
                }
                id = entityNames.size();
                entityIds.put(entity, id);
                entityNames.add(entity);
            }
            return id;
        }

        /**
         * Returns the id of {@code period}, interning it.
         *
         * @param period a period
         * @return its id for {@link #add(int, int, int, double, int)}
         */
        public int period(Period period) {
            requireNonNull(period, "period");
            Integer id = periodIds.get(period);
            if (id == null) {
                id = periodList.size();
                periodIds.put(period, id);
                periodList.add(period);
            }
            return id;
        }

        /**
         * Returns the id of {@code variable}, creating its column.
         *
         * @param variable a variable id, not blank
         * @return its id for {@link #add(int, int, int, double, int)}
         * @throws IllegalArgumentException if the id is blank
         */
        public int variable(String variable) {
            requireNonNull(variable, "variable");
            Integer id = variableIds.get(variable);
            if (id == null) {
                if (variable.isBlank()) {
                    throw new IllegalArgumentException("variable id is blank");
                }
                id = cols.size();
                variableIds.put(variable, id);
                cols.add(new GrowColumn(variable));
            }
            return id;
        }

        /**
         * Ensures a row exists for {@code entity} in {@code period}, even with no values.
         *
         * @param entity an entity code, not blank
         * @param period a period
         * @return this builder
         * @throws IllegalArgumentException if the entity code is blank
         */
        public Builder row(String entity, Period period) {
            rowFor(entity(entity), period(period));
            return this;
        }

        private int rowFor(int e, int p) {
            long key = ((long) e << 32) | (p & 0xffffffffL);
            int r = rowOf.get(key);
            if (r < 0) {
                r = rows++;
                if (r == rowEnt.length) {
                    rowEnt = Arrays.copyOf(rowEnt, r * 2);
                    rowPer = Arrays.copyOf(rowPer, r * 2);
                }
                rowEnt[r] = e;
                rowPer[r] = p;
                rowOf.put(key, r);
            }
            return r;
        }

        /**
         * Adds one observation by name.
         *
         * @param entity an entity code, not blank
         * @param period a period
         * @param variable a variable id, not blank
         * @param value a finite value
         * @return what happened to the value (see {@link #duplicates})
         * @throws IllegalArgumentException if {@code value} is not finite, or a code or id is blank
         */
        public Added add(String entity, Period period, String variable, double value) {
            return add(entity(entity), period(period), variable(variable), value, -1);
        }

        /**
         * Adds one observation by ids from {@link #entity}, {@link #period} and {@link #variable},
         * remembering {@code origin} (a line number, or -1).
         *
         * @param entity an id from {@link #entity}
         * @param period an id from {@link #period}
         * @param variable an id from {@link #variable}
         * @param value a finite value
         * @param origin where the value comes from, such as a line number; -1 for nowhere in particular
         * @return what happened to the value (see {@link #duplicates})
         * @throws IllegalArgumentException if {@code value} is not finite or an id is unknown
         */
        public Added add(int entity, int period, int variable, double value, int origin) {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value is not finite: " + value);
            }
            if (entity < 0 || entity >= entityNames.size() || period < 0 || period >= periodList.size()) {
                throw new IllegalArgumentException("unknown entity or period id");
            }
            GrowColumn c = cols.get(variable);
            int r = rowFor(entity, period);
            if (!c.isPresent(r)) {
                c.set(r, value, origin);
                return Added.NEW;
            }
            conflictOrigin = c.origin(r);
            switch (policy) {
                case ERROR:
                    return Added.REJECTED_DUPLICATE;
                case FIRST:
                    return Added.IGNORED_DUPLICATE;
                case LAST:
                    c.set(r, value, origin);
                    return Added.REPLACED_DUPLICATE;
                case SUM:
                    double s = c.value(r) + value;
                    if (!Double.isFinite(s)) {
                        throw new IllegalArgumentException("sum of duplicates overflows: " + s);
                    }
                    c.set(r, s, c.origin(r));
                    return Added.SUMMED_DUPLICATE;
                default:
                    throw new IllegalStateException("policy " + policy);
            }
        }

        /** {@return the origin of the value found by the last duplicate {@link #add}, or -1} */
        public int conflictOrigin() {
            return conflictOrigin;
        }

        /** {@return the number of rows so far} */
        public int rowCount() {
            return rows;
        }

        /**
         * Builds the dataset, sorting rows by entity then period.
         *
         * @return the dataset
         * @throws IllegalStateException if it was built already
         */
        public Dataset build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            Integer[] order = new Integer[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            Comparator<Integer> cmp = Comparator.<Integer, String>comparing(i -> entityNames.get(rowEnt[i]))
                    .thenComparing(i -> periodList.get(rowPer[i]));
            Arrays.sort(order, cmp);
            int[] perm = new int[rows];
            String[] e = new String[rows];
            Period[] p = new Period[rows];
            for (int i = 0; i < rows; i++) {
                perm[i] = order[i];
                e[i] = entityNames.get(rowEnt[perm[i]]);
                p[i] = periodList.get(rowPer[perm[i]]);
            }
            Map<String, Column> out = new HashMap<>();
            for (int k = 0; k < cols.size(); k++) {
                GrowColumn g = cols.get(k);
                out.put(g.name, g.finish(perm, rows));
                cols.set(k, null); // let each column's build buffers go before the next is copied
            }
            return new Dataset(e, p, out);
        }
    }

    /** A growable column with presence bits and optional origins, indexed by insertion row. */
    private static final class GrowColumn {
        final String name;
        double[] values = new double[16];
        long[] present = new long[1];
        int[] origins = new int[16];

        GrowColumn(String name) {
            this.name = name;
        }

        boolean isPresent(int r) {
            return (r >>> 6) < present.length && (present[r >>> 6] & (1L << r)) != 0;
        }

        double value(int r) {
            return values[r];
        }

        int origin(int r) {
            return origins[r];
        }

        void set(int r, double v, int origin) {
            if (r >= values.length) {
                int n = Math.max(values.length * 2, r + 1);
                values = Arrays.copyOf(values, n);
                origins = Arrays.copyOf(origins, n);
            }
            if ((r >>> 6) >= present.length) {
                present = Arrays.copyOf(present, Math.max(present.length * 2, (r >>> 6) + 1));
            }
            values[r] = v;
            origins[r] = origin;
            present[r >>> 6] |= 1L << r;
        }

        Column finish(int[] perm, int rows) {
            double[] v = new double[rows];
            long[] p = new long[(rows + 63) >>> 6];
            for (int i = 0; i < rows; i++) {
                int r = perm[i];
                if (isPresent(r)) {
                    v[i] = values[r];
                    p[i >>> 6] |= 1L << i;
                }
            }
            // The builder is spent: let the growable arrays go before the finished column is kept.
            values = new double[0];
            origins = new int[0];
            return new Column(name, v, p, rows);
        }
    }
}
