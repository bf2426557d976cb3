package org.trustlab.simulator.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.KeyRing;

/**
 * What a binding may read when it creates a role: the key seed (separate from the run seed so that campaigns
 * reuse cached keys across thousands of runs), the instant of virtual time 0, the scenario's protocol-specific
 * {@code setup:} map (initial trust, grants, pairings, profile options), the mutant to switch on if any, and
 * every device of the scenario.
 */
public record BindingContext(long keySeed, Instant epoch, Map<String, Object> setup, Optional<String> mutant,
        List<DeviceSpec> devices) {

    public BindingContext {
        Objects.requireNonNull(epoch, "epoch");
        setup = Collections.unmodifiableMap(new LinkedHashMap<>(setup == null ? Map.of() : setup));
        mutant = mutant == null ? Optional.empty() : mutant;
        devices = List.copyOf(devices);
    }

    /** A device's long-term keys: the same (key seed, name) always gives the same keys. */
    public KeyRing keysOf(String deviceName) {
        return DeterministicKeys.ring(keySeed, deviceName);
    }

    public Optional<DeviceSpec> device(String name) {
        // A plain loop: bindings ask this for every trust and grant line, and a stream per call showed in profiles.
        for (DeviceSpec d : devices) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** True when the scenario switched on exactly this mutant ({@code autojoin.no-replay-cache}). */
    public boolean mutant(String id) {
        return mutant.filter(id::equals).isPresent();
    }

    /** Typed access to {@link #setup()}; errors point at {@code /setup/<key>}. */
    public ConfigView setupView() {
        return new ConfigView(setup, "/setup");
    }
}
