package org.trustlab.reference.crypto;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An Ed25519 signing identity (RFC 8032, pure Ed25519). */
public final class Ed25519KeyPair {
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    private Ed25519KeyPair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    /** From the 32-byte private seed of RFC 8032. */
    public static Ed25519KeyPair fromPrivate(byte[] seed32) {
        if (seed32.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 private key must be 32 bytes, got " + seed32.length);
        }
        return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(seed32, 0));
    }

    public static Ed25519KeyPair generate(DeterministicRandom random) {
        return fromPrivate(random.bytes(KEY_LENGTH));
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String fingerprint() {
        return Bytes.fingerprint(publicKey);
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** False (never an exception) for a malformed key or signature. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || signature == null || publicKey.length != KEY_LENGTH
                || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
