package org.trustlab.simulator.engine;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.FastMath;
import org.trustlab.reference.crypto.DeterministicRandom;

/**
 * Commons Math's {@link RandomGenerator} over a {@link DeterministicRandom}, so distributions (latency) draw from
 * the run's seeded streams. Bytes are drawn from the DRBG 64 at a time and buffered: one HMAC-DRBG call per eight
 * longs keeps a campaign's thousands of runs cheap. Gaussians use {@link FastMath} (pure Java), never
 * {@code Math.log}, whose intrinsics may differ by an ulp between JVMs and break cross-JVM replay.
 */
public final class DrbgRandomGenerator implements RandomGenerator {
    private static final int BUFFER = 64;

    /** Null until the first draw when built from (seed, name); see {@link #DrbgRandomGenerator(long, String)}. */
    private DeterministicRandom source;
    private final long seed;
    private final String name;
    private final byte[] buffer = new byte[BUFFER];
    private int position = BUFFER;
    private double spareGaussian;
    private boolean hasSpare;

    public DrbgRandomGenerator(DeterministicRandom source) {
        this.source = source;
        this.seed = source.seed();
        this.name = source.name();
    }

    /**
     * The stream {@code new DeterministicRandom(seed, name)}, instantiated at the first draw: an HMAC-DRBG costs
     * several SHA-256 compressions to set up, and most links of a campaign run (constant latency, no loss) never
     * draw. The bytes drawn are the same either way.
     */
    public DrbgRandomGenerator(long seed, String name) {
        this.seed = seed;
        this.name = name;
    }

    public DeterministicRandom source() {
        if (source == null) {
            source = new DeterministicRandom(seed, name);
        }
        return source;
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
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = nextByte();
        }
    }

    private byte nextByte() {
        if (position == BUFFER) {
            refill();
        }
        return buffer[position++];
    }

    @Override
    public long nextLong() {
        long v = 0;
        if (BUFFER - position >= 8) {
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buffer[position++] & 0xFF);
            }
            return v;
        }
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (nextByte() & 0xFF);
        }
        return v;
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
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() & Long.MAX_VALUE;
            if (r < limit) {
                return r % bound;
            }
        }
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

    /** Always whole 64-byte draws, so the stream is the DRBG's output in 64-byte requests, read in order. */
    private void refill() {
        source().nextBytes(buffer);
        position = 0;
    }
}
