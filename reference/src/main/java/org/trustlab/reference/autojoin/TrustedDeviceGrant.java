package org.trustlab.reference.autojoin;

import java.time.Instant;
import java.util.Objects;

/**
 * The owner's standing permission for one trusted client to join automatically: bound to the trusted client's key
 * (by fingerprint) and to the owner's own key, time-boxed, revocable, and scoped. It holds no secret: a stolen
 * grant lets nobody in, because every automatic join still needs a fresh signature by the granted key.
 */
public record TrustedDeviceGrant(ClientId owner, String ownerKeyFingerprint, ClientId trustedClient,
        String trustedKeyFingerprint, Instant created, Instant expires, boolean revoked, GrantScope scope) {
    public TrustedDeviceGrant {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ownerKeyFingerprint, "ownerKeyFingerprint");
        Objects.requireNonNull(trustedClient, "trustedClient");
        Objects.requireNonNull(trustedKeyFingerprint, "trustedKeyFingerprint");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(scope, "scope");
    }

    public TrustedDeviceGrant revoke() {
        return new TrustedDeviceGrant(owner, ownerKeyFingerprint, trustedClient, trustedKeyFingerprint, created,
                expires, true, scope);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
