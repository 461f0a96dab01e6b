package org.citykpi.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract for NGSI-LD temporal entities (normalized form): one entity per station, one
 * attribute per property, one instance per line. The station (the entity's id) and the property
 * (the attribute's name) are shared by many readings, so bad ones are checked elsewhere.
 */
class NgsiLdTemporalContractTest extends ObservationReaderContractTest {
    @Override
    protected ObservationFormat format() {
        return ObservationFormat.NGSI_LD_TEMPORAL;
    }

    @Override
    protected String inputName() {
        return "entities.jsonld";
    }

    @Override
    protected boolean perReading(Field f) {
        return f != Field.STATION && f != Field.PROPERTY;
    }

    private static String code(String unit) {
        return switch (unit) {
            case "ug/m3" -> "GQ";
            case "ppb" -> "61";
            default -> unit;
        };
    }

    @Override
    protected Rendered render(List<Reading> readings) {
        // group by station, then property, in order of first appearance
        Map<String, Map<String, List<Integer>>> groups = new LinkedHashMap<>();
        for (int k = 0; k < readings.size(); k++) {
            Reading r = readings.get(k);
            groups.computeIfAbsent(r.station(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(r.property(), p -> new ArrayList<>())
                    .add(k);
        }
        List<Map<Field, Pos>> at = new ArrayList<>();
        for (int k = 0; k < readings.size(); k++) {
            at.add(positions());
        }
        Lines out = new Lines();
        out.put("[");
        out.newline();
        int e = 0;
        for (Map.Entry<String, Map<String, List<Integer>>> entity : groups.entrySet()) {
            out.put("{\"id\": ");
            Pos id = out.put(jsonString(entity.getKey()));
            out.put(", \"type\": \"AirQualityObserved\",");
            out.newline();
            int a = 0;
            for (Map.Entry<String, List<Integer>> attr : entity.getValue().entrySet()) {
                Pos key = out.put(jsonString(attr.getKey()));
                out.put(": [");
                out.newline();
                List<Integer> ks = attr.getValue();
                for (int i = 0; i < ks.size(); i++) {
                    int k = ks.get(i);
                    Reading r = readings.get(k);
                    Map<Field, Pos> m = at.get(k);
                    m.put(Field.STATION, id);
                    m.put(Field.PROPERTY, key);
                    out.put("{\"type\": \"Property\", \"value\": ");
                    m.put(Field.VALUE, out.put(jsonValue(r.value())));
                    out.put(", \"observedAt\": ");
                    m.put(Field.TIME, out.put(jsonString(r.time())));
                    if (r.unit() != null) {
                        out.put(", \"unitCode\": ");
                        m.put(Field.UNIT, out.put(jsonString(code(r.unit()))));
                    }
                    out.put("}" + (i + 1 < ks.size() ? "," : ""));
                    out.newline();
                }
                out.put("]" + (++a < entity.getValue().size() ? "," : ""));
                out.newline();
            }
            out.put("}" + (++e < groups.size() ? "," : ""));
            out.newline();
        }
        out.put("]");
        out.newline();
        return new Rendered(out.text(), at);
    }
}
