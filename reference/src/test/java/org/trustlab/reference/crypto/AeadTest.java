package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AeadTest {
    private static final DeterministicRandom RANDOM = new DeterministicRandom(6, "aead-test");
    private static final byte[] KEY = RANDOM.bytes(Aead.KEY_LENGTH);
    private static final byte[] NONCE = RANDOM.bytes(Aead.NONCE_LENGTH);
    private static final byte[] AAD = "securejoin/vc-auth-required".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAINTEXT = "AUTH secret and INVITE number".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(Aead.class)
    void sealThenOpenRoundTrips(Aead aead) {
        byte[] sealed = aead.seal(KEY, NONCE, AAD, PLAINTEXT);
        assertThat(sealed).hasSize(PLAINTEXT.length + Aead.TAG_LENGTH);
        assertThat(aead.open(KEY, NONCE, AAD, sealed)).hasValueSatisfying(p -> assertThat(p).isEqualTo(PLAINTEXT));
        byte[] empty = aead.seal(KEY, NONCE, new byte[0], new byte[0]);
        assertThat(empty).hasSize(Aead.TAG_LENGTH);
        assertThat(aead.open(KEY, NONCE, new byte[0], empty)).hasValueSatisfying(p -> assertThat(p).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void everyTamperedBitFailsToOpen(Aead aead) {
        byte[] sealed = aead.seal(KEY, NONCE, AAD, PLAINTEXT);
        for (int i = 0; i < sealed.length; i++) {
            byte[] t = sealed.clone();
            t[i] ^= (byte) (1 << (i % 8));
            assertThat(aead.open(KEY, NONCE, AAD, t)).as("byte %d", i).isEmpty();
        }
        assertThat(aead.open(KEY, NONCE, "other".getBytes(StandardCharsets.UTF_8), sealed)).as("AAD").isEmpty();
        byte[] otherNonce = NONCE.clone();
        otherNonce[11] ^= 1;
        assertThat(aead.open(KEY, otherNonce, AAD, sealed)).as("nonce").isEmpty();
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThat(aead.open(otherKey, NONCE, AAD, sealed)).as("key").isEmpty();
        assertThat(aead.open(KEY, NONCE, AAD, java.util.Arrays.copyOf(sealed, sealed.length - 1))).as("cut").isEmpty();
        assertThat(aead.open(KEY, NONCE, AAD, new byte[Aead.TAG_LENGTH - 1])).as("shorter than a tag").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void openWithMalformedKeyOrNonceIsEmptyButSealRefusesThem(Aead aead) {
        byte[] sealed = aead.seal(KEY, NONCE, AAD, PLAINTEXT);
        assertThat(aead.open(new byte[16], NONCE, AAD, sealed)).isEmpty();
        assertThat(aead.open(KEY, new byte[8], AAD, sealed)).isEmpty();
        // Sealing with a bad key is a programming error in trustlab, not untrusted input.
        assertThatThrownBy(() -> aead.seal(new byte[16], NONCE, AAD, PLAINTEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aead.seal(KEY, new byte[24], AAD, PLAINTEXT)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(Aead.class)
    void theTwoCiphersAreNotInterchangeable(Aead aead) {
        Aead other = aead == Aead.CHACHA20_POLY1305 ? Aead.AES_256_GCM : Aead.CHACHA20_POLY1305;
        assertThat(other.open(KEY, NONCE, AAD, aead.seal(KEY, NONCE, AAD, PLAINTEXT))).isEmpty();
    }
}
