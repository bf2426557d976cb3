package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RSA identities at the default 3072 bits; keys come from the JVM-wide cache, so this class pays for two. */
class RsaKeyPairTest {
    private static final RsaKeyPair ALICE = DeterministicKeys.rsa(17, "rsa-test/alice", RsaKeyPair.DEFAULT_BITS, 0);
    private static final RsaKeyPair MALLORY = DeterministicKeys.rsa(17, "rsa-test/mallory", RsaKeyPair.DEFAULT_BITS, 0);
    private static final byte[] MESSAGE = "vc-request-pubkey from device 7".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = new byte[32];

    static {
        SECRET[0] = 42;
    }

    private static DeterministicRandom random(String name) {
        return new DeterministicRandom(17, name);
    }

    @Test
    void keysHaveTheDefaultSizeAndDistinctFingerprints() {
        assertThat(ALICE.bits()).isEqualTo(3072);
        assertThat(ALICE.fingerprint()).hasSize(16).isNotEqualTo(MALLORY.fingerprint());
        assertThat(RsaKeyPair.decodePublic(ALICE.publicKey())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(RsaProfile.class)
    void signAndVerifyRoundTrip(RsaProfile profile) {
        byte[] sig = ALICE.sign(profile, MESSAGE, random("sig"));
        assertThat(sig).hasSize(3072 / 8);
        assertThat(RsaKeyPair.verify(profile, ALICE.publicKey(), MESSAGE, sig)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RsaProfile.class)
    void verificationRejectsWrongKeyTamperedSignatureAndTamperedMessage(RsaProfile profile) {
        byte[] sig = ALICE.sign(profile, MESSAGE, random("sig"));
        assertThat(RsaKeyPair.verify(profile, MALLORY.publicKey(), MESSAGE, sig)).as("wrong key").isFalse();
        byte[] tampered = sig.clone();
        tampered[tampered.length / 2] ^= 0x10;
        assertThat(RsaKeyPair.verify(profile, ALICE.publicKey(), MESSAGE, tampered)).as("tampered sig").isFalse();
        byte[] otherMessage = MESSAGE.clone();
        otherMessage[0] ^= 1;
        assertThat(RsaKeyPair.verify(profile, ALICE.publicKey(), otherMessage, sig)).as("tampered message").isFalse();
        assertThat(RsaKeyPair.verify(profile, ALICE.publicKey(), MESSAGE, java.util.Arrays.copyOf(sig, sig.length - 1)))
                .as("short sig").isFalse();
        assertThat(RsaKeyPair.verify(profile, ALICE.publicKey(), MESSAGE, new byte[0])).as("empty sig").isFalse();
        assertThat(RsaKeyPair.verify(profile, ALICE.publicKey(), MESSAGE, null)).as("null sig").isFalse();
    }

    @ParameterizedTest
    @EnumSource(RsaProfile.class)
    void garbagePublicKeysGiveFalseNotAnException(RsaProfile profile) throws IOException {
        byte[] sig = ALICE.sign(profile, MESSAGE, random("sig"));
        byte[] truncatedDer = java.util.Arrays.copyOf(ALICE.publicKey(), 40);
        byte[] ed25519Spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                new Ed25519PublicKeyParameters(DeterministicKeys.ed25519(17, "x", 0).publicKey(), 0)).getEncoded();
        for (byte[] garbage : new byte[][] {null, new byte[0], random("garbage").bytes(300), truncatedDer,
                ed25519Spki, new byte[5000]}) {
            assertThat(RsaKeyPair.verify(profile, garbage, MESSAGE, sig)).isFalse();
            assertThat(RsaKeyPair.encrypt(profile, garbage, SECRET, random("enc"))).isEmpty();
        }
        assertThat(RsaKeyPair.decodePublic(ed25519Spki)).as("a non-RSA key is not an RSA key").isEmpty();
    }

    @Test
    void aSignatureVerifiesOnlyUnderTheProfileThatMadeIt() {
        byte[] pss = ALICE.sign(RsaProfile.PSS_OAEP, MESSAGE, random("sig"));
        byte[] pkcs1 = ALICE.sign(RsaProfile.PKCS1_V15, MESSAGE, random("sig"));
        assertThat(RsaKeyPair.verify(RsaProfile.PKCS1_V15, ALICE.publicKey(), MESSAGE, pss)).isFalse();
        assertThat(RsaKeyPair.verify(RsaProfile.PSS_OAEP, ALICE.publicKey(), MESSAGE, pkcs1)).isFalse();
    }

    @Test
    void pssSaltsComeFromTheGivenStream() {
        byte[] a = ALICE.sign(RsaProfile.PSS_OAEP, MESSAGE, random("salt/1"));
        byte[] again = ALICE.sign(RsaProfile.PSS_OAEP, MESSAGE, random("salt/1"));
        byte[] other = ALICE.sign(RsaProfile.PSS_OAEP, MESSAGE, random("salt/2"));
        assertThat(a).isEqualTo(again);
        assertThat(other).isNotEqualTo(a);
        assertThat(RsaKeyPair.verify(RsaProfile.PSS_OAEP, ALICE.publicKey(), MESSAGE, other)).isTrue();
        // PKCS#1 v1.5 signatures are deterministic and ignore the stream.
        assertThat(ALICE.sign(RsaProfile.PKCS1_V15, MESSAGE, random("salt/1")))
                .isEqualTo(ALICE.sign(RsaProfile.PKCS1_V15, MESSAGE, random("salt/2")));
    }

    @ParameterizedTest
    @EnumSource(RsaProfile.class)
    void encryptAndDecryptRoundTrip(RsaProfile profile) {
        byte[] ciphertext = RsaKeyPair.encrypt(profile, ALICE.publicKey(), SECRET, random("enc")).orElseThrow();
        assertThat(ciphertext).hasSize(3072 / 8).isNotEqualTo(SECRET);
        assertThat(ALICE.decrypt(profile, ciphertext)).hasValueSatisfying(p -> assertThat(p).isEqualTo(SECRET));
    }

    @ParameterizedTest
    @EnumSource(RsaProfile.class)
    void decryptionRejectsWrongKeyTamperingAndWrongLengthsWithEmpty(RsaProfile profile) {
        byte[] ciphertext = RsaKeyPair.encrypt(profile, ALICE.publicKey(), SECRET, random("enc")).orElseThrow();
        assertThat(MALLORY.decrypt(profile, ciphertext)).as("wrong key").isEmpty();
        byte[] tampered = ciphertext.clone();
        tampered[5] ^= 0x01;
        assertThat(ALICE.decrypt(profile, tampered)).as("tampered").isEmpty();
        assertThat(ALICE.decrypt(profile, java.util.Arrays.copyOf(ciphertext, 10))).as("short").isEmpty();
        assertThat(ALICE.decrypt(profile, new byte[ciphertext.length + 1])).as("long").isEmpty();
        assertThat(ALICE.decrypt(profile, new byte[0])).as("empty").isEmpty();
    }

    @Test
    void aCiphertextOpensOnlyUnderItsOwnProfile() {
        byte[] oaep = RsaKeyPair.encrypt(RsaProfile.PSS_OAEP, ALICE.publicKey(), SECRET, random("enc")).orElseThrow();
        assertThat(ALICE.decrypt(RsaProfile.PKCS1_V15, oaep)).isEmpty();
        byte[] pkcs1 = RsaKeyPair.encrypt(RsaProfile.PKCS1_V15, ALICE.publicKey(), SECRET, random("enc")).orElseThrow();
        assertThat(ALICE.decrypt(RsaProfile.PSS_OAEP, pkcs1)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(RsaProfile.class)
    void aPlaintextTooLongForTheKeyIsEmptyNotAnException(RsaProfile profile) {
        assertThat(RsaKeyPair.encrypt(profile, ALICE.publicKey(), new byte[400], random("enc"))).isEmpty();
    }

    /** A signature longer than the modulus is a failed verification. */
    @ParameterizedTest
    @EnumSource(RsaProfile.class)
    void aSignatureLargerThanTheModulusDoesNotVerify(RsaProfile profile) {
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        byte[] huge = new byte[RsaKeyPair.DEFAULT_BITS / 8 + 1];
        java.util.Arrays.fill(huge, (byte) 0xFF);
        assertThat(RsaKeyPair.verify(profile, ALICE.publicKey(), message, huge)).isFalse();
    }

    /** The SecureRandom entry point draws the same key from the same stream as the DeterministicRandom one. */
    @Test
    void aKeyFromTheSecureRandomViewIsTheKeyFromTheStream() {
        RsaKeyPair viaView = RsaKeyPair.generate(1024, new DeterministicRandom(3, "rsa-view").asSecureRandom());
        RsaKeyPair direct = RsaKeyPair.generate(1024, new DeterministicRandom(3, "rsa-view"));
        assertThat(RsaKeyPair.decodePublic(viaView.publicKey())).isPresent();
        assertThat(viaView.publicKey()).isEqualTo(direct.publicKey());
    }

    /** A key too small for PSS with SHA-256 makes the verifier refuse to start: that is a failed verification. */
    @Test
    void aKeyTooSmallForPssVerifiesNothing() {
        RsaKeyPair small = RsaKeyPair.generate(512, new DeterministicRandom(3, "rsa-small"));
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        assertThat(RsaKeyPair.verify(RsaProfile.PSS_OAEP, small.publicKey(), message, new byte[64])).isFalse();
    }
}
