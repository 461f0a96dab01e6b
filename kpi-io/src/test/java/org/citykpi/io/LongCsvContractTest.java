package org.citykpi.io;

import java.util.List;

/** The contract for long CSV: {@code entity,period,variable,value}, header on line 1. */
class LongCsvContractTest extends DatasetReaderContractTest {
    @Override
    protected Format format() {
        return Format.LONG_CSV;
    }

    @Override
    protected String render(List<Obs> obs) {
        StringBuilder sb = new StringBuilder("entity,period,variable,value\n");
        for (Obs o : obs) {
            sb.append(o.entity())
                    .append(',')
                    .append(o.period())
                    .append(',')
                    .append(o.variable())
                    .append(',');
            sb.append(o.value()).append('\n');
        }
        return sb.toString();
    }

    @Override
    protected long lineOf(List<Obs> obs, int k) {
        return k + 2;
    }

    @Override
    protected int columnOf(List<Obs> obs, int k, Field f) {
        return fixed(f, 1, 2, 4); // entity,period,variable,value
    }
}
