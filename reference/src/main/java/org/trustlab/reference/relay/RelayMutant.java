package org.trustlab.reference.relay;

import java.util.List;

/** Deliberately broken relays, each named with the invariants that must catch it. */
public enum RelayMutant {
    PREFIX_COMPARISON("prefix-comparison", "compares the presented proof with an early exit over its own length "
            + "(a prefix match, not constant-time): a one-character guess passes one time in sixteen",
            List.of("relay.slot-integrity")),
    LEARNS_EVERY_REGISTRATION("learns-every-registration", "learns the proof of every registration instead of only "
            + "the first, so anyone replaces a slot", List.of("relay.slot-integrity")),
    NO_SECOND_CHECK("no-second-check", "checks the proof only before accepting the connection and learns it after "
            + "without checking again under the lock: two registrations racing on an open slot both win",
            List.of("relay.slot-integrity")),
    OWNER_AUTHORIZATION_UNCHECKED("owner-authorization-unchecked", "owner-authorized mode that never verifies the "
            + "owner's signature, so a squatter claims an open slot", List.of("relay.squat-availability")),
    UNBOUNDED_PROOF_STORE("unbounded-proof-store", "never evicts from the proof store, so a flood of registrations "
            + "grows it without bound", List.of("relay.bounded-memory")),
    ALERTS_FIRST_SLOT_ONLY("alerts-first-slot-only", "alerts a first registration only for a slot it has never seen, "
            + "so a slot re-claimed after eviction is re-learned silently", List.of("relay.alerts")),
    LOGS_PROOF("logs-proof", "writes the presented registration_secret into its connection log",
            List.of("relay.no-secret-in-trace")),
    KK_WITHOUT_PINNING("kk-without-pinning", "the client runs Noise KK with the static key the slot's registrant "
            + "announced instead of the agent key it pinned at pairing, so a squatter completes the data plane",
            List.of("relay.data-plane-authentication"));

    private final String code;
    private final String description;
    private final List<String> breaks;

    RelayMutant(String code, String description, List<String> breaks) {
        this.code = code;
        this.description = description;
        this.breaks = breaks;
    }

    public String qualifiedName() {
        return "relay." + code;
    }

    public String description() {
        return description;
    }

    public List<String> breaks() {
        return breaks;
    }
}
