package org.trustlab.reports;

import java.util.List;
import java.util.Optional;
import org.trustlab.reports.stats.Statistics;

/**
 * A campaign's (or replay's) section: where it came from, what it covers, its identity hash and whether it was
 * verified, its statistics, and the trust graph of a typical run ({@code typicalGraph} empty with {@code
 * typicalNote} saying why, when no trace of a passing run is available).
 */
public record CampaignView(String anchor, String kind, String protocol, Optional<String> mutant, long seed,
        long runs, String coverage, String campaignSha256, String hashStatus, List<String> sources,
        Statistics statistics, Optional<GraphView> typicalGraph, String typicalNote,
        List<ExpectationLine> expectations) {

    /** A replay's expectation line, as {@code trustlab replay} printed it. */
    public record ExpectationLine(String text, boolean holds) {}

    public CampaignView {
        sources = List.copyOf(sources);
        expectations = List.copyOf(expectations);
    }
}
