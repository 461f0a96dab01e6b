package org.citykpi.io;

import java.util.List;

/** The contract for the JSON dataset: one observation per line, starting on line 3. */
class JsonDatasetContractTest extends DatasetReaderContractTest {
    @Override
    protected Format format() {
        return Format.JSON_DATASET;
    }

    @Override
    protected String render(List<Obs> obs) {
        StringBuilder sb = new StringBuilder("{\"format\": \"citykpi-dataset/1\",\n\"observations\": [\n");
        for (int i = 0; i < obs.size(); i++) {
            Obs o = obs.get(i);
            String v = o.value();
            // a value that is not a JSON number is written as a string, which the reader rejects
            boolean number = v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
            sb.append("  {\"entity\": \"")
                    .append(o.entity())
                    .append("\", \"period\": \"")
                    .append(o.period());
            sb.append("\", \"variable\": \"").append(o.variable()).append("\", \"value\": ");
            sb.append(number ? v : "\"" + v + "\"").append('}');
            sb.append(i + 1 < obs.size() ? ",\n" : "\n");
        }
        sb.append("]}\n");
        return sb.toString();
    }

    @Override
    protected long lineOf(List<Obs> obs, int k) {
        return k + 3;
    }

    @Override
    protected int columnOf(List<Obs> obs, int k, Field f) {
        // the character column (1-based) where the field's value starts on the observation's line
        String line = render(obs).split("\n", -1)[(int) lineOf(obs, k) - 1];
        String key = switch (f) {
            case ENTITY -> "\"entity\": ";
            case PERIOD -> "\"period\": ";
            case VALUE -> "\"value\": ";
        };
        return line.indexOf(key) + key.length() + 1;
    }
}
