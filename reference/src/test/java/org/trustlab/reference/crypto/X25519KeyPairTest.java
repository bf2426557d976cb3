package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class X25519KeyPairTest {
    private static final X25519KeyPair ALICE = DeterministicKeys.x25519(3, "x25519-test/alice", 0);
    private static final X25519KeyPair BOB = DeterministicKeys.x25519(3, "x25519-test/bob", 0);

    @Test
    void bothSidesAgree() {
        byte[] ab = ALICE.agree(BOB.publicKey()).orElseThrow();
        assertThat(ab).hasSize(32).isEqualTo(BOB.agree(ALICE.publicKey()).orElseThrow());
        X25519KeyPair carol = DeterministicKeys.x25519(3, "x25519-test/carol", 0);
        assertThat(carol.agree(BOB.publicKey()).orElseThrow()).isNotEqualTo(ab);
    }

    /**
     * Points of small order (and their non-canonical encodings) force the shared secret to all zeros whatever
     * the private key; RFC 7748 section 6.1 has implementations check for that output, and accepting it would
     * let an attacker fix the "secret".
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000", // 0, order 2... the all-zero key
        "0100000000000000000000000000000000000000000000000000000000000000", // 1, order 4
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", // order 8
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157", // order 8
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p - 1
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p, i.e. 0 again
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 1, i.e. 1 again
        "0000000000000000000000000000000000000000000000000000000000000080", // 0 with the masked top bit set
    })
    void lowOrderPublicKeysAreRejected(String hex) {
        assertThat(ALICE.agree(Bytes.fromHex(hex))).isEmpty();
        assertThat(BOB.agree(Bytes.fromHex(hex))).isEmpty();
    }

    @Test
    void malformedPublicKeysAreRejected() {
        assertThat(ALICE.agree(null)).isEmpty();
        assertThat(ALICE.agree(new byte[31])).isEmpty();
        assertThat(ALICE.agree(java.util.Arrays.copyOf(BOB.publicKey(), 33))).isEmpty();
    }

    @Test
    void aPrivateKeyMustBe32Bytes() {
        assertThatThrownBy(() -> X25519KeyPair.fromPrivate(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
