package org.trustlab.properties.campaign;

import java.util.Objects;
import java.util.Optional;

/**
 * What to run: {@code runs} scenarios of {@code protocol} drawn from {@code seed} (the shard's share of them),
 * optionally against a mutant, on {@code jobs} threads. {@code shrinkBudget} bounds the scenario runs one shrink may
 * spend; {@code failuresPerInvariant} how many failing runs per invariant are shrunk and written (the lowest run
 * indices, so the choice does not depend on thread timing). {@code validate} switches the per-run trace checks
 * (trace validation against the model) on.
 */
public record CampaignSpec(String protocol, int runs, long seed, Optional<String> mutant, Shard shard, int jobs,
        boolean validate, int shrinkBudget, int failuresPerInvariant) {

    public static final int DEFAULT_SHRINK_BUDGET = 2000;

    public CampaignSpec {
        Objects.requireNonNull(protocol, "protocol");
        mutant = mutant == null ? Optional.empty() : mutant;
        shard = shard == null ? Shard.WHOLE : shard;
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (shrinkBudget < 0) {
            throw new IllegalArgumentException("shrink budget must not be negative, got " + shrinkBudget);
        }
        if (failuresPerInvariant < 0) {
            throw new IllegalArgumentException("failures per invariant must not be negative, got "
                    + failuresPerInvariant);
        }
    }

    public static CampaignSpec of(String protocol, int runs, long seed) {
        return new CampaignSpec(protocol, runs, seed, Optional.empty(), Shard.WHOLE,
                Runtime.getRuntime().availableProcessors(), true, DEFAULT_SHRINK_BUDGET, 1);
    }

    public CampaignSpec withMutant(String m) {
        return new CampaignSpec(protocol, runs, seed, Optional.ofNullable(m), shard, jobs, validate, shrinkBudget,
                failuresPerInvariant);
    }

    public CampaignSpec withShard(Shard s) {
        return new CampaignSpec(protocol, runs, seed, mutant, s, jobs, validate, shrinkBudget, failuresPerInvariant);
    }

    public CampaignSpec withRuns(int r) {
        return new CampaignSpec(protocol, r, seed, mutant, shard, jobs, validate, shrinkBudget, failuresPerInvariant);
    }

    public CampaignSpec withJobs(int j) {
        return new CampaignSpec(protocol, runs, seed, mutant, shard, j, validate, shrinkBudget, failuresPerInvariant);
    }

    public CampaignSpec withValidate(boolean v) {
        return new CampaignSpec(protocol, runs, seed, mutant, shard, jobs, v, shrinkBudget, failuresPerInvariant);
    }

    public CampaignSpec withProtocol(String p) {
        return new CampaignSpec(p, runs, seed, mutant, shard, jobs, validate, shrinkBudget, failuresPerInvariant);
    }

    /** How many runs this shard executes. */
    public int shardRuns() {
        return shard.size(runs);
    }
}
