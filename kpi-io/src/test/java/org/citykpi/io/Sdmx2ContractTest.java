package org.citykpi.io;

import java.util.List;

/** The contract for SDMX-CSV 2.0 with semicolons and {@code labels=both} dimension cells. */
class Sdmx2ContractTest extends DatasetReaderContractTest {
    @Override
    protected Format format() {
        return Format.SDMX_CSV_2;
    }

    @Override
    protected String render(List<Obs> obs) {
        StringBuilder sb = new StringBuilder(
                "STRUCTURE;STRUCTURE_ID;ACTION;FREQ;REF_AREA;INDICATOR;TIME_PERIOD;OBS_VALUE;OBS_STATUS;UNIT_MULT\r\n");
        for (Obs o : obs) {
            sb.append("dataflow;CITY:KPI(1.0);I;A: Annual;")
                    .append(o.entity())
                    .append(';')
                    .append(o.variable());
            sb.append(';').append(o.period()).append(';').append(o.value()).append(";A;0\r\n");
        }
        return sb.toString();
    }

    @Override
    protected long lineOf(List<Obs> obs, int k) {
        return k + 2;
    }

    @Override
    protected int columnOf(List<Obs> obs, int k, Field f) {
        return fixed(f, 5, 7, 8); // STRUCTURE;STRUCTURE_ID;ACTION;FREQ;REF_AREA;INDICATOR;TIME_PERIOD;OBS_VALUE;...
    }
}
