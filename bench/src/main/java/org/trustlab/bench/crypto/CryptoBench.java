package org.trustlab.bench.crypto;

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
import org.trustlab.reference.crypto.Aead;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.RsaKeyPair;
import org.trustlab.reference.crypto.RsaProfile;

/**
 * The crypto core's per-message costs, through trustlab's own wrappers (what a protocol role pays): Ed25519 and
 * RSA-3072 PSS signatures over a canonical challenge-sized record, and a ChaCha20-Poly1305 seal of 1 KiB.
 *
 * <pre>
 *   mvn -B -q -pl bench -am package -DskipTests
 *   java -jar bench/target/benchmarks.jar CryptoBench -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CryptoBench {
    private static final long SEED = 1;

    private Ed25519KeyPair ed25519;
    private byte[] ed25519PublicKey;
    private byte[] ed25519Signature;

    private RsaKeyPair rsa;
    private byte[] rsaPublicKey;
    private byte[] rsaSignature;
    private DeterministicRandom pssSalts;

    private byte[] message;
    private byte[] aeadKey;
    private byte[] aeadNonce;
    private byte[] aeadAad;
    private byte[] kibibyte;

    @Setup
    public void setUp() {
        DeterministicRandom random = new DeterministicRandom(SEED, "bench/crypto");
        // A message shaped like what the protocols sign: a canonical record with a few ids, times and a nonce.
        message = Canonical.writer("trustlab/bench/challenge/v1")
                .string("session-0001").string("device/alice").string("device/bob")
                .u64(1_700_000_000_000L).u64(1_700_000_030_000L).string("auto-join")
                .bytes(random.bytes(32))
                .toBytes();

        ed25519 = DeterministicKeys.ed25519(SEED, "bench/alice", 0);
        ed25519PublicKey = ed25519.publicKey();
        ed25519Signature = ed25519.sign(message);

        rsa = DeterministicKeys.rsa(SEED, "bench/alice", RsaKeyPair.DEFAULT_BITS, 0);
        rsaPublicKey = rsa.publicKey();
        pssSalts = random.split("pss-salts");
        rsaSignature = rsa.sign(RsaProfile.PSS_OAEP, message, pssSalts);

        aeadKey = random.bytes(Aead.KEY_LENGTH);
        // One fixed nonce is fine here only because nothing sealed is ever used; protocols never reuse one.
        aeadNonce = random.bytes(Aead.NONCE_LENGTH);
        aeadAad = "trustlab/bench/aad".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        kibibyte = random.bytes(1024);

        if (!Ed25519KeyPair.verify(ed25519PublicKey, message, ed25519Signature)
                || !RsaKeyPair.verify(RsaProfile.PSS_OAEP, rsaPublicKey, message, rsaSignature)) {
            throw new IllegalStateException("benchmark fixtures do not verify");
        }
    }

    @Benchmark
    public byte[] ed25519Sign() {
        return ed25519.sign(message);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return Ed25519KeyPair.verify(ed25519PublicKey, message, ed25519Signature);
    }

    @Benchmark
    public byte[] rsa3072PssSign() {
        return rsa.sign(RsaProfile.PSS_OAEP, message, pssSalts);
    }

    /** Includes decoding the DER public key, as every verification through the core does. */
    @Benchmark
    public boolean rsa3072PssVerify() {
        return RsaKeyPair.verify(RsaProfile.PSS_OAEP, rsaPublicKey, message, rsaSignature);
    }

    @Benchmark
    public byte[] chacha20Poly1305Seal1KiB() {
        return Aead.CHACHA20_POLY1305.seal(aeadKey, aeadNonce, aeadAad, kibibyte);
    }
}
