package org.trustlab.reference.autojoin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.trustlab.reference.crypto.Aead;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.Hkdf;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.reference.crypto.RsaKeyPair;
import org.trustlab.reference.crypto.RsaProfile;
import org.trustlab.reference.crypto.X25519KeyPair;

/**
 * The cryptography a run uses for device identities. {@code bytesync} is what ByteSync ships (RSA-2048, PKCS#1
 * v1.5 signatures and encryption, a case-insensitive password comparison); {@code hardened} is the default
 * (RSA-3072, PSS and OAEP, exact constant-time comparison); {@code ed25519} swaps RSA for Ed25519 signatures and
 * X25519 + HKDF + ChaCha20-Poly1305 encryption, so campaigns can run many joins cheaply.
 */
public enum CryptoProfile {
    BYTESYNC("bytesync"),
    HARDENED("hardened"),
    ED25519("ed25519");

    public static final CryptoProfile DEFAULT = HARDENED;
    private static final byte[] ECIES_INFO = "trustlab/autojoin/ecies/v1".getBytes(StandardCharsets.UTF_8);

    private final String profileName;

    CryptoProfile(String profileName) {
        this.profileName = profileName;
    }

    public String profileName() {
        return profileName;
    }

    /**
     * Whether the validator signs its rejections and the requester keeps an automatic join open until an
     * authenticated decision ends it. ByteSync's rejections carry no authentication, so in {@code bytesync} anyone
     * on the network can end a join with a forged, relayed or replayed rejection or challenge: a denial the report
     * shows as a FINDING. {@code hardened} is the fix, and {@code ed25519} (the hardened design on cheaper
     * primitives) has it too.
     */
    public boolean authenticatedDecisions() {
        return this != BYTESYNC;
    }

