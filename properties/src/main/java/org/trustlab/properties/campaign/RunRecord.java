package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Objects;

/**
 * One campaign run as {@code runs.jsonl} records it: which run (index, seed, generator size), its identity (the
 * trace's SHA-256), the invariants it violated (sorted ids), the network conditions it was drawn under, and the
 * protocol attempts, acceptances and request-to-acceptance latencies (virtual milliseconds) the reports plot.
 */
public record RunRecord(int index, long seed, int size, String traceSha256, List<String> violations,
        ScenarioMeta meta, RunMetrics metrics) {
    public RunRecord {
        Objects.requireNonNull(traceSha256, "traceSha256");
        violations = List.copyOf(violations);
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(metrics, "metrics");
    }

    public boolean violated() {
        return !violations.isEmpty();
    }

    /** The line {@code campaignSha256} hashes: index, seed, trace hash and violated ids, tab-separated. */
    String identityLine() {
        return index + "\t" + seed + "\t" + traceSha256 + "\t" + String.join(",", violations);
    }
}
