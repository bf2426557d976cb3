package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Map;

/**
 * Everything a campaign found, in memory, before it is written: the checks it ran, every run in index order, the
 * violation count per check (runs that violated it, not violations within a run), the shrunk failures, the
 * campaign's identity hash and its wall time (the only field that depends on the machine and thread count).
 */
public record CampaignResult(CampaignSpec spec, List<TraceCheck> checks, List<AdmittedGap> gaps,
        List<RunRecord> runs, Map<String, Integer> violations, Map<String, Integer> admitted, List<Failure> failures,
        String campaignSha256, double wallTimeSeconds) {
    public CampaignResult {
        checks = List.copyOf(checks);
        gaps = List.copyOf(gaps);
        runs = List.copyOf(runs);
        violations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(violations));
        admitted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(admitted));
        failures = List.copyOf(failures);
    }

    /** A result of a protocol without admitted gaps. */
    public CampaignResult(CampaignSpec spec, List<TraceCheck> checks, List<RunRecord> runs,
            Map<String, Integer> violations, List<Failure> failures, String campaignSha256, double wallTimeSeconds) {
        this(spec, checks, List.of(), runs, violations, zeros(checks), failures, campaignSha256, wallTimeSeconds);
    }

    private static Map<String, Integer> zeros(List<TraceCheck> checks) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        checks.forEach(c -> m.put(c.id(), 0));
        return m;
    }

    public int totalViolatingRuns() {
        return (int) runs.stream().filter(RunRecord::violated).count();
    }

    /** Runs with a violation the design does not admit: what makes a campaign fail. */
    public int unexpectedViolatingRuns() {
        return (int) runs.stream().filter(RunRecord::violatedUnexpectedly).count();
    }

    /** Whether any run violated a check where the design does not admit it (exit code 1). */
    public boolean anyViolation() {
        return unexpectedViolatingRuns() > 0;
    }

    public int unexpected(String checkId) {
        return violations.getOrDefault(checkId, 0) - admitted.getOrDefault(checkId, 0);
    }

    /** Runs that gave the check something to judge: the only ones that say anything about it. */
    public int judged(String checkId) {
        return runs.size() - vacuous(checkId);
    }

    /** Runs in which the check held only because nothing happened for it to judge. */
    public int vacuous(String checkId) {
        return (int) runs.stream().filter(r -> r.vacuous().contains(checkId)).count();
    }

    /**
     * The one-sided 95% Clopper-Pearson upper bound of the check's violation rate over the runs that judged
     * something (a vacuous run cannot violate it, so counting it would narrow the bound for nothing); 1 when no run
     * judged anything.
     */
    public double upper95(String checkId) {
        int judged = judged(checkId);
        return judged == 0 ? 1.0 : ClopperPearson.upper95(violations.getOrDefault(checkId, 0), judged);
    }
}
