package org.trustlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.trustlab.model.ProtocolModel;
import org.trustlab.model.checker.CheckOptions;
import org.trustlab.model.checker.CheckResult;
import org.trustlab.model.checker.Checker;
import org.trustlab.model.checker.PropertyResult;
import org.trustlab.model.dsl.Model;
import org.trustlab.properties.ProtocolModules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code trustlab check --protocol P [--sessions K] [--depth D] [--mutant M]}: model-checks the protocol's
 * symbolic model against a Dolev-Yao attacker within the bounds and prints the search figures and one
 * {@code PASS|FAIL <property>} line per property, each failure with its shortest counterexample.
 */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Model-checks a protocol's symbolic model: every interleaving of the sessions and",
            "every message a Dolev-Yao attacker can derive, breadth-first within the bounds.",
            "Prints states explored, distinct states, states per second, depth, then one",
            "'PASS|FAIL <property>' line per property; a failure comes with its shortest",
            "counterexample as a message sequence.",
            "A search that meets --max-states, the heap budget (--max-heap) or SIGTERM stops",
            "with what it reached and answers 'unknown'.",
            "A property the source design fails by construction prints as 'FINDING' with its",
            "reason and counterexample, and does not fail the check.",
            "Exit 0 when every property holds, 1 when one fails, 2 on bad input, 4 unknown."})
