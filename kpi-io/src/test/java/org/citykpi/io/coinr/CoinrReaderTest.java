package org.citykpi.io.coinr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citykpi.index.CompositeIndex;
import org.citykpi.index.IndexData;
import org.citykpi.index.Node;
import org.citykpi.index.Pipeline;
import org.citykpi.io.DataFormatException;
import org.citykpi.io.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoinrReaderTest {
    @TempDir
    Path dir;

    static final String META = "iCode,iName,Level,Parent,Direction,Weight,Type,Target,Denominator\n"
            + "x,X one,1,P,1,1,Indicator,10,pop\n"
            + "y,Y two,1,P,-1,2,Indicator,NA,NA\n"
            + "P,Pillar,2,NA,1,1,Aggregate,NA,NA\n"
            + "region,Region,NA,NA,NA,NA,Group,NA,NA\n"
            + "pop,Population,NA,NA,NA,NA,Denominator,NA,NA\n";

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsMetaAndData() throws IOException {
        CoinrMeta m = CoinrReader.readMeta(write("m.csv", META));
        assertEquals(
                List.of("x", "y", "P"),
                m.hierarchy().nodes().stream().map(Node::code).toList());
        assertEquals(-1, m.hierarchy().node("y").direction());
        assertEquals(10, m.hierarchy().node("x").target().getAsDouble());
        assertEquals("pop", m.hierarchy().node("x").denominator().get());
        assertEquals(List.of("region"), m.groups());
        assertEquals(List.of("pop"), m.denominators());
        Path data = write(
                "d.csv",
                "uCode,uName,region,pop,x,y,extra\n" + "B,Bee \\ town,north,10,5,NA,z\n" + "A,Aye,south,20,,3,z\n");
        CoinrData d = CoinrReader.readData(data, m);
        IndexData id = d.data();
        assertEquals(List.of("A", "B"), id.units());
        // RFC 4180 parsing keeps the backslash
        assertEquals("Bee \\ town", id.unitNames().get(1));
        assertEquals(2, d.rowsRead());
        assertFalse(d.hasErrors());
        assertFalse(id.isPresent(0, "x"));
        assertEquals(5, id.value(1, "x"));
        assertEquals("north", id.group(1, "region"));
        assertTrue(d.notes().get(0).contains("extra"), d.notes().toString());
        // denominate: x / pop
        assertEquals(
                0.5,
                CompositeIndex.of(m.hierarchy(), id)
                        .build(Pipeline.defaults()
                                .withNormaliser(new org.citykpi.index.Normaliser.None())
                                .withDenominate(true))
                        .value("B", "x")
                        .getAsDouble());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "\t"})
    void detectsDelimiterAndBom(String sep) throws IOException {
        CoinrMeta m = CoinrReader.readMeta(write("m.csv", "\uFEFF" + META.replace(",", sep)));
        assertEquals(3, m.hierarchy().nodes().size());
        CoinrData d = CoinrReader.readData(
                write("d.csv", "\uFEFFuCode" + sep + "x" + sep + "y\nA" + sep + "1" + sep + "2\n"), m);
        assertEquals(1, d.rowsAccepted());
    }

    @Test
    void badCellsRejectTheirRowWithAPosition() throws IOException {
        CoinrMeta m = CoinrReader.readMeta(write("m.csv", META));
        Path data = write("d.csv", "uCode,x,y\nA,1,2\nB,1x0,2\nC,\"12,5\",2\nA,3,4\n,1,1\nD,1\n\nE,1e400,1\nF,\"2\n");
        CoinrData d = CoinrReader.readData(data, m);
        // the blank line is not a row; every other line after the header is one
        assertEquals(8, d.rowsRead());
        assertEquals(1, d.rowsAccepted());
        assertEquals(7, d.rowsRejected());
        List<String> msg = d.problems().stream().map(Problem::toString).toList();
        assertEquals(data + ":3:2: x is not a number '1x0' (a number or NA)", msg.get(0));
        assertTrue(msg.get(1).startsWith(data + ":4:2:") && msg.get(1).contains("'.' as decimal"), msg.get(1));
        assertTrue(msg.get(2).contains(":5:1: duplicate row"), msg.get(2));
        assertTrue(msg.get(3).contains(":6:1: uCode is empty"), msg.get(3));
        // the ragged row is told as in every CSV reader: the first missing field
        assertTrue(msg.get(4).contains(":7:3: row has 2 fields but the header has 3"), msg.get(4));
        assertTrue(msg.get(5).contains(":9:2:") && msg.get(5).contains("too large"), msg.get(5));
        // an unclosed quote is a malformed record, found by the one tokenizer
        assertTrue(msg.get(6).contains(":10:"), msg.get(6));
        Problem first = d.problems().get(0);
        assertTrue(first.isError());
        assertEquals(3, first.line());
        assertEquals(2, first.column());
        assertEquals("1x0", first.raw());
    }

    @Test
    void aValueTooSmallForADoubleIsNotASilentZero() throws IOException {
        CoinrMeta m = CoinrReader.readMeta(write("m.csv", META));
        Path data = write("d.csv", "uCode,x,y\nA,1e-400,2\nB,1,2\n");
        CoinrData d = CoinrReader.readData(data, m);
        assertEquals(1, d.rowsRejected());
        // 1e-400 is below the smallest double, 4.9e-324
        assertEquals(
                data + ":2:2: x is too small to be stored '1e-400' (0 or a magnitude of at least 4.9e-324)",
                d.problems().get(0).toString());
    }

    @Test
    void textThatIsNotUtf8MakesTheFileUnreadableWithItsLine() throws IOException {
        CoinrMeta m = CoinrReader.readMeta(write("m.csv", META));
        Path data = dir.resolve("latin1.csv");
        Files.write(data, "uCode,x,y\nA,1,2\nZ\u00fcrich,1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> CoinrReader.readData(data, m));
        assertEquals(3, e.problem().line(), e.getMessage());
    }

    @Test
    void structuralProblems() throws IOException {
        CoinrMeta m = CoinrReader.readMeta(write("m.csv", META));
        DataFormatException noCol = assertThrows(
                DataFormatException.class, () -> CoinrReader.readData(write("d.csv", "uCode,x\nA,1\n"), m));
        assertFalse(noCol.isStrictStop());
        assertEquals(
                dir.resolve("d.csv") + ":1: missing required column 'y' 'uCode,x' (a header with y)",
                noCol.getMessage());
        assertThrows(DataFormatException.class, () -> CoinrReader.readData(write("e.csv", ""), m));
        assertThrows(DataFormatException.class, () -> CoinrReader.readData(write("f.csv", "uCode,x,y\n,1,2\n"), m));
        String[][] metas = {
            {"iCode,Level,Parent,Direction,Weight\nx,1,Q,1,1\n", ":2:3: Parent of 'x' is not defined 'Q'"},
            {
                "iCode,Level,Parent,Direction,Weight\nx,1,P,1,1\nP,3,NA,1,1\n",
                ":2:3: Parent of 'x' (level 1) is at level 3"
            },
            {"iCode,Level,Parent,Direction,Weight\nx,1,NA,2,1\n", ":2:4: bad Direction '2'"},
            {"iCode,Level,Parent,Direction,Weight\nx,one,NA,1,1\n", ":2:2: Level is not a number 'one'"},
            {"iCode,Level,Parent,Direction,Weight\nx,1,NA,1,NA\n", ":2:5: Weight is missing"},
            {"iCode,Level,Parent,Direction,Weight\nx,1,NA,1,1\nx,1,NA,1,1\n", ":3:1: iCode defined twice"},
            {"iCode,Level,Parent,Direction,Weight\nx,1,NA,1,1\nP,2,NA,1,1\n", ":3: aggregate 'P' has no children"},
            {"iCode,Level,Parent,Weight\nx,1,NA,1\n", ":1: missing required column 'Direction'"},
            {"iCode,Level,Parent,Direction,Weight,Type\nx,1,NA,1,1,Thing\n", ":2:6: unknown Type 'Thing'"},
            {"iCode,Level,Parent,Direction,Weight,Type\nx,2,NA,1,1,Indicator\n", "Type does not match Level 2"},
            {"iCode,Level,Parent,Direction,Weight\nx,1,NA,NA,1\n", "an indicator needs a Direction"},
            {"iCode,Level,Parent,Direction,Weight\nx,1.5,NA,1,1\n", ":2:2: bad Level '1.5'"},
            {
                "iCode,Level,Parent,Direction,Weight,goalpost_lower,goalpost_upper\nx,1,NA,1,1,3,3\n",
                "goalposts are equal"
            },
            {"iCode,Level,Parent,Direction,Weight,dist2targ_cap_max\nx,1,NA,1,1,maybe\n", "not a logical value 'maybe'"
            },
            {"iCode,Level,Parent,Direction,Weight\nx,1,NA,1,1,9\n", ":2:6: row has 6 fields but the header has 5"},
            {"iCode,Level,Parent,Direction,Weight\nNA,1,NA,1,1\n", ":2:1: iCode is empty"},
            {"iCode,Level,Parent,Direction,Weight,Type\ng,NA,NA,NA,NA,Group\n", "no indicators"},
        };
        for (String[] c : metas) {
            DataFormatException e =
                    assertThrows(DataFormatException.class, () -> CoinrReader.readMeta(write("bad.csv", c[0])), c[1]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(e.isStrictStop());
        }
    }

    @Test
    void aggregateDirectionIsNotedNotSilentlyIgnored() throws IOException {
        CoinrMeta m = CoinrReader.readMeta(write(
                "m.csv",
                "iCode,Level,Parent,Direction,Weight,goalpost_lower,goalpost_upper,goalpost_scale\n"
                        + "x,1,P,1,1,0,10,100\nP,2,NA,-1,1,NA,NA,NA\n"));
        assertEquals(1, m.hierarchy().node("P").direction());
        assertTrue(
                m.notes().get(0).contains(":3:4: aggregate 'P' has Direction -1"),
                m.notes().toString());
        assertEquals(100, m.hierarchy().node("x").goalposts().get().scale());
        assertTrue(m.hierarchy().node("x").goalposts().get().truncate());
    }

    @Test
    void readsAsemPanelAndWorldDenominators() throws IOException {
        Path in = AsemParityTest.PEER.resolve("input");
        CoinrMeta m = CoinrReader.readMeta(in.resolve("ASEM_iMeta.csv"));
        assertEquals(49, m.hierarchy().indicatorCount());
        assertEquals(4, m.hierarchy().levels());
        assertEquals(4, m.groups().size());
        CoinrData p = CoinrReader.readData(in.resolve("ASEM_iData_p.csv"), m);
        assertEquals(255, p.rowsRead());
        assertEquals(5, p.data().periods().size());
        assertEquals(51, p.data().units().size());
        // WorldDenoms replaces GDP and Population (in other units) for the indicators that name them
        CoinrData w = CoinrReader.readData(in.resolve("ASEM_iData.csv"), m, in.resolve("WorldDenoms.csv"));
        assertTrue(
                w.notes().stream().anyMatch(s -> s.contains("WorldDenoms.csv: denominators")),
                w.notes().toString());
        assertTrue(w.data().denominators().contains("GDP"));
        // the iData's own GDP, Population and Area columns are superseded, not "not in the iMeta"
        assertTrue(
                w.notes().stream()
                        .anyMatch(s -> s.contains("denominator columns taken from WorldDenoms.csv instead")
                                && s.contains("GDP")),
                w.notes().toString());
        assertTrue(w.notes().stream().noneMatch(s -> s.contains("not in the iMeta") && s.contains("GDP")));
    }
}
