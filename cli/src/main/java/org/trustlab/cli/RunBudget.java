package org.trustlab.cli;

import java.util.Locale;
import org.trustlab.properties.campaign.CampaignSpec;
import org.trustlab.properties.campaign.Shard;

/**
 * How many runs one campaign process may hold. A campaign keeps every run's record in memory until it writes
 * runs.jsonl (the shrinker picks failures from the complete, ordered results), so {@code --runs} beyond what the
 * heap holds would end in an OutOfMemoryError after hours. Instead the campaign runs the first runs that fit and
 * answers {@code unknown} (exit 4) for the rest, saying how far it got; {@code --shard} splits larger campaigns
 * over processes.
 *
 * <p>{@link #BYTES_PER_RUN} is an upper bound on a run's retained record (index, seeds, the trace hash, violations,
 * network profile and latencies) measured on autojoin and vouch campaigns with several times the margin, plus the
 * record's share of runs.jsonl while it is written.
 */
record RunBudget(long bytes) {
    static final long BYTES_PER_RUN = 4096;
    /** The share of the maximum heap the records may take; the rest is the simulator's, generators' and report's. */
    static final double HEAP_SHARE = 0.5;

    static RunBudget ofHeap() {
        return new RunBudget((long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    static RunBudget ofMegabytes(long mb) {
        return new RunBudget(mb * 1024 * 1024);
    }

    long runsThatFit() {
        return Math.max(1, bytes / BYTES_PER_RUN);
    }

    /** {@code spec} itself when its shard's runs fit, else the same campaign cut to the first runs that fit. */
    CampaignSpec fit(CampaignSpec spec) {
        long fit = runsThatFit();
        if (spec.shardRuns() <= fit) {
            return spec;
        }
        Shard s = spec.shard();
        // The shard's first `fit` runs are the run indices below index + (fit - 1) * count + 1.
        long total = s.index() + (fit - 1) * s.count() + 1;
        return spec.withRuns((int) Math.min(Integer.MAX_VALUE, total));
    }

    String warning(CampaignSpec requested, CampaignSpec cut) {
        return String.format(Locale.ROOT, "%s: %,d runs need more memory than the budget (%,d MB: %,d runs); "
                + "running the first %,d and answering unknown for the rest (split with --shard i/n, or give the "
                + "JVM more heap with JAVA_TOOL_OPTIONS=-Xmx...)", requested.protocol(), requested.shardRuns(),
                bytes / (1024 * 1024), runsThatFit(), cut.shardRuns());
    }

    String reached(CampaignSpec requested, CampaignSpec cut) {
        return String.format(Locale.ROOT, "%,d of the %,d runs asked for were reached within the memory budget;"
                + " the verdict above covers those", cut.shardRuns(), requested.shardRuns());
    }
}
