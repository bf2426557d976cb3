package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Map;

/**
 * Everything a campaign found, in memory, before it is written: the checks it ran, every run in index order, the
 * violation count per check (runs that violated it, not violations within a run), the shrunk failures, the
 * campaign's identity hash and its wall time (the only field that depends on the machine and thread count).
 */
public record CampaignResult(CampaignSpec spec, List<TraceCheck> checks, List<RunRecord> runs,
        Map<String, Integer> violations, List<Failure> failures, String campaignSha256, double wallTimeSeconds) {
    public CampaignResult {
        checks = List.copyOf(checks);
        runs = List.copyOf(runs);
        violations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(violations));
        failures = List.copyOf(failures);
    }

    public int totalViolatingRuns() {
        return (int) runs.stream().filter(RunRecord::violated).count();
    }

    public boolean anyViolation() {
        return violations.values().stream().anyMatch(v -> v > 0);
    }

    public double upper95(String checkId) {
        return ClopperPearson.upper95(violations.getOrDefault(checkId, 0), runs.size());
    }
}
