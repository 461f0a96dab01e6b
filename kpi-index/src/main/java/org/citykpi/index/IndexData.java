package org.citykpi.index;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.citykpi.Period;
import org.citykpi.engine.Results;
import org.jspecify.annotations.Nullable;

/**
 * Holds the input of an index: indicator values (and optional denominators and group labels) for
 * units over one or more periods, as COINr's {@code iData}.
 *
 * <p>Layout: a full grid of {@code periods × units} rows, row {@code p·units + u}, periods in time
 * order and units sorted by code (so results never depend on input row order). Each indicator is
 * one column of a column-major {@code double[]} with a separate presence mask; a value that was
 * not given is missing, never NaN. A grid row for which no input row existed is marked absent and
 * is left out of every output.
 *
 * <p>Immutable and thread-safe. Serializable (to ship it to the workers of a cluster, such as Spark
 * executors): the serial form is the units, periods, codes, values and labels, checked for
 * consistent sizes when read.
 */
public final class IndexData implements Serializable {
    private final List<String> units;
    private final List<String> unitNames;
    private final List<String> periods;
    private final List<String> indicators;
    private final List<String> denominators;
    private final List<String> groupNames;
    private final Map<String, Integer> indicatorIndex = new HashMap<>();
    private final Matrix values;
    private final Matrix denoms;
    /** The group labels, [group][row]; null where a row has no label. */
    private final @Nullable String[][] groups;

    private final boolean[] rowExists;

    private IndexData(
            List<String> units,
            List<String> unitNames,
            List<String> periods,
            List<String> indicators,
            List<String> denominators,
            List<String> groupNames,
            Matrix values,
            Matrix denoms,
            @Nullable String[][] groups,
            boolean[] rowExists) {
        this.units = List.copyOf(units);
        this.unitNames = List.copyOf(unitNames);
        this.periods = List.copyOf(periods);
        this.indicators = List.copyOf(indicators);
        this.denominators = List.copyOf(denominators);
        this.groupNames = List.copyOf(groupNames);
        this.values = values;
        this.denoms = denoms;
        this.groups = groups;
        this.rowExists = rowExists;
        for (int i = 0; i < indicators.size(); i++) {
            indicatorIndex.put(indicators.get(i), i);
        }
    }

    /**
     * Returns a builder for data on the given indicators, denominators and group columns.
     *
     * @param indicators the indicator codes, in the order the data lists them; each once
     * @param denominators the codes of the columns indicators can be divided by in the denominate
     *     step (e.g. population); may be empty
     * @param groupNames the names of the label columns used by group imputation (e.g. {@code
     *     EurAsia_group}); may be empty
     * @return an empty builder
     * @throws IllegalArgumentException if an indicator code is given twice
     */
    public static Builder builder(List<String> indicators, List<String> denominators, List<String> groupNames) {
        return new Builder(indicators, denominators, groupNames);
    }

    /**
     * Returns a builder for data on the given indicators only, without denominators or group
     * columns.
     *
     * @param indicators the indicator codes, in the order the data lists them; each once
     * @return an empty builder
     * @throws IllegalArgumentException if an indicator code is given twice
     */
    public static Builder builder(List<String> indicators) {
        return new Builder(indicators, List.of(), List.of());
    }

