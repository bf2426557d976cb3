package org.trustlab.properties.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Runs a campaign: for each run index of the shard, derive the run seed from the master seed, generate a scenario
 * from it, run it in the simulator, check every check on the trace; then shrink the first failing runs of each
 * violated check and verify that each shrunk scenario replays from its YAML to the same trace and violation.
 *
 * <p>Every run is a pure function of (master seed, run index), results are stored by index, and which failures are
 * shrunk is decided from the complete, ordered results; so everything but the wall time is the same for any
 * number of threads.
 */
public final class CampaignRunner {
    /** Generator sizes cycle through 10..50: large enough for interesting plans from the first run on. */
    private static final int MIN_SIZE = 10;
    private static final int SIZE_SPAN = 41;

    private final ProtocolCampaign campaign;
    private final ScenarioBackend backend;
    private final List<TraceCheck> checks;
    private final List<AdmittedGap> gaps;
    /** Runs per block ({@link #blockSize}), or 0 to size blocks from the campaign. */
    private final int block;
    private final RunTap tap;

    /**
     * Sees every run's trace once it is judged, on the worker that ran it (so from several threads at once): for
     * output a campaign's records do not keep, such as the runs' object histories. It must not change the run.
     */
    public interface RunTap {
        RunTap NONE = (index, seed, trace, violated) -> { };

        void ran(int index, long seed, Trace trace, List<String> violated);
    }

    public CampaignRunner(ProtocolCampaign campaign, ScenarioBackend backend, List<TraceCheck> checks) {
        this(campaign, backend, checks, List.of());
    }

    public CampaignRunner(ProtocolCampaign campaign, ScenarioBackend backend, List<TraceCheck> checks,
            List<AdmittedGap> gaps) {
        this(campaign, backend, checks, gaps, 0, RunTap.NONE);
    }

    private CampaignRunner(ProtocolCampaign campaign, ScenarioBackend backend, List<TraceCheck> checks,
            List<AdmittedGap> gaps, int block, RunTap tap) {
        this.campaign = campaign;
        this.backend = backend;
        this.checks = List.copyOf(checks);
        this.gaps = List.copyOf(gaps);
        this.block = block;
        this.tap = tap;
        for (TraceCheck c : checks) {
            if (!c.protocol().equals(campaign.protocol())) {
                throw new IllegalArgumentException(c.id() + " belongs to " + c.protocol() + ", not "
                        + campaign.protocol());
            }
        }
    }

    public List<TraceCheck> checks() {
        return checks;
    }

