package org.trustlab.reference.relay;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A relay's settings.
 *
 * @param mode            how an open slot is claimed
 * @param proofStoreCap   the proof store's bound (65,536 in the source; small in tests)
 * @param maxAgents       live agents served at most
 * @param rateLimit       registrations one source may send per {@code rateWindow}
 * @param rateWindow      the rate limit's sliding window
 * @param acceptLatency   the longest the relay takes to accept a connection between its two proof checks: the
 *                        await point where other connections' steps interleave
 * @param flapThreshold   displacements of one slot after which the relay reports it flapping
 * @param mutants         deliberate bugs switched on
 */
public record RelayConfig(RelayMode mode, int proofStoreCap, int maxAgents, int rateLimit, Duration rateWindow,
        Duration acceptLatency, int flapThreshold, Set<RelayMutant> mutants) {
    public RelayConfig {
        mutants = mutants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mutants));
    }

    public static RelayConfig defaults(RelayMode mode) {
        return new RelayConfig(mode, ProofStore.DEFAULT_CAP, 10_000, 30, Duration.ofMinutes(1),
                Duration.ofMillis(40), 3, Set.of());
    }

    public boolean has(RelayMutant m) {
        return mutants.contains(m);
    }
}
