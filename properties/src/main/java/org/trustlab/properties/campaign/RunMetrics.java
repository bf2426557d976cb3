package org.trustlab.properties.campaign;

import java.util.List;

/**
 * What a run tells the statistics: how many joins / pairings were attempted, how many were accepted, and the
 * virtual time from each accepted one's request to its acceptance, in milliseconds.
 */
public record RunMetrics(int attempts, int accepted, List<Double> latenciesMs) {
    public static final RunMetrics NONE = new RunMetrics(0, 0, List.of());

    public RunMetrics {
        latenciesMs = List.copyOf(latenciesMs);
        if (accepted > attempts) {
            // An acceptance without an attempt is itself interesting (an injected request); count it as one.
            attempts = accepted;
        }
    }
}
