package org.trustlab.reports.input;

import java.util.List;

/**
 * One line of {@code runs.jsonl}: a run's identity (index, seed, generator size, trace hash; size -1 when not
 * recorded), the invariants it violated, those it had nothing to judge in (vacuous), and what the statistics need.
 */
public record RunLine(long index, long seed, long size, String traceSha256, List<String> violations, String network,
        double loss, double offlineProbability, long attempts, long accepted, List<Double> latenciesMs,
        String profile, List<String> admitted, List<String> vacuous) {
    public RunLine {
        violations = List.copyOf(violations);
        latenciesMs = List.copyOf(latenciesMs);
        admitted = List.copyOf(admitted);
        vacuous = List.copyOf(vacuous);
    }

    public RunLine(long index, long seed, long size, String traceSha256, List<String> violations, String network,
            double loss, double offlineProbability, long attempts, long accepted, List<Double> latenciesMs) {
        this(index, seed, size, traceSha256, violations, network, loss, offlineProbability, attempts, accepted,
                latenciesMs, "unknown", List.of(), List.of());
    }

    /**
     * The line {@code campaignSha256} hashes (index, seed, trace hash, violated ids; tab-separated), as the campaign
     * computes it, so a merged set of shards can be checked against the unsharded campaign's identity.
     */
    public String identityLine() {
        return index + "\t" + seed + "\t" + traceSha256 + "\t" + String.join(",", violations);
    }
}