    public static Optional<CryptoProfile> fromName(String name) {
        for (CryptoProfile p : values()) {
            if (p.profileName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The device's public key as it travels in {@link PublicKeyInfo}: DER SubjectPublicKeyInfo for RSA, the
     * Ed25519 key followed by the X25519 key for {@code ed25519}.
     */
    public byte[] publicKey(KeyRing keys, int generation) {
        return switch (this) {
            case BYTESYNC -> keys.rsa(2048, generation).publicKey();
            case HARDENED -> keys.rsa(3072, generation).publicKey();
            case ED25519 -> Bytes.concat(keys.ed25519(generation).publicKey(), keys.x25519(generation).publicKey());
        };
    }

    public byte[] sign(KeyRing keys, int generation, byte[] message, DeterministicRandom random) {
        return switch (this) {
            case BYTESYNC -> keys.rsa(2048, generation).sign(RsaProfile.PKCS1_V15, message, random);
            case HARDENED -> keys.rsa(3072, generation).sign(RsaProfile.PSS_OAEP, message, random);
            case ED25519 -> keys.ed25519(generation).sign(message);
        };
    }

    /** False, never an exception, for a malformed key or signature. */
    public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return switch (this) {
            case BYTESYNC -> RsaKeyPair.verify(RsaProfile.PKCS1_V15, publicKey, message, signature);
            case HARDENED -> RsaKeyPair.verify(RsaProfile.PSS_OAEP, publicKey, message, signature);
            case ED25519 -> publicKey != null && publicKey.length == 64
                    && Ed25519KeyPair.verify(Arrays.copyOf(publicKey, 32), message, signature);
        };
    }

    /** Encrypts a short secret (a password, the session AES key) to a public key; empty if the key is unusable. */
    public Optional<byte[]> encrypt(byte[] publicKey, byte[] plaintext, DeterministicRandom random) {
        return switch (this) {
            case BYTESYNC -> RsaKeyPair.encrypt(RsaProfile.PKCS1_V15, publicKey, plaintext, random);
            case HARDENED -> RsaKeyPair.encrypt(RsaProfile.PSS_OAEP, publicKey, plaintext, random);
            case ED25519 -> eciesSeal(publicKey, plaintext, random);
        };
    }

    /** Empty on any failure, so no padding oracle tells the failures apart. */
    public Optional<byte[]> decrypt(KeyRing keys, int generation, byte[] ciphertext) {
        return switch (this) {
            case BYTESYNC -> keys.rsa(2048, generation).decrypt(RsaProfile.PKCS1_V15, ciphertext);
            case HARDENED -> keys.rsa(3072, generation).decrypt(RsaProfile.PSS_OAEP, ciphertext);
            case ED25519 -> eciesOpen(keys.x25519(generation), ciphertext);
        };
    }

    /**
     * Compares a received password part with the expected one. ByteSync's {@code ExchangePassword.IsMatch} uses
     * {@code StringComparison.InvariantCultureIgnoreCase}, so {@code bytesync} does too (the report flags it:
     * it shrinks the password space and the comparison is not constant-time); the other profiles compare the
     * UTF-8 bytes exactly, in constant time.
     */
    public boolean passwordPartMatches(String received, String expected) {
        if (this == BYTESYNC) {
            return received.toUpperCase(Locale.ROOT).equals(expected.toUpperCase(Locale.ROOT));
        }
        return Bytes.constantTimeEquals(received.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The safety key two users compare out of band: a hash of both key hashes (sorted, so both sides compute the
     * same value) and a salt. ByteSync uses MD5 over {@code sha256(a)_sha256(b)_salt}; {@code bytesync} keeps that,
     * the other profiles use SHA-256.
     */
    public String safetyKey(byte[] publicKeyA, byte[] publicKeyB, String salt) {
        String a = Bytes.hex(org.trustlab.reference.crypto.Hashes.sha256(publicKeyA));
        String b = Bytes.hex(org.trustlab.reference.crypto.Hashes.sha256(publicKeyB));
        String precomputed = (a.compareTo(b) <= 0 ? a + "_" + b : b + "_" + a) + "_" + salt;
        byte[] text = precomputed.getBytes(StandardCharsets.UTF_8);
        if (this == BYTESYNC) {
            MD5Digest md5 = new MD5Digest();
            md5.update(text, 0, text.length);
            byte[] out = new byte[md5.getDigestSize()];
            md5.doFinal(out, 0);
            return Bytes.hex(out);
        }
        return Bytes.hex(org.trustlab.reference.crypto.Hashes.sha256(text));
    }

    private static Optional<byte[]> eciesSeal(byte[] publicKey, byte[] plaintext, DeterministicRandom random) {
        if (publicKey == null || publicKey.length != 64) {
            return Optional.empty();
        }
        byte[] recipient = Arrays.copyOfRange(publicKey, 32, 64);
        X25519KeyPair ephemeral = X25519KeyPair.generate(random);
        Optional<byte[]> shared = ephemeral.agree(recipient);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        byte[] eph = ephemeral.publicKey();
        byte[] key = Hkdf.sha256(shared.get(), Bytes.concat(eph, recipient), ECIES_INFO, Aead.KEY_LENGTH);
        // The key is used once, so a fixed nonce is safe.
        byte[] sealed = Aead.CHACHA20_POLY1305.seal(key, new byte[Aead.NONCE_LENGTH], eph, plaintext);
        return Optional.of(Bytes.concat(eph, sealed));
    }

    private static Optional<byte[]> eciesOpen(X25519KeyPair own, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < 32 + Aead.TAG_LENGTH) {
            return Optional.empty();
        }
        byte[] eph = Arrays.copyOf(ciphertext, 32);
        Optional<byte[]> shared = own.agree(eph);
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        byte[] key = Hkdf.sha256(shared.get(), Bytes.concat(eph, own.publicKey()), ECIES_INFO, Aead.KEY_LENGTH);
        return Aead.CHACHA20_POLY1305.open(key, new byte[Aead.NONCE_LENGTH], eph,
                Arrays.copyOfRange(ciphertext, 32, ciphertext.length));
    }

    @Override
    public String toString() {
        return profileName;
    }
}
