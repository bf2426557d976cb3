package org.trustlab.reference.crypto;

import java.util.Optional;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/** An X25519 key-agreement key pair (RFC 7748). */
public final class X25519KeyPair {
    public static final int KEY_LENGTH = 32;

    private final X25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private X25519KeyPair(X25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    public static X25519KeyPair fromPrivate(byte[] scalar32) {
        if (scalar32.length != KEY_LENGTH) {
            throw new IllegalArgumentException("X25519 private key must be 32 bytes, got " + scalar32.length);
        }
        return new X25519KeyPair(new X25519PrivateKeyParameters(scalar32, 0));
    }

    public static X25519KeyPair generate(DeterministicRandom random) {
        return fromPrivate(random.bytes(KEY_LENGTH));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * The shared secret with a peer's public key; empty if the key is malformed or of small order (the all-zero
     * output RFC 7748 section 6.1 tells implementations to reject, which would let an attacker fix the secret).
     */
    public Optional<byte[]> agree(byte[] peerPublicKey) {
        if (peerPublicKey == null || peerPublicKey.length != KEY_LENGTH) {
            return Optional.empty();
        }
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(privateKey);
        byte[] shared = new byte[agreement.getAgreementSize()];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublicKey, 0), shared, 0);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.of(shared);
    }
}
