package org.trustlab.properties.invariant;

import java.util.List;
import org.trustlab.simulator.trace.TraceEvent;

/** One violation of an invariant: what is wrong, in a sentence, and the trace events that show it. */
public record Violation(String invariantId, String message, List<TraceEvent> evidence) {
    public Violation {
        evidence = List.copyOf(evidence);
    }
}
