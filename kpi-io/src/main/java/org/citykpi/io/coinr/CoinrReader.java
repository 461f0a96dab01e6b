package org.citykpi.io.coinr;

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

/**
 * Reads COINr's index input: {@code iMeta} (the hierarchy), {@code iData} (the values) and
 * denominator tables such as {@code WorldDenoms.csv}. Column names are matched case-insensitively;
 * {@code NA} and empty cells are missing; numbers use {@code .} as decimal separator.
 *
 * <p>iMeta columns: {@code iCode, Level, Parent, Direction, Weight} are required; {@code Type}
 * ({@code Indicator}, {@code Aggregate}, {@code Group}, {@code Denominator}, {@code Other}; inferred
 * from the level when absent), {@code iName}, {@code Unit}, {@code Target}, {@code Denominator},
 * {@code goalpost_lower}, {@code goalpost_upper}, {@code goalpost_scale}, {@code
 * goalpost_trunc2posts}, {@code dist2targ_cap_max} are optional. Every problem in an iMeta is
 * structural.
 *
 * <p>iData columns: {@code uCode} (required), {@code uName}, {@code Time}, the group and
 * denominator columns, and every indicator of the iMeta (each required). A row with a bad cell, a
 * blank {@code uCode} or a duplicate (uCode, Time) is rejected and reported; other rows are kept.
 *
 * <p>Stateless and thread-safe.
 */
public final class CoinrReader {
    private CoinrReader() {}

