package org.citykpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bar is driven by a hand-set clock here, so no test waits or depends on timing. */
class ProgressTest {
    private final StringWriter screen = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private Progress progress(boolean terminal) {
        return new Progress("report", 4, new PrintWriter(screen, true), terminal, now::get);
    }

    private void advance(double seconds) {
        now.addAndGet((long) (seconds * TimeUnit.SECONDS.toNanos(1)));
    }

    @Test
    void quickWorkShowsNothing() {
        try (Progress p = progress(true)) {
            p.step("reading data");
            advance(0.9);
            p.step("computing KPIs");
            p.tick();
        }
        assertEquals("", screen.toString());
    }

    @Test
    void notATerminalShowsNothingEvenWhenSlow() {
        try (Progress p = progress(false)) {
            advance(5);
            p.step("reading data");
            p.tick();
            p.messages().println("data.csv:3:4: not a number");
        }
        assertEquals("data.csv:3:4: not a number" + System.lineSeparator(), screen.toString());
    }

    @Test
    void slowWorkDrawsTheBarAfterOneSecond() {
        Progress p = progress(true);
        p.step("reading data");
        advance(1.5);
        p.step("computing KPIs");
        // 2 of 4 steps started, 1 finished: a quarter of 24 cells filled.
        String first = "report [######..................] 2/4 computing KPIs 1.5 s";
        assertEquals("\r" + first, screen.toString());
        screen.getBuffer().setLength(0);
        p.messages().println("a message");
        String s = screen.toString();
        assertTrue(s.startsWith("\r" + " ".repeat(first.length()) + "\ra message"), s);
        screen.getBuffer().setLength(0);
        advance(1);
        p.step("scoring");
        String third = "report [############............] 3/4 scoring 2.5 s";
        assertEquals("\r" + third, screen.toString());
        screen.getBuffer().setLength(0);
        p.close();
        assertEquals("\r" + " ".repeat(third.length()) + "\r", screen.toString(), "close erases the bar");
        screen.getBuffer().setLength(0);
        p.step("after close");
        p.close();
        assertEquals("", screen.toString());
    }

    @Test
    void stepsBeyondTheTotalStayAtTheTotalAndAShorterLineIsPadded() {
        Progress p = new Progress("x", 1, new PrintWriter(screen, true), true, now::get);
        advance(2);
        p.step("a long description");
        p.step("b");
        String s = screen.toString();
        assertTrue(s.endsWith("\rx [........................] 1/1 b 2.0 s" + " ".repeat(17)), s);
        assertThrows(
                IllegalArgumentException.class, () -> new Progress("x", 0, new PrintWriter(screen), true, now::get));
    }

    @Test
    void startOutsideATerminalIsSilent() {
        // Tests run with standard input and output redirected, so no console: the real start is silent.
        try (Progress p = Progress.start("t", 2, new PrintWriter(screen, true))) {
            assertFalse(p.enabled() && System.console() == null);
            p.step("one");
        }
        if (!Progress.isTerminal()) {
            assertEquals("", screen.toString());
        }
    }
}
