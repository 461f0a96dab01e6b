package org.citykpi.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.citykpi.assess.TargetSet;
import org.citykpi.catalog.Catalog;

/**
 * Computes a catalog's KPIs over long-format data on Apache Spark, with the results of the
 * single-machine engine: the same values bit for bit, the same causes and details, whatever the
 * number of partitions and the order of the rows.
 *
 * <p>Input: a {@code Dataset<Row>} with the columns {@code entity}, {@code period}, {@code
 * variable} and {@code value} (other columns are not read), one observation per row, as the long
 * CSV of the {@code citykpi} command holds them. {@code entity}, {@code period} and {@code
 * variable} may be of any type (they are read as text; a period is ISO-8601 text such as {@code
 * 2022}, {@code 2022-03} or {@code 2015-16}); {@code value} must be numeric.
 *
 * <p>Output: one row per entity, period and output of the catalog (indicator or part), with
 * exactly the columns of {@code citykpi compute}'s CSV ({@link #resultSchema()}): {@code
 * entity,period,kpi,name,value,unit,status,detail,target,attainment,points}. Text is as the CSV
 * writes it: {@code period} is the period's normalised label, {@code status} is {@code ok}, {@code
 * reported} or the cause ({@code missing_input}, …), {@code detail} says why there is no value
 * (empty when there is one), {@code unit} is empty when the catalog gives none. {@code value},
 * {@code target} and {@code attainment} are doubles and {@code points} an integer, each null where
 * the CSV cell is empty. Rows come in no particular order.
 *
 * <p>How: the period text is normalised (a four-digit year is its own label), and consecutive rows
 * of one entity-period are packed into one record: the values of the names the engine can read
 * (the variables and outputs its formulas name, and the outputs and published codes under which a
 * value may be reported), by number. The records are shuffled once, so that each entity-period's
 * records land in one partition, and sorted there by entity and period; each partition is read in
 * chunks of at most {@link #withChunkRows chunk rows} entity-periods, each built into a columnar
 * kpi-core dataset, evaluated by the engine (one thread per task: Spark runs the tasks in
 * parallel) and scored; result rows are made as they are consumed. Data grouped by entity (as
 * files usually are) shuffle one record per entity-period and input partition; rows in any order
 * give the same result with more records. The catalog and the targets reach the executors as one
 * broadcast value (both are {@link java.io.Serializable}); each executor compiles the catalog once.
 *
 * <p>Data errors fail the job, as {@code citykpi compute --strict} stops at the first one, with an
 * {@link InputRowException} naming the row: an empty entity or period, a period that is not
 * ISO-8601 text, a value without a variable, a value that is not finite, or two values for one
 * entity, period and variable of the catalog (values of other variables are never read, and are
 * neither carried nor checked). A row with a variable but a null value declares that its
 * entity-period exists (the variable is missing there), as an empty value cell does in a CSV; a row
 * with neither variable nor value declares the entity-period only.
 *
 * <p>Immutable and thread-safe; building the result is lazy, as Spark's transformations are.
 */
public final class SparkKpis {
    /** The columns read from the input, in this order. */
    static final List<String> INPUT = List.of("entity", "period", "variable", "value");

    /** Entity-periods evaluated together by default (about 3 MB of values per 100 variables). */
    static final int DEFAULT_CHUNK_ROWS = 4096;

    private final Catalog catalog;
    private final TargetSet targets;
    private final int partitions;
    private final int chunkRows;

    private SparkKpis(Catalog catalog, TargetSet targets, int partitions, int chunkRows) {
        this.catalog = catalog;
        this.targets = targets;
        this.partitions = partitions;
        this.chunkRows = chunkRows;
    }

    /**
     * Returns a computation of {@code catalog}'s KPIs without targets, into as many partitions as
     * {@code spark.sql.shuffle.partitions} says, in chunks of {@value #DEFAULT_CHUNK_ROWS}
     * entity-periods.
     *
     * @param catalog the indicators to compute
     * @return the computation, to apply with {@link #compute(Dataset)}
     */
    public static SparkKpis create(Catalog catalog) {
        return new SparkKpis(requireNonNull(catalog, "catalog"), TargetSet.empty(), 0, DEFAULT_CHUNK_ROWS);
    }

    /**
     * Computes {@code catalog}'s KPIs over {@code longData} (see the class comment for the columns).
     *
     * @param longData one observation per row: {@code entity, period, variable, value}
     * @param catalog the indicators to compute
     * @return one row per entity, period and output, with the columns of {@link #resultSchema()}
     * @throws IllegalArgumentException if a column is missing or {@code value} is not numeric
     */
    public static Dataset<Row> compute(Dataset<Row> longData, Catalog catalog) {
        return create(catalog).compute(longData);
    }

    /**
     * Computes {@code catalog}'s KPIs over {@code longData} and scores them against {@code
     * targets} as U4SSC does (the {@code target}, {@code attainment} and {@code points} columns).
     *
     * @param longData one observation per row: {@code entity, period, variable, value}
     * @param catalog the indicators to compute
     * @param targets the targets, by indicator or part id; an indicator without one takes its
     *     headline part's
     * @return one row per entity, period and output, with the columns of {@link #resultSchema()}
     * @throws IllegalArgumentException if a column is missing or {@code value} is not numeric
     */
    public static Dataset<Row> compute(Dataset<Row> longData, Catalog catalog, TargetSet targets) {
        return create(catalog).withTargets(targets).compute(longData);
    }

