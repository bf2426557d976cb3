package org.trustlab.reference.vouch;

import java.util.Objects;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * What a device tells a peer about itself when it is paired or vouched: its id, its user-visible name, and its
 * long-term X25519 agreement key (the key the direct pairing's secret and, in the hardened profile, the proxied key
 * agreement use). The Ed25519 identity key travels beside it as the message's "public key".
 */
public record DeviceInfo(DeviceId id, String name, byte[] agreementKey) {
    public DeviceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (agreementKey.length != X25519KeyPair.KEY_LENGTH) {
            throw new IllegalArgumentException("agreement key must be 32 bytes");
        }
        agreementKey = agreementKey.clone();
    }

    @Override
    public byte[] agreementKey() {
        return agreementKey.clone();
    }
}