    /**
     * This runner with workers taking {@code runs} runs at a time rather than a block sized from the campaign
     * ({@link #blockSize}); for the benchmark that compares block sizes. Results never depend on it.
     */
    public CampaignRunner withBlock(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("a block holds at least one run, not " + runs);
        }
        return new CampaignRunner(campaign, backend, checks, gaps, runs, tap);
    }

    /** This runner showing every judged run to {@code tap}. */
    public CampaignRunner withTap(RunTap tap) {
        return new CampaignRunner(campaign, backend, checks, gaps, block, tap);
    }

    static int sizeFor(int runIndex) {
        return MIN_SIZE + runIndex % SIZE_SPAN;
    }

    public CampaignResult run(CampaignSpec spec, CampaignProgress progress) {
        return run(spec, progress, PhaseTimes.OFF);
    }

    /** Runs the campaign, adding what its runs spent in each phase (shrinking aside) to {@code times}. */
    public CampaignResult run(CampaignSpec spec, CampaignProgress progress, PhaseTimes times) {
        if (!spec.protocol().equals(campaign.protocol())) {
            throw new IllegalArgumentException("spec is for " + spec.protocol() + ", runner for "
                    + campaign.protocol());
        }
        long started = System.nanoTime();
        int n = spec.shardRuns();
        // Progress starts before the generators load (Clojure compiles them: seconds on a fresh JVM).
        progress.started(spec.protocol(), n);
        ScenarioGenerator generator = campaign.generator();
        RunRecord[] records = new RunRecord[n];
        ExecutorService pool = Executors.newFixedThreadPool(spec.jobs(), workers());
        try {
            AtomicInteger next = new AtomicInteger();
            // The lowest crashing run is reported whatever the thread timing: runs are fetched in increasing
            // order and only runs above the lowest crash seen so far are skipped.
            ConcurrentSkipListMap<Integer, RunCrashedException> crashes = new ConcurrentSkipListMap<>();
            List<Future<?>> workers = new ArrayList<>();
            int perBlock = block > 0 ? block : blockSize(n, spec.jobs());
            for (int w = 0; w < spec.jobs(); w++) {
                workers.add(pool.submit(() -> {
                    Drawn[] drawn = new Drawn[perBlock];
                    for (int k0 = next.getAndAdd(perBlock); k0 < n; k0 = next.getAndAdd(perBlock)) {
                        int end = Math.min(n, k0 + perBlock);
                        long t0 = times.now();
                        for (int k = k0; k < end; k++) {
                            drawn[k - k0] = draw(generator, spec, spec.shard().runIndex(k));
                        }
                        times.generated(times.now() - t0);
                        for (int k = k0; k < end; k++) {
                            if (!crashes.isEmpty() && k > crashes.firstKey()) {
                                return null;
                            }
                            try {
                                records[k] = runOne(drawn[k - k0], spec, times);
                            } catch (RunCrashedException e) {
                                crashes.put(k, e);
                                continue;
                            }
                            progress.runDone(records[k].violated());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                get(f);
            }
            if (!crashes.isEmpty()) {
                progress.finished();
                throw crashes.firstEntry().getValue();
            }

            List<RunRecord> runs = List.of(records);
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Integer> admitted = new LinkedHashMap<>();
            for (TraceCheck c : checks) {
                counts.put(c.id(), 0);
                admitted.put(c.id(), 0);
            }
            for (RunRecord r : runs) {
                for (String id : r.violations()) {
                    counts.merge(id, 1, Integer::sum);
                }
                for (String id : r.admitted()) {
                    admitted.merge(id, 1, Integer::sum);
                }
            }
            List<Future<Failure>> shrinks = new ArrayList<>();
            // An unexpected violation is shrunk before a FINDING's demonstration: it is what fails the campaign.
            List<RunRecord> unexpectedFirst = new ArrayList<>(runs);
            for (TraceCheck c : checks) {
                unexpectedFirst.sort(java.util.Comparator.comparing(r -> r.admitted().contains(c.id())));
                int taken = 0;
                for (RunRecord r : List.copyOf(unexpectedFirst)) {
                    if (taken >= spec.failuresPerInvariant()) {
                        break;
                    }
                    if (r.violations().contains(c.id())) {
                        int nth = taken++;
                        shrinks.add(pool.submit(() -> {
                            progress.shrinking(c.id(), r.index());
                            return shrink(generator, spec, c, r, nth);
                        }));
                    }
                }
            }
            List<Failure> failures = new ArrayList<>();
            for (Future<Failure> f : shrinks) {
                failures.add(get(f));
            }
            progress.finished();
            double wall = (System.nanoTime() - started) / 1e9;
            return new CampaignResult(spec, checks, gaps, runs, counts, admitted, failures, campaignSha256(runs),
                    wall);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * How many consecutive runs a worker takes at a time: it draws their scenarios one after the other, then runs
     * them. Drawing is test.check's code and data, running is the simulator's and Bouncy Castle's; alternating them
     * run by run, each finds the other's evicted from the caches (an autojoin scenario took 165-190 us to draw
     * between runs, 80-93 us in a loop of draws). {@code CampaignBlockBench} compares blocks of 1 and 16. A block is
     * at most a sixteenth of a worker's share of the runs, so that the workers finish together. Every run is still a
     * function of its index alone.
     */
    static int blockSize(int runs, int jobs) {
        return Math.max(1, Math.min(MAX_BLOCK, runs / (16 * jobs)));
    }

    private static final int MAX_BLOCK = 16;

    /** A run's scenario as the generator drew it, or the generator's failure, which the run reports. */
    private record Drawn(int index, long seed, int size, Map<String, Object> generated, RuntimeException failure) {}

    private static Drawn draw(ScenarioGenerator generator, CampaignSpec spec, int index) {
        long seed = RunSeeds.runSeed(spec.seed(), index);
        int size = sizeFor(index);
        try {
            return new Drawn(index, seed, size, generator.generate(seed, size).value(), null);
        } catch (RuntimeException e) {
            return new Drawn(index, seed, size, null, e);
        }
    }

    private RunRecord runOne(Drawn drawn, CampaignSpec spec, PhaseTimes times) {
        int index = drawn.index();
        long seed = drawn.seed();
        Map<String, Object> scenario = null;
        try {
            if (drawn.failure() != null) {
                throw drawn.failure();
            }
            long t0 = times.now();
            Map<String, Object> generated = drawn.generated();
            scenario = scenarioOf(generated, spec, seed, spec.protocol() + " campaign seed " + spec.seed()
                    + " run " + index);
            long t1 = times.now();
            ScenarioBackend.Execution ran = backend.run(scenario);
            Trace trace = ran.trace();
            long t2 = times.now();
            Supplier<Optional<Trace>> twin = once(() -> backend.twin(ran.scenario()));
            List<String> violated = new ArrayList<>();
            List<String> vacuous = new ArrayList<>();
            for (TraceCheck c : checks) {
                Judgement j = c.judge(trace, twin);
                if (!j.violations().isEmpty()) {
                    violated.add(c.id());
                } else if (j.vacuous()) {
                    vacuous.add(c.id());
                }
            }
            violated.sort(null);
            vacuous.sort(null);
            tap.ran(index, seed, trace, violated);
            List<String> admitted = new ArrayList<>();
            for (String id : violated) {
                if (admitted(id, scenario)) {
                    admitted.add(id);
                }
            }
            RunRecord record = new RunRecord(index, seed, drawn.size(), trace.sha256(), violated, admitted, vacuous,
                    ScenarioMeta.from(generated.get("meta")), campaign.metrics(trace));
            times.generated(t1 - t0);
            times.ran(t2 - t1);
            times.checked(times.now() - t2);
            return record;
        } catch (RuntimeException e) {
            throw new RunCrashedException(index, seed, scenario, e);
        }
    }

    /** A twin is run at most once per run, and only if a paired check asks for it. */
    private static Supplier<Optional<Trace>> once(Supplier<Optional<Trace>> make) {
        Optional<?>[] memo = new Optional<?>[1];
        return () -> {
            if (memo[0] == null) {
                memo[0] = make.get();
            }
            @SuppressWarnings("unchecked")
            Optional<Trace> t = (Optional<Trace>) memo[0];
            return t;
        };
    }

    private Failure shrink(ScenarioGenerator generator, CampaignSpec spec, TraceCheck check, RunRecord run, int nth) {
        String name = check.id() + "-" + nth + ": shrunk from " + spec.protocol() + " campaign seed " + spec.seed()
                + " run " + run.index();
        Shrinkable root = generator.generate(run.seed(), run.size());
        // A run that failed outside every admitted gap must shrink to one that still does: a smaller scenario that
        // falls into a FINDING's profile demonstrates the FINDING, not the failure.
        boolean unexpected = !run.admitted().contains(check.id());
        java.util.function.Predicate<Map<String, Object>> stillFailsHere =
                s -> (!unexpected || !admitted(check.id(), s)) && stillFails(s, check);
        Shrinker.Result shrunk = Shrinker.shrink(root,
                candidate -> stillFailsHere.test(scenarioOf(candidate, spec, run.seed(), name)),
                spec.shrinkBudget());
        // Then whole parts the generator's draws cannot shrink away (a scripted attacker's random settings, a
        // late action, network noise), within what is left of the budget.
        ScenarioPruner.Result pruned = ScenarioPruner.prune(
                backend.run(scenarioOf(shrunk.value(), spec, run.seed(), name)).scenario(), stillFailsHere,
                Math.max(0, spec.shrinkBudget() - shrunk.evaluations()));
        Map<String, Object> scenario = new LinkedHashMap<>(pruned.scenario());
        List<Object> expect = new ArrayList<>();
        Map<String, Object> expectation = new LinkedHashMap<>();
        expectation.put("invariant", check.id());
        expectation.put("holds", false);
        expect.add(expectation);
        scenario.put("expect", expect);

        Trace direct = backend.run(scenario).trace();
        String yaml = backend.toYaml(scenario);
        Trace replayed = backend.replay(yaml);
        List<Violation> violations = check.judge(replayed, () -> backend.replayTwin(yaml)).violations();
        boolean verified = replayed.sha256().equals(direct.sha256()) && !violations.isEmpty();
        String message = violations.isEmpty() ? "the replayed scenario no longer violates " + check.id()
                : violations.get(0).message();
        List<Long> evidence = violations.isEmpty() ? List.of()
                : violations.get(0).evidence().stream().map(TraceEvent::seq).toList();
        return new Failure(check.id(), nth, run.index(), run.seed(), yaml, backend.traceJsonLines(replayed),
                replayed.sha256(), message, evidence, shrunk.steps() + pruned.removed(),
                shrunk.evaluations() + pruned.evaluations(), shrunk.exhausted(),
                verified, scenarioSteps(scenario));
    }

    private boolean admitted(String checkId, Map<String, Object> scenario) {
        return gaps.stream().anyMatch(g -> g.checkId().equals(checkId) && g.applies().test(scenario));
    }

    private boolean stillFails(Map<String, Object> scenario, TraceCheck check) {
        try {
            ScenarioBackend.Execution ran = backend.run(scenario);
            return !check.judge(ran.trace(), () -> backend.twin(ran.scenario())).violations().isEmpty();
        } catch (ScenarioException e) {
            // A shrink the simulator refuses is not a smaller counterexample; test.check moves to the next one.
            return false;
        }
    }

    /**
     * The generator's scenario completed with what the campaign fixes: a name, the protocol, the run seed and the
     * mutant. The generator's {@code meta} (network profile name etc.) stays out of the scenario file.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> scenarioOf(Map<String, Object> generated, CampaignSpec spec, long seed, String name) {
        Object body = generated.get("scenario");
        if (!(body instanceof Map<?, ?>)) {
            throw new IllegalStateException("generator output has no scenario map: " + generated.keySet());
        }
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", name);
        scenario.put("protocol", spec.protocol());
        scenario.put("seed", seed);
        spec.mutant().ifPresent(m -> scenario.put("mutant", m));
        for (Map.Entry<String, Object> e : ((Map<String, Object>) body).entrySet()) {
            scenario.putIfAbsent(e.getKey(), e.getValue());
        }
        return scenario;
    }

    /** Attacker steps, compromises, user actions and crashes: how long the story of a counterexample is. */
    static int scenarioSteps(Map<String, Object> scenario) {
        int steps = listSize(scenario.get("actions")) + listSize(scenario.get("crashes"));
        if (scenario.get("attacker") instanceof Map<?, ?> attacker) {
            steps += listSize(attacker.get("steps")) + listSize(attacker.get("compromise"));
        }
        return steps;
    }

    private static int listSize(Object o) {
        return o instanceof List<?> l ? l.size() : 0;
    }

    static String campaignSha256(List<RunRecord> runs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RunRecord r : runs) {
                sha.update((r.identityLine() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static ThreadFactory workers() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "campaign-worker-" + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
