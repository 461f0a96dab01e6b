package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.Quote;
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
 * The one place that validates a positioned raw observation and keeps the account: every dataset
 * reader (long, wide, Open SDG and SDMX CSV, JSON) hands it the raw fields of each observation
 * with their {@code line:column}, and it checks them, builds one {@link Dataset} and counts every
 * row (rows read = accepted + rejected, problems kept up to {@link Limits#maxProblems()}, all
 * counted), so that the same bad cell gives the same message in every format.
 *
 * <p>The checks, in the order a reader calls them, and their messages:
 *
 * <ul>
 *   <li>{@link #entity}: {@code empty entity (expected an entity code)};
 *   <li>{@link #period}: {@code empty period (expected YYYY, YYYY-MM, YYYY-MM-DD or 2015-16)}, or
 *       {@link Period#parse}'s message for text that is not a period;
 *   <li>{@link #variable}: {@code empty variable (expected a variable id)};
 *   <li>{@link #unit}: against the catalog unit in {@link ReadOptions#units()}, else against the
 *       unit the data gave first for the variable (ignoring case and surrounding blanks);
 *   <li>{@link #value}: the number ({@link NumberParser}: {@code not a number '1x0' (expected …)},
 *       non-finite, overflow, underflow), then the valid range of {@link ReadOptions#ranges()},
 *       then the duplicate policy of {@link ReadOptions#duplicates()} (a duplicate names the line,
 *       or file and line, that gave the first value);
 *   <li>{@link #missing}: an empty value, accepted as missing with a warning {@code no value for V
 *       (E, P); taken as missing}; {@link #declare}: a row with neither variable nor value, which
 *       only declares its (entity, period) row.
 * </ul>
 *
 * <p>Each row ends in exactly one acceptance or rejection. The checks above that return {@link
 * #REJECTED} or false have already recorded the error and rejected the row; {@link #value},
 * {@link #missing} and {@link #declare} end the row themselves. A row holding several values (a
 * wide row) uses the cell checks {@link #number} and {@link #add}, which record an error without
 * ending the row, and ends it with {@link #accept()} or {@link #rejectRow()}. In strict mode the
 * first error throws {@link DataFormatException}. Not thread-safe.
 */
public final class DatasetSink {
    /** What the row checks return after they have rejected the row. */
    public static final int REJECTED = -1;

    private static final String EMPTY_ENTITY = "empty entity (expected an entity code)";
    private static final String EMPTY_PERIOD = "empty period (expected YYYY, YYYY-MM, YYYY-MM-DD or 2015-16)";
    private static final String EMPTY_VARIABLE = "empty variable (expected a variable id)";

    private final ReadOptions options;
    private final Dataset.Builder builder;
    private final RowAccount account;
    private final Map<String, Format> formats = new LinkedHashMap<>();
    private final List<String> fileNames = new ArrayList<>();
    private final List<Long> fileBases = new ArrayList<>();
    private String file = "";
    private Supplier<String> record = () -> "";
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

    /**
     * Starts input {@code name}, read as {@code format}; problems name it from now on and carry
     * {@code record} (the text of the current record, asked for only when a problem needs it) as
     * their raw text where a whole record is concerned.
     */
    public void beginFile(String name, Format format, Supplier<String> record) {
        this.file = requireNonNull(name, "name");
        this.record = requireNonNull(record, "record");
        formats.put(name, requireNonNull(format, "format"));
        base = nextBase;
        fileNames.add(name);
        fileBases.add(base);
    }

    /** Returns the name of the input being read. */
    public String file() {
        return file;
    }

    // ---- the checks of one raw observation

    /**
     * Returns the id of the entity written {@code code} at {@code line:column} (blanks around it
     * ignored), or {@link #REJECTED} after rejecting the row when it is empty.
     */
    public int entity(String code, long line, int column) {
        String c = code.strip();
        if (c.isEmpty()) {
            account.reject(Problem.error(file, line, column, record.get(), EMPTY_ENTITY));
            return REJECTED;
        }
        return entity(c);
    }

    /**
     * Returns the id of the period written {@code text} at {@code line:column} (blanks around it
     * ignored), or {@link #REJECTED} after rejecting the row when it is empty or not a period.
     */
    public int period(String text, long line, int column) {
        String t = text.strip();
        if (t.isEmpty()) {
            account.reject(Problem.error(file, line, column, record.get(), EMPTY_PERIOD));
            return REJECTED;
        }
        Integer id = periodIds.get(t);
        if (id == null) {
            Period p;
            try {
                p = Period.parse(t);
            } catch (IllegalArgumentException ex) {
                account.reject(Problem.error(file, line, column, t, Failures.message(ex)));
                return REJECTED;
            }
            id = builder.period(p);
            if (id == periodList.size()) {
                periodList.add(p);
            }
            periodIds.put(t, id);
        }
        return id;
    }

    /**
     * Returns the id of the variable written {@code id} at {@code line:column} (blanks around it
     * ignored), or {@link #REJECTED} after rejecting the row when it is empty.
     */
    public int variable(String id, long line, int column) {
        String v = id.strip();
        if (v.isEmpty()) {
            account.reject(Problem.error(file, line, column, record.get(), EMPTY_VARIABLE));
            return REJECTED;
        }
        return variable(v);
    }

    /**
     * Checks the unit {@code unit} given at {@code line:column} for variable {@code v} against the
     * catalog unit, else the unit the data gave first (ignoring case and surrounding blanks; a
     * blank unit is not checked); returns false after rejecting the row when it does not match.
     */
    public boolean unit(int v, String unit, long line, int column) {
        Optional<Problem> bad = checkUnit(variableNames.get(v), unit, line, column);
        bad.ifPresent(account::reject);
        return bad.isEmpty();
    }

    /**
     * Checks the unit that a file declares for {@code variable} apart from any row (the {@code
     * units} of a JSON dataset), recording an error when it does not match; no row is counted.
     */
    public void declaredUnit(String variable, String unit, long line, int column) {
        checkUnit(variable, unit, line, column).ifPresent(account::problem);
    }

    /** Declares the (entity, period) row of a row with neither variable nor value, and accepts it. */
    public void declare(int e, int p) {
        row(e, p);
        account.accept();
    }

    /**
     * Accepts a row whose value cell at {@code line:column} is empty (raw text {@code raw}): the
     * value is missing, with a warning; {@code dims} (empty for a headline observation) are the
     * disaggregations of an Open SDG row, which declares no dataset row.
     */
    public void missing(int e, int p, int v, long line, int column, String raw, Map<String, String> dims) {
        if (dims.isEmpty()) {
            row(e, p);
        }
        account.problem(Problem.warning(
                file,
                line,
                column,
                raw,
                "no value for " + variableNames.get(v) + " (" + entityNames.get(e) + ", " + periodList.get(p)
                        + (dims.isEmpty() ? "" : ", " + dims) + "); taken as missing"));
        account.accept();
    }

    /**
     * Reads the number in {@code b[from, to)} at {@code line:column} and adds it (see {@link
     * #add}), keeping {@code attrs} (none when empty) with it, then accepts or rejects the row.
     */
    public void value(
            int e, int p, int v, char[] b, int from, int to, long line, int column, Map<String, String> attrs) {
        double x = number(b, from, to, line, column);
        if (Double.isNaN(x)) {
            account.rejectRow();
        } else if (add(e, p, v, x, line, column, b, from, to, attrs)) {
            account.accept();
        } else {
            account.rejectRow();
        }
    }

    /**
     * Adds the finite value {@code x} given at {@code line:column} as {@code raw} (see {@link
     * #add}), then accepts or rejects the row.
     */
    public void value(int e, int p, int v, double x, long line, int column, String raw, Map<String, String> attrs) {
        if (add(e, p, v, x, line, column, raw, attrs)) {
            account.accept();
        } else {
            account.rejectRow();
        }
    }

    // ---- the checks of one cell of a row that holds several values

    /**
     * Returns the number in {@code b[from, to)} (blanks around it ignored; a decimal comma when
     * {@link ReadOptions#decimalComma()}), or NaN after recording why it is not a finite number at
     * {@code line:column}. The row is not ended.
     */
    public double number(char[] b, int from, int to, long line, int column) {
        boolean comma = options.decimalComma();
        double x = NumberParser.parse(b, from, to, comma);
        if (Double.isNaN(x)) {
            // no copy of a long cell: the message and the raw text each read a bounded excerpt
            String raw = new String(b, from, Math.min(to - from, Problem.MAX_RAW + 1));
            account.problem(Problem.error(
                    file, line, column, raw, NumberParser.explain(CharBuffer.wrap(b, from, to - from), comma)));
        }
        return x;
    }

    /**
     * Adds the finite value {@code x} given at {@code line:column} as {@code raw}: checks its
     * valid range, applies the duplicate policy and keeps {@code attrs} (none when empty) with it.
     * Returns true when the value was taken (or, under {@code first}, a duplicate was ignored),
     * false after recording the error (out of range, a duplicate under {@code error}, a sum of
     * duplicates that overflows). The row is not ended.
     */
    public boolean add(int e, int p, int v, double x, long line, int column, String raw, Map<String, String> attrs) {
        Optional<String> error = put(e, p, v, x, line, attrs);
        error.ifPresent(m -> account.problem(Problem.error(file, line, column, raw, m)));
        return error.isEmpty();
    }

    private boolean add(
            int e,
            int p,
            int v,
            double x,
            long line,
            int column,
            char[] b,
            int from,
            int to,
            Map<String, String> attrs) {
        // the raw text is only needed for a problem: no String per value on the hot path
        Optional<String> error = put(e, p, v, x, line, attrs);
        error.ifPresent(m -> account.problem(Problem.error(file, line, column, new String(b, from, to - from), m)));
        return error.isEmpty();
    }

    /** Adds a value; returns the error message, or empty when it was taken. */
    private Optional<String> put(int e, int p, int v, double x, long line, Map<String, String> attrs) {
        if (checkRanges) {
            Variable var = options.ranges().get(variableNames.get(v));
            if (var != null && !var.isValid(x)) {
                return Optional.of("value " + Numbers.format(x) + " of " + var.id() + " is outside its valid range "
                        + var.rangeText() + " (expected a value in range"
                        + (var.unit().isEmpty() ? "" : ", in " + var.unit()) + ")");
            }
        }
        Dataset.Added added;
        try {
            added = builder.add(e, p, v, x, origin(line));
        } catch (IllegalArgumentException ex) {
            return Optional.of("the sum of duplicate values for " + cellText(e, p, v)
                    + " is not finite (expected values whose sum stays below 1.8e308)");
        }
        switch (added) {
            case NEW:
            case REPLACED_DUPLICATE:
                if (!attrs.isEmpty()) {
                    attributes.put(new Cell(e, p, v), Map.copyOf(attrs));
                } else if (added == Dataset.Added.REPLACED_DUPLICATE) {
                    attributes.remove(new Cell(e, p, v));
                }
                return Optional.empty();
            case IGNORED_DUPLICATE:
            case SUMMED_DUPLICATE:
                return Optional.empty();
            default:
                return Optional.of("duplicate value for " + cellText(e, p, v) + ": " + where(builder.conflictOrigin())
                        + " already gave one (duplicates are rejected unless the duplicate policy is first, last"
                        + " or sum)");
        }
    }

    // ---- ids, rows and what the dataset cannot hold

    /** Returns the id of entity {@code code} (not blank), interning it. */
    public int entity(String code) {
        int id = builder.entity(code);
        if (id == entityNames.size()) {
            entityNames.add(code);
        }
        return id;
    }

    /**
     * Returns the id of the entity given for files that name none ({@link ReadOptions#entity()}),
     * interning it, or -1 when none is given.
     */
    public int givenEntity() {
        return options.entity().map(this::entity).orElse(-1);
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

    /** Keeps an Open SDG disaggregated observation (outside the dataset). */
    public void disaggregation(Disaggregation d) {
        disaggregations.add(requireNonNull(d, "d"));
    }

    /**
     * Checks the unit {@code unit} given at {@code line:column} for {@code variable}: against the
     * catalog unit in {@link ReadOptions#units()}, else against the unit the data gave first.
     * Units are compared ignoring case and surrounding blanks; a blank unit is not checked.
     * Returns the error, or empty when the unit is consistent.
     */
    private Optional<Problem> checkUnit(String variable, String unit, long line, int column) {
        String u = unit.strip();
        if (u.isEmpty()) {
            return Optional.empty();
        }
        String expected = options.units().get(variable);
        if (expected != null && !expected.strip().equalsIgnoreCase(u)) {
            return Optional.of(Problem.error(
                    file,
                    line,
                    column,
                    unit,
                    "unit " + Quote.of(u) + " does not match the catalog unit '" + expected + "' of " + variable
                            + " (expected '" + expected + "', or convert the value)"));
        }
        String seen = unitsSeen.putIfAbsent(variable, u);
        if (seen == null) {
            unitsWhere.put(variable, where(origin(line)));
            return Optional.empty();
        }
        if (!seen.toLowerCase(Locale.ROOT).equals(u.toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.error(
                    file,
                    line,
                    column,
                    unit,
                    "unit " + Quote.of(u) + " differs from the unit " + Quote.of(seen) + " that "
                            + unitsWhere.get(variable) + " gave for " + variable
                            + " (expected one unit per variable)"));
        }
        return Optional.empty();
    }

    // ---- the account

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
