package org.trustlab.reference.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * An RSA identity, for protocols whose source system uses RSA. Public keys travel as DER SubjectPublicKeyInfo.
 * Signing and encryption follow an {@link RsaProfile}.
 */
public final class RsaKeyPair {
    public static final int DEFAULT_BITS = 3072;
    private static final BigInteger PUBLIC_EXPONENT = BigInteger.valueOf(65537);

    private final RSAKeyParameters publicKey;
    private final AsymmetricKeyParameter privateKey;
    private final byte[] encodedPublicKey;

    private RsaKeyPair(AsymmetricCipherKeyPair pair) {
        this.publicKey = (RSAKeyParameters) pair.getPublic();
        this.privateKey = pair.getPrivate();
        this.encodedPublicKey = encodePublic(publicKey);
    }

    public static RsaKeyPair generate(int bits, DeterministicRandom random) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(PUBLIC_EXPONENT, random.asSecureRandom(), bits, 112));
        return new RsaKeyPair(generator.generateKeyPair());
    }

    public int bits() {
        return publicKey.getModulus().bitLength();
    }

    /** DER SubjectPublicKeyInfo. */
    public byte[] publicKey() {
        return encodedPublicKey.clone();
    }

    public String fingerprint() {
        return Bytes.fingerprint(encodedPublicKey);
    }

    /** Signs with the profile's scheme; PSS salts come from {@code random}, so they too are fixed by the seed. */
    public byte[] sign(RsaProfile profile, byte[] message, DeterministicRandom random) {
        Signer signer = signer(profile);
        signer.init(true, profile == RsaProfile.PSS_OAEP
                ? new ParametersWithRandom(privateKey, random.asSecureRandom())
                : privateKey);
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    /** False (never an exception) for a malformed key or signature. */
    public static boolean verify(RsaProfile profile, byte[] publicKey, byte[] message, byte[] signature) {
        Optional<RSAKeyParameters> key = decodePublic(publicKey);
        if (key.isEmpty() || signature == null) {
            return false;
        }
        try {
            Signer verifier = signer(profile);
            verifier.init(false, key.get());
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Encrypts a short secret (a password, an AES key) to a public key; empty if the key does not decode. */
    public static Optional<byte[]> encrypt(RsaProfile profile, byte[] publicKey, byte[] plaintext,
            DeterministicRandom random) {
        Optional<RSAKeyParameters> key = decodePublic(publicKey);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        AsymmetricBlockCipher cipher = cipher(profile);
        cipher.init(true, new ParametersWithRandom(key.get(), random.asSecureRandom()));
        try {
            return Optional.of(cipher.processBlock(plaintext, 0, plaintext.length));
        } catch (InvalidCipherTextException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Empty on any padding or length error, so no oracle distinguishes the failure. */
    public Optional<byte[]> decrypt(RsaProfile profile, byte[] ciphertext) {
        AsymmetricBlockCipher cipher = cipher(profile);
        cipher.init(false, privateKey);
        try {
            return Optional.of(cipher.processBlock(ciphertext, 0, ciphertext.length));
        } catch (InvalidCipherTextException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Signer signer(RsaProfile profile) {
        return switch (profile) {
            case PKCS1_V15 -> new RSADigestSigner(new SHA256Digest());
            case PSS_OAEP -> new PSSSigner(new RSABlindedEngine(), new SHA256Digest(), 32);
        };
    }

    private static AsymmetricBlockCipher cipher(RsaProfile profile) {
        return switch (profile) {
            case PKCS1_V15 -> new PKCS1Encoding(new RSABlindedEngine());
            case PSS_OAEP -> new OAEPEncoding(new RSABlindedEngine(), new SHA256Digest(), new SHA256Digest(), null);
        };
    }

    private static byte[] encodePublic(RSAKeyParameters key) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode RSA public key", e);
        }
    }

    /** Decodes a DER SubjectPublicKeyInfo holding an RSA key; empty for anything else. */
    public static Optional<RSAKeyParameters> decodePublic(byte[] encoded) {
        if (encoded == null || encoded.length == 0 || encoded.length > 4096) {
            return Optional.empty();
        }
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(encoded);
            if (key instanceof RSAKeyParameters rsa && !rsa.isPrivate()) {
                return Optional.of(rsa);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Unused by the DRBG-backed code but kept for hosts that hand in a platform SecureRandom. */
    static RsaKeyPair generate(int bits, SecureRandom random) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(PUBLIC_EXPONENT, random, bits, 112));
        return new RsaKeyPair(generator.generateKeyPair());
    }
}
