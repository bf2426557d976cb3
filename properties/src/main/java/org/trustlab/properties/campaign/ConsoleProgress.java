package org.trustlab.properties.campaign;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Campaign progress for people: on a terminal a bar redrawn in place with {@code \r} (runs done, rate, violating
 * runs, ETA); otherwise (CI logs, pipes) one plain line per tenth of the campaign, which reads well in a log file.
 */
public final class ConsoleProgress implements CampaignProgress {
    private static final int BAR_WIDTH = 28;

    private final PrintWriter out;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger violating = new AtomicInteger();
    private volatile String protocol = "";
    private volatile int total;
    private volatile long startNanos;
    private volatile int lastLoggedTenth;
    private ScheduledExecutorService ticker;

    public ConsoleProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar when the JVM has a console, plain lines otherwise. */
    public static ConsoleProgress forConsole(PrintWriter out) {
        return new ConsoleProgress(out, System.console() != null);
    }

    @Override
    public synchronized void started(String name, int runs) {
        protocol = name;
        total = runs;
        done.set(0);
        violating.set(0);
        lastLoggedTenth = 0;
        startNanos = System.nanoTime();
        if (terminal) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "campaign-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 0, 200, TimeUnit.MILLISECONDS);
        } else {
            out.println("campaign " + name + ": " + runs + " runs");
            out.flush();
        }
    }

    @Override
    public void runDone(boolean violated) {
        int d = done.incrementAndGet();
        if (violated) {
            violating.incrementAndGet();
        }
        if (!terminal && total > 0) {
            int tenth = (int) ((long) d * 10 / total);
            if (tenth > lastLoggedTenth) {
                synchronized (this) {
                    if (tenth > lastLoggedTenth) {
                        lastLoggedTenth = tenth;
                        out.println("campaign " + protocol + ": " + line());
                        out.flush();
                    }
                }
            }
        }
    }

    @Override
    public void shrinking(String checkId, int runIndex) {
        if (!terminal) {
            out.println("campaign " + protocol + ": shrinking run " + runIndex + " against " + checkId);
            out.flush();
        }
    }

    @Override
    public synchronized void finished() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
            redraw();
            out.println();
            out.flush();
        }
    }

    private synchronized void redraw() {
        int d = done.get();
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) d * BAR_WIDTH / total);
        out.print("\r" + protocol + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + line()
                + "   ");
        out.flush();
    }

    private String line() {
        int d = done.get();
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        double rate = d / seconds;
        String eta = rate > 0 ? formatSeconds((total - d) / rate) : "?";
        return String.format(Locale.ROOT, "%d/%d runs, %.1f runs/s, %d violating, ETA %s", d, total, rate,
                violating.get(), eta);
    }

    private static String formatSeconds(double s) {
        long secs = Math.round(s);
        return secs >= 60 ? (secs / 60) + "m" + String.format(Locale.ROOT, "%02d", secs % 60) + "s" : secs + "s";
    }
}
