package org.trustlab.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * SIGINT and SIGTERM: the process stops at once with exit 130 and one line saying what was kept. Without this the
 * JVM waits for its non-daemon threads and prints nothing, so a user cannot tell whether an output folder holds the
 * old result, a new one, or a half-written mix. A command in progress registers what an interruption would leave;
 * the shutdown hook (which the JVM runs on both signals) prints it and halts.
 */
final class Interrupts {
    static final int EXIT_INTERRUPTED = 130;

    private record Current(String command, Supplier<String> kept) {}

    private static final AtomicReference<Current> CURRENT = new AtomicReference<>();
    private static volatile boolean finished;

    private Interrupts() {}

    /** Installs the hook; for {@code main} only, so that in-process runs (tests) keep their JVM. */
    static void install(PrintStream err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished) {
                return;
            }
            Current c = CURRENT.get();
            err.println();
            err.println((c == null ? "trustlab" : c.command()) + ": interrupted; "
                    + (c == null ? "nothing was written" : safely(c.kept())));
            err.flush();
            Runtime.getRuntime().halt(EXIT_INTERRUPTED);
        }, "trustlab-interrupt"));
    }

    /** The command returned normally: the hook must not run on its exit. */
    static void finished() {
        finished = true;
    }

    /** While the returned registration is open, an interruption reports {@code kept}. */
    static Registration whileRunning(String command, Supplier<String> kept) {
        Current c = new Current(command, kept);
        CURRENT.set(c);
        return () -> CURRENT.compareAndSet(c, null);
    }

    /** A registration; closing it ends it. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static String safely(Supplier<String> kept) {
        try {
            return kept.get();
        } catch (RuntimeException e) {
            return "what was kept is unknown (" + e.getMessage() + ")";
        }
    }
}
