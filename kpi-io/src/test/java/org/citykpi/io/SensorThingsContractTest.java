package org.citykpi.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract for SensorThings pages: one observation per line, with its Datastream, Thing and
 * ObservedProperty expanded.
 */
class SensorThingsContractTest extends ObservationReaderContractTest {
    @Override
    protected ObservationFormat format() {
        return ObservationFormat.SENSORTHINGS_JSON;
    }

    @Override
    protected String inputName() {
        return "page.json";
    }

    @Override
    protected Rendered render(List<Reading> readings) {
        Lines out = new Lines();
        out.put("{\"@iot.count\": " + readings.size() + ", \"value\": [");
        out.newline();
        List<Map<Field, Pos>> at = new ArrayList<>();
        for (int k = 0; k < readings.size(); k++) {
            Reading r = readings.get(k);
            Map<Field, Pos> m = positions();
            out.put("{\"@iot.id\": " + (k + 1) + ", \"phenomenonTime\": ");
            m.put(Field.TIME, out.put(jsonString(r.time())));
            out.put(", \"result\": ");
            m.put(Field.VALUE, out.put(jsonValue(r.value())));
            out.put(", \"Datastream\": {");
            if (r.unit() != null) {
                out.put("\"unitOfMeasurement\": {\"name\": \"unit\", \"symbol\": ");
                m.put(Field.UNIT, out.put(jsonString(r.unit())));
                out.put("}, ");
            }
            out.put("\"Thing\": {\"@iot.id\": 7, \"name\": ");
            m.put(Field.STATION, out.put(jsonString(r.station())));
            out.put("}, \"ObservedProperty\": {\"name\": ");
            m.put(Field.PROPERTY, out.put(jsonString(r.property())));
            out.put("}}}" + (k + 1 < readings.size() ? "," : ""));
            out.newline();
            at.add(m);
        }
        out.put("]}");
        out.newline();
        return new Rendered(out.text(), at);
    }
}
