package org.trustlab.reports.input;

import java.nio.file.Path;
import java.util.List;

/** One protocol's campaign result directory ({@code DIR/<protocol>/}), read whole and checked for consistency. */
public record CampaignDir(Path dir, Summary summary, List<RunLine> runs, List<FailureCase> failures,
        List<MutantLine> mutants) {
    public CampaignDir {
        runs = List.copyOf(runs);
        failures = List.copyOf(failures);
        mutants = List.copyOf(mutants);
    }
}
