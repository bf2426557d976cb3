package org.trustlab.bench.autojoin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.trustlab.reference.autojoin.Challenge;
import org.trustlab.reference.autojoin.ClientId;
import org.trustlab.reference.autojoin.CryptoProfile;
import org.trustlab.reference.autojoin.Purpose;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Hmac;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.simulator.scenario.RunResult;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioLoader;
import org.trustlab.simulator.scenario.ScenarioRunner;

/**
 * Automatic joins per second through the whole simulator (server relay, codec, trace, three roles), per crypto
 * profile, and the cryptography of one join on its own; {@code cryptoOfOneJoin / joinThroughSimulator} (both in
 * microseconds per join) is the share of a join's time spent in cryptography.
 *
 * <pre>
 *   mvn -B -q -pl bench -am package -DskipTests
 *   java -jar bench/target/benchmarks.jar AutoJoinBench -f 1 -wi 2 -i 3
 * </pre>
 *
 * Keys come from {@link DeterministicKeys}, cached per (key seed, device): RSA key generation happens once, in
 * the set-up, never per run; each benchmark invocation uses a fresh run seed (new nonces, salts, session keys).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AutoJoinBench {
    @Param({"bytesync", "hardened", "ed25519"})
    public String profile;

    private Scenario scenario;
    private ScenarioRunner runner;
    private long seed;

    private CryptoProfile crypto;
    private KeyRing phone;
    private KeyRing laptop;
    private byte[] phoneKey;
    private byte[] laptopKey;
    private Challenge challenge;
    private byte[] sessionKey;
    private DeterministicRandom random;

    static String scenarioYaml(String profile) {
        return """
                name: autojoin bench
                protocol: autojoin
                seed: 1
                keys: {seed: 0}
                devices:
                  - {name: phone, role: requester}
                  - {name: laptop, role: validator}
                  - {name: server, role: server}
                setup:
                  profile: %s
                  sessions:
                    S1: {password: Correct-Horse, members: [laptop]}
                  trust:
                    - {device: laptop, trusts: [phone]}
                    - {device: phone, trusts: [laptop]}
                  grants:
                    - {owner: laptop, trusted: phone, scope: AutoJoin}
                network:
                  latency: {dist: constant, value: 100ms}
                actions:
                  - {at: 1s, device: phone, action: auto-join, args: {session: S1, validator: laptop}}
                expect:
                  - {device: laptop, outcome: auto-join, result: accepted}
                  - {device: phone, outcome: auto-join, result: accepted}
                end: 10s
                """.formatted(profile);
    }

    @Setup
    public void setUp() {
        try {
            Path file = Files.createTempFile("autojoin-bench-", ".yaml");
            Files.writeString(file, scenarioYaml(profile), StandardCharsets.UTF_8);
            scenario = ScenarioLoader.load(file);
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runner = new ScenarioRunner((id, trace) -> java.util.Optional.empty());
        RunResult warm = runner.execute(scenario, 0); // generates and caches the RSA keys
        if (!warm.passed()) {
            throw new IllegalStateException("the bench scenario does not pass: " + warm.expectations());
        }
        crypto = CryptoProfile.fromName(profile).orElseThrow();
        phone = DeterministicKeys.ring(0, "phone");
        laptop = DeterministicKeys.ring(0, "laptop");
        phoneKey = crypto.publicKey(phone, 0);
        laptopKey = crypto.publicKey(laptop, 0);
        random = new DeterministicRandom(1, "bench/autojoin");
        Instant t = Instant.parse("2025-01-01T00:00:01Z");
        challenge = new Challenge("S1", ClientId.derive("phone", phoneKey), ClientId.derive("laptop", laptopKey), t,
                t.plusSeconds(30), Purpose.AUTO_JOIN, random.bytes(32), 0);
        sessionKey = random.bytes(32);
    }

    /** One automatic join, request to key confirmation, through the simulator; ops/time = joins/time. */
    @Benchmark
    public RunResult joinThroughSimulator() {
        RunResult r = runner.execute(scenario, ++seed);
        if (r.outcomes().isEmpty()) {
            throw new IllegalStateException("no decision");
        }
        return r;
    }

    /**
     * The public-key and MAC operations one join performs: the requester signs the challenge, the validator
     * verifies it, encrypts the session key to the requester and signs that, the requester verifies and decrypts,
     * and both compute the key confirmation.
     */
    @Benchmark
    public void cryptoOfOneJoin(Blackhole bh) {
        byte[] input = challenge.signingInput();
        byte[] signature = crypto.sign(phone, 0, input, random);
        bh.consume(crypto.verify(phoneKey, input, signature));
        byte[] encrypted = crypto.encrypt(phoneKey, sessionKey, random).orElseThrow();
        byte[] validatorSignature = crypto.sign(laptop, 0, encrypted, random);
        bh.consume(crypto.verify(laptopKey, encrypted, validatorSignature));
        bh.consume(crypto.decrypt(phone, 0, encrypted).orElseThrow());
        bh.consume(Hmac.sha256(sessionKey, input));
        bh.consume(Hmac.sha256(sessionKey, input));
    }
}