public final class CheckCommand implements Callable<Integer> {
    private static final int BENCH_WARMUP = 2;
    private static final int TERM_GRACE_SECONDS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--protocol", required = true, paramLabel = "P",
            description = "Protocol model: ${COMPLETION-CANDIDATES}.", completionCandidates = Protocols.class)
    String protocol;

    @Option(names = "--sessions", paramLabel = "K",
            description = "Sessions of each role to explore (default: the protocol's, 2 for autojoin).")
    Integer sessions;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "0",
            description = "Bound on transitions per path; 0 explores the whole space (default).")
    int depth;

    @Option(names = "--mutant", paramLabel = "M", description = "A deliberately broken variant of the model.")
    String mutant;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: up to 2).")
    Integer threads;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "0",
            description = "Stop after N distinct states (0: no limit).")
    long maxStates;

    @Option(names = "--max-heap", paramLabel = "SHARE", defaultValue = "0.85",
            description = "Stop when the heap in use exceeds this share of the JVM's maximum heap "
                    + "(-Xmx; default ${DEFAULT-VALUE}; 0: no budget).")
    double maxHeap;

    @Option(names = "--bench", paramLabel = "RUNS", arity = "0..1", fallbackValue = "5",
            description = "After two warm-up runs, repeat the check RUNS times (default 5) and print the "
                    + "states/second of each run and the median, for performance figures.")
    Integer benchRuns;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ProtocolModel> pm = ProtocolModules.model(protocol);
        if (pm.isEmpty()) {
            return bad(err, "unknown protocol '" + protocol + "'; known: " + names());
        }
        ProtocolModel p = pm.get();
        if (mutant != null && !p.mutants().contains(mutant)) {
            return bad(err, "unknown mutant '" + mutant + "' of " + protocol + "; known: "
                    + (p.mutants().isEmpty() ? "none" : String.join(", ", p.mutants())));
        }
        int k = sessions == null ? p.defaultSessions() : sessions;
        if (k < 1 || depth < 0 || maxStates < 0 || (threads != null && threads < 1)
                || (benchRuns != null && benchRuns < 1)) {
            return bad(err, "--sessions, --threads and --bench must be at least 1; --depth and --max-states "
                    + "at least 0");
        }
        if (!(maxHeap >= 0 && maxHeap < 1)) {
            return bad(err, "--max-heap must be a share of the heap, at least 0 and below 1 (got " + maxHeap + ")");
        }
        Model model = p.build(k, mutant);
        AtomicBoolean terminated = new AtomicBoolean();
        CheckOptions options = CheckOptions.defaults().withDepth(depth).withMaxStates(maxStates)
                .withMaxHeapShare(maxHeap).cancelledWhen(terminated::get);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        out.println("protocol:        " + p.name() + (mutant == null ? "" : " (mutant " + mutant + ")"));
        out.println("bounds:          " + k + " session" + (k == 1 ? "" : "s") + " per role, depth "
                + (depth == 0 ? "unbounded" : String.valueOf(depth)) + ", " + model.runs().size()
                + " runs, Dolev-Yao attacker, " + options.threads() + " thread" + (options.threads() == 1 ? "" : "s"));
        out.flush();
        if (benchRuns != null) {
            bench(out, model, options);
        }
        long start = System.nanoTime();
        CheckResult r;
        // SIGTERM: the search stops at its next chunk and the hook waits briefly for what it reached to be
        // printed, instead of the JVM dying mid-level with nothing said.
        java.util.concurrent.CountDownLatch printed = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            terminated.set(true);
            try {
                printed.await(TERM_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trustlab-check-sigterm");
        boolean hooked = registerHook(hook);
        try {
            r = Checker.check(model, options);
            return report(out, r, start);
        } finally {
            printed.countDown();
            if (hooked && !terminated.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private static boolean registerHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private int report(PrintWriter out, CheckResult r, long start) {
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        out.println("states explored: " + r.statesExplored());
        out.println("distinct states: " + r.distinctStates());
        out.println("states/second:   " + Math.round(r.distinctStates() / seconds) + " (distinct, "
                + String.format(Locale.ROOT, "%.2f", seconds) + " s)");
        out.println("max depth:       " + r.depth() + (r.exhaustive() ? " (state space exhausted)"
                : " (" + limitText(r.limit()) + ")"));
        out.println("visited set:     " + String.format(Locale.ROOT, "%.1f", r.visitedBytesPerState())
                + " bytes/state (" + r.visitedSetBytes() + " bytes), trail " + r.trailBytes() + " bytes");
        out.println("collision bound: " + String.format(Locale.ROOT, "%.1e", r.fingerprintCollisionBound())
                + " (probability that two of the " + r.distinctStates() + " states share a 64-bit fingerprint)");
        boolean undecided = !r.exhaustive() && !"depth".equals(r.limit()) && !r.anyViolated();
        for (PropertyResult pr : r.properties()) {
            if (pr.reachedAtDepth() >= 0) {
                out.println("PASS " + pr.property() + " (reached at depth " + pr.reachedAtDepth() + ")");
            } else if (pr.unreached() != null) {
                out.println((r.exhaustive() ? "FAIL " : "UNKNOWN ") + pr.property() + ": " + pr.unreached());
            } else if (pr.isFinding()) {
                out.println("FINDING " + pr.property() + ": " + pr.finding());
            } else {
                out.println((pr.passed() ? "PASS " : "FAIL ") + pr.property());
            }
            if (pr.counterexample() != null) {
                out.println("  counterexample (" + pr.counterexample().depth() + " transitions):");
                for (String line : pr.counterexample().render().split("\n")) {
                    out.println("  " + line);
                }
            }
        }
        if (undecided) {
            out.println("verdict:         unknown (" + limitText(r.limit()) + "; passes hold only for the "
                    + r.distinctStates() + " states reached)");
        }
        out.flush();
        if (r.anyViolated()) {
            return TrustlabCommand.EXIT_FAILED;
        }
        if (undecided || !r.allPassed()) {
            return TrustlabCommand.EXIT_UNKNOWN;
        }
        return TrustlabCommand.EXIT_OK;
    }

    private static String limitText(String limit) {
        return switch (limit) {
            case "depth" -> "bound reached: verdicts hold up to this depth";
            case "states" -> "--max-states reached";
            case "memory" -> "heap budget reached (--max-heap)";
            case "cancelled" -> "stopped by SIGTERM";
            case "failure" -> "stopped at the first failure";
            default -> limit;
        };
    }

    /**
     * Repeated runs for a throughput figure. The first runs pay for JIT compilation, so two warm-up runs come
     * first and are not counted; the median of the measured runs is reported.
     */
    private void bench(PrintWriter out, Model model, CheckOptions options) {
        for (int i = 1; i <= BENCH_WARMUP; i++) {
            long start = System.nanoTime();
            CheckResult r = Checker.check(model, options);
            out.println(String.format(Locale.ROOT, "bench warm-up %d:  %d distinct states in %.2f s", i,
                    r.distinctStates(), (System.nanoTime() - start) / 1e9));
            out.flush();
        }
        List<Double> rates = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        for (int i = 1; i <= benchRuns; i++) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            CheckResult r = Checker.check(model, options);
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            double cpuSeconds = cpu < 0 ? -1 : (processCpuNanos() - cpu) / 1e9;
            double rate = r.distinctStates() / seconds;
            rates.add(rate);
            cpus.add(cpuSeconds);
            out.println(String.format(Locale.ROOT, "bench run %d:     %d distinct states in %.2f s = %.0f states/s,"
                    + " %.1f visited-set bytes/state, %.2f s CPU (all threads, GC included)", i, r.distinctStates(),
                    seconds, rate, r.visitedBytesPerState(), cpuSeconds));
            out.flush();
        }
        rates.sort(Double::compare);
        cpus.sort(Double::compare);
        // CPU seconds per check, besides the rate: on a machine shared with other jobs the wall clock measures
        // the load as much as the checker.
        out.println(String.format(Locale.ROOT, "bench median:    %.0f states/s (best %.0f, %d runs, %d thread%s), "
                + "%.2f s CPU per check", rates.get(rates.size() / 2), rates.get(rates.size() - 1), rates.size(),
                options.threads(), options.threads() == 1 ? "" : "s", cpus.get(cpus.size() / 2)));
    }

    /** CPU time of the whole process (every thread, the garbage collector's included), or -1 if unknown. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static int bad(PrintWriter err, String message) {
        err.println("trustlab check: " + message);
        err.flush();
        return TrustlabCommand.EXIT_BAD_INPUT;
    }

    private static String names() {
        return String.join(", ", ProtocolModules.models().stream().map(ProtocolModel::name).toList());
    }

    /** Completion candidates and the help text's list of protocols. */
    static final class Protocols implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ProtocolModules.models().stream().map(ProtocolModel::name).iterator();
        }
    }
}
