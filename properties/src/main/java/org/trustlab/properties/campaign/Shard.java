package org.trustlab.properties.campaign;

/**
 * One slice of a campaign: shard {@code index} of {@code count} runs exactly the run indices ≡ index (mod count).
 * Striding (rather than contiguous blocks) keeps shards balanced when run cost drifts with the run index, and makes
 * the union of shards 0..count−1 the unsharded campaign by construction.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be at least 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be in 0.." + (count - 1) + ", got " + index);
        }
    }

    /** Parses {@code i/n}; anything else is bad input with a message that says what was expected. */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("shard must look like i/n (e.g. 0/2), got '" + text + "'");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(text.substring(0, slash).trim());
            n = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must look like i/n (e.g. 0/2), got '" + text + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("shard count must be at least 1 in '" + text + "'");
        }
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("shard index must be in 0.." + (n - 1) + " in '" + text + "'");
        }
        return new Shard(i, n);
    }

    public boolean isWhole() {
        return count == 1;
    }

    public boolean contains(int runIndex) {
        return runIndex % count == index;
    }

    /** How many of the runs 0..totalRuns−1 this shard takes. */
    public int size(int totalRuns) {
        return totalRuns <= index ? 0 : (totalRuns - 1 - index) / count + 1;
    }

    /** The k-th run index of this shard (k in 0..size−1). */
    public int runIndex(int k) {
        return index + k * count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
