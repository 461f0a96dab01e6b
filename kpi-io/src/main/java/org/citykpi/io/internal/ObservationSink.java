package org.citykpi.io.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.citykpi.Numbers;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.ObservationFormat;
import org.citykpi.io.ObservationOptions;
import org.citykpi.io.ObservationResult;
import org.citykpi.io.Problem;
import org.citykpi.observe.Conflict;
import org.citykpi.observe.Observations;
import org.jspecify.annotations.Nullable;

/**
 * The one place that validates a positioned raw sensor reading and keeps the account, as {@link
 * DatasetSink} does for city data: the observations CSV, SensorThings and NGSI-LD readers hand it
 * the raw parts of each reading with their {@code line:column}, and it checks them, adds the
 * reading to one {@link Observations.Builder} and counts every row, so that the same bad cell gives
 * the same message in every format.
 *
 * <p>The checks, in the order a reader calls them, and their messages:
 *
 * <ul>
 *   <li>{@link #station}: {@code empty station (expected a station id)};
 *   <li>{@link #time}: {@link TimeStampParser}'s message (not a time stamp, no zone, a local time that
 *       does not exist, an interval that does not end after it starts);
 *   <li>{@link #property}: {@code empty property (expected an observed property such as pm25)};
 *       the name is normalised by {@link Measurands#property};
 *   <li>{@link #unit}: normalised by {@link Measurands#unit}; a unit other than the one the series
 *       got first is an error naming the line that gave the first;
 *   <li>{@link #validity}: {@code not a validity flag '…' (expected …)};
 *   <li>{@link #value}: the number ({@link NumberParser}), which must be finite; then, without
 *       error: a reading whose time lies outside the {@linkplain ObservationOptions#year() year}
 *       is skipped and counted; a reading without a value is skipped and counted; a negative
 *       concentration is kept, counted, with a warning at the first of its series.
 * </ul>
 *
 * <p>Each row ends in exactly one acceptance, rejection or skip. The checks that return {@link
 * #REJECTED} or false have already rejected the row; {@link #value} and {@link #noValue} end it
 * themselves. Duplicates are found when {@link #result()} builds the series: under the policy
 * {@code error} each one is then moved from accepted to rejected, with an error at its time cell
 * naming where the first came from. Not thread-safe.
 */
public final class ObservationSink {
    /** What the row checks return after they have rejected the row. */
    public static final int REJECTED = -1;

    private static final String EMPTY_STATION = "empty station (expected a station id)";
    private static final String EMPTY_PROPERTY = "empty property (expected an observed property such as pm25)";
    private static final int COLUMN_BITS = 20;

    private final ObservationOptions options;
    private final Observations.Builder builder;
    private final RowAccount account;
    private final TimeStampParser stamps;
    private final boolean yearGate;
    private final long yearStart;
    private final long yearEnd;

    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, ObservationFormat> formats = new LinkedHashMap<>();
    private @Nullable Input input;
    private String file = "";
    private Supplier<String> record = () -> "";
    private long nextBase = 0;

    private final List<String> stationNames = new ArrayList<>();
    private final Map<String, Integer> stationIds = new HashMap<>();
    private final CharInterner stationChars = new CharInterner();
    private final List<String> propertyNames = new ArrayList<>();
    private final Map<String, Integer> propertyIds = new HashMap<>();
    private final Map<String, Integer> propertyRaw = new HashMap<>();
    private final CharInterner propertyChars = new CharInterner();
    private final List<int[]> seriesOf = new ArrayList<>();
    private final CharInterner unitChars = new CharInterner();
    private final List<String> unitTexts = new ArrayList<>();
    private final List<Optional<String>> unitNames = new ArrayList<>();
    private final List<SeriesInfo> series = new ArrayList<>();

    // the reading being checked: its time and the position of its time cell
    private long start;
    private long duration;
    private long timeLine;
    private int timeColumn;
    private @Nullable String unit;
    private long unitLine;

    private long outsideYear;
    private long withoutValue;
    private long invalid;
    private long negatives;
    private boolean done;

    /** What the sink knows of one series: its names and unit. */
    private static final class SeriesInfo {
        final String station;
        final String property;
        final boolean concentration;

        @Nullable
        String unit;

