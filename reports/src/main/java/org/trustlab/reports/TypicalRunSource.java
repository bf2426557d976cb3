package org.trustlab.reports;

import java.util.Optional;
import org.trustlab.reports.merge.Campaign;

/**
 * Where the report gets a typical run of a campaign from. Campaign directories hold traces only of failures, so
 * the standard source ({@link TypicalRuns#resimulate()}) re-simulates a passing run from its recorded seed and
 * checks the result against its recorded trace hash.
 */
public interface TypicalRunSource {
    /** A run, or none with the reason the report prints instead of the graph. */
    record Found(Optional<TypicalRun> run, String note) {
        public static Found none(String why) {
            return new Found(Optional.empty(), why);
        }
    }

    Found find(Campaign campaign);

    /** For reports that do without (and say so). */
    static TypicalRunSource none() {
        return c -> Found.none("typical runs were not requested for this report");
    }
}
