package org.citykpi.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract for wide CSV: one row per (entity, period) in order of first appearance, one
 * column per variable; a repeated (entity, period, variable) starts a new row.
 */
class WideCsvContractTest extends DatasetReaderContractTest {
    @Override
    protected Format format() {
        return Format.WIDE_CSV;
    }

    private record Layout(List<String> vars, List<Map<String, String>> rows, List<Integer> rowOf) {}

    private static Layout layout(List<Obs> obs) {
        Set<String> vars = new LinkedHashSet<>();
        for (Obs o : obs) {
            vars.add(o.variable());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (Obs o : obs) {
            String key = o.entity() + "," + o.period();
            int r = keys.lastIndexOf(key);
            if (r < 0 || rows.get(r).containsKey(o.variable())) {
                keys.add(key);
                rows.add(new LinkedHashMap<>());
                r = rows.size() - 1;
            }
            rows.get(r).put(o.variable(), o.value());
            rowOf.add(r);
        }
        List<Map<String, String>> withKeys = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> m = new LinkedHashMap<>(rows.get(i));
            m.put("\u0000key", keys.get(i));
            withKeys.add(m);
        }
        return new Layout(new ArrayList<>(vars), withKeys, rowOf);
    }

    @Override
    protected String render(List<Obs> obs) {
        Layout l = layout(obs);
        // synonym headers, as exports write them
        StringBuilder sb = new StringBuilder("City,Year");
        for (String v : l.vars()) {
            sb.append(',').append(v);
        }
        sb.append('\n');
        for (Map<String, String> row : l.rows()) {
            sb.append(row.get("\u0000key"));
            for (String v : l.vars()) {
                sb.append(',').append(row.getOrDefault(v, ""));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    protected long lineOf(List<Obs> obs, int k) {
        return layout(obs).rowOf().get(k) + 2;
    }

    @Override
    protected long rowsFor(List<Obs> obs) {
        return layout(obs).rows().size();
    }

    @Override
    protected List<String> rejectedWithRow(List<Obs> obs, int k) {
        // a wide row is taken whole or rejected whole
        Obs o = obs.get(k);
        List<String> lost = new ArrayList<>();
        for (Obs x : obs) {
            if (x.entity().equals(o.entity()) && x.period().equals(o.period())) {
                lost.add(x.entity() + "|" + x.period() + "|" + x.variable());
            }
        }
        return lost;
    }

    @Override
    protected int columnOf(List<Obs> obs, int k, Field f) {
        // City,Year,<variables in order of first appearance>
        return switch (f) {
            case ENTITY -> 1;
            case PERIOD -> 2;
            case VALUE -> 3 + layout(obs).vars().indexOf(obs.get(k).variable());
        };
    }
}
