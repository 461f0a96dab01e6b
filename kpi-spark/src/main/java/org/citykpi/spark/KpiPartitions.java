package org.citykpi.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.WeakHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;
import org.citykpi.data.Dataset;
import org.citykpi.engine.Engine;
import org.citykpi.engine.Results;
import org.citykpi.score.U4sscScoring;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one partition of long rows sorted by entity and period (columns {@code entity},
 * {@code period} label, {@code variable}, {@code value}): the rows are read in chunks of whole
 * entity-periods, at least {@code chunkRows} of them unless the partition ends first, each chunk
 * is built into a kpi-core {@link Dataset}, evaluated on the task's thread and scored, and its
 * result rows are made as they are read.
 */
final class KpiPartitions implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /**
     * The engines compiled on this JVM, by the broadcast value they were compiled from (each
     * executor reads a broadcast value once, so its tasks share one engine; an engine is
     * thread-safe). Forgotten when Spark drops the broadcast value.
     */
    private static final Map<Payload, Engine> ENGINES = Collections.synchronizedMap(new WeakHashMap<>());

    /** What every task needs: the catalog and the targets, sent once per executor. */
    static final class Payload implements Serializable {
        private static final long serialVersionUID = 1L;
        final Catalog catalog;
        final TargetSet targets;

        Payload(Catalog catalog, TargetSet targets) {
            this.catalog = catalog;
            this.targets = targets;
        }
    }

    private final Broadcast<Payload> payload;
    private final int chunkRows;

    KpiPartitions(Broadcast<Payload> payload, int chunkRows) {
        this.payload = payload;
        this.chunkRows = chunkRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        Payload p = payload.value();
        Engine engine = ENGINES.computeIfAbsent(p, k -> Engine.create(k.catalog));
        return new Chunks(input, engine, p.targets, chunkRows);
    }

    /** The result rows of a partition, chunk after chunk. */
    static final class Chunks implements Iterator<Row> {
        private final Iterator<Row> input;
        private final Engine engine;
        private final TargetSet targets;
        private final int chunkRows;
        private final Map<String, Period> periods = new HashMap<>();
        /** The first row of the next chunk, read while looking for the end of this one. */
        private @Nullable Row pending;

        private Iterator<Row> out = Collections.emptyIterator();

        Chunks(Iterator<Row> input, Engine engine, TargetSet targets, int chunkRows) {
            this.input = input;
            this.engine = engine;
            this.targets = targets;
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
            String lastEntity = null;
            String lastPeriod = null;
            Period period = null;
            int e = -1;
            int p = -1;
            while (pending != null || input.hasNext()) {
                Row row = pending != null ? pending : input.next();
                pending = null;
                String entity = text(row, 0);
                String label = text(row, 1);
                if (entity == null || entity.isBlank()) {
                    throw bad(row, "the entity is empty (expected an entity code)");
                }
                if (label == null) {
                    throw bad(
                            row,
                            "the period is empty (expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or a span of"
                                    + " years such as 2015-16)");
                }
                if (period == null || !entity.equals(lastEntity) || !label.equals(lastPeriod)) {
                    if (b.rowCount() >= chunkRows) {
                        pending = row; // begins the next chunk
                        break;
                    }
                    period = periods.computeIfAbsent(label, Period::parse);
                    e = b.entity(entity);
                    p = b.period(period);
                    lastEntity = entity;
                    lastPeriod = label;
                }
                add(b, row, e, p, entity, period);
            }
            return engine.evaluate(b.build(), 1);
        }

        /** Adds one row's value (or declares its entity-period) to the chunk. */
        private static void add(Dataset.Builder b, Row row, int e, int p, String entity, Period period) {
            String variable = text(row, 2);
            boolean hasValue = !row.isNullAt(3);
            if (variable == null || variable.isBlank()) {
                if (hasValue) {
                    throw bad(row, "a value without a variable (expected a variable id)");
                }
                b.row(entity, period);
                return;
            }
            int v = b.variable(variable);
            if (!hasValue) {
                b.row(entity, period); // an empty value: the variable is missing here
                return;
            }
            double x = row.getDouble(3);
            if (!Double.isFinite(x)) {
                throw bad(row, "the value is not a finite number (expected a finite number)");
            }
            if (b.add(e, p, v, x, -1) == Dataset.Added.REJECTED_DUPLICATE) {
                throw bad(
                        row,
                        "a second value for this entity, period and variable (expected one value per"
                                + " entity, period and variable)");
            }
        }

        private static @Nullable String text(Row row, int i) {
            return row.isNullAt(i) ? null : row.getString(i);
        }

        /** Returns the error for {@code row}: its four cells, then what is wrong. */
        private static InputRowException bad(Row row, String what) {
            StringBuilder s = new StringBuilder("row (entity ");
            String[] names = {"entity", "period", "variable", "value"};
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    s.append(", ").append(names[i]).append(' ');
                }
                if (row.isNullAt(i)) {
                    s.append("null");
                } else if (i == 3) {
                    s.append(Numbers.format(row.getDouble(3)));
                } else {
                    s.append(InputRowException.quote(row.getString(i)));
                }
            }
            return new InputRowException(s.append("): ").append(what).toString());
        }
    }
}
