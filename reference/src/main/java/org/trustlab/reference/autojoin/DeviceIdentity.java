package org.trustlab.reference.autojoin;

import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.KeyRing;

/** A device's ByteSync identity under a profile: its client id (from its first key) and its current key. */
public record DeviceIdentity(ClientId clientId, int keyGeneration, byte[] publicKey) {
    public DeviceIdentity {
        publicKey = publicKey.clone();
    }

    public static DeviceIdentity of(KeyRing keys, String installationId, CryptoProfile profile, int keyGeneration) {
        ClientId id = ClientId.derive(installationId, profile.publicKey(keys, 0));
        return new DeviceIdentity(id, keyGeneration, profile.publicKey(keys, keyGeneration));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public PublicKeyInfo publicKeyInfo() {
        return new PublicKeyInfo(clientId, publicKey);
    }

    public String fingerprint() {
        return Bytes.fingerprint(publicKey);
    }
}