        String unitWhere = "";
        boolean negativeSeen;

        SeriesInfo(String station, String property, boolean concentration) {
            this.station = station;
            this.property = property;
            this.concentration = concentration;
        }
    }

    /**
     * One input: its name and how its origins map back to positions. In a CSV input the origin of
     * a reading is its base plus its line, and its time cell is in a fixed column; in a JSON input
     * the origin is its base plus the reading's number in the input, and the positions of the time
     * cells are kept (line and column packed in one long).
     */
    private static final class Input {
        final String name;
        final long base;
        final int timeColumn;
        long[] positions = new long[0];
        int count;

        Input(String name, long base, int timeColumn) {
            this.name = name;
            this.base = base;
            this.timeColumn = timeColumn;
        }

        boolean byLine() {
            return timeColumn > 0;
        }
    }

    /**
     * Creates a sink for {@code options}.
     *
     * @param options how to read
     */
    public ObservationSink(ObservationOptions options) {
        this.options = requireNonNull(options, "options");
        this.builder = Observations.builder().duplicates(options.duplicates());
        this.account = new RowAccount(
                options.strict() ? RowAccount.Mode.STRICT : RowAccount.Mode.LENIENT,
                options.limits().maxProblems());
        this.stamps = new TimeStampParser(options.zone().orElse(null));
        ZoneId zone = options.zone().orElse(ZoneOffset.UTC);
        this.yearGate = options.year().isPresent();
        if (yearGate) {
            int y = options.year().getAsInt();
            yearStart = LocalDate.of(y, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
            yearEnd = LocalDate.of(y + 1, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        } else {
            yearStart = 0;
            yearEnd = 0;
        }
    }

    /** {@return the options} */
    public ObservationOptions options() {
        return options;
    }

    /** {@return the account of rows and problems} */
    public RowAccount account() {
        return account;
    }

    /**
     * Starts input {@code name}, read as {@code format}; problems name it from now on and carry
     * {@code record} (the text of the current record, asked for only when a problem needs it) as
     * their raw text where a whole record is concerned.
     *
     * @param timeColumn the column of the time cell in a CSV input (1-based); 0 for a JSON input
     */
    public void beginFile(String name, ObservationFormat format, Supplier<String> record, int timeColumn) {
        this.file = requireNonNull(name, "name");
        this.record = requireNonNull(record, "record");
        formats.put(name, requireNonNull(format, "format"));
        Input in = new Input(name, nextBase, timeColumn);
        inputs.add(in);
        input = in;
    }

    /** {@return the name of the input being read} */
    public String file() {
        return file;
    }

    // ---- the checks of one raw reading

    /**
     * Returns the id of the station written {@code code} at {@code line:column} (blanks around it
     * ignored), or {@link #REJECTED} after rejecting the row when it is empty.
     */
    public int station(String code, long line, int column) {
        String c = code.strip();
        if (c.isEmpty()) {
            account.reject(Problem.error(file, line, column, record.get(), EMPTY_STATION));
            return REJECTED;
        }
        return stationId(c);
    }

    /** Returns {@link #station(String, long, int)} of {@code b[from, to)}, without a String per row. */
    public int station(char[] b, int from, int to, long line, int column) {
        int s = from;
        int e = to;
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        if (s == e) {
            return station("", line, column);
        }
        int id = stationChars.get(b, s, e);
        if (id < 0) {
            id = stationId(new String(b, s, e - s));
            stationChars.put(b, s, e, id);
        }
        return id;
    }

    private int stationId(String code) {
        Integer id = stationIds.get(code);
        if (id == null) {
            id = stationNames.size();
            stationNames.add(code);
            stationIds.put(code, id);
            seriesOf.add(new int[0]);
        }
        return id;
    }

    /**
     * Reads the time stamp or interval in {@code b[from, to)} at {@code line:column}; returns false
     * after rejecting the row when it is not one.
     */
    public boolean time(char[] b, int from, int to, long line, int column) {
        if (!stamps.parse(b, from, to)) {
            account.reject(Problem.error(file, line, column, TimeStampParser.quote(b, from, to), stamps.error()));
            return false;
        }
        start = stamps.start();
        duration = stamps.duration();
        timeLine = line;
        timeColumn = column;
        return true;
    }

    /**
     * Reads the end {@code b[from, to)} at {@code line:column} of the interval that the time read
     * last starts (blank: the reading is an instant); returns false after rejecting the row when it
     * is not a time stamp, or not after the start.
     */
    public boolean end(char[] b, int from, int to, long line, int column) {
        if (isBlank(b, from, to)) {
            return true;
        }
        if (!stamps.parse(b, from, to)) {
            account.reject(Problem.error(file, line, column, TimeStampParser.quote(b, from, to), stamps.error()));
            return false;
        }
        if (stamps.duration() != 0 || stamps.start() <= start) {
            String raw = TimeStampParser.quote(b, from, to);
            account.reject(Problem.error(
                    file,
                    line,
                    column,
                    raw,
                    "end time '" + raw + "' is not an instant after the start (expected the end of the interval"
                            + " that the time column starts)"));
            return false;
        }
        duration = stamps.start() - start;
        return true;
    }

    /** Returns {@link #time(char[], int, int, long, int)} of {@code text}. */
    public boolean time(String text, long line, int column) {
        return time(text.toCharArray(), 0, text.length(), line, column);
    }

    /**
     * Returns the id of the observed property named {@code name} at {@code line:column}
     * (normalised by {@link Measurands#property}), or {@link #REJECTED} after rejecting the row
     * when it is empty.
     */
    public int property(String name, long line, int column) {
        Integer id = propertyRaw.get(name);
        if (id != null) {
            return id;
        }
        String p = Measurands.property(name);
        if (p.isEmpty()) {
            account.reject(Problem.error(file, line, column, record.get(), EMPTY_PROPERTY));
            return REJECTED;
        }
        int pid = propertyId(p);
        if (propertyRaw.size() < 10_000) {
            propertyRaw.put(name, pid);
        }
        return pid;
    }

    /** Returns {@link #property(String, long, int)} of {@code b[from, to)}, without a String per row. */
    public int property(char[] b, int from, int to, long line, int column) {
        int id = propertyChars.get(b, from, to);
        if (id < 0) {
            id = property(new String(b, from, to - from), line, column);
            if (id != REJECTED) {
                propertyChars.put(b, from, to, id);
            }
        }
        return id;
    }

    private int propertyId(String p) {
        Integer id = propertyIds.get(p);
        if (id == null) {
            id = propertyNames.size();
            propertyNames.add(p);
            propertyIds.put(p, id);
        }
        return id;
    }

    /** Returns the id of the series of station {@code s} and property {@code p}. */
    public int series(int s, int p) {
        int[] of = seriesOf.get(s);
        if (p < of.length && of[p] > 0) {
            return of[p] - 1;
        }
        if (p >= of.length) {
            of = Arrays.copyOf(of, Math.max(p + 1, of.length * 2));
            seriesOf.set(s, of);
        }
        String prop = propertyNames.get(p);
        series.add(new SeriesInfo(stationNames.get(s), prop, Measurands.isConcentration(prop, Optional.empty())));
        of[p] = series.size();
        return series.size() - 1;
    }

    /**
     * Checks the unit written {@code text} at {@code line:column} (blank: no unit) for series
     * {@code s}: normalised by {@link Measurands#unit}, or {@link Measurands#unitCode} when {@code
     * code} (an NGSI-LD unitCode); it must be the unit the series got first. Returns false after
     * rejecting the row when it is not.
     */
    public boolean unit(int s, String text, boolean code, long line, int column) {
        return unit(s, code ? Measurands.unitCode(text) : Measurands.unit(text), text, line, column);
    }

    /** Returns {@link #unit(int, String, boolean, long, int)} of {@code b[from, to)}, not a code. */
    public boolean unit(int s, char[] b, int from, int to, long line, int column) {
        int id = unitChars.get(b, from, to);
        if (id < 0) {
            String text = new String(b, from, to - from);
            if (unitTexts.size() >= 10_000) {
                return unit(s, Measurands.unit(text), text, line, column);
            }
            id = unitTexts.size();
            unitTexts.add(text);
            unitNames.add(Measurands.unit(text));
            unitChars.put(b, from, to, id);
        }
        return unit(s, unitNames.get(id), unitTexts.get(id), line, column);
    }

    private boolean unit(int s, Optional<String> u, String text, long line, int column) {
        SeriesInfo si = series.get(s);
        if (u.isEmpty()) {
            unit = si.unit;
            return true;
        }
        String given = u.get();
        if (si.unit == null) {
            // the series takes this unit only if the reading is kept (see keep)
            unit = given;
            unitLine = line;
            return true;
        }
        if (!si.unit.equals(given)) {
            account.reject(Problem.error(
                    file,
                    line,
                    column,
                    text,
                    "unit '" + TimeStampParser.quote(text.strip()) + "' differs from the unit '" + si.unit + "' that "
                            + si.unitWhere + " gave for (" + si.station + ", " + si.property
                            + ") (expected one unit per station and property)"));
            return false;
        }
        unit = si.unit;
        return true;
    }

    /** Notes that the reading names no unit (it is taken to be in its series' unit). */
    public void noUnit(int s) {
        unit = series.get(s).unit;
    }

    /**
     * Reads the validity flag {@code b[from, to)} at {@code line:column} ({@link
     * Measurands#validity}); returns 1 (valid), 0 (not valid), or {@link #REJECTED} after rejecting
     * the row when it is not a flag.
     */
    public int validity(char[] b, int from, int to, long line, int column) {
        int v = Measurands.validity(b, from, to);
        if (v < 0) {
            String raw = new String(b, from, Math.min(to - from, 200)).strip();
            account.reject(Problem.error(
                    file,
                    line,
                    column,
                    raw,
                    "not a validity flag '" + TimeStampParser.quote(raw) + "' (" + Measurands.VALIDITY_EXPECTED + ")"));
            return REJECTED;
        }
        return v;
    }

    /** Returns {@link #validity(char[], int, int, long, int)} of {@code text}. */
    public int validity(String text, long line, int column) {
        return validity(text.toCharArray(), 0, text.length(), line, column);
    }

    /**
     * Reads the value {@code b[from, to)} at {@code line:column} of a reading of series {@code s}
     * (blank: no value) and ends the row: rejected when it is not a finite number, else skipped or
     * accepted (see the class comment).
     */
    public void value(int s, char[] b, int from, int to, boolean valid, long line, int column) {
        if (isBlank(b, from, to)) {
            noValue();
            return;
        }
        boolean comma = options.decimalComma();
        double x = NumberParser.parse(b, from, to, comma);
        if (Double.isNaN(x)) {
            String raw = new String(b, from, Math.min(to - from, 200)).strip();
            account.reject(Problem.error(file, line, column, raw, explain(raw, to - from > 200)));
            return;
        }
        keep(s, x, valid, line, column);
    }

    /**
     * Takes the value {@code x} given as a JSON number ({@code raw} its text) at {@code
     * line:column} for a reading of series {@code s} and ends the row: rejected when it is not
     * finite, else skipped or accepted.
     */
    public void value(int s, double x, String raw, boolean valid, long line, int column) {
        if (!Double.isFinite(x)) {
            account.reject(Problem.error(
                    file,
                    line,
                    column,
                    raw,
                    "number out of range '" + TimeStampParser.quote(raw) + "' (expected a magnitude below 1.8e308)"));
            return;
        }
        keep(s, x, valid, line, column);
    }

    /** Ends the row of a reading without a value: skipped, as outside the year or as without a value. */
    public void noValue() {
        if (outside()) {
            outsideYear++;
        } else {
            withoutValue++;
        }
    }

    private static boolean isBlank(char[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Returns the message for the text {@code raw} that is not a number (cut short when {@code cut}). */
    private String explain(String raw, boolean cut) {
        if (cut || raw.length() > TimeStampParser.QUOTE) {
            return "not a number '" + TimeStampParser.quote(raw) + "' (expected a number with '"
                    + (options.decimalComma() ? "," : ".") + "' as decimal separator)";
        }
        return NumberParser.explain(raw, options.decimalComma());
    }

    private boolean outside() {
        if (!yearGate) {
            return false;
        }
        if (options.timeStamps() == org.citykpi.observe.TimeStamps.END && duration == 0) {
            return start <= yearStart || start > yearEnd;
        }
        return start < yearStart || start >= yearEnd;
    }

    private void keep(int s, double x, boolean valid, long line, int column) {
        if (outside()) {
            outsideYear++;
            return;
        }
        SeriesInfo si = series.get(s);
        if (x < 0 && (si.concentration || Measurands.isConcentration(si.property, Optional.ofNullable(si.unit)))) {
            negatives++;
            if (!si.negativeSeen) {
                si.negativeSeen = true;
                account.problem(Problem.warning(
                        file,
                        line,
                        column,
                        Numbers.format(x),
                        "negative concentration " + Numbers.format(x) + " for (" + si.station + ", " + si.property
                                + ") kept as measured (analysers report small negatives near zero; later negatives"
                                + " of this series are counted, not listed)"));
            }
        }
        if (!valid) {
            invalid++;
        }
        if (si.unit == null && unit != null) {
            si.unit = unit;
            si.unitWhere = where(unitLine);
        }
        long origin = origin();
        builder.add(si.station, si.property, start, duration, x, valid, unit, origin);
        account.accept();
    }

    /** Returns the origin of the reading being kept, recording its time cell's position in a JSON input. */
    private long origin() {
        Input in = requireNonNull(input, "beginFile was not called");
        long o;
        if (in.byLine()) {
            o = in.base + timeLine;
        } else {
            if (in.count == in.positions.length) {
                in.positions = Arrays.copyOf(in.positions, Math.max(64, in.count * 2));
            }
            int col = timeColumn < (1 << COLUMN_BITS) ? timeColumn : 0;
            in.positions[in.count++] = (timeLine << COLUMN_BITS) | col;
            o = in.base + in.count;
        }
        nextBase = Math.max(nextBase, o + 1);
        return o;
    }

    /** Returns {@code line N} of the current input. */
    private String where(long line) {
        return "line " + line + (inputs.size() > 1 ? " of " + file : "");
    }

    // ---- the account

    /** Records a problem; in strict mode an error throws {@link DataFormatException}. */
    public void problem(Problem p) {
        account.problem(p);
    }

    /** Reports {@code error} and counts its row as rejected. */
    public void reject(Problem error) {
        account.reject(error);
    }

    /**
     * Builds the series, reports the duplicates found and returns the result. May be called once.
     *
     * @throws DataFormatException in strict mode, at the first duplicate
     */
    public ObservationResult result() {
        if (done) {
            throw new IllegalStateException("result() was already called");
        }
        done = true;
        Observations obs = builder.build();
        for (Conflict c : obs.conflicts()) {
            Position rejected = position(c.rejectedOrigin());
            Position kept = position(c.keptOrigin());
            String first = kept.file.equals(rejected.file) ? "line " + kept.line : kept.file + ":" + kept.line;
            String stamp = Instant.ofEpochMilli(c.time()).toString();
            String message = c.kind() == Conflict.Kind.DUPLICATE
                    ? "duplicate reading for (" + c.station() + ", " + c.property() + ") at " + stamp + ": " + first
                            + " already gave one (duplicates are rejected unless the duplicate policy is first,"
                            + " last or sum)"
                    : c.detail() + " for (" + c.station() + ", " + c.property() + "), set by " + first
                            + " (expected one unit per station and property)";
            account.retract(Problem.error(rejected.file, rejected.line, rejected.column, stamp, message));
        }
        return new ObservationResult(
                obs,
                account.accepted(),
                account.rejected(),
                outsideYear,
                withoutValue,
                invalid,
                negatives,
                obs.resolvedDuplicates(),
                account.problems(),
                account.errorCount(),
                account.warningCount(),
                account.omitted(),
                formats,
                options.year());
    }

    private record Position(String file, long line, int column) {}

    /** Returns where the reading with {@code origin} came from. */
    private Position position(long origin) {
        for (int i = inputs.size() - 1; i >= 0; i--) {
            Input in = inputs.get(i);
            if (origin > in.base) {
                long k = origin - in.base;
                if (in.byLine()) {
                    return new Position(in.name, k, in.timeColumn);
                }
                long packed = in.positions[(int) (k - 1)];
                return new Position(in.name, packed >>> COLUMN_BITS, (int) (packed & ((1 << COLUMN_BITS) - 1)));
            }
        }
        return new Position(file, 0, 0);
    }
}
