package org.trustlab.simulator.autojoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.autojoin.CryptoProfile;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.DeviceSpec;

/** The attacker's trial decryptions are remembered per key and ciphertext, never across keys or bytes. */
class TrialDecryptTest {
    private static final List<DeviceSpec> DEVICES = List.of(
            new DeviceSpec("phone", "requester", Map.of(), false),
            new DeviceSpec("laptop", "validator", Map.of(), false));
    private static final byte[] SECRET = "the session key".getBytes(StandardCharsets.UTF_8);

    private final AutoJoinSetup setup = new AutoJoinSetup(new BindingContext(7,
            Instant.parse("2025-01-01T00:00:00Z"), Map.of("profile", "ed25519"), Optional.empty(), DEVICES));
    private final KeyRing phone = DeterministicKeys.ring(7, "phone");
    private final KeyRing attacker = DeterministicKeys.ring(7, "attacker");

    private byte[] sealedTo(KeyRing ring, int generation, String randomName) {
        return CryptoProfile.ED25519.encrypt(CryptoProfile.ED25519.publicKey(ring, generation), SECRET,
                new DeterministicRandom(1, randomName)).orElseThrow();
    }

    @Test
    void aKeyThatFailedOnACiphertextIsNotTakenForAnotherKey() {
        byte[] toPhone = sealedTo(phone, 0, "a");
        assertThat(setup.trialDecrypt(null, attacker, 0, toPhone)).isEmpty();
        // the same bytes under a key the attacker compromised since: a new trial, and it succeeds
        assertThat(setup.trialDecrypt("phone", phone, 0, toPhone)).hasValueSatisfying(
                p -> assertThat(p).isEqualTo(SECRET));
        // the phone's other generation is another key
        assertThat(setup.trialDecrypt("phone", phone, 1, toPhone)).isEmpty();
        // and asked again, each answer is the same
        assertThat(setup.trialDecrypt(null, attacker, 0, toPhone)).isEmpty();
        assertThat(setup.trialDecrypt("phone", phone, 0, toPhone)).isPresent();
    }

    @Test
    void theCiphertextIsKeptByValueNotByArray() {
        byte[] toAttacker = sealedTo(attacker, 0, "b");
        byte[] copy = toAttacker.clone();
        assertThat(setup.trialDecrypt(null, attacker, 0, toAttacker)).isPresent();
        // a caller reusing its array for other bytes must not get the old answer
        byte[] toPhone = sealedTo(phone, 0, "c");
        System.arraycopy(toPhone, 0, toAttacker, 0, Math.min(toPhone.length, toAttacker.length));
        assertThat(setup.trialDecrypt(null, attacker, 0, toAttacker)).isEmpty();
        assertThat(setup.trialDecrypt(null, attacker, 0, copy)).isPresent();
    }
}
