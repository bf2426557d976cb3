package org.trustlab.reference.crypto;

import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADCipher;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Authenticated encryption: ChaCha20-Poly1305 (RFC 8439) and AES-256-GCM, both with 32-byte keys, 12-byte nonces
 * and 16-byte tags. {@link #open} returns empty on any authentication failure; callers turn that into a reason.
 */
public enum Aead {
    CHACHA20_POLY1305,
    AES_256_GCM;

    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        AEADCipher cipher = cipher(true, key, nonce, aad);
        byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
        int n = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("sealing cannot fail authentication", e);
        }
        return out;
    }

    public Optional<byte[]> open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH || ciphertext.length < TAG_LENGTH) {
            return Optional.empty();
        }
        AEADCipher cipher = cipher(false, key, nonce, aad);
        byte[] out = new byte[cipher.getOutputSize(ciphertext.length)];
        int n = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
        try {
            cipher.doFinal(out, n);
            return Optional.of(out);
        } catch (InvalidCipherTextException e) {
            return Optional.empty();
        }
    }

    private AEADCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException(this + " needs a 32-byte key, got " + key.length);
        }
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException(this + " needs a 12-byte nonce, got " + nonce.length);
        }
        AEADCipher cipher = switch (this) {
            case CHACHA20_POLY1305 -> new ChaCha20Poly1305();
            case AES_256_GCM -> GCMBlockCipher.newInstance(AESEngine.newInstance());
        };
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
        return cipher;
    }
}
