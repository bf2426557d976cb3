package org.trustlab.reference.autojoin;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Builds the string fields of an audit event or outcome; the field names are the invariants' vocabulary. */
final class AuditFields {
    private final TreeMap<String, String> fields = new TreeMap<>();

    static AuditFields create() {
        return new AuditFields();
    }

    AuditFields put(String key, Object value) {
        if (value != null) {
            fields.put(key, value instanceof Instant i ? i.toString() : value.toString());
        }
        return this;
    }

    AuditFields challenge(Challenge c) {
        return put("session", c.sessionId())
                .put("requester", c.requester())
                .put("target", c.target())
                .put("purpose", c.purpose().wireName())
                .put("nonce", c.nonceHex())
                .put("epoch", c.epoch())
                .put("issued-at", c.issuedAt())
                .put("expires-at", c.expiresAt());
    }

    AuditFields grant(TrustedDeviceGrant g) {
        if (g == null) {
            return put("grant-present", false);
        }
        return put("grant-present", true)
                .put("grant-owner", g.owner())
                .put("grant-owner-key-fingerprint", g.ownerKeyFingerprint())
                .put("grant-trusted-client", g.trustedClient())
                .put("grant-key-fingerprint", g.trustedKeyFingerprint())
                .put("grant-created", g.created())
                .put("grant-expires", g.expires())
                .put("grant-revoked", g.revoked())
                .put("grant-scope", g.scope().displayName());
    }

    Map<String, String> build() {
        return new TreeMap<>(fields);
    }
}
