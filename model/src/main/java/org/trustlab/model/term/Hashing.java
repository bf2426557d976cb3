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

    /** Tags of the term constructors, so that a pattern can compute an instance's hash without building it. */
    public static final int AGENT = 1;
    public static final int NONCE = 2;
    public static final int SYMKEY = 3;
    public static final int NAME = 4;
    public static final int TIMESTAMP = 5;
    public static final int PUBLIC_KEY = 6;
    public static final int PRIVATE_KEY = 7;
    public static final int HASH = 8;
    public static final int SIGN = 9;
    public static final int AENC = 10;
    public static final int SENC = 11;
    public static final int MAC = 12;
    public static final int TUPLE = 13;
    public static final int VAR = 14;
    public static final int SHARED_KEY = 15;

    /** The starting value of a constructor's hash; {@link #combine} each argument's hash into it, in order. */
    public static long seed(int tag) {
        return mix(tag * GOLDEN);
    }

    public static long tagged(int tag, long a) {
        return combine(seed(tag), a);
    }

    public static long tagged(int tag, long a, long b) {
        return combine(combine(seed(tag), a), b);
    }

    public static long tagged(int tag, long... parts) {
        long h = seed(tag);
        for (long p : parts) {
            h = combine(h, p);
        }
        return h;
    }
}
