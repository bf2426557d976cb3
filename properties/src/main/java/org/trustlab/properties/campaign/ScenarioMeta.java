package org.trustlab.properties.campaign;

import java.util.Map;
import java.util.Objects;

/**
 * The conditions a generator drew a scenario under, kept beside it for the statistics (acceptance rate versus
 * loss or offline probability, latency per network profile, properties per protocol profile): the named network
 * profile, its loss probability, the per-device probability of an offline window and the protocol profile
 * ({@code setup.profile}; the report shows per profile which denial and disagreement properties hold).
 */
public record ScenarioMeta(String network, double loss, double offlineProbability, String profile) {
    public static final ScenarioMeta UNKNOWN = new ScenarioMeta("unknown", 0, 0, "unknown");

    public ScenarioMeta {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(profile, "profile");
    }

    public ScenarioMeta(String network, double loss, double offlineProbability) {
        this(network, loss, offlineProbability, "unknown");
    }

    /** Reads the generator's {@code meta} map ({@code network}, {@code loss}, {@code offline-probability}). */
    static ScenarioMeta from(Object meta) {
        if (!(meta instanceof Map<?, ?> m)) {
            return UNKNOWN;
        }
        Object network = m.get("network");
        Object profile = m.get("profile");
        return new ScenarioMeta(network == null ? "unknown" : network.toString(), number(m.get("loss")),
                number(m.get("offline-probability")), profile == null ? "unknown" : profile.toString());
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0.0;
    }
}
