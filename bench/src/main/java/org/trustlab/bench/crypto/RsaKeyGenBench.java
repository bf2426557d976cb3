package org.trustlab.bench.crypto;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.RsaKeyPair;

/**
 * Seconds per RSA key: why {@code DeterministicKeys} caches keys per (seed, name, algorithm) for the JVM's
 * lifetime, so a campaign generates each device's RSA key once and never per run. Every invocation generates a
 * key from a fresh DRBG stream (no cache); prime search makes single keys vary widely, hence many iterations.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar RsaKeyGenBench -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 15)
public class RsaKeyGenBench {
    @Param({"2048", "3072"})
    public int bits;

    private long stream;

    @Benchmark
    public RsaKeyPair generate() {
        return RsaKeyPair.generate(bits, new DeterministicRandom(7, "bench/keygen/" + bits + "/" + stream++));
    }
}
