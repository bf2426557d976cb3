package org.trustlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.trustlab.properties.campaign.CampaignProgress;
import org.trustlab.properties.campaign.CampaignResult;
import org.trustlab.properties.campaign.CampaignRunner;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.Campaigns;
import org.trustlab.properties.campaign.PhaseTimes;

/**
 * {@code trustlab campaign --bench}: the two campaign performance figures, measured rather than estimated.
 *
 * <p>Warm-up: campaigns until the JIT has settled ({@link #warmUp}).
 *
 * <p>Scaling: the same campaign (no shrinking) with {@code --jobs 1} and {@code --jobs 2}, three alternating pairs,
 * the medians compared in runs per second of wall time. Each campaign is printed with the cores the whole JVM kept
 * busy meanwhile and the share of the wall time the JIT spent compiling, so that a single-threaded figure inflated
 * by a second core can be seen.
 *
 * <p>Where the time goes, measured last because starting the recorder disturbs the JIT ({@link #profile}): one
 * single-threaded campaign of three times the runs, its runner timing its phases (drawing scenarios, loading and
 * running them, checking the traces) while Java Flight Recorder's execution sampler (1 ms, not safepoint-biased, no
 * change to the reference code, which must not read clocks) samples it. Each sample of a campaign worker is
 * attributed by its topmost frame of ours or of Bouncy Castle: cryptography (Bouncy Castle and the reference's
 * crypto package) is split by who asked for it, a role, the simulated attacker (trying its keys on what it
 * observes, forging) or the simulator / checker (trace hashing, seeded network randomness); the rest is protocol
 * logic, simulator, checker (invariants), generation (test.check and the campaign runner) or other (JDK code called
 * from none of those). Overhead is everything that is neither cryptography for the simulated world nor protocol
 * logic. It is printed three ways: from the samples alone; from the timed phases with the run phase split by its
 * samples; and from the timed phases with the simulator's samples counted as time ({@link #calibratedOverhead}).
 * The sampler keeps a minority of its samples and not evenly: it cannot walk the stack in intrinsic stubs (RSA's
 * BigInteger arithmetic, the JDK's SHA-256), so its shares understate autojoin's RSA cryptography. The third figure
 * does not rest on its shares and is the one to quote.
 */
final class CampaignBench {
    enum Bucket {
        PROTOCOL_CRYPTO("cryptography for the protocol's roles"),
        ATTACKER_CRYPTO("cryptography for the simulated attacker (trial decryption, forgeries)"),
        PROTOCOL_LOGIC("protocol logic (roles, codecs)"),
        SIMULATOR_CRYPTO("cryptography for the simulator/checker (trace hash, DRBG)"),
        SIMULATOR("simulator"),
        CHECKER("invariant checks"),
        GENERATION("generation and campaign machinery"),
        OTHER("other");

        final String label;

        Bucket(String label) {
            this.label = label;
        }
    }

    private static final int MAX_WARM_UP_ROUNDS = 12;
    private static final double SETTLED_JIT_SHARE = 0.05;
    private static final int SCALING_PAIRS = 3;
    private static final int PROFILED_RUNS_FACTOR = 3;

    private CampaignBench() {}