    /**
     * Returns index data taken from computed KPIs, so that an index can be built on a city's (or
     * many cities') results without writing them out and reading them back: one unit per entity,
     * one period per reporting period (its text, e.g. {@code 2023}; data of a single period is not a
     * panel), one indicator per requested output, under the name it is given here (an indicator id,
     * a published code, or a part {@code <id>/<part>}).
     *
     * <ul>
     *   <li>a cell without a value, whatever its cause, is missing, as an NA in COINr's iData; the
     *       cause stays in {@code results} ({@link Results#get})
     *   <li>reported and computed values are taken alike
     *   <li>every (entity, period) row of the results exists, even if all its values are missing
     * </ul>
     *
     * @param results computed KPIs
     * @param outputs the outputs to take as indicators, in the order the data lists them
     * @return the data, one grid row per entity and period of the results
     * @throws IllegalArgumentException if {@code outputs} is empty or names an output twice or one
     *     that is not in the results' catalog, or if the results have no rows
     */
    public static IndexData from(Results results, List<String> outputs) {
        requireNonNull(results, "results");
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no outputs to take as indicators");
        }
        Builder b = builder(outputs);
        for (int row = 0; row < results.rowCount(); row++) {
            String unit = results.entity(row);
            String period = results.period(row).toString();
            b.row(unit, period);
            for (String output : outputs) {
                if (results.isAvailable(row, output)) {
                    b.value(unit, period, output, results.value(row, output));
                }
            }
        }
        return b.build();
    }

    /** {@return the unit codes, sorted, each once} */
    public List<String> units() {
        return units;
    }

    /**
     * Returns the display names of the units.
     *
     * @return one name per unit, in the order of {@link #units()}; the code where no name was given
     */
    public List<String> unitNames() {
        return unitNames;
    }

    /**
     * Returns the periods in time order.
     *
     * @return the periods as given (e.g. {@code 2023}), in time order when every one is a period
     *     CityKPI reads, else in text order; a single empty string when the data had no time
     */
    public List<String> periods() {
        return periods;
    }

    /** {@return the indicator codes, in the order given to the builder} */
    public List<String> indicators() {
        return indicators;
    }

    /** {@return the denominator codes, in the order given to the builder; empty when there are none} */
    public List<String> denominators() {
        return denominators;
    }

    /** {@return the group column names, in the order given to the builder; empty when there are none} */
    public List<String> groupNames() {
        return groupNames;
    }

    /** {@return the number of grid rows: periods × units, those without an input row included} */
    public int rowCount() {
        return rowExists.length;
    }

    /** {@return how many grid rows came from the input, at most {@link #rowCount()}} */
    public int existingRowCount() {
        int n = 0;
        for (boolean b : rowExists) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns whether a grid row came from the input.
     *
     * @param row the grid row, {@code period·units + unit}, from 0 to {@link #rowCount()} − 1
     * @return true when the input had a row for this unit and period, false for a gap in the grid
     */
    public boolean rowExists(int row) {
        return rowExists[row];
    }

    /**
     * Returns the unit of a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @return its unit's code
     */
    public String unitOf(int row) {
        return units.get(row % units.size());
    }

    /**
     * Returns the period of a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @return its period; empty for data without time
     */
    public String periodOf(int row) {
        return periods.get(row / units.size());
    }

    /**
     * Returns whether an indicator has a value in a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @param code the indicator's code
     * @return true when a value was given; false when it is missing (never NaN)
     * @throws IllegalArgumentException if there is no indicator {@code code}
     */
    public boolean isPresent(int row, String code) {
        return values.ok[values.at(row, column(code))];
    }

    /**
     * Returns the value of an indicator in a grid row (check {@link #isPresent} first).
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @param code the indicator's code
     * @return the value as given, finite
     * @throws IllegalArgumentException if there is no indicator {@code code} or it is missing in
     *     this row
     */
    public double value(int row, String code) {
        int at = values.at(row, column(code));
        if (!values.ok[at]) {
            throw new IllegalArgumentException(code + " is missing for " + unitOf(row) + " " + periodOf(row));
        }
        return values.v[at];
    }

    /**
     * Returns the group label of a grid row.
     *
     * @param row the grid row, from 0 to {@link #rowCount()} − 1
     * @param group the name of a group column
     * @return the label, or null when the row has none (group imputation leaves its missing values
     *     missing)
     * @throws IllegalArgumentException if there is no group column {@code group}
     */
    public @Nullable String group(int row, String group) {
        int g = groupNames.indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("no group column '" + group + "' (have " + groupNames + ")");
        }
        return groups[g][row];
    }

    private int column(String code) {
        Integer c = indicatorIndex.get(code);
        if (c == null) {
            throw new IllegalArgumentException("no indicator '" + code + "' in the data");
        }
        return c;
    }

    Matrix values() {
        return values;
    }

    Matrix denominatorValues() {
        return denoms;
    }

    @Nullable
    String[] groupColumn(String group) {
        int g = groupNames.indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("no group column '" + group + "' (have " + groupNames + ")");
        }
        return groups[g];
    }

    boolean[] rowExistsMask() {
        return rowExists;
    }

    /**
     * Returns data holding only some of the periods.
     *
     * @param keep the periods to keep; those not in the data are ignored
     * @return the same units, indicators, names and groups over the kept periods, in their time
     *     order
     */
    public IndexData periods(List<String> keep) {
        int nu = units.size();
        List<String> ps = new ArrayList<>();
        for (String p : periods) {
            if (keep.contains(p)) {
                ps.add(p);
            }
        }
        int[] rows = new int[ps.size() * nu];
        int k = 0;
        for (String p : ps) {
            int pi = periods.indexOf(p);
            for (int u = 0; u < nu; u++) {
                rows[k++] = pi * nu + u;
            }
        }
        @Nullable String[][] g = new String[groups.length][rows.length];
        boolean[] ex = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ex[i] = rowExists[rows[i]];
            for (int j = 0; j < groups.length; j++) {
                g[j][i] = groups[j][rows[i]];
            }
        }
        return new IndexData(
                units,
                unitNames,
                ps,
                indicators,
                denominators,
                groupNames,
                values.selectRows(rows),
                denoms.selectRows(rows),
                g,
                ex);
    }

    /** Collects values row by row; not thread-safe. */
    public static final class Builder {
        private final List<String> indicators;
        private final List<String> denominators;
        private final List<String> groupNames;
        private final Map<String, Integer> col = new HashMap<>();
        private final Map<String, Integer> den = new HashMap<>();
        /** The declared rows by (unit, period), in the order declared. */
        private final Map<List<String>, Cells> rows = new LinkedHashMap<>();

        private final Map<String, String> names = new HashMap<>();

        private Builder(List<String> indicators, List<String> denominators, List<String> groupNames) {
            this.indicators = List.copyOf(indicators);
            this.denominators = List.copyOf(denominators);
            this.groupNames = List.copyOf(groupNames);
            for (int i = 0; i < indicators.size(); i++) {
                if (col.put(indicators.get(i), i) != null) {
                    throw new IllegalArgumentException("indicator '" + indicators.get(i) + "' given twice");
                }
            }
            for (int i = 0; i < denominators.size(); i++) {
                den.put(denominators.get(i), i);
            }
        }

        /**
         * Declares the row of {@code unit} in {@code period} (use {@code ""} for data without time),
         * so that it exists even if all its values are missing.
         *
         * @param unit the unit's code, not blank
         * @param period the period, e.g. {@code 2023}; {@code ""} for data without time
         * @return this builder
         * @throws IllegalArgumentException if the row was declared before, or the unit is blank
         */
        public Builder row(String unit, String period) {
            List<String> key = key(unit, period);
            if (rows.containsKey(key)) {
                throw new IllegalArgumentException(
                        "unit '" + unit + "' has two rows" + (period.isEmpty() ? "" : " for " + period));
            }
            declare(key);
            return this;
        }

        /** Returns the cells of the row of {@code unit} in {@code period}, declaring it if needed. */
        private Cells cells(String unit, String period) {
            List<String> key = key(unit, period);
            Cells cells = rows.get(key);
            return cells != null ? cells : declare(key);
        }

        private Cells declare(List<String> key) {
            Cells cells = new Cells(indicators.size() + denominators.size(), groupNames.size());
            rows.put(key, cells);
            return cells;
        }

        /**
         * Sets the display name of a unit.
         *
         * @param unit the unit's code (a name for a unit without a row is not used)
         * @param name the name shown for it, e.g. in reports
         * @return this builder
         */
        public Builder name(String unit, String name) {
            names.put(requireNonNull(unit, "unit"), requireNonNull(name, "name"));
            return this;
        }

        /**
         * Sets the value of indicator or denominator {@code code} (declaring the row if needed).
         *
         * @param unit the unit's code, not blank
         * @param period the period; {@code ""} for data without time
         * @param code the code of an indicator or denominator of this builder
         * @param v the value, finite, in the column's own unit
         * @return this builder
         * @throws IllegalArgumentException if {@code v} is not finite, the code is unknown, the value
         *     was set before, or the unit is blank
         */
        public Builder value(String unit, String period, String code, double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(code + " for " + unit + ": " + v + " is not a finite number");
            }
            Cells cells = cells(unit, period);
            Integer c = col.get(code);
            int at;
            if (c != null) {
                at = c;
            } else {
                Integer d = den.get(code);
                if (d == null) {
                    throw new IllegalArgumentException("'" + code + "' is neither an indicator nor a denominator");
                }
                at = indicators.size() + d;
            }
            if (cells.present[at]) {
                throw new IllegalArgumentException(code + " for " + unit + " " + period + " is given twice");
            }
            cells.values[at] = v;
            cells.present[at] = true;
            return this;
        }

        /**
         * Sets the label of group column {@code group} for a row (declaring the row if needed).
         *
         * @param unit the unit's code, not blank
         * @param period the period; {@code ""} for data without time
         * @param group the name of a group column of this builder
         * @param label the unit's group in that column (e.g. {@code Asia}); a later call replaces it
         * @return this builder
         * @throws IllegalArgumentException if there is no group column {@code group} or the unit is
         *     blank
         */
        public Builder group(String unit, String period, String group, String label) {
            Cells cells = cells(unit, period);
            int g = groupNames.indexOf(group);
            if (g < 0) {
                throw new IllegalArgumentException("no group column '" + group + "'");
            }
            cells.groups[g] = label;
            return this;
        }

        private static List<String> key(String unit, String period) {
            requireNonNull(unit, "unit");
            requireNonNull(period, "period");
            if (unit.isBlank()) {
                throw new IllegalArgumentException("a unit needs a code");
            }
            return List.of(unit, period);
        }

        /**
         * Returns the data: the full grid of periods × units, units sorted, periods in time order
         * (in text order unless every one reads as a period).
         *
         * @return the data given so far
         * @throws IllegalArgumentException if no row was given
         */
        public IndexData build() {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no data rows");
            }
            TreeSet<String> us = new TreeSet<>();
            TreeSet<String> psRaw = new TreeSet<>();
            for (List<String> k : rows.keySet()) {
                us.add(k.get(0));
                psRaw.add(k.get(1));
            }
            List<String> ps = new ArrayList<>(psRaw);
            ps.sort(periodOrder(ps));
            List<String> ul = new ArrayList<>(us);
            int nu = ul.size();
            int nr = nu * ps.size();
            Map<String, Integer> ui = new HashMap<>();
            for (int i = 0; i < nu; i++) {
                ui.put(ul.get(i), i);
            }
            Map<String, Integer> pi = new HashMap<>();
            for (int i = 0; i < ps.size(); i++) {
                pi.put(ps.get(i), i);
            }
            Matrix vals = new Matrix(nr, indicators.size());
            Matrix dens = new Matrix(nr, denominators.size());
            @Nullable String[][] g = new String[groupNames.size()][nr];
            boolean[] ex = new boolean[nr];
            int ni = indicators.size();
            for (Map.Entry<List<String>, Cells> e : rows.entrySet()) {
                int p = requireNonNull(pi.get(e.getKey().get(1)), "every period of a row is in the grid");
                int u = requireNonNull(ui.get(e.getKey().get(0)), "every unit of a row is in the grid");
                int r = p * nu + u;
                ex[r] = true;
                double[] v = e.getValue().values;
                boolean[] ok = e.getValue().present;
                for (int c = 0; c < ni; c++) {
                    vals.v[vals.at(r, c)] = v[c];
                    vals.ok[vals.at(r, c)] = ok[c];
                }
                for (int c = 0; c < denominators.size(); c++) {
                    dens.v[dens.at(r, c)] = v[ni + c];
                    dens.ok[dens.at(r, c)] = ok[ni + c];
                }
                @Nullable String[] gv = e.getValue().groups;
                for (int j = 0; j < gv.length; j++) {
                    g[j][r] = gv[j];
                }
            }
            List<String> nm = new ArrayList<>(nu);
            for (String u : ul) {
                nm.add(names.getOrDefault(u, u));
            }
            return new IndexData(ul, nm, ps, indicators, denominators, groupNames, vals, dens, g, ex);
        }

        /**
         * The values and presence of one row's indicators, then its denominators, and its group
         * labels (null: not given).
         */
        private static final class Cells {
            final double[] values;
            final boolean[] present;
            final @Nullable String[] groups;

            Cells(int columns, int groupColumns) {
                values = new double[columns];
                present = new boolean[columns];
                groups = new String[groupColumns];
            }
        }

        private static Comparator<String> periodOrder(List<String> ps) {
            Map<String, Period> parsed = new HashMap<>();
            for (String p : ps) {
                try {
                    parsed.put(p, Period.parse(p));
                } catch (RuntimeException e) {
                    return Comparator.naturalOrder();
                }
            }
            return Comparator.comparing(parsed::get);
        }
    }

    @Override
    public String toString() {
        return "IndexData"
                + Arrays.asList(
                        units.size() + " units", periods.size() + " periods", indicators.size() + " indicators");
    }

    // The serial form: what the constructor takes.
    private record SerialForm(
            List<String> units,
            List<String> unitNames,
            List<String> periods,
            List<String> indicators,
            List<String> denominators,
            List<String> groupNames,
            Matrix values,
            Matrix denoms,
            @Nullable String[][] groups,
            boolean[] rowExists)
            implements Serializable {
        private Object readResolve() throws InvalidObjectException {
            int rows = rowExists.length;
            if (units.size() * periods.size() != rows
                    || unitNames.size() != units.size()
                    || !values.fits(rows, indicators.size())
                    || !denoms.fits(rows, denominators.size())
                    || groups.length != groupNames.size()) {
                throw SerialForms.invalid("index data", new IllegalArgumentException("sizes do not agree"));
            }
            for (@Nullable String[] g : groups) {
                if (g.length != rows) {
                    throw SerialForms.invalid("index data", new IllegalArgumentException("group labels do not fit"));
                }
            }
            try {
                return new IndexData(
                        units,
                        unitNames,
                        periods,
                        indicators,
                        denominators,
                        groupNames,
                        values,
                        denoms,
                        groups,
                        rowExists);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw SerialForms.invalid("index data", e);
            }
        }
    }

    private Object writeReplace() {
        return new SerialForm(
                units, unitNames, periods, indicators, denominators, groupNames, values, denoms, groups, rowExists);
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw SerialForms.notSerialForm("index data");
    }
}
