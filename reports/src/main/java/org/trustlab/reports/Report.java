package org.trustlab.reports;

import java.util.List;

/**
 * Everything a report states, as data: what {@code report.json} holds and what {@code report.html} and
 * {@code report.md} render. The drawings are kept apart in {@link Drawings}, keyed by the ids used here.
 */
public record Report(String title, String generatedBy, List<String> inputs, String graphEngine,
        List<VerdictRow> verdicts, List<MutantRow> mutants, List<CampaignView> campaigns, List<FailureView> failures,
        List<String> notes, List<ProfileRow> profiles) {
    public Report {
        profiles = List.copyOf(profiles);
        inputs = List.copyOf(inputs);
        verdicts = List.copyOf(verdicts);
        mutants = List.copyOf(mutants);
        campaigns = List.copyOf(campaigns);
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }
}
