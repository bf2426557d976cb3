package org.trustlab.simulator.trace;

import java.util.List;
import java.util.function.Predicate;

/** A whole run's events in order, and the SHA-256 of its JSON Lines form (the run's identity). */
public record Trace(List<TraceEvent> events, String sha256) {
    public Trace {
        events = List.copyOf(events);
    }

    public List<TraceEvent> select(Predicate<TraceEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    public List<TraceEvent> of(TraceEvent.Kind kind) {
        return select(e -> e.kind() == kind);
    }
}
