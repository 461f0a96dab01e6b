package org.citykpi.io.coinr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.IndexResult;
import org.citykpi.index.IndexStatistics;
import org.citykpi.index.Normaliser;
import org.citykpi.index.Pipeline;
import org.citykpi.io.TestResources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parity with COINr 1.1.14 on its ASEM example: the reference outputs in the test resources' {@code
 * coinr-asem/reference/} (17 significant digits, computed by COINr; origin and licence in its
 * README) are reproduced to a relative 1e-9, ranks exactly. The reference files are parsed here
 * with a plain split (they hold no quoted commas), not with the reader under test.
 */
class AsemParityTest {
    /** COINr's ASEM example, vendored in this module's test resources. */
    static final Path PEER = TestResources.path("/coinr-asem");

    static List<String[]> table(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
            String[] f = line.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].replace("\"", "");
            }
            out.add(f);
        }
        return out;
    }

    static IndexResult build(String metaFile, Pipeline p) throws IOException {
        CoinrMeta meta = CoinrReader.readMeta(PEER.resolve("input").resolve(metaFile));
        CoinrData data = CoinrReader.readData(PEER.resolve("input/ASEM_iData.csv"), meta);
        assertEquals(51, data.rowsAccepted());
        return CompositeIndex.of(meta.hierarchy(), data.data()).build(p);
    }

    @ParameterizedTest
    @CsvSource({"minmax_amean, 'minmax:0,100'", "zscore_amean, 'zscore:0,1'"})
    void reproducesReferencePipeline(String ref, String normaliser) throws IOException {
        IndexResult r = build("ASEM_iMeta.csv", Pipeline.defaults().withNormaliser(Normaliser.parse(normaliser)));
        List<String[]> agg = table(PEER.resolve("reference").resolve(ref).resolve("aggregated.csv"));
        List<String[]> ranks = table(PEER.resolve("reference").resolve(ref).resolve("ranks.csv"));
        String[] head = agg.get(0);
        int checked = 0;
        for (int i = 1; i < agg.size(); i++) {
            String unit = agg.get(i)[0];
            assertEquals(unit, ranks.get(i)[0]);
            for (int c = 1; c < head.length; c++) {
                String want = agg.get(i)[c];
                OptionalDouble got = r.value(unit, head[c]);
                OptionalInt rank = r.rank(unit, head[c]);
                if (want.equals("NA")) {
                    assertTrue(got.isEmpty(), unit + " " + head[c]);
                    continue;
                }
                double w = Double.parseDouble(want);
                double tol = 1e-9 * Math.max(Math.abs(w), 1e-9);
                assertEquals(w, got.getAsDouble(), tol, unit + " " + head[c]);
                assertEquals(Integer.parseInt(ranks.get(i)[c]), rank.getAsInt(), unit + " " + head[c]);
                checked++;
            }
        }
        // 51 units × 60 columns less COINr's NAs (63 missing indicator values and none above)
        assertEquals(51 * 60 - 63, checked);
    }

    @ParameterizedTest
    @CsvSource({"minmax_amean", "zscore_amean"})
    void reproducesEffectiveWeights(String ref) throws IOException {
        IndexResult r = build("ASEM_iMeta.csv", Pipeline.defaults());
        Map<String, Double> w = IndexStatistics.effectiveWeights(r.hierarchy());
        List<String[]> ew = table(PEER.resolve("reference").resolve(ref).resolve("effective_weights.csv"));
        for (int i = 1; i < ew.size(); i++) {
            assertEquals(Double.parseDouble(ew.get(i)[3]), w.get(ew.get(i)[0]), 1e-15, ew.get(i)[0]);
        }
        assertEquals(60, ew.size() - 1);
    }

    @ParameterizedTest
    @CsvSource({"P2P, 6", "Social, 5", "SusEcFin, 1", "Sust, 5", "Index, 5", "Conn, 0"})
    void minimumCoverageAsCoinr(String code, int missing) throws IOException {
        // docs/reference/composite-methods.md §3.3: with dat_thresh 0.8, P2P has 6 NA, Social 5, SusEcFin 1, Sust 5,
        // Index 5
        IndexResult r = build("ASEM_iMeta.csv", Pipeline.defaults().withMinCoverage(0.8));
        int na = 0;
        for (String u : r.data().units()) {
            na += r.value(u, code).isEmpty() ? 1 : 0;
        }
        assertEquals(missing, na);
    }
}
