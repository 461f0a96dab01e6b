package org.citykpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexExampleTest {
    @Test
    void printsEachCitysRankInterval() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        IndexExample.run(Path.of("data", "index"), new PrintStream(buf, true, StandardCharsets.UTF_8));
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("city"), lines.get(0));
        // 8 fictional cities, one line each, plus header and summary
        assertEquals(10, lines.size(), String.join("\n", lines));
        assertEquals("1000 runs, 0 failed", lines.get(9));
        int firsts = 0;
        for (String l : lines.subList(1, 9)) {
            assertTrue(l.contains("(fictional)"), l);
            String[] f = l.substring(26).trim().split("\\s+");
            double score = Double.parseDouble(f[0]);
            int rank = Integer.parseInt(f[1]);
            int lo = Integer.parseInt(f[2]);
            int hi = Integer.parseInt(f[4]);
            assertTrue(score >= 1 && score <= 100, l);
            assertTrue(lo <= hi && lo >= 1 && hi <= 8, l);
            firsts += rank == 1 ? 1 : 0;
        }
        assertEquals(1, firsts);
        // Alderhaven is best or equal-best on five of six indicators (synthetic data): nominal rank 1
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("Alderhaven (fictional)") && l.matches(".*\\s1\\s+1 – .*")),
                String.join("\n", lines));
    }
}
