package org.trustlab.properties.invariant;

import java.util.List;
import java.util.Optional;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * The liveness phase of a run as the world recorded it (the {@code quiesce} FACT, never a device's word): from
 * {@code at} the faults and the attacker stopped and the network delivers; by {@code deadline} every exchange must
 * be decided. Invariants judged after the phase are vacuous in a run without one.
 */
public record LivenessPhase(long atNanos, long deadlineNanos, TraceEvent fact) {
    public static final String FACT = "quiesce";

    public static Optional<LivenessPhase> of(Trace trace) {
        List<TraceEvent> facts = new WorldFacts(trace).of(FACT);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        TraceEvent f = facts.get(0);
        return Optional.of(new LivenessPhase(WorldFacts.duration(f, "at").toNanos(),
                WorldFacts.duration(f, "deadline").toNanos(), f));
    }

    /** Whether an exchange that began with {@code start} is one the phase judges: it began before the phase. */
    public boolean judges(TraceEvent start) {
        return start.timeNanos() < atNanos;
    }

    /** Whether {@code e} happened by the deadline (what happens later does not count as completing in time). */
    public boolean byDeadline(TraceEvent e) {
        return e.timeNanos() <= deadlineNanos;
    }
}
