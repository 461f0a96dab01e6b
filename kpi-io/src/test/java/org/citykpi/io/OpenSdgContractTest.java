package org.citykpi.io;

import java.util.List;

/** The contract for Open SDG tidy CSV: {@code Year,Series,GeoCode,Units,Value}, headline rows only. */
class OpenSdgContractTest extends DatasetReaderContractTest {
    @Override
    protected Format format() {
        return Format.OPEN_SDG_CSV;
    }

    @Override
    protected String inputName() {
        return "indicator_11-6-2.csv";
    }

    @Override
    protected String render(List<Obs> obs) {
        StringBuilder sb = new StringBuilder("Year,Series,GeoCode,Sex,Observation status,Value\n");
        for (Obs o : obs) {
            sb.append(o.period()).append(',').append(o.variable()).append(',').append(o.entity());
            sb.append(",,A,").append(o.value()).append('\n');
        }
        return sb.toString();
    }

    @Override
    protected long lineOf(List<Obs> obs, int k) {
        return k + 2;
    }

    @Override
    protected int columnOf(List<Obs> obs, int k, Field f) {
        return fixed(f, 3, 1, 6); // Year,Series,GeoCode,Sex,Observation status,Value
    }
}
