package org.citykpi.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The contract for the observations CSV: {@code station,time,property,value,unit}, header on line 1. */
class ObservationCsvContractTest extends ObservationReaderContractTest {
    @Override
    protected ObservationFormat format() {
        return ObservationFormat.OBSERVATIONS_CSV;
    }

    @Override
    protected String inputName() {
        return "obs.csv";
    }

    @Override
    protected Rendered render(List<Reading> readings) {
        StringBuilder sb = new StringBuilder("station,time,property,value,unit\n");
        List<Map<Field, Pos>> at = new ArrayList<>();
        for (int k = 0; k < readings.size(); k++) {
            Reading r = readings.get(k);
            sb.append(r.station()).append(',').append(r.time()).append(',').append(r.property());
            sb.append(',').append(r.value() == null ? "" : r.value());
            sb.append(',').append(r.unit() == null ? "" : r.unit()).append('\n');
            Map<Field, Pos> m = positions();
            long line = k + 2;
            m.put(Field.STATION, new Pos(line, 1));
            m.put(Field.TIME, new Pos(line, 2));
            m.put(Field.PROPERTY, new Pos(line, 3));
            m.put(Field.VALUE, new Pos(line, 4));
            m.put(Field.UNIT, new Pos(line, 5));
            at.add(m);
        }
        return new Rendered(sb.toString(), at);
    }
}
