package org.trustlab.reference.crypto.noise;

import java.util.Arrays;
import org.trustlab.reference.crypto.Hashes;
import org.trustlab.reference.crypto.Hmac;

/** The chaining key, the handshake hash and the handshake cipher (Noise specification section 5.2), SHA-256. */
public final class SymmetricState {
    public static final int HASH_LENGTH = 32;

    private final CipherState cipher = new CipherState();
    private byte[] ck;
    private byte[] h;

    /** InitializeSymmetric: h is the protocol name padded to 32 bytes, or its hash if longer; ck = h. */
    public SymmetricState(byte[] protocolName) {
        h = protocolName.length <= HASH_LENGTH
                ? Arrays.copyOf(protocolName, HASH_LENGTH)
                : Hashes.sha256(protocolName);
        ck = h.clone();
    }

    public void mixKey(byte[] inputKeyMaterial) {
        byte[][] out = hkdf(ck, inputKeyMaterial, 2);
        ck = out[0];
        cipher.initializeKey(out[1]);
    }

    public void mixHash(byte[] data) {
        h = Hashes.sha256(h, data);
    }

    /** For psk tokens (section 5.2): the PSK enters the chaining key, the hash and the cipher key. */
    public void mixKeyAndHash(byte[] inputKeyMaterial) {
        byte[][] out = hkdf(ck, inputKeyMaterial, 3);
        ck = out[0];
        mixHash(out[1]);
        cipher.initializeKey(out[2]);
    }

    public byte[] handshakeHash() {
        return h.clone();
    }

    public boolean hasKey() {
        return cipher.hasKey();
    }

    public byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.encryptWithAd(h, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    public byte[] decryptAndHash(byte[] ciphertext) {
        byte[] plaintext = cipher.decryptWithAd(h, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    /** Split: the initiator-to-responder and responder-to-initiator cipher states. */
    public CipherPair split() {
        byte[][] out = hkdf(ck, new byte[0], 2);
        return new CipherPair(new CipherState(out[0]), new CipherState(out[1]));
    }

    /**
     * HKDF as section 4.3 defines it on HMAC-SHA256: temp_key = HMAC(ck, ikm), output_i = HMAC(temp_key,
     * output_{i-1} || i). This is RFC 5869 with ck as salt and empty info, truncated to whole hash blocks.
     */
    static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial, int outputs) {
        byte[] tempKey = Hmac.sha256(chainingKey, inputKeyMaterial);
        byte[][] out = new byte[outputs][];
        byte[] previous = new byte[0];
        for (int i = 0; i < outputs; i++) {
            byte[] input = Arrays.copyOf(previous, previous.length + 1);
            input[previous.length] = (byte) (i + 1);
            out[i] = Hmac.sha256(tempKey, input);
            previous = out[i];
        }
        return out;
    }

    /** The two directions after split(), named from the initiator's side as in the specification. */
    public record CipherPair(CipherState initiatorToResponder, CipherState responderToInitiator) {}
}
