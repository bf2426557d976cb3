package org.trustlab.model.term;

/**
 * 64-bit structural hashing. Every term carries a hash computed from its structure alone (never from object
 * identity or an interning order), so state fingerprints are the same whatever thread built a term first and
 * whatever order terms were created in: the checker's results do not depend on the thread count.
 */
public final class Hashing {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** SplitMix64's finaliser: a bijective mix with full avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Order-sensitive combination: combine(combine(h, a), b) differs from combine(combine(h, b), a). */
    public static long combine(long h, long x) {
        return mix(h * GOLDEN + x);
    }

    public static long of(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    static long tagged(int tag, long... parts) {
        long h = mix(tag * GOLDEN);
        for (long p : parts) {
            h = combine(h, p);
        }
        return h;
    }
}
