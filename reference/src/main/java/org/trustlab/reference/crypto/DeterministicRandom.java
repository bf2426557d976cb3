package org.trustlab.reference.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.function.LongSupplier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;
import org.bouncycastle.util.Pack;

/**
 * A random stream fixed by (seed, name): NIST SP 800-90A HMAC-DRBG (SHA-256) from Bouncy Castle, instantiated
 * with entropy derived from the seed and the name. Two streams with different names are independent, so giving
 * each component (node, link, attacker) its own name keeps one component's draws from shifting another's.
 *
 * <p>In a real deployment the same interface would be backed by the platform's entropy; in trustlab every byte
 * of key material and every nonce is fixed by the run's seed.
 */
public final class DeterministicRandom {
    /**
     * Bouncy Castle's HMAC-DRBG refuses requests above 2^18 bits (32 KiB); larger requests are served in chunks
     * of this size. Requests up to this size are one DRBG call, so their bytes do not depend on the chunking.
     */
    private static final int MAX_REQUEST_BYTES = 1 << 15;

    private final HMacSP800DRBG drbg;
    private final long seed;
    private final String name;

    public DeterministicRandom(long seed, String name) {
        this.seed = seed;
        this.name = name;
        byte[] entropy = Hashes.sha256(
                "trustlab/drbg/v1".getBytes(StandardCharsets.UTF_8),
                Pack.longToBigEndian(seed),
                name.getBytes(StandardCharsets.UTF_8));
        byte[] nonce = Hashes.sha256(name.getBytes(StandardCharsets.UTF_8));
        this.drbg = new HMacSP800DRBG(new HMac(new SHA256Digest()), 256, new FixedEntropy(entropy),
                "trustlab".getBytes(StandardCharsets.UTF_8), nonce);
    }

    /** A stream for a sub-component, independent of this one's draws. */
    public DeterministicRandom split(String child) {
        return new DeterministicRandom(seed, name + "/" + child);
    }

    public long seed() {
        return seed;
    }

    public String name() {
        return name;
    }

    public void nextBytes(byte[] out) {
        int offset = 0;
        while (offset < out.length) {
            int n = Math.min(MAX_REQUEST_BYTES, out.length - offset);
            byte[] chunk = new byte[n];
            if (drbg.generate(chunk, null, false) < 0) {
                drbg.reseed(null);
                drbg.generate(chunk, null, false);
            }
            System.arraycopy(chunk, 0, out, offset, n);
            offset += n;
        }
    }

    public byte[] bytes(int n) {
        byte[] out = new byte[n];
        nextBytes(out);
        return out;
    }

    public long nextLong() {
        return Pack.bigEndianToLong(bytes(8), 0);
    }

    /** Uniform in [0, bound), without modulo bias. */
    public long nextLong(long bound) {
        return below(bound, this::nextLong);
    }

    /**
     * Uniform in [0, bound) from a stream of 64-bit draws, without modulo bias: draws whose low 63 bits fall in the
     * incomplete last multiple of {@code bound} are rejected. Shared with the simulator's non-secret streams so that
     * both turn draws into bounded values the same way.
     */
    public static long below(long bound, LongSupplier draws) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = draws.getAsLong() & Long.MAX_VALUE;
            if (r < limit) {
                return r % bound;
            }
        }
    }

    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in [0, 1) with 53 bits of precision. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(double probability) {
        return probability > 0 && nextDouble() < probability;
    }

    /** A {@link SecureRandom} view for Bouncy Castle APIs that need one (RSA key generation, PSS salts, OAEP). */
    public SecureRandom asSecureRandom() {
        return new DrbgSecureRandom(this);
    }

    private static final class FixedEntropy implements EntropySource {
        private final byte[] entropy;

        FixedEntropy(byte[] entropy) {
            this.entropy = entropy.clone();
        }

        @Override
        public boolean isPredictionResistant() {
            return false;
        }

        @Override
        public byte[] getEntropy() {
            return entropy.clone();
        }

        @Override
        public int entropySize() {
            return entropy.length * 8;
        }
    }

    private static final class DrbgSecureRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        DrbgSecureRandom(DeterministicRandom source) {
            super(new Spi(source), null);
        }

        private static final class Spi extends SecureRandomSpi {
            private static final long serialVersionUID = 1L;
            private final transient DeterministicRandom source;

            Spi(DeterministicRandom source) {
                this.source = source;
            }

            @Override
            protected void engineSetSeed(byte[] seed) {
                // Ignored on purpose: the stream is fixed by (seed, name) and nothing may perturb it.
            }

            @Override
            protected void engineNextBytes(byte[] bytes) {
                source.nextBytes(bytes);
            }

            @Override
            protected byte[] engineGenerateSeed(int numBytes) {
                return source.bytes(numBytes);
            }
        }
    }
}
