package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.Hkdf;

/**
 * Derivations recomputed from their definitions rather than compared between the two holders: both holders run the
 * same code, so a derivation that is wrong but deterministic (a constant confirmation code, a secret in the other
 * key order) would still agree with itself.
 */
class VouchKeysTest {
    private static byte[] filled(int first) {
        byte[] b = new byte[VouchKeys.KEY_LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (first + 7 * i);
        }
        return b;
    }

    private static String expectedCode(byte[] secret, int digits) {
        byte[] okm = Hkdf.sha256(secret, null,
                "trustlab/vouch/confirmation-code/v1".getBytes(StandardCharsets.UTF_8), 8);
        BigInteger low63 = new BigInteger(1, okm).clearBit(63);
        String code = low63.mod(BigInteger.TEN.pow(digits)).toString();
        return "0".repeat(digits - code.length()) + code;
    }

    @Test
    void theConfirmationCodeIsTheLow63BitsOfItsHkdfOutputModuloTenToTheDigits() {
        for (int seed = 0; seed < 16; seed++) {
            byte[] secret = filled(seed * 31);
            assertThat(VouchKeys.confirmationCode(secret, 6)).isEqualTo(expectedCode(secret, 6));
            assertThat(VouchKeys.confirmationCode(secret, 18)).isEqualTo(expectedCode(secret, 18));
        }
    }

    @Test
    void theConfirmationCodeDependsOnTheSecret() {
        assertThat(VouchKeys.confirmationCode(filled(1), 18)).isNotEqualTo(VouchKeys.confirmationCode(filled(2), 18));
    }

    @Test
    void theProxiedSecretDerivesFromTheUnsignedSmallerKeyFirstInBothOrientations() {
        byte[] low = filled(0x10);
        byte[] high = filled(0x90);
        byte[] ikm = new byte[2 * VouchKeys.KEY_LENGTH];
        System.arraycopy(low, 0, ikm, 0, low.length);
        System.arraycopy(high, 0, ikm, low.length, high.length);
        byte[] expected = Hkdf.sha256(ikm, null,
                "trustlab/vouch/proxied-pairing-secret/v1".getBytes(StandardCharsets.UTF_8), VouchKeys.KEY_LENGTH);

        VouchKeys.SessionKeys keys = new VouchKeys.SessionKeys(low, high);
        assertThat(VouchKeys.secretOf(keys)).isEqualTo(expected);
        assertThat(VouchKeys.secretOf(keys.swapped())).isEqualTo(expected);
        assertThat(Arrays.compareUnsigned(low, high)).isNegative();
    }
}
