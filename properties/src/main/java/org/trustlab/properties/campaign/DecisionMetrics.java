package org.trustlab.properties.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * Attempts, acceptances and latencies for protocols where one user action fans out into several decisions (a vouch
 * to three targets is three proxy pairings): every decided outcome of {@code kinds} is an attempt, the accepted ones
 * acceptances, and a latency runs from the latest {@code startActions} action on the deciding device before it.
 */
public record DecisionMetrics(Set<String> startActions, Set<String> kinds) implements Function<Trace, RunMetrics> {
    public DecisionMetrics {
        startActions = Set.copyOf(startActions);
        kinds = Set.copyOf(kinds);
    }

    @Override
    public RunMetrics apply(Trace trace) {
        Map<String, Long> lastStart = new TreeMap<>();
        int attempts = 0;
        int accepted = 0;
        List<Double> latencies = new ArrayList<>();
        for (TraceEvent e : trace.events()) {
            if (e.kind() == TraceEvent.Kind.USER_ACTION && startActions.contains(e.type())) {
                lastStart.put(e.node(), e.timeNanos());
            } else if (e.kind() == TraceEvent.Kind.OUTCOME && kinds.contains(e.type())) {
                attempts++;
                if ("accepted".equals(e.field("result"))) {
                    accepted++;
                    Long start = lastStart.get(e.node());
                    if (start != null) {
                        latencies.add((e.timeNanos() - start) / 1e6);
                    }
                }
            }
        }
        return new RunMetrics(attempts, accepted, latencies);
    }
}
