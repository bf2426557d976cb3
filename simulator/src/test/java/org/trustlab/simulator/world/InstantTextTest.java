package org.trustlab.simulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.crypto.DeterministicRandom;

/** The hand-written local-time text must be Instant.toString's exactly: it is in every trace's bytes. */
class InstantTextTest {

    @Test
    void edgesOfTheFastRangeAndEveryFractionWidth() {
        long[] seconds = {InstantText.MIN_SECOND, InstantText.MIN_SECOND - 1, InstantText.END_SECOND,
            InstantText.END_SECOND - 1, -1, 0, 1, 59, 60, 3_599, 3_600, 86_399, 86_400, -86_400, -86_401,
            951_782_400L /* 2000-02-29 */, 4_107_542_400L /* 2100-03-01 */, -2_203_891_200L /* 1900-03-01 */,
            1_704_067_200L, Long.MAX_VALUE / 1_000_000_000L, -31_557_014_167_219_200L, 31_556_889_864_403_199L};
        int[] nanos = {0, 1, 999_999_999, 1_000, 1_000_000, 123_000_000, 123_456_000, 123_456_789, 100, 10_000,
            100_000_000, 999_000, 500_000_001};
        for (long s : seconds) {
            for (int n : nanos) {
                assertSame(Instant.ofEpochSecond(s, n));
            }
        }
        assertSame(Instant.MIN);
        assertSame(Instant.MAX);
        assertSame(Instant.EPOCH);
    }

    @Test
    void everyDayOfTheFastRange() {
        for (long day = InstantText.MIN_SECOND / 86_400; day < InstantText.END_SECOND / 86_400; day++) {
            long s = day * 86_400 + Math.floorMod(day * 7_919, 86_400);
            assertSame(Instant.ofEpochSecond(s, Math.floorMod(day, 3) * 1_000_000L));
        }
    }

    @Test
    void randomInstantsAtMsUsAndNsPrecision() {
        DeterministicRandom rng = new DeterministicRandom(7, "instant-text-test");
        for (int i = 0; i < 200_000; i++) {
            long s = InstantText.MIN_SECOND - 1_000 + Math.floorMod(rng.nextLong(),
                    InstantText.END_SECOND - InstantText.MIN_SECOND + 2_000);
            int n = Math.floorMod(rng.nextLong(), 1_000_000_000L) > 0 ? (int) Math.floorMod(rng.nextLong(), 1_000_000_000L)
                    : 0;
            switch (i % 4) {
                case 0 -> n = 0;
                case 1 -> n = n / 1_000_000 * 1_000_000;
                case 2 -> n = n / 1_000 * 1_000;
                default -> { }
            }
            assertSame(Instant.ofEpochSecond(s, n));
        }
    }

    private static void assertSame(Instant t) {
        assertThat(InstantText.format(t)).isEqualTo(t.toString());
    }
}
