package org.citykpi.io.coinr;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.citykpi.index.Hierarchy;
import org.citykpi.index.IndexData;
import org.citykpi.index.Node;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.internal.Failures;
import org.citykpi.io.internal.RowAccount;

/**
 * Reads COINr's index input: {@code iMeta} (the hierarchy), {@code iData} (the values) and
 * denominator tables such as {@code WorldDenoms.csv}. Files are read like every CSV of kpi-io (one
 * tokenizer: UTF-8, delimiter {@code ,} {@code ;} or tab, quotes per RFC 4180, blank lines
 * skipped, a row with more non-empty fields than the header or fewer fields is malformed). Column
 * names are matched case-insensitively; {@code NA} and empty cells are missing; numbers use {@code
 * .} as decimal separator. Problems are positioned {@link org.citykpi.io.Problem}s reading {@code
 * what 'value' (expected)}.
 *
 * <p>iMeta columns: {@code iCode, Level, Parent, Direction, Weight} are required; {@code Type}
 * ({@code Indicator}, {@code Aggregate}, {@code Group}, {@code Denominator}, {@code Other}; inferred
 * from the level when absent), {@code iName}, {@code Unit}, {@code Target}, {@code Denominator},
 * {@code goalpost_lower}, {@code goalpost_upper}, {@code goalpost_scale}, {@code
 * goalpost_trunc2posts}, {@code dist2targ_cap_max} are optional. Every problem in an iMeta makes
 * it unusable ({@link DataFormatException}).
 *
 * <p>iData columns: {@code uCode} (required), {@code uName}, {@code Time}, the group and
 * denominator columns, and every indicator of the iMeta (each required). A row with a bad cell, a
 * blank {@code uCode} or a duplicate (uCode, Time) is rejected and reported in the {@link
 * CoinrData} account; other rows are kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class CoinrReader {
    private CoinrReader() {}

    /**
     * Reads an iMeta table.
     *
     * @param path the iMeta CSV file; problems name it as given
     * @return the hierarchy, the group and denominator codes, and notes on what was adjusted
     * @throws IOException if the file cannot be read
     * @throws DataFormatException naming file, line and column of the first problem
     */
    public static CoinrMeta readMeta(Path path) throws IOException {
        try (CoinrTable t = CoinrTable.open(path, RowAccount.Mode.STRUCTURAL)) {
            int cCode = required(t, "iCode");
            int cLevel = required(t, "Level");
            int cParent = required(t, "Parent");
            int cDir = required(t, "Direction");
            int cWeight = required(t, "Weight");
            int cType = t.column("Type");
            int cName = t.column("iName");
            int cTarget = t.column("Target");
            int cDenom = t.column("Denominator");
            int cGl = t.column("goalpost_lower");
            int cGu = t.column("goalpost_upper");
            int cGs = t.column("goalpost_scale");
            int cGt = t.column("goalpost_trunc2posts");
            int cCap = t.column("dist2targ_cap_max");
            List<Node> nodes = new ArrayList<>();
            Map<String, Long> lines = new HashMap<>();
            List<String> groups = new ArrayList<>();
            List<String> denoms = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            while (t.next()) {
                String code = t.field(cCode).strip();
                if (CoinrTable.isMissing(code)) {
                    throw t.error(cCode, "iCode is empty", t.field(cCode), "a code");
                }
                Long firstLine = lines.putIfAbsent(code, t.line());
                if (firstLine != null) {
                    throw t.error(cCode, "iCode defined twice (first on line " + firstLine + ")", code, "unique codes");
                }
                String type = cType >= 0 && !t.isMissing(cType)
                        ? t.field(cType).strip().toLowerCase(Locale.ROOT)
                        : "";
                if (type.equals("group")) {
                    groups.add(code);
                    continue;
                }
                if (type.equals("denominator")) {
                    denoms.add(code);
                    continue;
                }
                if (type.equals("other")) {
                    continue;
                }
                if (!type.isEmpty() && !type.equals("indicator") && !type.equals("aggregate")) {
                    throw t.error(
                            cType, "unknown Type", t.field(cType), "Indicator, Aggregate, Group, Denominator or Other");
                }
                double lv = t.number(cLevel, "Level");
                if (lv != Math.rint(lv) || lv < 1 || lv > 100) {
                    throw t.error(cLevel, "bad Level", t.field(cLevel), "a whole number from 1 (indicators) up");
                }
                int level = (int) lv;
                if (!type.isEmpty() && (level == 1) != type.equals("indicator")) {
                    throw t.error(
                            cType,
                            "Type does not match Level " + level,
                            t.field(cType),
                            level == 1 ? "Indicator at level 1" : "Aggregate above level 1");
                }
                int dir = 1;
                if (t.isMissing(cDir)) {
                    if (level == 1) {
                        throw t.error(cDir, "an indicator needs a Direction", t.field(cDir), "1 or -1");
                    }
                } else {
                    double d = t.number(cDir, "Direction");
                    if (d != 1 && d != -1) {
                        throw t.error(cDir, "bad Direction", t.field(cDir), "1 or -1");
                    }
                    dir = (int) d;
                    if (level > 1 && dir == -1) {
                        notes.add(t.name + ":" + t.line() + ":" + (cDir + 1) + ": aggregate '" + code
                                + "' has Direction -1, which is not applied to aggregates (COINr ignores it too);"
                                + " using 1");
                        dir = 1;
                    }
                }
                if (t.isMissing(cWeight)) {
                    throw t.error(cWeight, "Weight is missing", t.field(cWeight), "a number");
                }
                double weight = t.number(cWeight, "Weight");
                Optional<String> parent = t.isMissing(cParent)
                        ? Optional.empty()
                        : Optional.of(t.field(cParent).strip());
                String name = cName >= 0 && !t.isMissing(cName) ? t.field(cName).strip() : code;
                OptionalDouble target = OptionalDouble.empty();
                if (cTarget >= 0 && !t.isMissing(cTarget)) {
                    target = OptionalDouble.of(t.number(cTarget, "Target"));
                }
                boolean cap = cCap >= 0 && bool(t, cCap, false);
                Optional<Node.Goalposts> gp = Optional.empty();
                if (cGl >= 0 && cGu >= 0 && !t.isMissing(cGl) && !t.isMissing(cGu)) {
                    double lo = t.number(cGl, "goalpost_lower");
                    double up = t.number(cGu, "goalpost_upper");
                    double sc = cGs >= 0 && !t.isMissing(cGs) ? t.number(cGs, "goalpost_scale") : 1;
                    boolean tr = cGt < 0 || bool(t, cGt, true);
                    if (lo == up) {
                        throw t.error(
                                cGu,
                                "goalposts are equal",
                                t.field(cGu),
                                "an upper goalpost different from the lower one");
                    }
                    gp = Optional.of(new Node.Goalposts(lo, up, sc, tr));
                }
                Optional<String> denom = cDenom >= 0 && !t.isMissing(cDenom)
                        ? Optional.of(t.field(cDenom).strip())
                        : Optional.empty();
                nodes.add(new Node(code, name, level, parent, dir, weight, target, gp, cap, denom));
            }
            checkTree(t.name, nodes, lines, cParent);
            try {
                return new CoinrMeta(Hierarchy.of(nodes), groups, denoms, notes);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(CoinrTable.problem(t.name, 0, 0, Failures.message(e), ""));
            }
        }
    }

    private static void checkTree(String file, List<Node> nodes, Map<String, Long> lines, int cParent) {
        Map<String, Node> byCode = new HashMap<>();
        for (Node n : nodes) {
            byCode.put(n.code(), n);
        }
        Set<String> parents = new HashSet<>();
        boolean anyIndicator = false;
        for (Node n : nodes) {
            anyIndicator |= n.isIndicator();
            if (n.parent().isEmpty()) {
                continue;
            }
            String parent = n.parent().get();
            Node p = byCode.get(parent);
            if (p == null) {
                throw new DataFormatException(CoinrTable.problem(
                        file,
                        lineOf(lines, n),
                        cParent + 1,
                        "Parent of '" + n.code() + "' is not defined",
                        parent,
                        "the iCode of an aggregate one level up"));
            }
            if (p.level() != n.level() + 1) {
                throw new DataFormatException(CoinrTable.problem(
                        file,
                        lineOf(lines, n),
                        cParent + 1,
                        "Parent of '" + n.code() + "' (level " + n.level() + ") is at level " + p.level(),
                        parent,
                        "a parent at level " + (n.level() + 1)));
            }
            parents.add(p.code());
        }
        for (Node n : nodes) {
            if (!n.isIndicator() && !parents.contains(n.code())) {
                throw new DataFormatException(CoinrTable.problem(
                        file,
                        lineOf(lines, n),
                        0,
                        "aggregate '" + n.code() + "' has no children",
                        "some rows one level down naming it as Parent"));
            }
        }
        if (!anyIndicator) {
            throw new DataFormatException(CoinrTable.problem(file, 0, 0, "no indicators", "rows with Level 1"));
        }
    }

    /** Returns the line of {@code n}'s row: every node read was put in {@code lines} with its line. */
    private static long lineOf(Map<String, Long> lines, Node n) {
        return requireNonNull(lines.get(n.code()), "every node read has its line");
    }

    private static boolean bool(CoinrTable t, int col, boolean dflt) {
        String s = t.field(col).strip().toUpperCase(Locale.ROOT);
        if (CoinrTable.isMissing(s)) {
            return dflt;
        }
        if (s.equals("TRUE") || s.equals("T") || s.equals("1")) {
            return true;
        }
        if (s.equals("FALSE") || s.equals("F") || s.equals("0")) {
            return false;
        }
        throw t.error(col, "not a logical value", t.field(col), "TRUE or FALSE");
    }

    private static int required(CoinrTable t, String col) {
        int i = t.column(col);
        if (i < 0) {
            throw new DataFormatException(CoinrTable.problem(
                    t.name,
                    1,
                    0,
                    "missing required column '" + col + "'",
                    String.join(",", t.header),
                    "a header with " + col));
        }
        return i;
    }

    /**
     * Reads an iData table for the indicators, groups and denominators of {@code meta}.
     *
     * @param path the iData CSV file; problems name it as given
     * @param meta the iMeta read before, whose indicator columns the iData must all have
     * @return the data of the accepted rows with the account of every row
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if a required column is absent, or no row is usable
     */
    public static CoinrData readData(Path path, CoinrMeta meta) throws IOException {
        return read(path, meta, Map.of(), new ArrayList<>(), "");
    }

    /**
     * Reads an iData table and a denominators table ({@code uCode} plus one numeric column per
     * denominator, such as COINr's {@code WorldDenoms.csv}) whose columns replace same-named iData
     * columns. Only denominators that some indicator names are read from it; its unit rows not in
     * the iData are ignored.
     *
     * @param path the iData CSV file; problems name it as given
     * @param meta the iMeta read before, whose indicator columns the iData must all have
     * @param denominators the denominators CSV file
     * @return the data of the accepted rows, with the denominators of the second file, and the
     *     account of every iData row
     * @throws IOException if a file cannot be read
     * @throws DataFormatException if a required column is absent, a denominators row is bad, or no
     *     iData row is usable
     */
    public static CoinrData readData(Path path, CoinrMeta meta, Path denominators) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (Node n : meta.hierarchy().indicators()) {
            n.denominator().ifPresent(wanted::add);
        }
        List<String> notes = new ArrayList<>();
        Map<String, Map<String, Double>> external = readDenominators(denominators, wanted, notes);
        return read(path, meta, external, notes, String.valueOf(denominators.getFileName()));
    }

    private static CoinrData read(
            Path path,
            CoinrMeta meta,
            Map<String, Map<String, Double>> external,
            List<String> notes,
            String denominatorsName)
            throws IOException {
        try (CoinrTable t = CoinrTable.open(path, RowAccount.Mode.LENIENT)) {
            int cCode = required(t, "uCode");
            int cName = t.column("uName");
            int cTime = t.column("Time");
            List<Node> ind = meta.hierarchy().indicators();
            List<String> indCodes = new ArrayList<>();
            int[] cInd = new int[ind.size()];
            for (int i = 0; i < ind.size(); i++) {
                indCodes.add(ind.get(i).code());
                cInd[i] = required(t, ind.get(i).code());
            }
            Map<String, Integer> cDen = new LinkedHashMap<>();
            for (String d : meta.denominators()) {
                if (t.column(d) >= 0 && !external.containsKey(d)) {
                    cDen.put(d, t.column(d));
                }
            }
            List<String> denCodes = new ArrayList<>(cDen.keySet());
            denCodes.addAll(external.keySet());
            Map<String, Integer> cGrp = new LinkedHashMap<>();
            for (String g : meta.groups()) {
                if (t.column(g) >= 0) {
                    cGrp.put(g, t.column(g));
                }
            }
            Set<Integer> used = new HashSet<>(cDen.values());
            used.addAll(cGrp.values());
            for (int c : cInd) {
                used.add(c);
            }
            used.add(cCode);
            used.add(cName);
            used.add(cTime);
            List<String> ignored = new ArrayList<>();
            List<String> replaced = new ArrayList<>();
            for (int c = 0; c < t.header.size(); c++) {
                if (!used.contains(c)) {
                    (external.containsKey(t.header.get(c)) ? replaced : ignored).add(t.header.get(c));
                }
            }
            if (!replaced.isEmpty()) {
                notes.add(t.name + ": denominator columns taken from " + denominatorsName + " instead: "
                        + String.join(", ", replaced));
            }
            if (!ignored.isEmpty()) {
                notes.add(t.name + ": columns not in the iMeta, ignored: " + String.join(", ", ignored));
            }
            IndexData.Builder b = IndexData.builder(indCodes, denCodes, new ArrayList<>(cGrp.keySet()));
            Set<List<String>> seen = new HashSet<>();
            while (t.next()) {
                try {
                    row(t, b, seen, cCode, cName, cTime, cInd, indCodes, cDen, cGrp, external);
                    t.account.accept();
                } catch (DataFormatException e) {
                    t.account.reject(e.problem());
                }
            }
            RowAccount a = t.account;
            if (a.accepted() == 0) {
                throw new DataFormatException(
                        CoinrTable.problem(t.name, 0, 0, "no usable data rows", "at least one unit"));
            }
            return new CoinrData(b.build(), a.accepted(), a.rejected(), a.problems(), a.omitted(), notes);
        }
    }

    /**
     * Adds the current row of {@code t} to {@code b}, or throws the first problem found in it
     * (before anything is added).
     */
    private static void row(
            CoinrTable t,
            IndexData.Builder b,
            Set<List<String>> seen,
            int cCode,
            int cName,
            int cTime,
            int[] cInd,
            List<String> indCodes,
            Map<String, Integer> cDen,
            Map<String, Integer> cGrp,
            Map<String, Map<String, Double>> external) {
        String unit = t.field(cCode).strip();
        if (CoinrTable.isMissing(unit)) {
            throw t.error(cCode, "uCode is empty", t.field(cCode), "a unit code");
        }
        String time = cTime >= 0 && !t.isMissing(cTime) ? t.field(cTime).strip() : "";
        if (seen.contains(List.of(unit, time))) {
            throw t.error(
                    cCode,
                    "duplicate row for this unit" + (time.isEmpty() ? "" : " and Time " + time),
                    unit,
                    "one row per uCode and Time");
        }
        double[] vals = new double[cInd.length];
        boolean[] ok = new boolean[cInd.length];
        for (int i = 0; i < cInd.length; i++) {
            if (!t.isMissing(cInd[i])) {
                vals[i] = t.number(cInd[i], indCodes.get(i));
                ok[i] = true;
            }
        }
        Map<String, Double> dv = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : cDen.entrySet()) {
            if (!t.isMissing(e.getValue())) {
                dv.put(e.getKey(), t.number(e.getValue(), e.getKey()));
            }
        }
        seen.add(List.of(unit, time));
        b.row(unit, time);
        if (cName >= 0 && !t.isMissing(cName)) {
            b.name(unit, t.field(cName).strip());
        }
        for (int i = 0; i < cInd.length; i++) {
            if (ok[i]) {
                b.value(unit, time, indCodes.get(i), vals[i]);
            }
        }
        dv.forEach((k, v) -> b.value(unit, time, k, v));
        for (Map.Entry<String, Map<String, Double>> e : external.entrySet()) {
            Double v = e.getValue().get(unit);
            if (v != null) {
                b.value(unit, time, e.getKey(), v);
            }
        }
        for (Map.Entry<String, Integer> e : cGrp.entrySet()) {
            if (!t.isMissing(e.getValue())) {
                b.group(unit, time, e.getKey(), t.field(e.getValue()).strip());
            }
        }
    }

    private static Map<String, Map<String, Double>> readDenominators(Path path, Set<String> wanted, List<String> notes)
            throws IOException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        try (CoinrTable t = CoinrTable.open(path, RowAccount.Mode.STRUCTURAL)) {
            int cCode = required(t, "uCode");
            Map<String, Integer> cols = new LinkedHashMap<>();
            for (String w : wanted) {
                if (t.column(w) >= 0) {
                    cols.put(w, t.column(w));
                    out.put(w, new HashMap<>());
                }
            }
            if (cols.isEmpty()) {
                throw new DataFormatException(CoinrTable.problem(
                        t.name,
                        1,
                        0,
                        "no column matches a denominator named in the iMeta",
                        String.join(",", t.header),
                        "one of " + wanted));
            }
            while (t.next()) {
                String unit = t.field(cCode).strip();
                for (Map.Entry<String, Integer> e : cols.entrySet()) {
                    if (!t.isMissing(e.getValue())) {
                        requireNonNull(out.get(e.getKey()), "a map is put in out for every column in cols")
                                .put(unit, t.number(e.getValue(), e.getKey()));
                    }
                }
            }
            notes.add(t.name + ": denominators " + cols.keySet() + " taken from this file");
        }
        return out;
    }
}
