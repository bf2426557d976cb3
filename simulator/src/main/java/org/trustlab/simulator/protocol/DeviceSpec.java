package org.trustlab.simulator.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.trustlab.reference.core.DeviceId;

/**
 * What a binding needs to know about one scenario device: its name, the role it runs ({@code validator},
 * {@code requester}, ...), its protocol-specific {@code config:} map from the YAML, and whether the attacker
 * controls it (a device the attacker registered with its own keys: it runs the role, but the attacker holds its
 * keys from the start).
 */
public record DeviceSpec(String name, String role, Map<String, Object> config, boolean attacker) {
    public DeviceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config == null ? Map.of() : config));
    }

    public DeviceId id() {
        return DeviceId.of(name);
    }

    /** Typed access to {@link #config()}; errors point at {@code config/<key>} of this device. */
    public ConfigView configView() {
        return new ConfigView(config, "config");
    }
}
