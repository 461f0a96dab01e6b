package org.citykpi.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.citykpi.calc.KpiResult;
import org.citykpi.score.ScoredResult;
import org.citykpi.score.Scores;

/**
 * The rows of {@code citykpi compute}'s CSV as Spark rows: one per cell of {@link Scores}, with the
 * CSV's text (period label, status, detail) and its numbers as nullable doubles and integers.
 */
final class ResultRows {
    /** The columns, as {@code ResultsCsvWriter.HEADER} of kpi-io names them. */
    static final StructType SCHEMA = new StructType()
            .add("entity", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("kpi", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, true)
            .add("unit", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("detail", DataTypes.StringType, false)
            .add("target", DataTypes.DoubleType, true)
            .add("attainment", DataTypes.DoubleType, true)
            .add("points", DataTypes.IntegerType, true);

    private ResultRows() {}

    /** Returns the row of one cell, as the CSV writes it. */
    static Row of(ScoredResult r) {
        KpiResult res = r.result();
        Double value = null;
        String detail = "";
        if (res instanceof KpiResult.Value v) {
            value = v.value();
        } else {
            detail = ((KpiResult.NotAvailable) res).detail();
        }
        Double target = r.target().isPresent() ? r.target().get().value() : null;
        OptionalDouble att = r.attainment();
        OptionalInt pts = r.points();
        return RowFactory.create(
                r.entity(),
                r.period().label(),
                r.kpi(),
                r.name(),
                value,
                r.unit(),
                res.status(),
                detail,
                target,
                att.isPresent() ? att.getAsDouble() : null,
                pts.isPresent() ? pts.getAsInt() : null);
    }

    /** Returns the rows of every cell of {@code scores}, made one at a time as they are read. */
    static Iterator<Row> of(Scores scores) {
        Iterator<ScoredResult> cells = scores.cells().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cells.hasNext();
            }

            @Override
            public Row next() {
                if (!cells.hasNext()) {
                    throw new NoSuchElementException();
                }
                return of(cells.next());
            }
        };
    }
}
