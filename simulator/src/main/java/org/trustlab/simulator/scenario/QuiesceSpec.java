package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * The liveness phase of a run (TigerBeetle's VOPR: a safety phase with faults, then convergence). From {@code at}
 * on, partitions heal, crashed devices restart, offline windows end, the attacker stops acting and the network
 * loses nothing; every exchange started must then be decided by {@code at + within}. Liveness becomes a plain
 * check after a known time instead of a scan for losses and grace periods.
 */
public record QuiesceSpec(Duration at, Duration within) {
    public QuiesceSpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(within, "within");
        if (at.isNegative()) {
            throw new IllegalArgumentException("quiesce.at must not be negative");
        }
        if (within.isZero() || within.isNegative()) {
            throw new IllegalArgumentException("quiesce.within must be positive");
        }
    }

    /** The virtual time by which every exchange must be decided. */
    public Duration deadline() {
        return at.plus(within);
    }
}
