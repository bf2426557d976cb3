package org.trustlab.reports.merge;

import java.util.List;
import java.util.Optional;
import org.trustlab.reports.input.CampaignDir;
import org.trustlab.reports.input.FailureCase;
import org.trustlab.reports.input.MutantLine;
import org.trustlab.reports.input.RunLine;

/**
 * One campaign (protocol, seed, mutant) after its shards are merged: every run in index order, verdicts recomputed
 * from the merged counts, all failures and mutant results, and the campaign's identity hash recomputed over the
 * merged runs, which equals the unsharded campaign's {@code campaignSha256} exactly when the merge is faithful.
 * {@code recordedSha256} is the hash summary.json states (only for an unsharded campaign).
 */
public record Campaign(String protocol, long seed, Optional<String> mutant, List<CampaignDir> parts,
        List<RunLine> runs, List<InvariantVerdict> invariants, List<FailureCase> failures, List<MutantLine> mutants,
        Coverage coverage, String campaignSha256, Optional<String> recordedSha256) {
    public Campaign {
        parts = List.copyOf(parts);
        runs = List.copyOf(runs);
        invariants = List.copyOf(invariants);
        failures = List.copyOf(failures);
        mutants = List.copyOf(mutants);
    }

    public long runCount() {
        return runs.size();
    }

    /** {@code autojoin}, or {@code autojoin with mutant autojoin.no-replay-cache}. */
    public String title() {
        return protocol + mutant.map(m -> " with mutant " + m).orElse("") + " (seed " + seed + ")";
    }

    public boolean hashVerified() {
        return recordedSha256.map(campaignSha256::equals).orElse(false);
    }
}
