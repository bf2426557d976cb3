package org.trustlab.simulator.protocol;

import java.util.Objects;

/**
 * A secret the attacker now holds: its kind in the protocol's words ({@code session-key}, {@code auth-token},
 * {@code psk}) and its fingerprint ({@link org.trustlab.reference.crypto.Bytes#fingerprint}), never the secret.
 * Secrecy invariants compare these fingerprints with those of the secrets the honest roles audit. A low-entropy
 * secret (a password, a pairing code) gets no fingerprint at all, since a dictionary would invert it: it is named
 * by what it protects instead ({@code about}, e.g. {@code session S1}).
 */
public record LearnedSecret(String kind, String fingerprint, String about) {
    public LearnedSecret {
        Objects.requireNonNull(kind, "kind");
        if ((fingerprint == null) == (about == null)) {
            throw new IllegalArgumentException("a learned secret has a fingerprint or, if low-entropy, an about");
        }
    }

    public LearnedSecret(String kind, String fingerprint) {
        this(kind, fingerprint, null);
    }

    /** A low-entropy secret, named by what it protects and never hashed. */
    public static LearnedSecret lowEntropy(String kind, String about) {
        return new LearnedSecret(kind, null, about);
    }
}