    /**
     * Reads an iMeta table.
     *
     * @throws IOException if the file cannot be read
     * @throws CoinrFormatException (structural) naming file, line and column of the first problem
     */
    public static CoinrMeta readMeta(Path path) throws IOException {
        try (CsvTable t = CsvTable.open(path)) {
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
            String[] rec;
            while ((rec = t.next()) != null) {
                requireHeaderWidth(t, rec, true);
                String code = rec[cCode].strip();
                if (CsvTable.isMissing(code)) {
                    throw new CoinrFormatException(
                            t.name, t.line(), cCode + 1, "iCode is empty", rec[cCode], "a code", true);
                }
                if (lines.containsKey(code)) {
                    throw new CoinrFormatException(
                            t.name,
                            t.line(),
                            cCode + 1,
                            "iCode defined twice (first on line " + lines.get(code) + ")",
                            code,
                            "unique codes",
                            true);
                }
                lines.put(code, t.line());
                String type = cType >= 0 && !CsvTable.isMissing(rec[cType])
                        ? rec[cType].strip().toLowerCase(Locale.ROOT)
                        : null;
                if ("group".equals(type)) {
                    groups.add(code);
                    continue;
                }
                if ("denominator".equals(type)) {
                    denoms.add(code);
                    continue;
                }
                if ("other".equals(type)) {
                    continue;
                }
                if (type != null && !type.equals("indicator") && !type.equals("aggregate")) {
                    throw new CoinrFormatException(
                            t.name,
                            t.line(),
                            cType + 1,
                            "unknown Type",
                            rec[cType],
                            "Indicator, Aggregate, Group, Denominator or Other",
                            true);
                }
                double lv = t.number(rec[cLevel], cLevel, "Level", true);
                if (lv != Math.rint(lv) || lv < 1 || lv > 100) {
                    throw new CoinrFormatException(
                            t.name,
                            t.line(),
                            cLevel + 1,
                            "bad Level",
                            rec[cLevel],
                            "a whole number from 1 (indicators) up",
                            true);
                }
                int level = (int) lv;
                if (type != null && (level == 1) != type.equals("indicator")) {
                    throw new CoinrFormatException(
                            t.name,
                            t.line(),
                            cType + 1,
                            "Type does not match Level " + level,
                            rec[cType],
                            level == 1 ? "Indicator at level 1" : "Aggregate above level 1",
                            true);
                }
                int dir = 1;
                if (CsvTable.isMissing(rec[cDir])) {
                    if (level == 1) {
                        throw new CoinrFormatException(
                                t.name,
                                t.line(),
                                cDir + 1,
                                "an indicator needs a Direction",
                                rec[cDir],
                                "1 or -1",
                                true);
                    }
                } else {
                    double d = t.number(rec[cDir], cDir, "Direction", true);
                    if (d != 1 && d != -1) {
                        throw new CoinrFormatException(
                                t.name, t.line(), cDir + 1, "bad Direction", rec[cDir], "1 or -1", true);
                    }
                    dir = (int) d;
                    if (level > 1 && dir == -1) {
                        notes.add(t.name + ":" + t.line() + ":" + (cDir + 1) + ": aggregate '" + code
                                + "' has Direction -1, which is not applied to aggregates (COINr ignores it too);"
                                + " using 1");
                        dir = 1;
                    }
                }
                if (CsvTable.isMissing(rec[cWeight])) {
                    throw new CoinrFormatException(
                            t.name, t.line(), cWeight + 1, "Weight is missing", rec[cWeight], "a number", true);
                }
                double weight = t.number(rec[cWeight], cWeight, "Weight", true);
                String parent = CsvTable.isMissing(rec[cParent]) ? null : rec[cParent].strip();
                String name = cName >= 0 && !CsvTable.isMissing(rec[cName]) ? rec[cName].strip() : code;
                OptionalDouble target = OptionalDouble.empty();
                if (cTarget >= 0 && !CsvTable.isMissing(rec[cTarget])) {
                    target = OptionalDouble.of(t.number(rec[cTarget], cTarget, "Target", true));
                }
                boolean cap = cCap >= 0 && bool(t, rec, cCap, false);
                Optional<Node.Goalposts> gp = Optional.empty();
                if (cGl >= 0 && cGu >= 0 && !CsvTable.isMissing(rec[cGl]) && !CsvTable.isMissing(rec[cGu])) {
                    double lo = t.number(rec[cGl], cGl, "goalpost_lower", true);
                    double up = t.number(rec[cGu], cGu, "goalpost_upper", true);
                    double sc = cGs >= 0 && !CsvTable.isMissing(rec[cGs])
                            ? t.number(rec[cGs], cGs, "goalpost_scale", true)
                            : 1;
                    boolean tr = cGt < 0 || bool(t, rec, cGt, true);
                    if (lo == up) {
                        throw new CoinrFormatException(
                                t.name,
                                t.line(),
                                cGu + 1,
                                "goalposts are equal",
                                rec[cGu],
                                "an upper goalpost different from the lower one",
                                true);
                    }
                    gp = Optional.of(new Node.Goalposts(lo, up, sc, tr));
                }
                Optional<String> denom = cDenom >= 0 && !CsvTable.isMissing(rec[cDenom])
                        ? Optional.of(rec[cDenom].strip())
                        : Optional.empty();
                nodes.add(
                        new Node(code, name, level, Optional.ofNullable(parent), dir, weight, target, gp, cap, denom));
            }
            checkTree(t.name, nodes, lines, cParent);
            try {
                return new CoinrMeta(Hierarchy.of(nodes), groups, denoms, notes);
            } catch (IllegalArgumentException e) {
                throw new CoinrFormatException(t.name, 0, 0, e.getMessage(), null, null, true);
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
            Node p = byCode.get(n.parent().get());
            if (p == null) {
                throw new CoinrFormatException(
                        file,
                        lines.get(n.code()),
                        cParent + 1,
                        "Parent of '" + n.code() + "' is not defined",
                        n.parent().get(),
                        "the iCode of an aggregate one level up",
                        true);
            }
            if (p.level() != n.level() + 1) {
                throw new CoinrFormatException(
                        file,
                        lines.get(n.code()),
                        cParent + 1,
                        "Parent of '" + n.code() + "' (level " + n.level() + ") is at level " + p.level(),
                        n.parent().get(),
                        "a parent at level " + (n.level() + 1),
                        true);
            }
            parents.add(p.code());
        }
        for (Node n : nodes) {
            if (!n.isIndicator() && !parents.contains(n.code())) {
                throw new CoinrFormatException(
                        file,
                        lines.get(n.code()),
                        0,
                        "aggregate '" + n.code() + "' has no children",
                        null,
                        "some rows one level down naming it as Parent",
                        true);
            }
        }
        if (!anyIndicator) {
            throw new CoinrFormatException(file, 0, 0, "no indicators", null, "rows with Level 1", true);
        }
    }

    private static boolean bool(CsvTable t, String[] rec, int col, boolean dflt) {
        String s = rec[col].strip().toUpperCase(Locale.ROOT);
        if (CsvTable.isMissing(s)) {
            return dflt;
        }
        if (s.equals("TRUE") || s.equals("T") || s.equals("1")) {
            return true;
        }
        if (s.equals("FALSE") || s.equals("F") || s.equals("0")) {
            return false;
        }
        throw new CoinrFormatException(
                t.name, t.line(), col + 1, "not a logical value", rec[col], "TRUE or FALSE", true);
    }

    private static int required(CsvTable t, String col) {
        int i = t.column(col);
        if (i < 0) {
            throw new CoinrFormatException(
                    t.name,
                    1,
                    0,
                    "missing required column '" + col + "'",
                    String.join(",", t.header),
                    "a header with " + col,
                    true);
        }
        return i;
    }

    /**
     * Reads an iData table for the indicators, groups and denominators of {@code meta}.
     *
     * @throws IOException if the file cannot be read
     * @throws CoinrFormatException (structural) if a required column is absent
     */
    public static CoinrData readData(Path path, CoinrMeta meta) throws IOException {
        return readData(path, meta, null);
    }

    /**
     * Reads an iData table and, if {@code denominators} is not null, a denominators table ({@code
     * uCode} plus one numeric column per denominator, such as COINr's {@code WorldDenoms.csv})
     * whose columns replace same-named iData columns. Only denominators that some indicator names
     * are read from it; its unit rows not in the iData are ignored.
     *
     * @throws IOException if a file cannot be read
     * @throws CoinrFormatException (structural) if a required column is absent
     */
    public static CoinrData readData(Path path, CoinrMeta meta, Path denominators) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (Node n : meta.hierarchy().indicators()) {
            n.denominator().ifPresent(wanted::add);
        }
        Map<String, Map<String, Double>> external = new HashMap<>();
        List<String> notes = new ArrayList<>();
        if (denominators != null) {
            external = readDenominators(denominators, wanted, notes);
        }
        try (CsvTable t = CsvTable.open(path)) {
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
            for (int c = 0; c < t.header.length; c++) {
                if (!used.contains(c)) {
                    (external.containsKey(t.header[c]) ? replaced : ignored).add(t.header[c]);
                }
            }
            if (!replaced.isEmpty()) {
                notes.add(t.name + ": denominator columns taken from " + denominators.getFileName() + " instead: "
                        + String.join(", ", replaced));
            }
            if (!ignored.isEmpty()) {
                notes.add(t.name + ": columns not in the iMeta, ignored: " + String.join(", ", ignored));
            }
            IndexData.Builder b = IndexData.builder(indCodes, denCodes, new ArrayList<>(cGrp.keySet()));
            Set<List<String>> seen = new HashSet<>();
            List<CoinrFormatException> rejected = new ArrayList<>();
            long read = 0;
            long accepted = 0;
            String[] rec;
            while (true) {
                try {
                    rec = t.next();
                } catch (CoinrFormatException e) {
                    read++;
                    rejected.add(e);
                    continue;
                }
                if (rec == null) {
                    break;
                }
                read++;
                try {
                    requireHeaderWidth(t, rec, false);
                    String unit = rec[cCode].strip();
                    if (CsvTable.isMissing(unit)) {
                        throw new CoinrFormatException(
                                t.name, t.line(), cCode + 1, "uCode is empty", rec[cCode], "a unit code", false);
                    }
                    String time = cTime >= 0 && !CsvTable.isMissing(rec[cTime]) ? rec[cTime].strip() : "";
                    if (!seen.add(List.of(unit, time))) {
                        throw new CoinrFormatException(
                                t.name,
                                t.line(),
                                cCode + 1,
                                "duplicate row for this unit" + (time.isEmpty() ? "" : " and Time " + time),
                                unit,
                                "one row per uCode and Time",
                                false);
                    }
                    double[] vals = new double[cInd.length];
                    boolean[] ok = new boolean[cInd.length];
                    for (int i = 0; i < cInd.length; i++) {
                        String s = rec[cInd[i]];
                        if (!CsvTable.isMissing(s)) {
                            vals[i] = t.number(s, cInd[i], indCodes.get(i), false);
                            ok[i] = true;
                        }
                    }
                    Map<String, Double> dv = new LinkedHashMap<>();
                    for (Map.Entry<String, Integer> e : cDen.entrySet()) {
                        String s = rec[e.getValue()];
                        if (!CsvTable.isMissing(s)) {
                            dv.put(e.getKey(), t.number(s, e.getValue(), e.getKey(), false));
                        }
                    }
                    b.row(unit, time);
                    if (cName >= 0 && !CsvTable.isMissing(rec[cName])) {
                        b.name(unit, rec[cName].strip());
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
                        String s = rec[e.getValue()];
                        if (!CsvTable.isMissing(s)) {
                            b.group(unit, time, e.getKey(), s.strip());
                        }
                    }
                    accepted++;
                } catch (CoinrFormatException e) {
                    rejected.add(e);
                }
            }
            if (accepted == 0) {
                throw new CoinrFormatException(t.name, 0, 0, "no usable data rows", null, "at least one unit", true);
            }
            return new CoinrData(b.build(), read, accepted, rejected, notes);
        }
    }

