package org.citykpi.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.catalog.Indicator;
import org.citykpi.catalog.Part;
import org.citykpi.catalog.Rule;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.score.U4sscScoring;
import org.jspecify.annotations.Nullable;

/**
 * The two stages around the shuffle of {@link SparkKpis}.
 *
 * <p>Before the shuffle ({@link Combine}), each input row (entity, period label, variable, value)
 * is checked, its variable replaced by its number among the names the engine can read (variables
 * the catalog's formulas name, outputs and their published codes for reported values; a value of
 * any other variable is never read and is not carried), and consecutive rows of one entity-period
 * are packed into one record: the entity, the period and a binary column of (number, value)
 * pairs. Data usually come grouped by entity, so the shuffle carries one record per entity-period
 * instead of one row per value; rows in any order still give the same result, only more records.
 *
 * <p>After the shuffle, which puts every record of an entity-period in one partition sorted by
 * entity and period ({@link KpiPartitions}), the records are read in chunks of whole
 * entity-periods, at least {@code chunkRows} of them unless the partition ends first; each chunk is
 * built into a kpi-core {@link Dataset}, evaluated on the task's thread and scored, and its result
 * rows are made as they are read.
 */
final class KpiPartitions implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** The records the shuffle carries: entity, period label, and (number, value) pairs. */
    static final StructType RECORD = new StructType()
            .add("entity", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("cells", DataTypes.BinaryType, false);

    /** Bytes of one packed (number, value) pair. */
    private static final int PAIR = Integer.BYTES + Double.BYTES;

    /**
     * The engines compiled on this JVM, by the broadcast value they were compiled from (each
     * executor reads a broadcast value once, so its tasks share one engine; an engine is
     * thread-safe). Forgotten when Spark drops the broadcast value.
     */
    private static final Map<Payload, Engine> ENGINES = Collections.synchronizedMap(new WeakHashMap<>());

    /** What every task needs: the catalog, the targets and the names the engine reads, sent once per executor. */
    static final class Payload implements Serializable {
        private static final long serialVersionUID = 1L;
        final Catalog catalog;
        final TargetSet targets;
        /** The names the engine can read from a dataset, numbered by their place here. */
        final List<String> names;

        private transient volatile @Nullable Map<String, Integer> index;

        Payload(Catalog catalog, TargetSet targets) {
            this.catalog = catalog;
            this.targets = targets;
            this.names = List.copyOf(readNames(catalog));
        }

        /** Returns the number of each name. */
        Map<String, Integer> index() {
            Map<String, Integer> m = index;
            if (m == null) {
                m = new HashMap<>(names.size() * 2);
                for (int i = 0; i < names.size(); i++) {
                    m.put(names.get(i), i);
                }
                index = m;
            }
            return m;
        }
    }

    /**
     * Returns every dataset column name the engine may read for {@code catalog}: the names its
     * formulas and rules refer to, every output, and the published code of each indicator and part
     * (their reported values).
     */
    static Set<String> readNames(Catalog catalog) {
        Set<String> names = new LinkedHashSet<>();
        for (Variable v : catalog.variables()) {
            names.add(v.id());
        }
        for (Indicator ind : catalog.indicators()) {
            names.addAll(ind.formula().references());
            names.add(ind.id());
            if (!ind.code().isEmpty()) {
                names.add(ind.code());
            }
            for (Part p : ind.parts()) {
                names.addAll(p.formula().references());
                names.add(ind.id() + "/" + p.id());
                if (!ind.code().isEmpty()) {
                    names.add(ind.code() + "/" + p.id());
                }
            }
        }
        for (Rule r : catalog.rules()) {
            names.addAll(r.check().references());
        }
        return names;
    }

    private final Broadcast<Payload> payload;
    private final int chunkRows;

    KpiPartitions(Broadcast<Payload> payload, int chunkRows) {
        this.payload = payload;
        this.chunkRows = chunkRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> records) {
        Payload p = payload.value();
        Engine engine = ENGINES.computeIfAbsent(p, k -> Engine.create(k.catalog));
        return new Chunks(records, engine, p, chunkRows);
    }

    // ---------------------------------------------------------------------------------------------
    // Before the shuffle

    /** Checks the input rows and packs consecutive rows of one entity-period into one record. */
    static final class Combine implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<Payload> payload;

        Combine(Broadcast<Payload> payload) {
            this.payload = payload;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Map<String, Integer> index = payload.value().index();
            return new Iterator<>() {
                private @Nullable Row pending;
                private int[] ids = new int[64];
                private double[] values = new double[64];

                @Override
                public boolean hasNext() {
                    return pending != null || rows.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row first = pending != null ? pending : rows.next();
                    pending = null;
                    String entity = checked(first);
                    String period = first.getString(1);
                    int n = 0;
                    Row row = first;
                    while (true) {
                        String variable = text(row, 2);
                        if (variable != null && !row.isNullAt(3)) {
                            Integer id = index.get(variable);
                            if (id != null) {
                                if (n == ids.length) {
                                    ids = Arrays.copyOf(ids, n * 2);
                                    values = Arrays.copyOf(values, n * 2);
                                }
                                ids[n] = id;
                                values[n] = row.getDouble(3);
                                n++;
                            }
                        }
                        if (!rows.hasNext()) {
                            break;
                        }
                        row = rows.next();
                        String e = checked(row);
                        if (!e.equals(entity) || !row.getString(1).equals(period)) {
                            pending = row;
                            break;
                        }
                    }
                    ByteBuffer cells = ByteBuffer.allocate(n * PAIR);
                    for (int i = 0; i < n; i++) {
                        cells.putInt(ids[i]).putDouble(values[i]);
                    }
                    return RowFactory.create(entity, period, cells.array());
                }
            };
        }

        /** Checks a row as the readers check one; returns its entity. */
        private static String checked(Row row) {
            String entity = text(row, 0);
            if (entity == null || entity.isBlank()) {
                throw bad(row, "the entity is empty (expected an entity code)");
            }
            if (row.isNullAt(1)) {
                throw bad(
                        row,
                        "the period is empty (expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or a span of"
                                + " years such as 2015-16)");
            }
            String variable = text(row, 2);
            boolean hasValue = !row.isNullAt(3);
            if ((variable == null || variable.isBlank()) && hasValue) {
                throw bad(row, "a value without a variable (expected a variable id)");
            }
            if (hasValue && !Double.isFinite(row.getDouble(3))) {
                throw bad(row, "the value is not a finite number (expected a finite number)");
            }
            return entity;
        }

        private static @Nullable String text(Row row, int i) {
            return row.isNullAt(i) ? null : row.getString(i);
        }

        /** Returns the error for {@code row}: its four cells, then what is wrong. */
        private static InputRowException bad(Row row, String what) {
            return InputRowException.ofRow(
                    text(row, 0), text(row, 1), text(row, 2), row.isNullAt(3) ? null : row.getDouble(3), what);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // After the shuffle

    /** The result rows of a partition of records sorted by entity and period, chunk after chunk. */
    static final class Chunks implements Iterator<Row> {
        private final Iterator<Row> input;
        private final Engine engine;
        private final TargetSet targets;
        private final List<String> names;
        private final int chunkRows;
        private final Map<String, Period> periods = new HashMap<>();
        /** The first record of the next chunk, read while looking for the end of this one. */
        private @Nullable Row pending;

        private Iterator<Row> out = Collections.emptyIterator();

        Chunks(Iterator<Row> input, Engine engine, Payload payload, int chunkRows) {
            this.input = input;
            this.engine = engine;
            this.targets = payload.targets;
            this.names = payload.names;
            this.chunkRows = chunkRows;
        }

        @Override
        public boolean hasNext() {
            while (!out.hasNext()) {
                if (pending == null && !input.hasNext()) {
                    return false;
                }
                out = ResultRows.of(U4sscScoring.score(evaluate(), targets));
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return out.next();
        }

        /** Reads the next chunk of whole entity-periods and evaluates it. */
        private Results evaluate() {
            Dataset.Builder b = Dataset.builder();
            int[] var = new int[names.size()];
            Arrays.fill(var, -1);
            String lastEntity = null;
            String lastPeriod = null;
            int e = -1;
            int p = -1;
            while (pending != null || input.hasNext()) {
                Row record = pending != null ? pending : input.next();
                pending = null;
                String entity = record.getString(0);
                String label = record.getString(1);
                if (!entity.equals(lastEntity) || !label.equals(lastPeriod)) {
                    if (b.rowCount() >= chunkRows) {
                        pending = record; // begins the next chunk
                        break;
                    }
                    Period period = periods.computeIfAbsent(label, Period::parse);
                    e = b.entity(entity);
                    p = b.period(period);
                    b.row(entity, period);
                    lastEntity = entity;
                    lastPeriod = label;
                }
                ByteBuffer cells = ByteBuffer.wrap((byte[]) record.get(2));
                while (cells.hasRemaining()) {
                    int id = cells.getInt();
                    double x = cells.getDouble();
                    if (var[id] < 0) {
                        var[id] = b.variable(names.get(id));
                    }
                    if (b.add(e, p, var[id], x, -1) == Dataset.Added.REJECTED_DUPLICATE) {
                        throw InputRowException.ofRow(
                                entity,
                                label,
                                names.get(id),
                                x,
                                "a second value for this entity, period and variable (expected one value per"
                                        + " entity, period and variable)");
                    }
                }
            }
            return engine.evaluate(b.build(), 1);
        }
    }
}
