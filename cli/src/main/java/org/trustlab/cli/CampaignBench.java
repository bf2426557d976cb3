package org.trustlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * {@code trustlab campaign --bench}: the two campaign performance figures, measured rather than estimated.
 *
 * <p>Warm-up: campaigns until the JIT has settled ({@link #warmUp}). Where the time goes: one single-threaded
 * campaign under Java Flight Recorder's execution sampler (1 ms, not safepoint-biased, no change to the reference
 * code, which must not read clocks). Each sample of a campaign worker
 * is attributed by its topmost frame of ours or of Bouncy Castle: cryptography (Bouncy Castle and the reference's
 * crypto package) is split by who asked for it, the protocol (roles, bindings' attacker forgeries) or the
 * simulator / checker (trace hashing, seeded network randomness); the rest is protocol logic, simulator, checker
 * (invariants), generation (test.check and the campaign runner) or other (JDK code called from none of those).
 * Overhead is everything that is neither protocol cryptography nor protocol logic.
 *
 * <p>Scaling: the same campaign (no shrinking) with {@code --jobs 1} and {@code --jobs 2}, after warming up,
 * compared in runs per second of wall time.
 */
final class CampaignBench {
    enum Bucket {
        PROTOCOL_CRYPTO("cryptography for the protocol"),
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

    private CampaignBench() {}

    static int run(List<CampaignSpec> specs, PrintWriter out, PrintWriter err) {
        for (CampaignSpec requested : specs) {
            CampaignSpec s = new CampaignSpec(requested.protocol(), requested.runs(), requested.seed(),
                    requested.mutant(), requested.shard(), 1, requested.validate(), 0, 0);
            CampaignRunner runner = Campaigns.runner(s.protocol(), s.validate());
            out.println("campaign bench " + s.protocol() + s.mutant().map(m -> " (mutant " + m + ")").orElse("")
                    + ": " + s.shardRuns() + " runs, seed " + s.seed() + ", no shrinking");
            out.flush();
            warmUp(runner, s.withJobs(1), out);
            Map<Bucket, Long> samples = profile(runner, s.withJobs(1));
            double one = throughput(runner, s.withJobs(1));
            double two = throughput(runner, s.withJobs(2));
            long total = samples.values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "  throughput: --jobs 1 %.1f runs/s, --jobs 2 %.1f runs/s: scaling %.2fx"
                    + " (target >= 1.70x)%n", one, two, two / one);
            out.printf(Locale.ROOT, "  time by activity (%d JFR samples of the --jobs 1 run):%n", total);
            for (Bucket b : Bucket.values()) {
                out.printf(Locale.ROOT, "    %5.1f%%  %s%n", pct(samples.get(b), total), b.label);
            }
            long overhead = total - samples.get(Bucket.PROTOCOL_CRYPTO) - samples.get(Bucket.PROTOCOL_LOGIC);
            out.printf(Locale.ROOT, "  overhead (simulator + checker + generation + other): %.1f%% (target < 25%%)%n",
                    pct(overhead, total));
            out.flush();
        }
        return TrustlabCommand.EXIT_OK;
    }

    /**
     * Runs the campaign until the JIT has settled, as JMH warms up before it measures: loading Clojure and the key
     * pool takes one campaign, but C2 keeps a core busy for the first 15 s or so of a campaign JVM, and whatever is
     * measured in that time depends on how the compiler shares the machine with the workers. Rounds stop when
     * compiling took under 5% of a round's wall time (at most 12 rounds).
     */
    private static void warmUp(CampaignRunner runner, CampaignSpec s, PrintWriter out) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        int rounds = 0;
        double share;
        do {
            long jitBefore = measurable ? jit.getTotalCompilationTime() : 0;
            CampaignResult r = runner.run(s, CampaignProgress.SILENT);
            long jitMillis = measurable ? jit.getTotalCompilationTime() - jitBefore : 0;
            share = jitMillis / 1000.0 / r.wallTimeSeconds();
            rounds++;
        } while (measurable && share >= SETTLED_JIT_SHARE && rounds < MAX_WARM_UP_ROUNDS);
        out.printf(Locale.ROOT, "  warm-up: %d campaign(s); JIT compiling in the last: %.0f%% of its wall time%n",
                rounds, 100 * share);
        out.flush();
    }

    private static double pct(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }

    private static double throughput(CampaignRunner runner, CampaignSpec s) {
        CampaignResult r = runner.run(s, CampaignProgress.SILENT);
        return r.runs().size() / r.wallTimeSeconds();
    }

    static Map<Bucket, Long> profile(CampaignRunner runner, CampaignSpec s) {
        Map<Bucket, Long> counts = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) {
            counts.put(b, 0L);
        }
        try {
            Path file = Files.createTempFile("trustlab-campaign-bench", ".jfr");
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
                runner.run(s, CampaignProgress.SILENT);
                recording.stop();
                recording.dump(file);
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    RecordedThread t = e.getThread("sampledThread");
                    if (t == null || t.getJavaName() == null || !t.getJavaName().startsWith("campaign-worker-")) {
                        continue;
                    }
                    counts.merge(classify(e.getStackTrace()), 1L, Long::sum);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** Attributes one sample, reading its stack from the top. */
    static Bucket classify(RecordedStackTrace stack) {
        if (stack == null) {
            return Bucket.OTHER;
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (int i = 0; i < frames.size(); i++) {
            String cls = frames.get(i).getMethod().getType().getName();
            if (isCrypto(cls)) {
                return cryptoRequester(frames, i + 1);
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
    private static Bucket cryptoRequester(List<RecordedFrame> frames, int from) {
        for (int i = from; i < frames.size(); i++) {
            String cls = frames.get(i).getMethod().getType().getName();
            if (isCrypto(cls)) {
                continue;
            }
            Bucket b = owner(cls);
            if (b == Bucket.PROTOCOL_LOGIC) {
                return Bucket.PROTOCOL_CRYPTO;
            }
            if (b != null) {
                return Bucket.SIMULATOR_CRYPTO;
            }
        }
        // A truncated stack: the signing or hashing is deep inside the protocol in every case we have seen.
        return Bucket.PROTOCOL_CRYPTO;
    }

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
