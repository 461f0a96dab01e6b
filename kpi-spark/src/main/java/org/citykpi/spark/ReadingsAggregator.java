package org.citykpi.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.citykpi.Numbers;
import org.citykpi.observe.Readings;
import org.jspecify.annotations.Nullable;
import scala.Tuple3;

/**
 * Collects the readings of a group (one station and property) into the core's mergeable {@link
 * Readings} state: each row adds one reading, partial states merge in any order (Spark combines
 * them map-side and after the shuffle), and the result is the state itself, which {@link
 * Readings#finish} sorts into a series. Input: (epoch milliseconds, value, valid); a null value is
 * no reading (as {@code citykpi rollup} skips a reading without a value), a null validity flag
 * means valid. The buffer travels by Java serialization, which writes the arrays trimmed to size.
 */
final class ReadingsAggregator extends Aggregator<Tuple3<Long, Double, Boolean>, Readings, Readings> {
    private static final long serialVersionUID = 1L;

    /** The input's encoder: a timestamp as epoch milliseconds, the value, the validity flag. */
    static Encoder<Tuple3<Long, Double, Boolean>> input() {
        return Encoders.tuple(Encoders.LONG(), Encoders.DOUBLE(), Encoders.BOOLEAN());
    }

    @Override
    public Readings zero() {
        return Readings.create();
    }

    @Override
    public Readings reduce(Readings b, Tuple3<Long, Double, Boolean> r) {
        add(b, r._1(), r._2(), r._3());
        return b;
    }

    /** Adds one reading, checking it as the observation readers do. */
    static void add(Readings b, @Nullable Long millis, @Nullable Double value, @Nullable Boolean valid) {
        if (value == null) {
            return;
        }
        boolean ok = valid == null || valid;
        check(millis, value, ok);
        b.add(java.util.Objects.requireNonNull(millis), value, ok);
    }

    /** Checks a reading with a value: a time, and a finite value where valid. */
    static void check(@Nullable Long millis, double value, boolean ok) {
        if (millis == null) {
            throw new InputRowException("reading (time null, value " + Numbers.format(value)
                    + "): the time is empty (expected a timestamp)");
        }
        if (ok && !Double.isFinite(value)) {
            throw new InputRowException("reading (time " + java.time.Instant.ofEpochMilli(millis) + ", value "
                    + Numbers.format(value) + "): a valid reading's value is not a finite number (expected a"
                    + " finite number, or valid = false)");
        }
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
