package org.trustlab.reference.crypto.noise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.trustlab.reference.crypto.kat.NoiseVector;
import org.trustlab.reference.crypto.kat.NoiseVectorCheck;

/** Every cacophony vector for the implemented patterns, each its own named test, and the harness's own mutants. */
class NoiseVectorsTest {

    @TestFactory
    Stream<DynamicTest> cacophonyVectors() throws IOException {
        return NoiseVectorFile.load(NoiseVectorFile.CACOPHONY).stream().map(v -> DynamicTest.dynamicTest(
                "cacophony " + v.protocolName(),
                () -> assertThat(NoiseVectorCheck.run(v)).as(v.protocolName()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> snowVectors() throws IOException {
        return NoiseVectorFile.load(NoiseVectorFile.SNOW).stream().map(v -> DynamicTest.dynamicTest(
                "snow " + v.protocolName(), () -> assertThat(NoiseVectorCheck.run(v)).as(v.protocolName()).isEmpty()));
    }

    @Test
    void snowAddsMultiplePskModifiers() throws IOException {
        List<String> names = NoiseVectorFile.load(NoiseVectorFile.SNOW).stream().map(NoiseVector::protocolName)
                .toList();
        assertThat(names).hasSize(28).doesNotHaveDuplicates()
                .contains(NoiseProtocol.KK.name(), NoiseProtocol.XX.name(),
                        "Noise_XXpsk0+psk1+psk2+psk3_25519_ChaChaPoly_SHA256");
    }

    @Test
    void theResourceHoldsEveryFundamentalPatternAndThePatternsTheProtocolsUse() throws IOException {
        List<String> names = NoiseVectorFile.load(NoiseVectorFile.CACOPHONY).stream().map(NoiseVector::protocolName)
                .toList();
        assertThat(names).hasSize(36).doesNotHaveDuplicates();
        assertThat(HandshakePatterns.fundamentalNames()).hasSize(15);
        for (String pattern : HandshakePatterns.fundamentalNames()) {
            assertThat(names).contains("Noise_" + pattern + "_25519_ChaChaPoly_SHA256");
        }
        assertThat(names).contains(NoiseProtocol.KK.name(), NoiseProtocol.NN_PSK0.name(), NoiseProtocol.XX.name());
    }

    // ---- a runner that cannot fail would pass anything: one changed byte in each kind of field must fail it

    @Test
    void aChangedHandshakeCiphertextFailsNamingTheMessage() throws IOException {
        NoiseVector v = mutated(NoiseProtocol.KK.name(), 1);
        assertThat(NoiseVectorCheck.run(v)).hasValueSatisfying(d -> assertThat(d).startsWith("message 1 (handshake)"));
    }

    @Test
    void aChangedTransportCiphertextFailsNamingTheMessage() throws IOException {
        NoiseVector v = mutated(NoiseProtocol.NN_PSK0.name(), 4);
        assertThat(NoiseVectorCheck.run(v)).hasValueSatisfying(d -> assertThat(d).startsWith("message 4 (transport)"));
    }

    @Test
    void aChangedHandshakeHashFails() throws IOException {
        assertThat(NoiseVectorCheck.run(withFieldChanged(NoiseProtocol.XX.name(), "handshake_hash")))
                .hasValueSatisfying(d -> assertThat(d).contains("handshake hash"));
    }

    @Test
    void aChangedPskFailsTheFirstMessage() throws IOException {
        assertThat(NoiseVectorCheck.run(withFieldChanged(NoiseProtocol.NN_PSK0.name(), "init_psks")))
                .hasValueSatisfying(d -> assertThat(d).startsWith("message 0 (handshake)"));
    }

    private static NoiseVector vector(String name) throws IOException {
        Optional<NoiseVector> v = NoiseVectorFile.load(NoiseVectorFile.CACOPHONY).stream()
                .filter(x -> x.protocolName().equals(name)).findFirst();
        assertThat(v).isPresent();
        return v.get();
    }

    /** The vector with the first hex digit of {@code field} changed. */
    private static NoiseVector withFieldChanged(String name, String field) throws IOException {
        NoiseVector v = vector(name);
        Map<String, String> fields = new LinkedHashMap<>(v.fields());
        String hex = fields.get(field);
        fields.put(field, (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1));
        return new NoiseVector(v.protocolName(), fields, v.messages());
    }

    /** The vector with the last byte of message {@code index}'s expected ciphertext flipped. */
    private static NoiseVector mutated(String name, int index) throws IOException {
        NoiseVector v = vector(name);
        List<NoiseVector.Message> messages = new java.util.ArrayList<>(v.messages());
        NoiseVector.Message m = messages.get(index);
        byte[] c = m.ciphertext().clone();
        c[c.length - 1] ^= 1;
        messages.set(index, new NoiseVector.Message(m.payload(), c));
        return new NoiseVector(v.protocolName(), v.fields(), messages);
    }
}
