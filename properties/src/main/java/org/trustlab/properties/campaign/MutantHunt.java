package org.trustlab.properties.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.trustlab.properties.Mutant;

/**
 * How many runs a campaign needs to catch a mutant: under each seed, the campaign's runs in index order until the
 * first one that violates (unexpectedly) an invariant the mutant names. A run is a function of (seed, index) alone
 * ({@link RunSeeds}), so a campaign of n runs is the first n runs of any longer one, and the search can grow the
 * campaign (64, 256, 1,024, ... up to the cap) instead of running the whole cap when the mutant falls early. No
 * shrinking, no model validation: a hunt measures how soon the invariants see the bug, nothing else.
 */
public final class MutantHunt {
    private static final int FIRST_CHUNK = 64;

    /** Under {@code seed}: the runs needed to the first failure (1 = the first run), or empty within {@code cap}. */
    public record Result(String mutant, long seed, OptionalInt runsToFirstFailure, int cap) {
        public boolean caught() {
            return runsToFirstFailure.isPresent();
        }
    }

    private final CampaignRunner runner;

    public MutantHunt(CampaignRunner runner) {
        this.runner = runner;
    }

    /** A hunt with the protocol's campaign runner, without model validation. */
    public static MutantHunt of(String protocol) {
        return new MutantHunt(Campaigns.runner(protocol, false));
    }

    public Result hunt(Mutant mutant, long seed, int cap, int jobs) {
        int runs = Math.min(FIRST_CHUNK, cap);
        while (true) {
            CampaignSpec spec = new CampaignSpec(mutant.protocol(), runs, seed, Optional.of(mutant.name()),
                    Shard.WHOLE, jobs, false, 0, 0);
            CampaignResult r = runner.run(spec, CampaignProgress.SILENT);
            for (RunRecord run : r.runs()) {
                if (caughtIn(mutant, run)) {
                    return new Result(mutant.name(), seed, OptionalInt.of(run.index() + 1), cap);
                }
            }
            if (runs >= cap) {
                return new Result(mutant.name(), seed, OptionalInt.empty(), cap);
            }
            runs = (int) Math.min(cap, runs * 4L);
        }
    }

    /** The run violates, where the design does not admit it, one of the invariants the mutant must break. */
    static boolean caughtIn(Mutant mutant, RunRecord run) {
        for (String id : mutant.breaks()) {
            if (run.violations().contains(id) && !run.admitted().contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** The median of the runs to first failure over seeds; empty when any seed missed (the median is then unknown). */
    public static OptionalInt median(List<Result> results) {
        List<Integer> found = new ArrayList<>();
        for (Result r : results) {
            if (r.runsToFirstFailure().isEmpty()) {
                return OptionalInt.empty();
            }
            found.add(r.runsToFirstFailure().getAsInt());
        }
        if (found.isEmpty()) {
            return OptionalInt.empty();
        }
        found.sort(Integer::compare);
        return OptionalInt.of(found.get(found.size() / 2));
    }
}
