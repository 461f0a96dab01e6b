package org.citykpi.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A progress bar on standard error for work that takes more than a second, as docs/cli.md says: it
 * stays silent when standard error is not a terminal (a pipe, a file, CI logs) and for work that
 * ends within a second, so scripts and quick runs see nothing. A command counts its steps:
 *
 * <pre>{@code
 * try (Progress p = Progress.start("report", 4, err)) {
 *     PrintWriter msg = p.messages();   // write messages here: they clear the bar first
 *     p.step("reading data"); ...
 *     p.step("computing KPIs"); ...
 * }
 * }</pre>
 *
 * <p>Once the first second has passed, a daemon thread redraws the bar ({@code [#####.....] 2/4
 * computing KPIs 3.2 s}) every 200 ms, so a single long step (reading a large file) still shows
 * that the command is alive. {@link #close()} erases the bar. Messages written through {@link
 * #messages()} erase it before they print, so a bar never garbles a {@code FILE:LINE:COLUMN}
 * line. Thread-safe.
 *
 * <p>Terminal detection: Java cannot ask whether standard error alone is a terminal; {@code
 * System.console() != null} (standard input and output are a terminal) is the usual proxy, and on
 * JDK 22 and later {@code Console.isTerminal()} must also be true, since those JDKs return a console
 * even when output is redirected. {@code TERM=dumb} turns the bar off too.
 */
final class Progress implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long REDRAW_MILLIS = 200;
    private static final int WIDTH = 24;

    private final String task;
    private final long total;
    private final PrintWriter out;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long started;
    private long done;
    private String what = "";
    private int drawn; // length of the line on screen, 0 when none
    private boolean closed;
    private @Nullable Thread ticker;

    Progress(String task, long total, PrintWriter out, boolean enabled, LongSupplier clock) {
        this.task = requireNonNull(task, "task");
        if (total < 1) {
            throw new IllegalArgumentException("total must be at least 1: " + total);
        }
        this.total = total;
        this.out = requireNonNull(out, "out");
        this.enabled = enabled;
        this.clock = requireNonNull(clock, "clock");
        this.started = clock.getAsLong();
    }

    /**
     * Starts a bar of {@code total} steps on {@code err}, shown only when standard error looks like
     * a terminal, with a background redraw once a second has passed.
     */
    static Progress start(String task, long total, PrintWriter err) {
        Progress p = new Progress(task, total, err, isTerminal(), System::nanoTime);
        if (p.enabled) {
            p.ticker = new Thread(p::tickLoop, "citykpi-progress");
            p.ticker.setDaemon(true);
            p.ticker.start();
        }
        return p;
    }

    /** Returns true when standard error is taken to be a terminal (see the class comment). */
    static boolean isTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Console.isTerminal() exists from JDK 22 on; release 17 code reaches it by reflection.
            Object t = java.io.Console.class.getMethod("isTerminal").invoke(c);
            return Boolean.TRUE.equals(t);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17 to 21: a console exists only for a terminal
        }
    }

    private void tickLoop() {
        try {
            while (true) {
                Thread.sleep(REDRAW_MILLIS);
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    tick();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the start of the next step, named {@code what}; steps beyond the total are counted as the last. */
    synchronized void step(String what) {
        if (closed) {
            return;
        }
        this.what = requireNonNull(what, "what");
        if (done < total) {
            done++;
        }
        tick();
    }

    /** Redraws the bar if it is enabled and the work has taken more than a second. */
    synchronized void tick() {
        if (!enabled || closed) {
            return;
        }
        long elapsed = clock.getAsLong() - started;
        if (elapsed < SHOW_AFTER_NANOS) {
            return;
        }
        String line = line(elapsed);
        StringBuilder sb =
                new StringBuilder(line.length() + drawn + 2).append('\r').append(line);
        for (int i = line.length(); i < drawn; i++) {
            sb.append(' ');
        }
        out.print(sb);
        out.flush();
        drawn = line.length();
    }

    /** Returns the bar's text for the current state after {@code elapsed} nanoseconds. */
    synchronized String line(long elapsed) {
        int filled = (int) (WIDTH * Math.max(0, done - 1) / total);
        StringBuilder sb = new StringBuilder(task).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append("] ").append(done).append('/').append(total);
        if (!what.isEmpty()) {
            sb.append(' ').append(what);
        }
        return sb.append(' ')
                .append(String.format(Locale.ROOT, "%.1f s", elapsed / 1e9))
                .toString();
    }

    /** Erases the bar from the screen, if it is drawn; the next tick draws it again. */
    synchronized void clear() {
        if (drawn > 0) {
            StringBuilder sb = new StringBuilder(drawn + 2).append('\r');
            for (int i = 0; i < drawn; i++) {
                sb.append(' ');
            }
            out.print(sb.append('\r'));
            out.flush();
            drawn = 0;
        }
    }

    /** Returns a writer for messages to standard error that erases the bar before each write. */
    PrintWriter messages() {
        Progress self = this;
        return new PrintWriter(
                new Writer() {
                    @Override
                    public void write(char[] cbuf, int off, int len) {
                        synchronized (self) {
                            clear();
                            out.write(cbuf, off, len);
                        }
                    }

                    @Override
                    public void flush() {
                        out.flush();
                    }

                    @Override
                    public void close() {
                        out.flush();
                    }
                },
                true);
    }

    /** Returns true when the bar would be drawn (standard error is a terminal). */
    boolean enabled() {
        return enabled;
    }

    /** Stops the redraws and erases the bar. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            clear();
            closed = true;
            t = ticker;
        }
        if (t != null) {
            t.interrupt();
        }
    }
}
