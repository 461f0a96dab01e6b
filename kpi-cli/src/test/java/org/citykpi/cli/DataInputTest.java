package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared data options: --entity for exports that name no entity, and quarterly periods. */
class DataInputTest {
    private static final String CATALOG = "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\","
            + "\"variables\":[{\"id\":\"hh\",\"unit\":\"households\"},{\"id\":\"hh_net\",\"unit\":\"households\"}],"
            + "\"indicators\":[{\"id\":\"NET\",\"name\":\"n\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"100 * hh_net / hh\"}]}";

    @Test
    void entityOptionNamesTheCityOfAnExportWithoutOne(@TempDir Path dir) throws Exception {
        Path cat = Cli.write(dir, "cat.json", CATALOG);
        Path data = Cli.write(
                dir, "osdg.csv", "Year,Series,Units,Value\n2021,hh,households,200\n2021,hh_net,households,150\n");
        Cli.Run without = Cli.run("compute", "--data", data.toString(), "--catalog", cat.toString());
        assertEquals(3, without.code(), without.err());
        assertTrue(without.err().contains("osdg.csv:1: required column entity is absent"), without.err());
        Cli.Run with =
                Cli.run("compute", "--data", data.toString(), "--catalog", cat.toString(), "--entity", "northbay");
        assertEquals(0, with.code(), with.err());
        List<Map<String, String>> rows = with.rows();
        // 100 * 150 / 200 = 75, by hand.
        assertEquals("northbay", rows.get(0).get("entity"));
        assertEquals(75, Double.parseDouble(rows.get(0).get("value")), 1e-12);
    }

    @Test
    void quarterlyPeriodsAreRead(@TempDir Path dir) throws Exception {
        Path cat = Cli.write(dir, "cat.json", CATALOG);
        Path data = Cli.write(dir, "q.csv", "entity,period,variable,value\na,2020-Q2,hh,10\na,2020-Q2,hh_net,4\n");
        Cli.Run r = Cli.run("compute", "--data", data.toString(), "--catalog", cat.toString());
        assertEquals(0, r.code(), r.err());
        // 100 * 4 / 10 = 40, by hand.
        assertEquals("2020-Q2", r.rows().get(0).get("period"));
        assertEquals(40, Double.parseDouble(r.rows().get(0).get("value")), 1e-12);
    }
}
