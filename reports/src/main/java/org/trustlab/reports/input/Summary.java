package org.trustlab.reports.input;

import java.util.List;
import java.util.Optional;

/**
 * {@code DIR/<protocol>/summary.json} as the campaign writes it. {@code runs} is what this directory ran (a shard's
 * share); {@code totalRuns} is the whole campaign's size, which is what shards must add up to.
 */
public record Summary(String protocol, long runs, long totalRuns, long seed, Optional<String> mutant,
        Optional<ShardRef> shard, RunIndices runIndices, List<InvariantLine> invariants, List<String> failureFiles,
        Optional<String> campaignSha256, double wallTimeSeconds, long jobs) {

    /** Shard {@code index} of {@code count}. */
    public record ShardRef(long index, long count) {
        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    public Summary {
        mutant = mutant == null ? Optional.empty() : mutant;
        shard = shard == null ? Optional.empty() : shard;
        invariants = List.copyOf(invariants);
        failureFiles = List.copyOf(failureFiles);
        campaignSha256 = campaignSha256 == null ? Optional.empty() : campaignSha256;
    }
}
