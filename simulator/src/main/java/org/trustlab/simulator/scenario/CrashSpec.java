package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The device crashes at {@code at} (volatile state and timers lost) and restarts at {@code restart}, if given. */
public record CrashSpec(String device, Duration at, Optional<Duration> restart) {
    public CrashSpec {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(at, "at");
        restart = restart == null ? Optional.empty() : restart;
    }
}
