package org.citykpi.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.citykpi.catalog.Catalog;
import org.citykpi.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogJsonErrorsTest {
    private static Catalog read(String json) throws Exception {
        return CatalogJson.read("cat.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String catalog(String indicators) {
        return "{\"format\":\"citykpi-catalog/1\",\"id\":\"t\",\"version\":\"1\",\n"
                + "\"variables\":[{\"id\":\"a\",\"unit\":\"x\"},{\"id\":\"b\",\"unit\":\"x\",\"min\":0}],\n"
                + "\"indicators\":[\n" + indicators + "]}";
    }

    @Test
    void readsTheDesignExample() throws Exception {
        Catalog c = read(
                catalog(
                        "{\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"100 * a / b\"},\n"
                                + "{\"id\":\"L\",\"name\":\"l\",\"unit\":\"%\",\"direction\":\"lower\",\"formula\":\"100 - K\"}"));
        assertEquals(2, c.indicators().size());
        assertEquals(0, c.variable("b").orElseThrow().min(), 0);
        assertEquals("100 - K", c.indicator("L").orElseThrow().formulaText());
    }

    /** Each problem names the line of the object concerned (line 4 is the first indicator here). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"a / c\"} | cat.json:4:1: indicator K: formula 'a / c' names 'c'",
                "{\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"up-ish\",\"formula\":\"a\"} | cat.json:4:1: indicator K: not a direction 'up-ish'",
                "{\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"100 * a /\"} | cat.json:4:1: indicator K: formula '100 * a /': column 10",
                "{\"id\":\"K\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"a\"} | cat.json:4:1: 'K': \"name\" is required",
                "{\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"L\"}, {\"id\":\"L\",\"name\":\"l\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"K\"} | depends on itself: K -> L -> K",
                "{\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"a\"}, {\"id\":\"K\",\"name\":\"k\",\"unit\":\"%\",\"direction\":\"higher\",\"formula\":\"b\"} | cat.json:4:70: indicator K is defined twice"
            })
    void positionsEveryProblem(String indicators, String expected) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(catalog(indicators)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("cat.json:"), e.getMessage());
    }

    @Test
    void rejectsBrokenJsonAndWrongFormat() {
        DataFormatException broken =
                assertThrows(DataFormatException.class, () -> read("{\"format\": \"citykpi-catalog/1\",\n\"id\": }"));
        assertTrue(broken.getMessage().startsWith("cat.json:2:"), broken.getMessage());
        DataFormatException format =
                assertThrows(DataFormatException.class, () -> read("{\"format\": \"other/2\", \"id\": \"x\"}"));
        assertTrue(format.getMessage().contains("(expected \"citykpi-catalog/1\")"), format.getMessage());
        DataFormatException deep = assertThrows(DataFormatException.class, () -> read("[".repeat(200)));
        assertTrue(deep.getMessage().startsWith("cat.json:1:"), deep.getMessage());
    }
}