    private static Map<String, Map<String, Double>> readDenominators(Path path, Set<String> wanted, List<String> notes)
            throws IOException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        try (CsvTable t = CsvTable.open(path)) {
            int cCode = required(t, "uCode");
            Map<String, Integer> cols = new LinkedHashMap<>();
            for (String w : wanted) {
                if (t.column(w) >= 0) {
                    cols.put(w, t.column(w));
                    out.put(w, new HashMap<>());
                }
            }
            if (cols.isEmpty()) {
                throw new CoinrFormatException(
                        t.name,
                        1,
                        0,
                        "no column matches a denominator named in the iMeta",
                        String.join(",", t.header),
                        "one of " + wanted,
                        true);
            }
            String[] rec;
            while ((rec = t.next()) != null) {
                requireHeaderWidth(t, rec, true);
                String unit = rec[cCode].strip();
                for (Map.Entry<String, Integer> e : cols.entrySet()) {
                    String s = rec[e.getValue()];
                    if (!CsvTable.isMissing(s)) {
                        out.get(e.getKey()).put(unit, t.number(s, e.getValue(), e.getKey(), true));
                    }
                }
            }
            notes.add(t.name + ": denominators " + cols.keySet() + " taken from this file");
        }
        return out;
    }

    /** Rejects a row whose field count differs from the header's ({@code structural}: the whole file is unusable). */
    private static void requireHeaderWidth(CsvTable t, String[] rec, boolean structural) {
        if (rec.length != t.header.length) {
            throw new CoinrFormatException(
                    t.name,
                    t.line(),
                    0,
                    "the row has " + rec.length + " fields",
                    null,
                    t.header.length + " fields as in the header",
                    structural);
        }
    }
}
