package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Ed25519KeyPairTest {
    private static final Ed25519KeyPair ALICE = DeterministicKeys.ed25519(4, "ed25519-test/alice", 0);
    private static final Ed25519KeyPair MALLORY = DeterministicKeys.ed25519(4, "ed25519-test/mallory", 0);
    private static final byte[] MESSAGE = "autojoin challenge".getBytes(StandardCharsets.UTF_8);

    @Test
    void signaturesVerifyAndAreDeterministic() {
        byte[] sig = ALICE.sign(MESSAGE);
        assertThat(sig).hasSize(Ed25519KeyPair.SIGNATURE_LENGTH).isEqualTo(ALICE.sign(MESSAGE));
        assertThat(Ed25519KeyPair.verify(ALICE.publicKey(), MESSAGE, sig)).isTrue();
        assertThat(ALICE.fingerprint()).hasSize(16).isEqualTo(Bytes.fingerprint(ALICE.publicKey()));
    }

    @Test
    void verificationRejectsWithFalse() {
        byte[] sig = ALICE.sign(MESSAGE);
        assertThat(Ed25519KeyPair.verify(MALLORY.publicKey(), MESSAGE, sig)).as("wrong key").isFalse();
        byte[] tampered = sig.clone();
        tampered[40] ^= 0x04;
        assertThat(Ed25519KeyPair.verify(ALICE.publicKey(), MESSAGE, tampered)).as("tampered sig").isFalse();
        assertThat(Ed25519KeyPair.verify(ALICE.publicKey(), "other".getBytes(StandardCharsets.UTF_8), sig))
                .as("other message").isFalse();
        assertThat(Ed25519KeyPair.verify(ALICE.publicKey(), MESSAGE, java.util.Arrays.copyOf(sig, 63))).isFalse();
        assertThat(Ed25519KeyPair.verify(ALICE.publicKey(), MESSAGE, null)).isFalse();
        assertThat(Ed25519KeyPair.verify(null, MESSAGE, sig)).isFalse();
        assertThat(Ed25519KeyPair.verify(new byte[31], MESSAGE, sig)).isFalse();
    }

    @Test
    void garbagePublicKeysGiveFalseNotAnException() {
        byte[] sig = ALICE.sign(MESSAGE);
        DeterministicRandom random = new DeterministicRandom(4, "ed25519-garbage");
        for (int i = 0; i < 200; i++) {
            assertThat(Ed25519KeyPair.verify(random.bytes(32), MESSAGE, sig)).isFalse();
        }
        // y = p, a non-canonical encoding, and all-ones.
        assertThat(Ed25519KeyPair.verify(Bytes.fromHex("ed" + "ff".repeat(30) + "7f"), MESSAGE, sig)).isFalse();
        assertThat(Ed25519KeyPair.verify(Bytes.fromHex("ff".repeat(32)), MESSAGE, sig)).isFalse();
    }

    @Test
    void aPrivateKeyMustBe32Bytes() {
        assertThatThrownBy(() -> Ed25519KeyPair.fromPrivate(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}
