package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.Variable;
import org.citykpi.data.Dataset;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Disaggregation;
import org.citykpi.io.Format;
import org.citykpi.io.Limits;
import org.citykpi.io.ObservationAttributes;
import org.citykpi.io.Problem;
import org.citykpi.io.ReadOptions;
import org.citykpi.io.ReadResult;

/**
 * Collects what the readers read into one {@link Dataset}, and keeps the account: rows accepted
 * and rejected, problems (at most {@link Limits#maxProblems()} kept, all counted), duplicates
 * under the {@link ReadOptions#duplicates()} policy, units checked against {@link
 * ReadOptions#units()} and against each other, values against {@link ReadOptions#ranges()},
 * observation attributes and Open SDG
 * disaggregations. Every reader of this package (and of other formats) feeds one.
 *
 * <p>Each data row ends in exactly one call to {@link #accept()} or {@link #rejectRow()} (or
 * {@link #reject(Problem)}, which records the error and rejects). In strict mode the first error
 * throws {@link DataFormatException}. Not thread-safe.
 */
public final class DatasetSink {
    private final ReadOptions options;
    private final Dataset.Builder builder;
    private final RowAccount account;
    private final Map<String, Format> formats = new LinkedHashMap<>();
    private final List<String> fileNames = new ArrayList<>();
    private final List<Long> fileBases = new ArrayList<>();
    private String file = "";
    private long base;
    private long nextBase = 0;
    private final List<String> entityNames = new ArrayList<>();
    private final List<Period> periodList = new ArrayList<>();
    private final List<String> variableNames = new ArrayList<>();
    private final Map<String, Integer> periodIds = new HashMap<>();
    private final Map<String, String> unitsSeen = new LinkedHashMap<>();
    private final Map<String, String> unitsWhere = new HashMap<>();
    private final Map<Cell, Map<String, String>> attributes = new LinkedHashMap<>();
    private final List<Disaggregation> disaggregations = new ArrayList<>();
    private boolean done;
    private final boolean checkRanges;

    private record Cell(int entity, int period, int variable) {}

    /** Creates a sink for {@code options}. */
    public DatasetSink(ReadOptions options) {
        this.options = requireNonNull(options, "options");
        this.builder = Dataset.builder().duplicates(options.duplicates());
        this.account = new RowAccount(
                options.strict() ? RowAccount.Mode.STRICT : RowAccount.Mode.LENIENT,
                options.limits().maxProblems());
        this.checkRanges = !options.ranges().isEmpty();
    }

    /** Returns the options. */
    public ReadOptions options() {
        return options;
    }

    /** Starts input {@code name}, read as {@code format}; problems name it from now on. */
    public void beginFile(String name, Format format) {
        this.file = requireNonNull(name, "name");
        formats.put(name, requireNonNull(format, "format"));
        base = nextBase;
        fileNames.add(name);
        fileBases.add(base);
    }

    /** Returns the name of the input being read. */
    public String file() {
        return file;
    }

    /** Returns the id of entity {@code code} (not blank), interning it. */
    public int entity(String code) {
        int id = builder.entity(code);
        if (id == entityNames.size()) {
            entityNames.add(code);
        }
        return id;
    }

    /**
     * Returns the id of the period written {@code text}, parsing and interning it.
     *
     * @throws IllegalArgumentException if the text is not a period (the message says which forms
     *     are accepted)
     */
    public int period(String text) {
        Integer id = periodIds.get(text);
        if (id == null) {
            Period p = Period.parse(text);
            id = builder.period(p);
            if (id == periodList.size()) {
                periodList.add(p);
            }
            periodIds.put(text, id);
        }
        return id;
    }

    /** Returns the id of variable {@code id} (not blank), interning it. */
    public int variable(String id) {
        int v = builder.variable(id);
        if (v == variableNames.size()) {
            variableNames.add(id);
        }
        return v;
    }

    /** Returns the entity code of id {@code e}. */
    public String entityName(int e) {
        return entityNames.get(e);
    }

    /** Returns the period of id {@code p}. */
    public Period periodOf(int p) {
        return periodList.get(p);
    }

    /** Returns the variable of id {@code v}. */
    public String variableName(int v) {
        return variableNames.get(v);
    }

    /** Ensures the dataset has a row for entity {@code e} in period {@code p}, even with no value. */
    public void row(int e, int p) {
        builder.row(entityNames.get(e), periodList.get(p));
    }

