package org.trustlab.properties.campaign;

import java.util.List;
import java.util.Objects;

/**
 * One campaign run as {@code runs.jsonl} records it: which run (index, seed, generator size), its identity (the
 * trace's SHA-256), the invariants it violated (sorted ids; {@code admitted}: those of them the design admits in
 * this scenario, see {@link AdmittedGap}), those the run gave nothing to judge ({@code vacuous}, sorted ids), the
 * network conditions it was drawn under, and the
 * protocol attempts, acceptances and request-to-acceptance latencies (virtual milliseconds) the reports plot.
 */
public record RunRecord(int index, long seed, int size, String traceSha256, List<String> violations,
        List<String> admitted, List<String> vacuous, ScenarioMeta meta, RunMetrics metrics) {
    public RunRecord {
        Objects.requireNonNull(traceSha256, "traceSha256");
        violations = List.copyOf(violations);
        admitted = List.copyOf(admitted);
        vacuous = List.copyOf(vacuous);
        if (!violations.containsAll(admitted)) {
            throw new IllegalArgumentException("admitted violations must be violations: " + admitted);
        }
        for (String id : vacuous) {
            if (violations.contains(id)) {
                throw new IllegalArgumentException(id + " cannot be both violated and vacuous in one run");
            }
        }
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** A run in which the design admits none of the violations and every check judged something. */
    public RunRecord(int index, long seed, int size, String traceSha256, List<String> violations, ScenarioMeta meta,
            RunMetrics metrics) {
        this(index, seed, size, traceSha256, violations, List.of(), List.of(), meta, metrics);
    }

    public boolean violated() {
        return !violations.isEmpty();
    }

    /** A violation the source design does not admit in this run's scenario. */
    public boolean violatedUnexpectedly() {
        return violations.size() > admitted.size();
    }

    /** The line {@code campaignSha256} hashes: index, seed, trace hash and violated ids, tab-separated. */
    String identityLine() {
        return index + "\t" + seed + "\t" + traceSha256 + "\t" + String.join(",", violations);
    }
}
