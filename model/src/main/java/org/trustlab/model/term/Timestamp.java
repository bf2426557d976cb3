package org.trustlab.model.term;

/**
 * A point of abstract time (a tick count). Times are public: anyone can write any timestamp, which is why a
 * timestamp only means something inside a signature or next to a verifier's own clock.
 */
public final class Timestamp implements Term {
    private static final Timestamp[] SMALL = new Timestamp[64];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new Timestamp(i);
        }
    }

    private final int ticks;
    private final long hash;

    private Timestamp(int ticks) {
        this.ticks = ticks;
        this.hash = Hashing.tagged(Hashing.TIMESTAMP, ticks);
    }

    public static Timestamp of(int ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("negative time " + ticks);
        }
        return ticks < SMALL.length ? SMALL[ticks] : new Timestamp(ticks);
    }

    public int ticks() {
        return ticks;
    }

    @Override
    public long hash64() {
        return hash;
    }

    @Override
    public boolean ground() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Timestamp t && t.ticks == ticks);
    }

    @Override
    public int hashCode() {
        return (int) hash;
    }

    @Override
    public String toString() {
        return "t" + ticks;
    }
}
