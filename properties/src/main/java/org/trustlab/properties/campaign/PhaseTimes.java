package org.trustlab.properties.campaign;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where a campaign's runs spent their time, summed over its workers: drawing the scenario from the generator,
 * loading and running it in the simulator, checking the trace. For {@code trustlab campaign --bench} only; like the
 * wall time it depends on the machine, so it is kept out of {@link CampaignResult}. A sampling profiler cannot give
 * these shares: it keeps its samples unevenly (few in the JIT's intrinsic stubs, fewer in generation than in plain
 * Java), so its shares of the phases were off by several points.
 */
public final class PhaseTimes {
    /** Times nothing: a campaign run without a bench pays no clock reads. */
    static final PhaseTimes OFF = new PhaseTimes(false);

    private final boolean on;
    private final LongAdder generate = new LongAdder();
    private final LongAdder run = new LongAdder();
    private final LongAdder check = new LongAdder();

    private PhaseTimes(boolean on) {
        this.on = on;
    }

    public PhaseTimes() {
        this(true);
    }

    /** A clock reading, or 0 when off. */
    long now() {
        return on ? System.nanoTime() : 0;
    }

    void generated(long nanos) {
        if (on) {
            generate.add(nanos);
        }
    }

    void ran(long nanos) {
        if (on) {
            run.add(nanos);
        }
    }

    void checked(long nanos) {
        if (on) {
            check.add(nanos);
        }
    }

    /** Nanoseconds spent generating scenarios (test.check, and completing the data with name, seed and mutant). */
    public long generateNanos() {
        return generate.sum();
    }

    /** Nanoseconds spent loading scenarios and running them in the simulator, trace hashing included. */
    public long runNanos() {
        return run.sum();
    }

    /** Nanoseconds spent checking traces against the invariants and recording the run. */
    public long checkNanos() {
        return check.sum();
    }
}
