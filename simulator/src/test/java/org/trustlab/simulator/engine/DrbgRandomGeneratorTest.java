package org.trustlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.DeterministicRandom;

class DrbgRandomGeneratorTest {

    private static DrbgRandomGenerator rng(long seed, String name) {
        return new DrbgRandomGenerator(new DeterministicRandom(seed, name));
    }

    @Test
    void sameSeedAndNameGiveTheSameStreamAndOthersDiffer() {
        DrbgRandomGenerator a = rng(1, "link/a->b");
        DrbgRandomGenerator b = rng(1, "link/a->b");
        DrbgRandomGenerator c = rng(1, "link/b->a");
        DrbgRandomGenerator d = rng(2, "link/a->b");
        long[] xa = new long[100];
        for (int i = 0; i < xa.length; i++) {
            xa[i] = a.nextLong();
            assertThat(b.nextLong()).isEqualTo(xa[i]);
        }
        assertThat(c.nextLong()).isNotEqualTo(xa[0]);
        assertThat(d.nextLong()).isNotEqualTo(xa[0]);
    }

    @Test
    void bufferingDoesNotChangeTheBytes() {
        DeterministicRandom direct = new DeterministicRandom(9, "x");
        DrbgRandomGenerator buffered = rng(9, "x");
        // The generator draws 64 bytes per DRBG request; HMAC-DRBG output depends on request boundaries.
        byte[] expected = new byte[64 * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(direct.bytes(64), 0, expected, 64 * i, 64);
        }
        byte[] got = new byte[expected.length];
        // odd-sized reads straddle the 64-byte refills
        int off = 0;
        for (int n : new int[] {1, 7, 13, 64, 50, 49}) {
            byte[] part = new byte[n];
            buffered.nextBytes(part);
            System.arraycopy(part, 0, got, off, n);
            off += n;
        }
        long straddling = buffered.nextLong();
        assertThat(off).isEqualTo(184);
        assertThat(straddling).isEqualTo(java.nio.ByteBuffer.wrap(expected, 184, 8).getLong());
        assertThat(java.util.Arrays.copyOf(got, 184)).isEqualTo(java.util.Arrays.copyOf(expected, 184));
    }

    @Test
    void certainChancesDrawNothing() {
        DrbgRandomGenerator a = rng(3, "y");
        DrbgRandomGenerator b = rng(3, "y");
        assertThat(a.chance(0)).isFalse();
        assertThat(a.chance(1)).isTrue();
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }

    @Test
    void boundedDrawsStayInRangeAndDoublesInTheUnitInterval() {
        DrbgRandomGenerator r = rng(4, "z");
        for (int i = 0; i < 10_000; i++) {
            assertThat(r.nextInt(7)).isBetween(0, 6);
            assertThat(r.nextLong(3)).isBetween(0L, 2L);
            assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
            assertThat(r.nextFloat()).isGreaterThanOrEqualTo(0).isLessThan(1);
        }
    }

    @Test
    void drivesCommonsMathDistributionsWithTheRightShape() {
        DescriptiveStatistics gauss = new DescriptiveStatistics();
        DescriptiveStatistics exp = new DescriptiveStatistics();
        DescriptiveStatistics logn = new DescriptiveStatistics();
        DescriptiveStatistics uni = new DescriptiveStatistics();
        DrbgRandomGenerator r = rng(5, "dist");
        ExponentialDistribution e = new ExponentialDistribution(r, 20.0);
        LogNormalDistribution l = new LogNormalDistribution(r, FastMath.log(40.0), 0.5);
        UniformRealDistribution u = new UniformRealDistribution(r, 10, 50);
        for (int i = 0; i < 20_000; i++) {
            gauss.addValue(r.nextGaussian());
            exp.addValue(e.sample());
            logn.addValue(l.sample());
            uni.addValue(u.sample());
        }
        assertThat(gauss.getMean()).isCloseTo(0, within(0.05));
        assertThat(gauss.getStandardDeviation()).isCloseTo(1, within(0.05));
        assertThat(exp.getMean()).isCloseTo(20, within(1.0));
        assertThat(logn.getPercentile(50)).isCloseTo(40, within(2.0));
        assertThat(uni.getMin()).isGreaterThanOrEqualTo(10);
        assertThat(uni.getMax()).isLessThan(50);
        assertThat(uni.getMean()).isCloseTo(30, within(0.5));
    }

    @Test
    void seedingCannotPerturbTheStream() {
        DrbgRandomGenerator a = rng(6, "w");
        DrbgRandomGenerator b = rng(6, "w");
        a.setSeed(42L);
        a.setSeed(42);
        a.setSeed(new int[] {1, 2});
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
