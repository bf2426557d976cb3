package org.trustlab.simulator.world;

import java.time.Instant;

/**
 * A device's own clock: it reads {@code epoch + offset + t * (1 + drift)} at global virtual time {@code t}. Roles
 * see only this, so a verifier whose clock is skewed or drifting judges validity windows wrongly in exactly the
 * way a real device would. Arithmetic is plain IEEE double (deterministic in Java 17) rounded to nanoseconds.
 */
public final class NodeClock {
    private final Instant epoch;
    private final long offsetNanos;
    private final double drift;

    public NodeClock(Instant epoch, long offsetNanos, double driftPpm) {
        if (!(driftPpm > -1_000_000 && driftPpm < 1_000_000)) {
            throw new IllegalArgumentException("drift out of range: " + driftPpm);
        }
        this.epoch = epoch;
        this.offsetNanos = offsetNanos;
        this.drift = driftPpm / 1_000_000.0;
    }

    /** Local nanoseconds since the epoch at global virtual time {@code globalNanos}. */
    public long localNanos(long globalNanos) {
        return globalNanos + offsetNanos + (drift == 0 ? 0 : Math.round(globalNanos * drift));
    }

    public Instant localInstant(long globalNanos) {
        return epoch.plusNanos(localNanos(globalNanos));
    }

    /** How long in global time a delay of {@code localNanos} on this clock lasts (a fast clock fires early). */
    public long globalDelay(long localDelayNanos) {
        if (drift == 0) {
            return localDelayNanos;
        }
        return Math.max(0, Math.round(localDelayNanos / (1 + drift)));
    }
}
