package org.trustlab.properties.campaign;

import java.util.Map;
import java.util.Objects;

/**
 * The conditions a generator drew a scenario under, kept beside it for the statistics (acceptance rate versus
 * loss or offline probability, latency per network profile): the named network profile, its loss probability and
 * the per-device probability of an offline window.
 */
public record ScenarioMeta(String network, double loss, double offlineProbability) {
    public static final ScenarioMeta UNKNOWN = new ScenarioMeta("unknown", 0, 0);

    public ScenarioMeta {
        Objects.requireNonNull(network, "network");
    }

    /** Reads the generator's {@code meta} map ({@code network}, {@code loss}, {@code offline-probability}). */
    static ScenarioMeta from(Object meta) {
        if (!(meta instanceof Map<?, ?> m)) {
            return UNKNOWN;
        }
        Object network = m.get("network");
        return new ScenarioMeta(network == null ? "unknown" : network.toString(), number(m.get("loss")),
                number(m.get("offline-probability")));
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0.0;
    }
}
