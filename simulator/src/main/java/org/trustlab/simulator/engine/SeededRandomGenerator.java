package org.trustlab.simulator.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well512a;
import org.apache.commons.math3.util.FastMath;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Hashes;

/**
 * One named random stream of a run (a link's latency, loss and duplication; the random attacker's choices), as a
 * Commons Math {@link RandomGenerator} so that distributions draw from it. The stream is Commons Math's WELL512a
 * seeded from SHA-256 of (run seed, name): fixed by the pair, independent across names, the same in every JVM (the
 * generator is pure integer arithmetic in a pinned library). These streams decide the network's behaviour, not
 * secrets, so they need no DRBG: key material and nonces still come from each device's HMAC-DRBG
 * ({@link org.trustlab.reference.crypto.DeterministicRandom}). A DRBG here cost a campaign about 4% of its time.
 * Gaussians use {@link FastMath} (pure Java), never {@code Math.log}, whose intrinsics may differ by an ulp between
 * JVMs and break cross-JVM replay.
 */
public final class SeededRandomGenerator implements RandomGenerator {
    private static final byte[] DOMAIN = "trustlab/simulator/stream/v1".getBytes(StandardCharsets.UTF_8);

    private final long seed;
    private final String name;
    /** Null until the first draw: most links of a campaign run (constant latency, no loss) never draw. */
    private Well512a source;
    private double spareGaussian;
    private boolean hasSpare;

    public SeededRandomGenerator(long seed, String name) {
        this.seed = seed;
        this.name = name;
    }

    private Well512a source() {
        if (source == null) {
            source = new Well512a(seedWords(seed, name));
        }
        return source;
    }

    /** WELL512a's 16 words of state, from two domain-separated SHA-256 blocks of (seed, name). */
    static int[] seedWords(long seed, String name) {
        byte[] seedBytes = ByteBuffer.allocate(Long.BYTES).putLong(seed).array();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer words = ByteBuffer.allocate(64);
        for (byte block = 0; block < 2; block++) {
            words.put(Hashes.sha256(DOMAIN, seedBytes, nameBytes, new byte[] {block}));
        }
        words.flip();
        int[] out = new int[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = words.getInt();
        }
        return out;
    }

    /** Ignored: the stream is fixed by (seed, name) and nothing may perturb it. */
    @Override
    public void setSeed(int seed) {
        // fixed stream on purpose
    }

    @Override
    public void setSeed(int[] seed) {
        // fixed stream on purpose
    }

    @Override
    public void setSeed(long seed) {
        // fixed stream on purpose
    }

    @Override
    public void nextBytes(byte[] bytes) {
        source().nextBytes(bytes);
    }

    @Override
    public long nextLong() {
        return source().nextLong();
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, n) without modulo bias. */
    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + n);
        }
        return (int) nextLong((long) n);
    }

    public long nextLong(long bound) {
        return DeterministicRandom.below(bound, this::nextLong);
    }

    @Override
    public boolean nextBoolean() {
        return (nextLong() & 1) != 0;
    }

    @Override
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [0, 1) with 53 bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with the given probability; draws nothing when the outcome is certain. */
    public boolean chance(double probability) {
        if (probability <= 0) {
            return false;
        }
        if (probability >= 1) {
            return true;
        }
        return nextDouble() < probability;
    }

    /** Marsaglia's polar method. */
    @Override
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = FastMath.sqrt(-2 * FastMath.log(s) / s);
        spareGaussian = v * m;
        hasSpare = true;
        return u * m;
    }
}
