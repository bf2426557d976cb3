package org.trustlab.simulator.protocol;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing the simulated world knows independently of any device's word: a configured limit, a device's current
 * key, a grant the scenario set up, a revocation the user made. Recorded as a {@code FACT} trace event of node
 * {@code world}; invariants judge what devices say against these, never against a device's own audit.
 */
public record WorldFact(String type, Map<String, String> fields) {
    public WorldFact {
        Objects.requireNonNull(type, "type");
        fields = java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** A fact from alternating keys and values; null values are left out. */
    public static WorldFact of(String type, String... keysAndValues) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return new WorldFact(type, m);
    }
}
