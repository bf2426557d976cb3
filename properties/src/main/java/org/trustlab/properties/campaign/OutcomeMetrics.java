package org.trustlab.properties.campaign;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Attempts, acceptances and latencies read from a trace, the same way for every protocol: an attempt is a user
 * action that starts a join or pairing ({@code attemptActions}) on a device; an acceptance is an accepted outcome
 * of one of {@code acceptedKinds} on that same device, and its latency is the virtual time since the device's
 * oldest attempt not yet answered.
 */
public record OutcomeMetrics(Set<String> attemptActions, Set<String> acceptedKinds)
        implements Function<Trace, RunMetrics> {

    public OutcomeMetrics {
        attemptActions = Set.copyOf(attemptActions);
        acceptedKinds = Set.copyOf(acceptedKinds);
    }

    @Override
    public RunMetrics apply(Trace trace) {
        Map<String, Deque<Long>> pending = new TreeMap<>();
        int attempts = 0;
        int accepted = 0;
        List<Double> latencies = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() == TraceEvent.Kind.USER_ACTION && attemptActions.contains(e.type())) {
                attempts++;
                pending.computeIfAbsent(e.node(), k -> new ArrayDeque<>()).add(e.timeNanos());
            } else if (e.kind() == TraceEvent.Kind.OUTCOME && acceptedKinds.contains(e.type())
                    && "accepted".equals(e.field("result"))) {
                Deque<Long> q = pending.get(e.node());
                if (q != null && !q.isEmpty()) {
                    accepted++;
                    latencies.add((e.timeNanos() - q.poll()) / 1e6);
                }
            }
        }
        return new RunMetrics(attempts, accepted, latencies);
    }
}
