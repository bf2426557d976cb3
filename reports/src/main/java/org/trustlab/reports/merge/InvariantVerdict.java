package org.trustlab.reports.merge;

import java.util.Optional;

/**
 * One invariant over a whole (merged) campaign: runs, runs that gave it something to judge, runs that violated it,
 * and the one-sided 95% Clopper–Pearson upper bound on its violation rate recomputed from those merged counts over
 * the judged runs (bounds of shards do not combine).
 */
public record InvariantVerdict(String id, String statement, long runs, long judged, long violations, double upper95,
        long admitted, Optional<String> admittedBecause) {
    public InvariantVerdict(String id, String statement, long runs, long judged, long violations, double upper95) {
        this(id, statement, runs, judged, violations, upper95, 0, Optional.empty());
    }
}