    /**
     * Adds one value from {@code line}, applying the duplicate policy, and keeps {@code attrs}
     * (may be null or empty) with it.
     *
     * @return null when the value was taken (or, under {@code first}, a duplicate was ignored);
     *     otherwise the error to report at {@code line:column} (a duplicate under {@code error},
     *     naming the line that gave the first value, or a sum that overflows)
     */
    public Problem add(
            int e, int p, int v, double value, long line, int column, String raw, Map<String, String> attrs) {
        if (checkRanges) {
            Variable var = options.ranges().get(variableNames.get(v));
            if (var != null && !var.isValid(value)) {
                return Problem.error(
                        file,
                        line,
                        column,
                        raw,
                        "value " + Numbers.format(value) + " of " + var.id() + " is outside its valid range "
                                + var.rangeText() + " (expected a value in range"
                                + (var.unit().isEmpty() ? "" : ", in " + var.unit()) + ")");
            }
        }
        Dataset.Added added;
        try {
            added = builder.add(e, p, v, value, origin(line));
        } catch (IllegalArgumentException ex) {
            return Problem.error(
                    file,
                    line,
                    column,
                    raw,
                    "the sum of duplicate values for " + cellText(e, p, v) + " is not finite (expected values whose sum"
                            + " stays below 1.8e308)");
        }
        switch (added) {
            case NEW:
            case REPLACED_DUPLICATE:
                if (attrs != null && !attrs.isEmpty()) {
                    attributes.put(new Cell(e, p, v), Map.copyOf(attrs));
                } else if (added == Dataset.Added.REPLACED_DUPLICATE) {
                    attributes.remove(new Cell(e, p, v));
                }
                return null;
            case IGNORED_DUPLICATE:
            case SUMMED_DUPLICATE:
                return null;
            default:
                return Problem.error(
                        file,
                        line,
                        column,
                        raw,
                        "duplicate value for " + cellText(e, p, v) + ": " + where(builder.conflictOrigin())
                                + " already gave one (duplicates are rejected unless the duplicate policy is"
                                + " first, last or sum)");
        }
    }

    /**
     * Checks the unit {@code unit} given at {@code line:column} for {@code variable}: against the
     * catalog unit in {@link ReadOptions#units()}, else against the unit the data gave first.
     * Units are compared ignoring case and surrounding blanks; a blank unit is not checked.
     *
     * @return null when the unit is consistent, otherwise the error to report
     */
    public Problem checkUnit(String variable, String unit, long line, int column) {
        String u = unit.strip();
        if (u.isEmpty()) {
            return null;
        }
        String expected = options.units().get(variable);
        if (expected != null && !expected.strip().equalsIgnoreCase(u)) {
            return Problem.error(
                    file,
                    line,
                    column,
                    unit,
                    "unit '" + u + "' does not match the catalog unit '" + expected + "' of " + variable
                            + " (expected '" + expected + "', or convert the value)");
        }
        String seen = unitsSeen.get(variable);
        if (seen == null) {
            unitsSeen.put(variable, u);
            unitsWhere.put(variable, where(origin(line)));
            return null;
        }
        if (!seen.toLowerCase(Locale.ROOT).equals(u.toLowerCase(Locale.ROOT))) {
            return Problem.error(
                    file,
                    line,
                    column,
                    unit,
                    "unit '" + u + "' differs from the unit '" + seen + "' that " + unitsWhere.get(variable)
                            + " gave for " + variable + " (expected one unit per variable)");
        }
        return null;
    }

    /** Keeps an Open SDG disaggregated observation (outside the dataset). */
    public void disaggregation(Disaggregation d) {
        disaggregations.add(requireNonNull(d, "d"));
    }

    /** Returns the account of rows and problems, which every row of every input ends in. */
    public RowAccount account() {
        return account;
    }

    /** Counts one row as accepted. */
    public void accept() {
        account.accept();
    }

    /** Counts one row as rejected; its errors must have been reported with {@link #problem}. */
    public void rejectRow() {
        account.rejectRow();
    }

    /** Reports {@code error} and counts its row as rejected. */
    public void reject(Problem error) {
        account.reject(error);
    }

    /**
     * Records a problem. In strict mode an error throws {@link DataFormatException} at once.
     *
     * @throws DataFormatException in strict mode, for an error
     */
    public void problem(Problem p) {
        account.problem(p);
    }

    /** Returns the number of rows accounted for so far. */
    public long rowsRead() {
        return account.accepted() + account.rejected();
    }

    /** Builds the result. May be called once. */
    public ReadResult result() {
        if (done) {
            throw new IllegalStateException("result() was already called");
        }
        done = true;
        List<ObservationAttributes> attrs = new ArrayList<>(attributes.size());
        for (Map.Entry<Cell, Map<String, String>> en : attributes.entrySet()) {
            Cell c = en.getKey();
            attrs.add(new ObservationAttributes(
                    entityNames.get(c.entity()),
                    periodList.get(c.period()),
                    variableNames.get(c.variable()),
                    en.getValue()));
        }
        attributes.clear();
        return new ReadResult(
                builder.build(),
                account.accepted(),
                account.rejected(),
                account.problems(),
                account.errorCount(),
                account.warningCount(),
                account.omitted(),
                formats,
                unitsSeen,
                attrs,
                disaggregations);
    }

    private String cellText(int e, int p, int v) {
        return "(" + entityNames.get(e) + ", " + periodList.get(p) + ", " + variableNames.get(v) + ")";
    }

    /** Encodes {@code line} of the current file as a dataset origin: one number over all files. */
    private int origin(long line) {
        long o = base + line;
        if (o > Integer.MAX_VALUE || line < 0) {
            return -1;
        }
        nextBase = Math.max(nextBase, o + 1);
        return (int) o;
    }

    /** Returns {@code line N} in the current file, or {@code file:N} in another. */
    private String where(int origin) {
        if (origin < 0) {
            return "an earlier row";
        }
        for (int i = fileBases.size() - 1; i >= 0; i--) {
            long b = fileBases.get(i);
            if (origin > b || (origin == b && i == 0)) {
                long line = origin - b;
                String name = fileNames.get(i);
                return i == fileNames.size() - 1 ? "line " + line : name + ":" + line;
            }
        }
        return "an earlier row";
    }
}
