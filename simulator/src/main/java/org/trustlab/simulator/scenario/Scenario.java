package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;

/**
 * One scenario file: the devices and their roles, the protocol set-up, the network, the faults, the user actions,
 * the attacker, the expected outcomes and the optional liveness phase ({@code quiesce}). A run is a function of
 * (scenario, seed). {@code seed} is the default run
 * seed; {@code keySeed} fixes long-term keys and is deliberately separate (campaigns vary the run seed over
 * thousands of runs but reuse a few key seeds, so expensive keys are generated once per JVM).
 */
public record Scenario(String name, String protocol, long seed, long keySeed, Optional<String> mutant, Instant epoch,
        List<Device> devices, Map<String, Object> setup, NetworkSpec network, List<CrashSpec> crashes,
        List<ActionSpec> actions, Optional<AttackerSpec> attacker, List<Expectation> expect, Duration end,
        Optional<QuiesceSpec> quiesce) {

    /** Virtual time 0 unless a scenario says otherwise: a fixed instant, never the wall clock. */
    public static final Instant DEFAULT_EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    public static final Duration DEFAULT_END = Duration.ofHours(24);

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(end, "end");
        mutant = mutant == null ? Optional.empty() : mutant;
        attacker = attacker == null ? Optional.empty() : attacker;
        quiesce = quiesce == null ? Optional.empty() : quiesce;
        devices = List.copyOf(devices);
        setup = Collections.unmodifiableMap(new LinkedHashMap<>(setup));
        crashes = List.copyOf(crashes);
        actions = List.copyOf(actions);
        expect = List.copyOf(expect);
    }

    public Optional<Device> device(String deviceName) {
        return devices.stream().filter(d -> d.name().equals(deviceName)).findFirst();
    }

    public List<DeviceSpec> deviceSpecs() {
        return devices.stream().map(Device::spec).toList();
    }

    /** What the binding sees when creating roles. */
    public BindingContext bindingContext() {
        return new BindingContext(keySeed, epoch, setup, mutant, deviceSpecs());
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, protocol, newSeed, keySeed, mutant, epoch, devices, setup, network, crashes,
                actions, attacker, expect, end, quiesce);
    }

    public Scenario withMutant(Optional<String> newMutant) {
        return new Scenario(name, protocol, seed, keySeed, newMutant, epoch, devices, setup, network, crashes,
                actions, attacker, expect, end, quiesce);
    }

    public Scenario withDevices(List<Device> newDevices) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, newDevices, setup, network, crashes,
                actions, attacker, expect, end, quiesce);
    }

    public Scenario withSetup(Map<String, Object> newSetup) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, newSetup, network, crashes,
                actions, attacker, expect, end, quiesce);
    }

    public Scenario withNetwork(NetworkSpec newNetwork) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, newNetwork, crashes,
                actions, attacker, expect, end, quiesce);
    }

    public Scenario withCrashes(List<CrashSpec> newCrashes) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, network, newCrashes,
                actions, attacker, expect, end, quiesce);
    }

    public Scenario withActions(List<ActionSpec> newActions) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, network, crashes,
                newActions, attacker, expect, end, quiesce);
    }

    public Scenario withAttacker(Optional<AttackerSpec> newAttacker) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, network, crashes,
                actions, newAttacker, expect, end, quiesce);
    }

    public Scenario withExpect(List<Expectation> newExpect) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, network, crashes,
                actions, attacker, newExpect, end, quiesce);
    }

    public Scenario withQuiesce(Optional<QuiesceSpec> newQuiesce) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, network, crashes,
                actions, attacker, expect, end, newQuiesce);
    }

    public Scenario withEnd(Duration newEnd) {
        return new Scenario(name, protocol, seed, keySeed, mutant, epoch, devices, setup, network, crashes,
                actions, attacker, expect, newEnd, quiesce);
    }
}
