package org.trustlab.properties.relay;

import java.util.List;
import org.trustlab.reference.relay.RelayMutant;

/**
 * Which invariants each mutant of the relay must break, and the scenario of {@code scenarios/relay/} on which it
 * does. A test runs every entry; a mutant no invariant catches is a gap in the catalogue.
 */
public final class RelayMutantMap {
    /** A mutant, the scenario that exposes it, and the invariants that must fail there. */
    public record Entry(RelayMutant mutant, String scenario, List<String> breaks) {
        public Entry {
            breaks = List.copyOf(breaks);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(RelayMutant.PREFIX_COMPARISON, "guessed-secret.yaml", List.of(RelayInvariants.SLOT_INTEGRITY)),
            new Entry(RelayMutant.LEARNS_EVERY_REGISTRATION, "replacement-wrong-secret.yaml",
                    List.of(RelayInvariants.SLOT_INTEGRITY)),
            new Entry(RelayMutant.NO_SECOND_CHECK, "racing-registrations.yaml",
                    List.of(RelayInvariants.SLOT_INTEGRITY)),
            new Entry(RelayMutant.OWNER_AUTHORIZATION_UNCHECKED, "pre-emptive-squat-owner-authorized.yaml",
                    List.of(RelayInvariants.SQUAT_AVAILABILITY)),
            new Entry(RelayMutant.UNBOUNDED_PROOF_STORE, "flood-evicts-and-reclaims.yaml",
                    List.of(RelayInvariants.BOUNDED_MEMORY)),
            new Entry(RelayMutant.ALERTS_FIRST_SLOT_ONLY, "alerts-flood-reclaim.yaml", List.of(RelayInvariants.ALERTS)),
            new Entry(RelayMutant.LOGS_PROOF, "re-registration-after-restart.yaml",
                    List.of(RelayInvariants.NO_SECRET_IN_TRACE)),
            new Entry(RelayMutant.KK_WITHOUT_PINNING, "squatter-data-plane.yaml",
                    List.of(RelayInvariants.DATA_PLANE_AUTHENTICATION)));

    private RelayMutantMap() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }
}
