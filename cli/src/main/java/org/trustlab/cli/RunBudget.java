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
 * <p>{@link #BYTES_PER_RUN} bounds what one run keeps. A class histogram ({@code jcmd PID GC.class_histogram}
 * during {@code trustlab campaign --protocol autojoin --runs 200000 --no-validate --no-report}, 2026-12-07) showed
 * about 350 bytes per run: the RunRecord (48 bytes), its ScenarioMeta (32) and RunMetrics (24), the trace hash as a
 * String (about 100), the latency list and its Doubles, the slot in the results array. 1 KiB leaves about three
 * times that. runs.jsonl is written line by line and adds nothing per run.
 */
record RunBudget(long bytes) {
    static final long BYTES_PER_RUN = 1024;
    /** The share of the maximum heap the records may take; the rest is the simulator's, generators' and report's. */
    static final double HEAP_SHARE = 0.5;

    static RunBudget ofHeap() {
        return new RunBudget((long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE));
    }

    /** {@code 512k}, {@code 64m}, {@code 2g}, or a plain number of megabytes; IllegalArgumentException otherwise. */
    static RunBudget parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})([kmg]?)")
                .matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            throw new IllegalArgumentException("--memory-budget must look like 512k, 64m or 2g, got '" + text + "'");
        }
        long unit = switch (m.group(2)) {
            case "k" -> 1024L;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1024L * 1024;
        };
        return new RunBudget(Long.parseLong(m.group(1)) * unit);
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
        return String.format(Locale.ROOT, "%s: %,d runs need more memory than the budget (%,d KiB: %,d runs); "
                + "running the first %,d and answering unknown for the rest (split with --shard i/n, or give the "
                + "JVM more heap with JAVA_TOOL_OPTIONS=-Xmx...)", requested.protocol(), requested.shardRuns(),
                bytes / 1024, runsThatFit(), cut.shardRuns());
    }

    String reached(CampaignSpec requested, CampaignSpec cut) {
        return String.format(Locale.ROOT, "%,d of the %,d runs asked for were reached within the memory budget;"
                + " the verdict above covers those", cut.shardRuns(), requested.shardRuns());
    }
}
