package org.trustlab.model.checker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trustlab.model.term.Hashing;

class FingerprintSetTest {
    @Test
    void addsOnceAndFindsAgainAcrossGrowth() {
        FingerprintSet set = new FingerprintSet(16);
        for (long i = 1; i <= 200_000; i++) {
            assertThat(set.add(Hashing.mix(i) | 1)).isTrue();
        }
        for (long i = 1; i <= 200_000; i++) {
            assertThat(set.add(Hashing.mix(i) | 1)).isFalse();
            assertThat(set.contains(Hashing.mix(i) | 1)).isTrue();
        }
        assertThat(set.contains(Hashing.mix(-5) | 1)).isFalse();
        assertThat(set.size()).isEqualTo(200_000);
    }

    @Test
    void staysWithinSixteenBytesPerStateOnceGrown() {
        FingerprintSet set = new FingerprintSet(16);
        for (long i = 1; i <= 1_000_000; i++) {
            set.add(Hashing.mix(i) | 1);
            if (i >= 1000 && i % 997 == 0) {
                assertThat((double) set.bytes() / set.size()).as("after %d states", i).isLessThanOrEqualTo(16.0);
            }
        }
    }
}
