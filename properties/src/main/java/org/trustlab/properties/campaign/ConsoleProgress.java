package org.trustlab.properties.campaign;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Campaign progress for people: on a terminal a bar redrawn in place with {@code \r} (runs done, rate, violating
 * runs, ETA); otherwise (CI logs, pipes) plain lines, no control characters, one at each tenth of the campaign and
 * at least every {@link #LOG_EVERY_NANOS} between them, so a log shows progress from the first seconds.
 *
 * <p>The rate and ETA come from the throughput of the last {@link #WINDOW_NANOS}, not the average since the start:
 * a fresh JVM runs its first thousand runs at a third of the speed it reaches once compiled, so an ETA from the
 * average is off by that factor early on.
 */
public final class ConsoleProgress implements CampaignProgress {
    private static final int BAR_WIDTH = 28;
    static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final boolean scheduled;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger violating = new AtomicInteger();
    private final Throughput throughput = new Throughput();
    private volatile String protocol = "";
    private volatile int total;
    private int lastLoggedTenth;
    private long lastLogNanos;
    private ScheduledExecutorService ticker;

    public ConsoleProgress(PrintWriter out, boolean terminal) {
        this(out, terminal, System::nanoTime, true);
    }

    /** With a given clock and, for tests that call {@link #tick} themselves, without the ticker thread. */
    ConsoleProgress(PrintWriter out, boolean terminal, LongSupplier clock, boolean scheduled) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.scheduled = scheduled;
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
        long now = clock.getAsLong();
        lastLogNanos = now;
        throughput.reset(now);
        if (!terminal) {
            out.println("campaign " + name + ": " + runs + " runs");
            out.flush();
        }
        if (!scheduled) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "campaign-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 0, terminal ? 200 : 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void runDone(boolean violated) {
        done.incrementAndGet();
        if (violated) {
            violating.incrementAndGet();
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
        }
        if (terminal) {
            redraw(clock.getAsLong());
            out.println();
        } else if (lastLoggedTenth < 10) {
            out.println("campaign " + protocol + ": " + line(clock.getAsLong()));
        }
        out.flush();
    }

    /** One tick of the ticker: redraw the bar, or log a line when a tenth is reached or a while has passed. */
    synchronized void tick() {
        long now = clock.getAsLong();
        throughput.sample(now, done.get());
        if (terminal) {
            redraw(now);
            return;
        }
        int tenth = total == 0 ? 10 : (int) ((long) done.get() * 10 / total);
        if (tenth > lastLoggedTenth || now - lastLogNanos >= LOG_EVERY_NANOS) {
            lastLoggedTenth = Math.max(lastLoggedTenth, tenth);
            lastLogNanos = now;
            out.println("campaign " + protocol + ": " + line(now));
            out.flush();
        }
    }

    private void redraw(long now) {
        int d = done.get();
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) d * BAR_WIDTH / total);
        out.print("\r" + protocol + " [" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + line(now)
                + "   ");
        out.flush();
    }

    String line(long now) {
        int d = done.get();
        double rate = throughput.rate(now, d);
        String eta = d >= total ? "0s" : rate > 0 ? formatSeconds((total - d) / rate) : "?";
        return String.format(Locale.ROOT, "%d/%d runs, %.1f runs/s, %d violating, ETA %s", d, total, rate,
                violating.get(), eta);
    }

    static String formatSeconds(double s) {
        long secs = Math.round(s);
        return secs >= 60 ? (secs / 60) + "m" + String.format(Locale.ROOT, "%02d", secs % 60) + "s" : secs + "s";
    }

    /**
     * Runs per second over the last {@link #WINDOW_NANOS}: samples of (time, runs done) one per tick, the rate
     * measured from the newest sample at least a window old (or the start, early on).
     */
    static final class Throughput {
        private static final int SAMPLES = 64;
        private final long[] times = new long[SAMPLES];
        private final int[] counts = new int[SAMPLES];
        private int size;
        private int head;

        void reset(long now) {
            size = 0;
            head = 0;
            sample(now, 0);
        }

        void sample(long now, int done) {
            times[head] = now;
            counts[head] = done;
            head = (head + 1) % SAMPLES;
            size = Math.min(SAMPLES, size + 1);
        }

        double rate(long now, int done) {
            // Oldest first; take the newest sample that is at least a window old, else the oldest.
            int from = (head - size + SAMPLES) % SAMPLES;
            for (int k = size - 1; k >= 0; k--) {
                int i = (from + k) % SAMPLES;
                if (now - times[i] >= WINDOW_NANOS) {
                    from = i;
                    break;
                }
            }
            double seconds = (now - times[from]) / 1e9;
            return seconds <= 0 ? 0 : (done - counts[from]) / seconds;
        }
    }
}
