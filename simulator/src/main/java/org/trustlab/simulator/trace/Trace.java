package org.trustlab.simulator.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/** A whole run's events in order, and the SHA-256 of its JSON Lines form (the run's identity). */
public record Trace(List<TraceEvent> events, String sha256) {
    public Trace {
        events = List.copyOf(events);
    }

    /** The events the filter accepts, in order, unmodifiable. A plain loop: checkers call this many times per run. */
    public List<TraceEvent> select(Predicate<TraceEvent> filter) {
        List<TraceEvent> all = events;
        ArrayList<TraceEvent> out = new ArrayList<>();
        for (int i = 0, n = all.size(); i < n; i++) {
            TraceEvent e = all.get(i);
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public List<TraceEvent> of(TraceEvent.Kind kind) {
        return select(e -> e.kind() == kind);
    }
}
