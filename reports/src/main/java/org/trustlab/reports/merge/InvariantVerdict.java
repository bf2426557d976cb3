package org.trustlab.reports.merge;

import java.util.Optional;

/**
 * One invariant over a whole (merged) campaign: runs, runs that violated it, and the one-sided 95% Clopper–Pearson
 * upper bound on its violation rate recomputed from those merged counts (bounds of shards do not combine).
 */
public record InvariantVerdict(String id, String statement, long runs, long violations, double upper95,
        long admitted, Optional<String> admittedBecause) {
    public InvariantVerdict(String id, String statement, long runs, long violations, double upper95) {
        this(id, statement, runs, violations, upper95, 0, Optional.empty());
    }
}
