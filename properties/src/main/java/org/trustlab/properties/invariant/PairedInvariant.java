package org.trustlab.properties.invariant;

import java.util.List;
import org.trustlab.simulator.trace.Trace;

/**
 * An invariant judged on two runs of one scenario and seed: the attacked run and its attacker-free twin (the same
 * scenario with the attacker removed; see {@code TwinRun}). No denial is such a property: what completes in the
 * twin must complete under attack. The simulation is deterministic and the attacker draws from its own streams, so
 * the twin is exactly the run the attacked one would have been without the attacker.
 */
public interface PairedInvariant extends Invariant {
    /** The violations of the attacked run measured against its twin. */
    List<Violation> check(Trace attacked, Trace twin);

    /** Alone, a run has nothing to be compared with: nothing to judge (vacuous), so nothing is violated. */
    @Override
    default List<Violation> check(Trace trace) {
        return List.of();
    }
}
