package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** HKDF, HMAC and byte helpers beyond what the published vectors cover. */
class PrimitivesTest {
    private static final byte[] IKM = "input keying material".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INFO = "trustlab/test".getBytes(StandardCharsets.UTF_8);

    @Test
    void hkdfTreatsANullOrEmptySaltAsHashLengthZeros() {
        byte[] zeros = Hkdf.sha256(IKM, new byte[32], INFO, 32);
        assertThat(Hkdf.sha256(IKM, null, INFO, 32)).isEqualTo(zeros);
        assertThat(Hkdf.sha256(IKM, new byte[0], INFO, 32)).isEqualTo(zeros);
        assertThat(Hkdf.extract(null, IKM)).isEqualTo(Hkdf.extract(new byte[32], IKM));
    }

    @Test
    void hkdfSeparatesByInfoAndIsAPrefixFamilyInLength() {
        byte[] a = Hkdf.sha256(IKM, null, INFO, 64);
        assertThat(Hkdf.sha256(IKM, null, "other".getBytes(StandardCharsets.UTF_8), 64)).isNotEqualTo(a);
        assertThat(Hkdf.sha256(IKM, null, INFO, 20)).isEqualTo(java.util.Arrays.copyOf(a, 20));
        assertThat(Hkdf.sha256(IKM, null, INFO, 255 * 32)).hasSize(255 * 32);
    }

    @Test
    void hkdfRefusesLengthsOutsideTheRfc() {
        assertThatThrownBy(() -> Hkdf.sha256(IKM, null, INFO, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.sha256(IKM, null, INFO, 255 * 32 + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.expand(new byte[32], INFO, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.expand(new byte[32], INFO, 255 * 32 + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hmacVerificationRejectsWrongTruncatedAndMissingTags() {
        byte[] key = "registration_secret".getBytes(StandardCharsets.UTF_8);
        byte[] tag = Hmac.sha256(key, INFO);
        assertThat(Hmac.verifySha256(key, INFO, tag)).isTrue();
        byte[] wrong = tag.clone();
        wrong[31] ^= 1;
        assertThat(Hmac.verifySha256(key, INFO, wrong)).isFalse();
        assertThat(Hmac.verifySha256(key, INFO, java.util.Arrays.copyOf(tag, 16))).isFalse();
        assertThat(Hmac.verifySha256(key, INFO, null)).isFalse();
        assertThat(Hmac.verifySha256("other".getBytes(StandardCharsets.UTF_8), INFO, tag)).isFalse();
    }

    @Test
    void constantTimeEqualsComparesContentAndLength() {
        assertThat(Bytes.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(Bytes.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(Bytes.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2, 0})).isFalse();
        assertThat(Bytes.constantTimeEquals(new byte[0], new byte[0])).isTrue();
        assertThat(Bytes.constantTimeEquals(null, new byte[0])).isFalse();
        assertThat(Bytes.constantTimeEquals(new byte[0], null)).isFalse();
    }

    @Test
    void byteHelpers() {
        assertThat(Bytes.hex(Bytes.fromHex("00ff10"))).isEqualTo("00ff10");
        assertThat(Bytes.concat(new byte[] {1}, new byte[0], new byte[] {2, 3})).containsExactly(1, 2, 3);
        assertThat(Bytes.fingerprint(new byte[] {1})).hasSize(16).isEqualTo(Bytes.fingerprint(new byte[] {1}))
                .isNotEqualTo(Bytes.fingerprint(new byte[] {2}));
        assertThat(Hashes.sha256(new byte[] {1, 2}, new byte[] {3})).isEqualTo(Hashes.sha256(new byte[] {1, 2, 3}));
    }

    @Test
    void hkdfOutputsOneByteToTwoHundredFiftyFiveBlocksAndNothingElse() {
        byte[] prk = Hkdf.extract(null, IKM);
        assertThat(Hkdf.expand(prk, INFO, 1)).hasSize(1);
        assertThat(Hkdf.expand(prk, INFO, 255 * 32)).hasSize(255 * 32);
        assertThatThrownBy(() -> Hkdf.expand(prk, INFO, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.expand(prk, INFO, 255 * 32 + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
