package org.citykpi.io;

import java.util.List;

/** The contract for SDMX-CSV 1.0: {@code DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS}. */
class Sdmx1ContractTest extends DatasetReaderContractTest {
    @Override
    protected Format format() {
        return Format.SDMX_CSV_1;
    }

    @Override
    protected String render(List<Obs> obs) {
        StringBuilder sb = new StringBuilder("DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n");
        for (Obs o : obs) {
            sb.append("CITY:KPI(1.0),A,")
                    .append(o.entity())
                    .append(',')
                    .append(o.variable())
                    .append(',');
            sb.append(o.period()).append(',').append(o.value()).append(",A\n");
        }
        return sb.toString();
    }

    @Override
    protected long lineOf(List<Obs> obs, int k) {
        return k + 2;
    }

    @Override
    protected int columnOf(List<Obs> obs, int k, Field f) {
        return fixed(f, 3, 5, 6); // DATAFLOW,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS
    }
}
