package org.citykpi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * One Monte Carlo analysis split into ranges of runs (as on the executors of a cluster) and put back
 * together gives {@link UncertaintyAnalysis#run}'s result bit for bit; analyses and batches survive
 * Java serialization unchanged.
 */
class DistributedRunsTest {
    static final int RUNS = 50;

    static UncertaintyAnalysis analysis() {
        return UncertaintyAnalysis.create(
                UncertaintyAnalysisTest.index(),
                Pipeline.defaults().withNormaliser(new Normaliser.MinMax(1, 100)),
                UncertaintyAnalysisTest.inputs());
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertSame(UncertaintyResult expected, UncertaintyResult actual) {
        assertEquals(expected.runs(), actual.runs());
        assertEquals(expected.target(), actual.target());
        assertEquals(expected.inputs(), actual.inputs());
        for (int k = 0; k < expected.runs(); k++) {
            for (int i = 0; i < expected.inputs().size(); i++) {
                assertEquals(
                        Double.doubleToRawLongBits(expected.design(k, i)),
                        Double.doubleToRawLongBits(actual.design(k, i)));
            }
            for (int r = 0; r < 30; r++) {
                assertEquals(expected.rank(k, r), actual.rank(k, r));
            }
        }
        // RankStats is a record of doubles: equals compares them bit for bit (Double.compare)
        assertEquals(expected.stats(), actual.stats());
        assertEquals(expected.failures(), actual.failures());
    }

    @Test
    void rangesOfRunsCombineToTheResultOfOneRun() {
        UncertaintyAnalysis a = analysis();
        UncertaintyResult whole = a.run(RUNS, 42);
        double[][] design = a.design(RUNS, 42);
        for (int[] cuts : List.of(new int[] {0, RUNS}, new int[] {0, 1, RUNS}, new int[] {0, 7, 8, 30, 49, RUNS})) {
            List<UncertaintyAnalysis.Batch> batches = new ArrayList<>();
            for (int c = 0; c + 1 < cuts.length; c++) {
                batches.add(a.runs(design, cuts[c], cuts[c + 1]));
            }
            Collections.reverse(batches); // any order
            assertSame(whole, a.combine(design, batches));
        }
    }

    @Test
    void failedRunsKeepTheirNumbersAcrossBatches() {
        // min-max [0, 100] always has a 0, so every geometric run fails
        UncertaintyAnalysis a = UncertaintyAnalysis.create(
                UncertaintyAnalysisTest.index(),
                Pipeline.defaults(),
                List.of(new UncertainInput.AggregatorChoice(
                        "aggregation", List.of(new Aggregator.Arithmetic(), new Aggregator.Geometric()))));
        UncertaintyResult whole = a.run(40, 1);
        assertFalse(whole.failures().isEmpty());
        double[][] design = a.design(40, 1);
        UncertaintyResult split = a.combine(design, List.of(a.runs(design, 13, 40), a.runs(design, 0, 13)));
        assertSame(whole, split);
    }

    @Test
    void batchesMustCoverTheDesignOnce() {
        UncertaintyAnalysis a = analysis();
        double[][] design = a.design(10, 5);
        UncertaintyAnalysis.Batch first = a.runs(design, 0, 4);
        UncertaintyAnalysis.Batch rest = a.runs(design, 4, 10);
        UncertaintyAnalysis.Batch overlap = a.runs(design, 3, 10);
        assertEquals(4, first.size());
        assertEquals(4, first.to());
        assertThrows(IllegalArgumentException.class, () -> a.combine(design, List.of(first)));
        assertThrows(IllegalArgumentException.class, () -> a.combine(design, List.of(first, overlap)));
        assertThrows(IllegalArgumentException.class, () -> a.combine(design, List.of(rest)));
        assertThrows(IllegalArgumentException.class, () -> a.runs(design, 5, 11));
        assertThrows(IllegalArgumentException.class, () -> a.runs(design, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> a.runs(new double[][] {{0.5}}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> a.design(0, 1));
    }

    @Test
    void anAnalysisAndItsBatchesSurviveSerialization() {
        UncertaintyAnalysis a = analysis().withTarget("Index").withThreads(2);
        UncertaintyAnalysis back = roundTrip(a);
        UncertaintyResult whole = a.run(RUNS, 9);
        double[][] design = back.design(RUNS, 9);
        List<UncertaintyAnalysis.Batch> batches =
                List.of(roundTrip(back.runs(design, 0, 20)), roundTrip(back.runs(design, 20, RUNS)));
        assertSame(whole, a.combine(design, batches));
        assertSame(whole, back.run(RUNS, 9));
    }

    @Test
    void indexPartsSurviveSerialization() {
        CompositeIndex idx = UncertaintyAnalysisTest.index();
        CompositeIndex back = roundTrip(idx);
        assertEquals(idx.hierarchy().nodes(), back.hierarchy().nodes());
        assertEquals(idx.data().units(), back.data().units());
        IndexResult r1 = idx.build(Pipeline.defaults());
        IndexResult r2 = back.build(Pipeline.defaults());
        int node = r1.nodeOf("Index");
        for (int r = 0; r < 30; r++) {
            assertEquals(r1.rank(r, node), r2.rank(r, node));
        }
        for (String u : idx.data().units()) {
            assertEquals(r1.value(u, "", "Index"), r2.value(u, "", "Index"));
        }
        Node withAll = Node.indicator("x", "P", -1)
                .withTarget(3.5, true)
                .withGoalposts(new Node.Goalposts(0, 10, 100, true))
                .withDenominator("pop");
        assertEquals(withAll, roundTrip(withAll));
        Node bare = Node.aggregate("P", 2, null);
        assertEquals(bare, roundTrip(bare));
        assertEquals(OptionalDouble.empty(), roundTrip(bare).target());
        Pipeline p = Pipeline.defaults().withNormaliser(new Normaliser.ZScore(10, 2));
        assertEquals(p, roundTrip(p));
        assertTrue(roundTrip(idx.data()).isPresent(0, "i0") == idx.data().isPresent(0, "i0"));
    }
}
