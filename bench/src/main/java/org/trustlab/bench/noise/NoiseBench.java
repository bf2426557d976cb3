package org.trustlab.bench.noise;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.X25519KeyPair;
import org.trustlab.reference.crypto.noise.EphemeralKeys;
import org.trustlab.reference.crypto.noise.HandshakeSettings;
import org.trustlab.reference.crypto.noise.HandshakeState;
import org.trustlab.reference.crypto.noise.NoiseProtocol;
import org.trustlab.reference.crypto.noise.TransportSession;

/**
 * The relay's data plane: one full Noise_KK_25519_ChaChaPoly_SHA256 handshake between a client and an agent with
 * both static keys pinned (both sides, in one thread), then 1 KiB from client to agent and back. Ephemerals come
 * from seeded DRBG streams, as in the simulator, so their generation is part of the cost. The second benchmark is
 * the 1 KiB round trip alone on an established session.
 *
 * <pre>
 *   mvn -B -q -pl bench -am package -DskipTests
 *   java -jar bench/target/benchmarks.jar NoiseBench -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NoiseBench {
    private static final byte[] EMPTY = new byte[0];

    private X25519KeyPair client;
    private X25519KeyPair agent;
    private EphemeralKeys clientEphemerals;
    private EphemeralKeys agentEphemerals;
    private byte[] kibibyte;
    private TransportSession clientSession;
    private TransportSession agentSession;

    @Setup
    public void setUp() {
        DeterministicRandom random = new DeterministicRandom(1, "bench/noise");
        client = X25519KeyPair.generate(random.split("client"));
        agent = X25519KeyPair.generate(random.split("agent"));
        clientEphemerals = EphemeralKeys.from(random.split("client-ephemerals"));
        agentEphemerals = EphemeralKeys.from(random.split("agent-ephemerals"));
        kibibyte = random.bytes(1024);
        TransportSession[] sessions = handshake();
        clientSession = sessions[0];
        agentSession = sessions[1];
        if (!Arrays.equals(roundTrip(clientSession, agentSession), kibibyte)) {
            throw new IllegalStateException("the KK round trip does not give back its payload");
        }
    }

    private TransportSession[] handshake() {
        HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK,
                HandshakeSettings.of(clientEphemerals).localStatic(client).remoteStatic(agent.publicKey()));
        HandshakeState a = HandshakeState.responder(NoiseProtocol.KK,
                HandshakeSettings.of(agentEphemerals).localStatic(agent).remoteStatic(client.publicKey()));
        a.readMessage(c.writeMessage(EMPTY));
        c.readMessage(a.writeMessage(EMPTY));
        return new TransportSession[] {c.split(), a.split()};
    }

    private byte[] roundTrip(TransportSession from, TransportSession to) {
        byte[] echoed = to.decrypt(from.encrypt(kibibyte));
        return from.decrypt(to.encrypt(echoed));
    }

    /** Handshake (two messages, 4 DH per side, 2 ephemeral keys) plus 1 KiB each way: what one relay session costs. */
    @Benchmark
    public byte[] kkHandshakeAndKibRoundTrip() {
        TransportSession[] sessions = handshake();
        return roundTrip(sessions[0], sessions[1]);
    }

    /** 1 KiB each way on an established session: four AEAD operations. */
    @Benchmark
    public byte[] kibRoundTripOnly() {
        return roundTrip(clientSession, agentSession);
    }
}
