package org.trustlab.reference.crypto.noise;

import java.util.Arrays;
import java.util.Optional;
import org.trustlab.reference.crypto.Aead;

/**
 * A key and a nonce counter (Noise specification section 5.1) over ChaCha20-Poly1305. The 96-bit nonce is 32 zero
 * bits then the counter little-endian (section 12.3). The counter is a Java long read as unsigned; 2^64-1 is
 * reserved for {@link #rekey()}.
 */
public final class CipherState {
    public static final int KEY_LENGTH = 32;
    public static final int TAG_LENGTH = Aead.TAG_LENGTH;
    /** 2^64-1: never used as a message nonce (section 5.1). */
    private static final long MAX_NONCE = -1L;

    private byte[] k;
    private long n;

    /** A cipher state with no key: encryption and decryption pass bytes through (handshake before the first DH). */
    public CipherState() {}

    CipherState(byte[] key) {
        initializeKey(key);
    }

    void initializeKey(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a Noise cipher key is 32 bytes, got " + key.length);
        }
        this.k = key.clone();
        this.n = 0;
    }

    public boolean hasKey() {
        return k != null;
    }

    /** The next nonce this state will use, as an unsigned 64-bit counter. */
    public long nonce() {
        return n;
    }

    /** Sets the counter, for transports that carry explicit nonces (section 11.4). */
    public void setNonce(long nonce) {
        this.n = nonce;
    }

    public byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        if (k == null) {
            return plaintext.clone();
        }
        checkNonce();
        byte[] out = Aead.CHACHA20_POLY1305.seal(k, nonceBytes(n), ad, plaintext);
        n++;
        return out;
    }

    /**
     * Decrypts and authenticates. On failure the counter does not move (section 5.1), so a forged message cannot
     * desynchronise the honest stream.
     */
    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) {
        if (k == null) {
            return ciphertext.clone();
        }
        checkNonce();
        if (ciphertext.length < TAG_LENGTH) {
            throw new NoiseException(NoiseReason.MESSAGE_TOO_SHORT,
                    "ciphertext of " + ciphertext.length + " bytes is shorter than the 16-byte tag");
        }
        Optional<byte[]> plain = Aead.CHACHA20_POLY1305.open(k, nonceBytes(n), ad, ciphertext);
        if (plain.isEmpty()) {
            throw new NoiseException(NoiseReason.DECRYPT_FAILED,
                    "ChaChaPoly tag did not verify at nonce " + Long.toUnsignedString(n));
        }
        n++;
        return plain.get();
    }

    /** REKEY (section 4.2 and 11.3): k = the first 32 bytes of ENCRYPT(k, 2^64-1, empty, 32 zero bytes). */
    public void rekey() {
        if (k == null) {
            throw new NoiseException(NoiseReason.MISSING_KEY, "rekey on a cipher state with no key");
        }
        byte[] sealed = Aead.CHACHA20_POLY1305.seal(k, nonceBytes(MAX_NONCE), new byte[0], new byte[KEY_LENGTH]);
        Arrays.fill(k, (byte) 0);
        k = Arrays.copyOf(sealed, KEY_LENGTH);
    }

    private void checkNonce() {
        if (n == MAX_NONCE) {
            throw new NoiseException(NoiseReason.NONCE_EXHAUSTED, "the counter reached 2^64-1");
        }
    }

    private static byte[] nonceBytes(long counter) {
        byte[] nonce = new byte[Aead.NONCE_LENGTH];
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (8 * i));
        }
        return nonce;
    }
}
