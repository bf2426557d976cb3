package org.trustlab.reference.autojoin;

import java.time.Instant;
import java.util.Objects;
import org.trustlab.reference.crypto.Bytes;

/**
 * ByteSync's {@code TrustedPublicKey}: a peer's key that the user accepted after comparing the safety key out of
 * band. {@code publicKeyHash} is the key's fingerprint; {@code validationDate} orders entries of one client id.
 */
public record TrustedPublicKey(ClientId clientId, byte[] publicKey, String publicKeyHash, String safetyKey,
        Instant validationDate) {
    public TrustedPublicKey {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(validationDate, "validationDate");
        publicKey = publicKey.clone();
    }

    public static TrustedPublicKey of(ClientId clientId, byte[] publicKey, String safetyKey, Instant validationDate) {
        return new TrustedPublicKey(clientId, publicKey, Bytes.fingerprint(publicKey), safetyKey, validationDate);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedPublicKey t && t.clientId.equals(clientId)
                && java.util.Arrays.equals(t.publicKey, publicKey) && t.validationDate.equals(validationDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, validationDate) * 31 + java.util.Arrays.hashCode(publicKey);
    }
}