    static int run(List<CampaignSpec> specs, PrintWriter out, PrintWriter err) {
        for (CampaignSpec requested : specs) {
            CampaignSpec s = new CampaignSpec(requested.protocol(), requested.runs(), requested.seed(),
                    requested.mutant(), requested.shard(), 1, requested.validate(), 0, 0);
            CampaignRunner runner = Campaigns.runner(s.protocol(), s.validate());
            out.println("campaign bench " + s.protocol() + s.mutant().map(m -> " (mutant " + m + ")").orElse("")
                    + ": " + s.shardRuns() + " runs, seed " + s.seed() + ", no shrinking");
            out.flush();
            Window first = warmUp(runner, s.withJobs(1));
            out.printf(Locale.ROOT, "  warm-up: %d campaign(s); JIT compiling in the last: %.0f%% of its wall time%n",
                    first.rounds(), 100 * first.jitShare());
            // Alternating pairs, medians compared: a late burst of compiling (C2 still recompiles now and then)
            // lands in one window and moves one figure, not the ratio.
            List<Window> ones = new ArrayList<>();
            List<Window> twos = new ArrayList<>();
            for (int i = 0; i < SCALING_PAIRS; i++) {
                ones.add(measure(runner, s.withJobs(1)));
                twos.add(measure(runner, s.withJobs(2)));
            }
            for (List<Window> ws : List.of(ones, twos)) {
                for (Window w : ws) {
                    out.printf(Locale.ROOT, "  --jobs %d: %6.1f runs/s; %.2f cores busy, JIT %4.1f%%, GC %.1f%% of the"
                            + " wall time; generation %.1f%% of the workers' time%n", w.jobs(), w.runsPerSecond(),
                            w.coresBusy(), 100 * w.jitShare(), 100 * w.gcShare(), 100 * w.phases().generate());
                }
            }
            double one = median(ones);
            double two = median(twos);
            out.printf(Locale.ROOT, "  throughput (median of %d): --jobs 1 %.1f runs/s, --jobs 2 %.1f runs/s: scaling"
                    + " %.2fx (target >= 1.70x)%n", SCALING_PAIRS, one, two, two / one);
            out.flush();
            Profile p = profile(runner, s.withJobs(1));
            long total = p.samples().values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "  time by activity (%d JFR samples of a --jobs 1 campaign of %d runs; %d"
                    + " campaign(s) under the recorder before it, JIT compiling in it: %.0f%% of its wall time):%n",
                    total, PROFILED_RUNS_FACTOR * s.shardRuns(), p.window().rounds() - 1,
                    100 * p.window().jitShare());
            for (Bucket b : Bucket.values()) {
                out.printf(Locale.ROOT, "    %5.1f%%  %s%n", pct(p.samples().get(b), total), b.label);
            }
            // Cryptography is the floor, whoever asks for it in the simulated world (a role, or the attacker trying
            // the keys it holds); the protocol's logic is the reference itself. All else is overhead.
            long protocol = p.samples().get(Bucket.PROTOCOL_CRYPTO) + p.samples().get(Bucket.ATTACKER_CRYPTO)
                    + p.samples().get(Bucket.PROTOCOL_LOGIC);
            out.printf(Locale.ROOT, "  overhead by the samples alone (simulator + checker + generation + other):"
                    + " %.1f%%%n", pct(total - protocol, total));
            Phases ph = p.window().phases();
            out.printf(Locale.ROOT, "  the same campaign's phases, timed: generation %.1f%%, loading and running"
                    + " %.1f%%, checking %.1f%%, between runs %.1f%%%n", 100 * ph.generate(), 100 * ph.run(),
                    100 * ph.check(), 100 * ph.betweenRuns());
            // The run phase is the only one holding protocol work; its samples say how much of it is protocol.
            long runSamples = protocol + p.samples().get(Bucket.SIMULATOR)
                    + p.samples().get(Bucket.SIMULATOR_CRYPTO);
            double protocolInRun = runSamples == 0 ? 0 : (double) protocol / runSamples;
            out.printf(Locale.ROOT, "  overhead, phases timed and the run phase split by its samples (%.1f%% of it"
                    + " protocol): %.1f%%%n", 100 * protocolInRun, 100 * (1 - ph.run() * protocolInRun));
            out.printf(Locale.ROOT, "  overhead, phases timed and the simulator's samples counted as time at"
                    + " generation's %.2f samples/ms: %.1f%% (target < 25%%)%n",
                    generationSamplesPerMilli(p.samples(), ph, p.window().wallSeconds()),
                    100 * calibratedOverhead(p.samples(), ph, p.window().wallSeconds()));
            // The issue names simulator and checker overhead; generation is counted above all the same, as the
            // stricter reading, and this line shows what the narrower one gives.
            out.printf(Locale.ROOT, "  of which simulator and checker alone (with their cryptography): %.1f%%%n",
                    100 * (ph.run() * (1 - protocolInRun) + ph.check()));
            out.flush();
        }
        return TrustlabCommand.EXIT_OK;
    }

    /**
     * Overhead with the simulator's share taken from its samples as time rather than as a share of the samples.
     * JFR records a sample only where it can walk the stack, and it cannot inside the JIT's intrinsic stubs: in a
     * 5 s loop of each, RSA-2048 decryption (BigInteger arithmetic, in stubs) kept 12% of its 1 ms samples and the
     * JDK's SHA-256 none, where Ed25519, X25519 and plain Java code kept 83-84%. Shares of the kept samples thus
     * understate cryptography wherever RSA runs, and autojoin's RSA profiles take most of its run time. Generation
     * is timed and is plain (Clojure) code, so its samples per millisecond turn the simulator's samples (plain Java)
     * into milliseconds; plain Java kept a larger share in those loops than generation does in campaigns, so this
     * errs towards more simulator time. The JDK's SHA-256 of the trace is in no JFR figure. NaN without generation
     * samples.
     */
    static double calibratedOverhead(Map<Bucket, Long> samples, Phases ph, double wallSeconds) {
        double perMilli = generationSamplesPerMilli(samples, ph, wallSeconds);
        if (!(perMilli > 0)) {
            return Double.NaN;
        }
        long simulator = samples.get(Bucket.SIMULATOR) + samples.get(Bucket.SIMULATOR_CRYPTO)
                + samples.get(Bucket.OTHER);
        double simulatorShare = Math.min(ph.run(), simulator / perMilli / (wallSeconds * 1e3));
        return ph.generate() + ph.check() + ph.betweenRuns() + simulatorShare;
    }

    /** The samples the generation phase got per millisecond it was timed at; NaN when it was not timed. */
    private static double generationSamplesPerMilli(Map<Bucket, Long> samples, Phases ph, double wallSeconds) {
        double generationMillis = ph.generate() * wallSeconds * 1e3;
        return generationMillis > 0 ? samples.get(Bucket.GENERATION) / generationMillis : Double.NaN;
    }

    /**
     * One measured campaign: its throughput, and what the rest of the JVM did meanwhile. A single-threaded
     * campaign that keeps more than one core busy is borrowing the second core (for compiling, mostly), and its
     * scaling figure would say more about the JIT than about the campaign.
     */
    record Window(int jobs, int rounds, double runsPerSecond, double coresBusy, double jitShare, double gcShare,
            Phases phases, double wallSeconds) {}

    /** Shares of a single-threaded campaign's wall time spent in each phase of its runs, timed directly. */
    record Phases(double generate, double run, double check) {
        static Phases of(PhaseTimes t, double wallSeconds, int jobs) {
            double worker = wallSeconds * 1e9 * jobs;
            return new Phases(t.generateNanos() / worker, t.runNanos() / worker, t.checkNanos() / worker);
        }

        /** The rest of the workers' time: taking the next runs, recording progress. */
        double betweenRuns() {
            return 1 - generate - run - check;
        }
    }

    private record Profile(Window window, Map<Bucket, Long> samples) {}

    private static Window measure(CampaignRunner runner, CampaignSpec s) {
        return measure(runner, s, 1);
    }

    private static Window measure(CampaignRunner runner, CampaignSpec s, int round) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long cpu0 = processCpuNanos();
        long gc0 = gcMillis();
        long jit0 = timed ? jit.getTotalCompilationTime() : 0;
        PhaseTimes phases = new PhaseTimes();
        CampaignResult r = runner.run(s, CampaignProgress.SILENT, phases);
        double wall = r.wallTimeSeconds();
        long cpu = processCpuNanos() - cpu0;
        double jitShare = timed ? (jit.getTotalCompilationTime() - jit0) / 1000.0 / wall : Double.NaN;
        return new Window(s.jobs(), round, r.runs().size() / wall, cpu < 0 ? Double.NaN : cpu / 1e9 / wall,
                jitShare, (gcMillis() - gc0) / 1000.0 / wall, Phases.of(phases, wall, s.jobs()), wall);
    }

    /**
     * Runs the campaign until the JIT has settled, as JMH warms up before it measures: loading Clojure and the key
     * pool takes one campaign, but C2 keeps a core busy for the first 15 s or so of a campaign JVM, and whatever is
     * measured in that time depends on how the compiler shares the machine with the workers. Rounds stop when
     * compiling took under 5% of a round's wall time (at most 12 rounds).
     */
    private static Window warmUp(CampaignRunner runner, CampaignSpec s) {
        Window w;
        int round = 0;
        do {
            w = measure(runner, s, ++round);
        } while (w.jitShare() >= SETTLED_JIT_SHARE && round < MAX_WARM_UP_ROUNDS); // NaN (untimed JIT): one round
        return w;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    private static double median(List<Window> windows) {
        double[] r = windows.stream().mapToDouble(Window::runsPerSecond).sorted().toArray();
        return r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
    }

    private static double pct(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    /**
     * Profiles one campaign under Java Flight Recorder. Starting a recording sends HotSpot back to compiling for a
     * while (measured: the campaign right after the start spent 98% of its wall time compiling on the other core,
     * and so did the next one), so the recorder is left running through further warm-up campaigns until the JIT
     * has settled again, and only the samples taken during the campaign after those are counted.
     */
    static Profile profile(CampaignRunner runner, CampaignSpec s) {
        Map<Bucket, Long> counts = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            counts.put(b, 0L);
        }
        try {
            Path file = Files.createTempFile("trustlab-campaign-bench", ".jfr");
            Window measured;
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
                Window settled = warmUp(runner, s);
                Instant from = Instant.now();
                // Three times the runs: a campaign's worth of samples put the run phase's protocol share (the figure
                // the overhead hangs on) within about +-2 points at 95%; three campaigns' worth, about +-1.
                measured = measure(runner, s.withRuns(PROFILED_RUNS_FACTOR * s.runs()), settled.rounds() + 1);
                Instant to = Instant.now();
                recording.stop();
                recording.dump(file);
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    RecordedThread t = e.getThread("sampledThread");
                    if (t == null || t.getJavaName() == null || !t.getJavaName().startsWith("campaign-worker-")
                            || e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
                        continue;
                    }
                    counts.merge(classify(e.getStackTrace()), 1L, Long::sum);
                }
            } finally {
                Files.deleteIfExists(file);
            }
            return new Profile(measured, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Attributes one sample, reading its stack from the top. */
    static Bucket classify(RecordedStackTrace stack) {
        if (stack == null) {
            return Bucket.OTHER;
        }
        List<String> classes = new ArrayList<>();
        for (RecordedFrame f : stack.getFrames()) {
            classes.add(f.getMethod().getType().getName());
        }
        return classify(classes);
    }

    /** Attributes one sample given the classes of its frames, innermost first. */
    static Bucket classify(List<String> classes) {
        for (int i = 0; i < classes.size(); i++) {
            String cls = classes.get(i);
            if (isCrypto(cls)) {
                return cryptoRequester(classes, i + 1);
            }
            Bucket b = owner(cls);
            if (b != null) {
                return b;
            }
        }
        return Bucket.OTHER;
    }

    private static boolean isCrypto(String cls) {
        return cls.startsWith("org.bouncycastle.") || cls.startsWith("org.trustlab.reference.crypto.");
    }

    /** Who asked for the cryptography: the first caller below it that is ours and not crypto. */
    private static Bucket cryptoRequester(List<String> classes, int from) {
        for (int i = from; i < classes.size(); i++) {
            String cls = classes.get(i);
            if (isCrypto(cls)) {
                continue;
            }
            Bucket b = owner(cls);
            if (b == Bucket.PROTOCOL_LOGIC) {
                return forAttacker(classes, i + 1) ? Bucket.ATTACKER_CRYPTO : Bucket.PROTOCOL_CRYPTO;
            }
            if (b != null) {
                return Bucket.SIMULATOR_CRYPTO;
            }
        }
        // A truncated stack: the signing or hashing is deep inside the protocol in every case we have seen.
        return Bucket.PROTOCOL_CRYPTO;
    }

    /**
     * Whether the protocol code that asked for cryptography (from {@code from} down) was called by the simulator's
     * attacker: the binding forging a message for it, or trying the keys it holds on a ciphertext it observed. A
     * role handling a message the attacker injected is called by the simulation, not by the attacker.
     */
    private static boolean forAttacker(List<String> classes, int from) {
        for (int i = from; i < classes.size(); i++) {
            String cls = classes.get(i);
            Bucket b = owner(cls);
            if (b != null && b != Bucket.PROTOCOL_LOGIC) {
                return cls.equals(ATTACKER);
            }
        }
        return false;
    }

    private static final String ATTACKER = "org.trustlab.simulator.world.Attacker";

    /** The bucket of a frame of ours, or null for JDK and library frames. */
    private static Bucket owner(String cls) {
        if (cls.startsWith("org.trustlab.reference.")) {
            return Bucket.PROTOCOL_LOGIC;
        }
        if (cls.startsWith("org.trustlab.simulator.")) {
            // Bindings (roles created, attacker forgeries built) are protocol code hosted in the simulator.
            return isBinding(cls) ? Bucket.PROTOCOL_LOGIC : Bucket.SIMULATOR;
        }
        if (cls.startsWith("org.trustlab.properties.campaign.") || cls.startsWith("clojure.")
                || cls.startsWith("trustlab.campaign.")) {
            return Bucket.GENERATION;
        }
        if (cls.startsWith("org.trustlab.properties.") || cls.startsWith("org.trustlab.model.")) {
            return Bucket.CHECKER;
        }
        return null;
    }

    private static boolean isBinding(String cls) {
        String rest = cls.substring("org.trustlab.simulator.".length());
        int dot = rest.indexOf('.');
        String pkg = dot < 0 ? "" : rest.substring(0, dot);
        return Campaigns.find(pkg).isPresent() || pkg.equals("ping");
    }
}
