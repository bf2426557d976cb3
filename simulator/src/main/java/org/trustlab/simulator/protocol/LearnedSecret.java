package org.trustlab.simulator.protocol;

import java.util.Objects;

/**
 * A secret the attacker now holds: its kind in the protocol's words ({@code session-key}, {@code auth-token},
 * {@code psk}) and its fingerprint ({@link org.trustlab.reference.crypto.Bytes#fingerprint}), never the secret.
 * Secrecy invariants compare these fingerprints with those of the secrets the honest roles audit.
 */
public record LearnedSecret(String kind, String fingerprint) {
    public LearnedSecret {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
