package org.trustlab.reports.merge;

import java.util.List;

/**
 * Which runs of a campaign the report covers: {@code runsPresent} of {@code totalRuns}, from which shards
 * ({@code "0/2"}, {@code "1/2"}, or {@code "whole"}). {@code complete} is false only for a single shard shown on its
 * own; merging inputs that leave a gap or overlap is refused instead.
 */
public record Coverage(boolean complete, long runsPresent, long totalRuns, List<String> shards) {
    public Coverage {
        shards = List.copyOf(shards);
    }

    public String describe() {
        if (shards.equals(List.of("whole"))) {
            return "all " + totalRuns + " runs";
        }
        return (complete ? "all " + totalRuns : "PARTIAL: " + runsPresent + " of " + totalRuns) + " runs, merged from "
                + "shard" + (shards.size() == 1 ? " " : "s ") + String.join(", ", shards);
    }
}
