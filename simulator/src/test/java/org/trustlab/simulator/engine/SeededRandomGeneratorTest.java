package org.trustlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;

class SeededRandomGeneratorTest {

    private static SeededRandomGenerator rng(long seed, String name) {
        return new SeededRandomGenerator(seed, name);
    }

    @Test
    void sameSeedAndNameGiveTheSameStreamAndOthersDiffer() {
        SeededRandomGenerator a = rng(1, "link/a->b");
        SeededRandomGenerator b = rng(1, "link/a->b");
        SeededRandomGenerator c = rng(1, "link/b->a");
        SeededRandomGenerator d = rng(2, "link/a->b");
        long[] xa = new long[100];
        for (int i = 0; i < xa.length; i++) {
            xa[i] = a.nextLong();
            assertThat(b.nextLong()).isEqualTo(xa[i]);
        }
        assertThat(c.nextLong()).isNotEqualTo(xa[0]);
        assertThat(d.nextLong()).isNotEqualTo(xa[0]);
    }

    @Test
    void theStreamIsWell512aSeededFromTheSeedAndName() {
        // The stream is a function of (seed, name) through a pinned library: this is what replays depend on.
        org.apache.commons.math3.random.Well512a well = new org.apache.commons.math3.random.Well512a(
                SeededRandomGenerator.seedWords(9, "link/a->b"));
        SeededRandomGenerator r = rng(9, "link/a->b");
        for (int i = 0; i < 1000; i++) {
            assertThat(r.nextLong()).isEqualTo(well.nextLong());
        }
        assertThat(SeededRandomGenerator.seedWords(9, "link/a->b")).isNotEqualTo(
                SeededRandomGenerator.seedWords(9, "link/b->a")).isNotEqualTo(SeededRandomGenerator.seedWords(10,
                "link/a->b"));
    }

    @Test
    void certainChancesDrawNothing() {
        SeededRandomGenerator a = rng(3, "y");
        SeededRandomGenerator b = rng(3, "y");
        assertThat(a.chance(0)).isFalse();
        assertThat(a.chance(1)).isTrue();
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }

    @Test
    void boundedDrawsStayInRangeAndDoublesInTheUnitInterval() {
        SeededRandomGenerator r = rng(4, "z");
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
        SeededRandomGenerator r = rng(5, "dist");
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
        SeededRandomGenerator a = rng(6, "w");
        SeededRandomGenerator b = rng(6, "w");
        a.setSeed(42L);
        a.setSeed(42);
        a.setSeed(new int[] {1, 2});
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