    /**
     * Returns a copy that scores the values against targets.
     *
     * @param t the targets, by indicator or part id
     * @return this computation with targets {@code t}
     */
    public SparkKpis withTargets(TargetSet t) {
        return new SparkKpis(catalog, requireNonNull(t, "targets"), partitions, chunkRows);
    }

    /**
     * Returns a copy that shuffles the input into {@code n} partitions (the result has as many).
     *
     * @param n the number of partitions, 1 or more; 0 takes {@code spark.sql.shuffle.partitions}
     * @return this computation with {@code n} partitions
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public SparkKpis withPartitions(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("partitions must be 0 (Spark's default) or more: " + n);
        }
        return new SparkKpis(catalog, targets, n, chunkRows);
    }

    /**
     * Returns a copy that evaluates at most {@code n} entity-periods at a time; memory per task
     * grows with {@code n} × (variables + outputs) × about 12 bytes. Results do not depend on it.
     *
     * @param n the entity-periods of one chunk, 1 or more
     * @return this computation with chunks of {@code n} entity-periods
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public SparkKpis withChunkRows(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("chunk rows must be at least 1: " + n);
        }
        return new SparkKpis(catalog, targets, partitions, n);
    }

    /** {@return the catalog computed} */
    public Catalog catalog() {
        return catalog;
    }

    /** {@return the targets the values are scored against; empty when there are none} */
    public TargetSet targets() {
        return targets;
    }

    /**
     * Returns the columns of the result, those of {@code citykpi compute}'s CSV in the same order.
     *
     * @return {@code entity, period, kpi, name} (text), {@code value} (double, null when there is
     *     none), {@code unit, status, detail} (text), {@code target, attainment} (double, null when
     *     absent), {@code points} (integer, null when not scored)
     */
    public static StructType resultSchema() {
        return ResultRows.SCHEMA;
    }

    /**
     * Computes the KPIs over {@code longData} (see the class comment).
     *
     * @param longData one observation per row: {@code entity, period, variable, value}
     * @return one row per entity, period and output, with the columns of {@link #resultSchema()};
     *     lazy, as a Spark transformation is: data errors fail the action that runs it
     * @throws IllegalArgumentException if a column is missing or {@code value} is not numeric
     */
    public Dataset<Row> compute(Dataset<Row> longData) {
        requireNonNull(longData, "longData");
        List<Column> in = inputColumns(longData.schema());
        SparkSession spark = longData.sparkSession();
        UserDefinedFunction label = functions.udf(new PeriodLabel(), DataTypes.StringType);
        Column period = in.get(1).cast(DataTypes.StringType);
        // A year of four digits is its own label (Period.parse), the usual case: no call into Java.
        Column normalised =
                functions.when(period.rlike("^[1-9][0-9]{3}$"), period).otherwise(label.apply(period));
        Dataset<Row> prepared = longData.select(
                in.get(0).cast(DataTypes.StringType).as("entity"),
                normalised.as("period"),
                in.get(2).cast(DataTypes.StringType).as("variable"),
                in.get(3).cast(DataTypes.DoubleType).as("value"));
        Broadcast<KpiPartitions.Payload> payload = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new KpiPartitions.Payload(catalog, targets));
        Dataset<Row> records =
                prepared.mapPartitions(new KpiPartitions.Combine(payload), Encoders.row(KpiPartitions.RECORD));
        // Without a count, spark.sql.shuffle.partitions applies (and adaptive execution may merge
        // small partitions): an entity-period never spans two partitions either way.
        Dataset<Row> shuffled = partitions > 0
                ? records.repartition(partitions, col("entity"), col("period"))
                : records.repartition(col("entity"), col("period"));
        return shuffled.sortWithinPartitions(col("entity"), col("period"))
                .mapPartitions(new KpiPartitions(payload, chunkRows), Encoders.row(ResultRows.SCHEMA));
    }

    /** Returns the input columns in the order of {@link #INPUT}, checking that each is there. */
    static List<Column> inputColumns(StructType schema) {
        List<Column> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (StructField f : schema.fields()) {
            names.add(f.name());
        }
        for (String want : INPUT) {
            StructField found = null;
            for (StructField f : schema.fields()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(want)) {
                    found = f;
                    break;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("the data has no column '" + want + "' (expected the columns "
                        + String.join(", ", INPUT) + "; found " + String.join(", ", names) + ")");
            }
            DataType type = found.dataType();
            if (want.equals("value") && !(type instanceof NumericType)) {
                throw new IllegalArgumentException("column '" + found.name() + "' is " + type.simpleString()
                        + " (expected a numeric column; cast text with col(\"value\").cast(\"double\") after"
                        + " checking that every value is a number)");
            }
            out.add(col("`" + found.name().replace("`", "``") + "`"));
        }
        return out;
    }
}
