package org.trustlab.properties.campaign;

/**
 * Run seeds derived from the campaign's master seed: run {@code i}'s seed is a function of (master, i) alone, so a
 * run is the same whichever thread or shard executes it, and any single run can be replayed from its index.
 * SplitMix64's finaliser spreads neighbouring indices over the whole 64-bit space (Steele, Lea, Flood 2014).
 */
public final class RunSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RunSeeds() {}

    public static long runSeed(long masterSeed, int runIndex) {
        if (runIndex < 0) {
            throw new IllegalArgumentException("run index must not be negative: " + runIndex);
        }
        // Non-negative so the seed reads the same in YAML, on the command line and in JSON.
        return mix64(mix64(masterSeed) + GOLDEN_GAMMA * (runIndex + 1L)) & Long.MAX_VALUE;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
