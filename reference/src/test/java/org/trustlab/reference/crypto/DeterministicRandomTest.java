package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DeterministicRandomTest {

    @Test
    void theSameSeedAndNameGiveTheSameBytes() {
        assertThat(new DeterministicRandom(7, "node/a").bytes(64)).isEqualTo(new DeterministicRandom(7, "node/a").bytes(64));
        DeterministicRandom x = new DeterministicRandom(7, "node/a");
        DeterministicRandom y = new DeterministicRandom(7, "node/a");
        for (int i = 0; i < 100; i++) {
            assertThat(x.nextLong()).isEqualTo(y.nextLong());
        }
    }

    @Test
    void differentNamesOrSeedsGiveDifferentBytes() {
        byte[] base = new DeterministicRandom(7, "node/a").bytes(32);
        assertThat(new DeterministicRandom(7, "node/b").bytes(32)).isNotEqualTo(base);
        assertThat(new DeterministicRandom(8, "node/a").bytes(32)).isNotEqualTo(base);
        assertThat(new DeterministicRandom(7, "node/a ").bytes(32)).isNotEqualTo(base);
    }

    @Test
    void successiveDrawsDiffer() {
        DeterministicRandom r = new DeterministicRandom(1, "draws");
        assertThat(r.bytes(32)).isNotEqualTo(r.bytes(32));
    }

    /**
     * Pins the derivation itself: if the DRBG construction changes, every seed's world changes and every stored
     * scenario's expected trace hash with it, so that must be a deliberate, visible edit of this value.
     */
    @Test
    void theDerivationIsPinned() {
        assertThat(Bytes.hex(new DeterministicRandom(42, "trustlab/golden").bytes(16)))
                .isEqualTo(GOLDEN_SEED_42);
    }

    static final String GOLDEN_SEED_42 = "31dbeee5e2583e8277660d044ba57601";

    @Test
    void aSplitStreamDoesNotDependOnTheParentsDraws() {
        DeterministicRandom fresh = new DeterministicRandom(3, "sim");
        DeterministicRandom used = new DeterministicRandom(3, "sim");
        used.bytes(1000);
        assertThat(used.split("link/1").bytes(32)).isEqualTo(fresh.split("link/1").bytes(32));
    }

    @Test
    void drawingFromAChildDoesNotShiftTheParent() {
        DeterministicRandom a = new DeterministicRandom(3, "sim");
        DeterministicRandom b = new DeterministicRandom(3, "sim");
        a.split("attacker").bytes(5000);
        assertThat(a.bytes(32)).isEqualTo(b.bytes(32));
    }

    @Test
    void siblingsAndParentAreDistinctStreams() {
        DeterministicRandom parent = new DeterministicRandom(3, "sim");
        byte[] p = new DeterministicRandom(3, "sim").bytes(32);
        byte[] c1 = parent.split("a").bytes(32);
        byte[] c2 = parent.split("b").bytes(32);
        assertThat(c1).isNotEqualTo(c2).isNotEqualTo(p);
        assertThat(c2).isNotEqualTo(p);
        assertThat(parent.split("a").name()).isEqualTo("sim/a");
        assertThat(parent.split("a").seed()).isEqualTo(3);
    }

    @Test
    void largeRequestsAreServedInChunksDeterministically() {
        byte[] big = new DeterministicRandom(5, "big").bytes(200_000);
        assertThat(big).isEqualTo(new DeterministicRandom(5, "big").bytes(200_000));
        // The chunk boundary at 32 KiB (the DRBG's per-request limit) does not repeat the stream.
        byte[] first = java.util.Arrays.copyOfRange(big, 0, 32);
        byte[] afterBoundary = java.util.Arrays.copyOfRange(big, 1 << 15, (1 << 15) + 32);
        assertThat(afterBoundary).isNotEqualTo(first);
    }

    @Test
    void boundedDrawsStayInRangeAndReachEveryValue() {
        DeterministicRandom r = new DeterministicRandom(11, "bounded");
        TreeSet<Long> seen = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            long v = r.nextLong(3);
            assertThat(v).isBetween(0L, 2L);
            seen.add(v);
        }
        assertThat(seen).containsExactly(0L, 1L, 2L);
        for (int i = 0; i < 300; i++) {
            assertThat(r.nextInt(1)).isZero();
            assertThat(r.nextLong(Long.MAX_VALUE)).isBetween(0L, Long.MAX_VALUE - 1);
        }
        assertThatThrownBy(() -> r.nextLong(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.nextInt(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doublesAreInTheUnitIntervalAndChanceHonoursItsEdges() {
        DeterministicRandom r = new DeterministicRandom(11, "doubles");
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            double d = r.nextDouble();
            assertThat(d).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            sum += d;
            assertThat(r.chance(0.0)).isFalse();
            assertThat(r.chance(1.0)).isTrue();
        }
        // A loose sanity bound that a stuck stream (all zeros, all ones) fails.
        assertThat(sum / 1000).isBetween(0.4, 0.6);
    }

    @Test
    void theSecureRandomViewIgnoresReseedingAndFollowsTheStream() {
        SecureRandom view = new DeterministicRandom(9, "view").asSecureRandom();
        view.setSeed(123456789L);
        view.setSeed(new byte[] {1, 2, 3});
        byte[] fromView = new byte[48];
        view.nextBytes(fromView);
        assertThat(fromView).isEqualTo(new DeterministicRandom(9, "view").bytes(48));
        assertThat(new DeterministicRandom(9, "view").asSecureRandom().generateSeed(16))
                .isEqualTo(new DeterministicRandom(9, "view").bytes(16));
    }

    /** A draw of exactly the rejection limit is in the incomplete last multiple: it is rejected, not reduced. */
    @Test
    void aDrawEqualToTheRejectionLimitIsRejected() {
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % 3);
        java.util.Iterator<Long> draws = java.util.List.of(limit, 7L).iterator();
        assertThat(DeterministicRandom.below(3, draws::next)).isEqualTo(1);
        assertThat(draws.hasNext()).isFalse();
    }

    @Test
    void nextIntIsTheBoundedLongOfTheSameStream() {
        DeterministicRandom a = new DeterministicRandom(4, "ints");
        DeterministicRandom b = new DeterministicRandom(4, "ints");
        java.util.Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 20; i++) {
            int v = a.nextInt(1000);
            assertThat((long) v).isEqualTo(b.nextLong(1000));
            seen.add(v);
        }
        assertThat(seen.size()).isGreaterThan(1);
    }

    /** chance(p) is true exactly when the next double is below p, and a chance of zero draws nothing. */
    @Test
    void chanceIsTheNextDoubleStrictlyBelowPAndZeroDrawsNothing() {
        DeterministicRandom a = new DeterministicRandom(6, "chance");
        DeterministicRandom b = new DeterministicRandom(6, "chance");
        double next = b.nextDouble();
        assertThat(a.chance(next)).isFalse();
        assertThat(a.chance(Math.nextUp(b.nextDouble()))).isTrue();
        assertThat(a.chance(0)).isFalse();
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
