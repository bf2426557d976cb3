package org.trustlab.simulator.scenario;

import java.util.Optional;
import org.trustlab.simulator.trace.Trace;

/**
 * Evaluates invariant expectations. Invariants live in {@code properties}, which the simulator must not depend
 * on, so whoever runs a scenario (the CLI, a campaign) hands the runner an oracle over its catalogue.
 */
@FunctionalInterface
public interface InvariantOracle {
    /** The invariant's verdict on the trace; empty when the id is unknown. */
    Optional<InvariantVerdict> judge(String invariantId, Trace trace);

    /**
     * The invariant's verdict on the trace of {@code scenario}'s run under {@code seed}: an invariant that compares
     * the run with another run of the same scenario (its attacker-free twin) needs both.
     */
    default Optional<InvariantVerdict> judge(String invariantId, Scenario scenario, long seed, Trace trace) {
        return judge(invariantId, trace);
    }

    /** An oracle that knows no invariant. */
    static InvariantOracle none() {
        return (id, trace) -> Optional.empty();
    }
}
