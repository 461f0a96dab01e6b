package org.citykpi.spark;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.citykpi.observe.Readings;
import org.jspecify.annotations.Nullable;

/**
 * Readings packed before the shuffle of a roll-up: consecutive readings of one station, property
 * and unit become one record whose binary column holds (epoch milliseconds, value, valid) triples,
 * and the aggregator {@link Merge} adds each record's readings to the core's mergeable {@link
 * Readings} state. Readings usually come grouped by series, so the aggregation sees one record per
 * series and input partition instead of one row per reading; readings in any order still give the
 * same series, only more records.
 */
final class PackedReadings implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** Bytes of one packed reading. */
    static final int READING = Long.BYTES + Double.BYTES + 1;

    /** The records: station, property, unit (null when none) and the packed readings. */
    static final StructType RECORD = new StructType()
            .add("station", DataTypes.StringType, true)
            .add("property", DataTypes.StringType, true)
            .add("unit", DataTypes.StringType, true)
            .add("cells", DataTypes.BinaryType, false);

    /**
     * Packs rows of (station, property, epoch milliseconds, value, valid, unit); a row without a
     * value is no reading, a null validity flag means valid.
     */
    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private @Nullable Row pending;
            private @Nullable Row next;
            private ByteBuffer cells = ByteBuffer.allocate(64 * READING);

            @Override
            public boolean hasNext() {
                while (next == null && (pending != null || rows.hasNext())) {
                    next = pack();
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = Objects.requireNonNull(next);
                next = null;
                return r;
            }

            /** Packs the next run of readings of one series; null when it has no reading with a value. */
            private @Nullable Row pack() {
                Row first = pending != null ? pending : rows.next();
                pending = null;
                String station = text(first, 0);
                String property = text(first, 1);
                String unit = text(first, 5);
                cells.clear();
                Row row = first;
                while (true) {
                    add(row);
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                    if (!Objects.equals(text(row, 0), station)
                            || !Objects.equals(text(row, 1), property)
                            || !Objects.equals(text(row, 5), unit)) {
                        pending = row;
                        break;
                    }
                }
                if (cells.position() == 0) {
                    return null;
                }
                return RowFactory.create(station, property, unit, Arrays.copyOf(cells.array(), cells.position()));
            }

            private void add(Row row) {
                if (row.isNullAt(3)) {
                    return;
                }
                Long millis = row.isNullAt(2) ? null : row.getLong(2);
                double value = row.getDouble(3);
                boolean valid = row.isNullAt(4) || row.getBoolean(4);
                ReadingsAggregator.check(millis, value, valid);
                if (cells.remaining() < READING) {
                    ByteBuffer bigger = ByteBuffer.allocate(cells.capacity() * 2);
                    cells.flip();
                    bigger.put(cells);
                    cells = bigger;
                }
                cells.putLong(Objects.requireNonNull(millis)).putDouble(value).put((byte) (valid ? 1 : 0));
            }
        };
    }

    private static @Nullable String text(Row row, int i) {
        return row.isNullAt(i) ? null : row.getString(i);
    }

    /** Adds packed readings to the core's mergeable state; partial states merge in any order. */
    static final class Merge extends Aggregator<byte[], Readings, Readings> {
        private static final long serialVersionUID = 1L;

        @Override
        public Readings zero() {
            return Readings.create();
        }

        @Override
        public Readings reduce(Readings b, byte[] packed) {
            ByteBuffer cells = ByteBuffer.wrap(packed);
            while (cells.hasRemaining()) {
                long t = cells.getLong();
                double v = cells.getDouble();
                b.add(t, v, cells.get() != 0);
            }
            return b;
        }

        @Override
        public Readings merge(Readings a, Readings b) {
            return a.merge(b);
        }

        @Override
        public Readings finish(Readings b) {
            return b;
        }

        @Override
        public Encoder<Readings> bufferEncoder() {
            return Encoders.javaSerialization(Readings.class);
        }

        @Override
        public Encoder<Readings> outputEncoder() {
            return Encoders.javaSerialization(Readings.class);
        }
    }
}
