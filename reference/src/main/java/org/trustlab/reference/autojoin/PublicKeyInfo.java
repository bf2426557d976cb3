package org.trustlab.reference.autojoin;

import java.util.Objects;
import org.trustlab.reference.crypto.Bytes;

/** ByteSync's {@code PublicKeyInfo}: a client id and the public key it claims. A claim, not a proof. */
public record PublicKeyInfo(ClientId clientId, byte[] publicKey) {
    public PublicKeyInfo {
        Objects.requireNonNull(clientId, "clientId");
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String fingerprint() {
        return Bytes.fingerprint(publicKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyInfo p && p.clientId.equals(clientId)
                && java.util.Arrays.equals(p.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * clientId.hashCode() + java.util.Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "PublicKeyInfo[" + clientId + ", " + fingerprint() + "]";
    }
}
