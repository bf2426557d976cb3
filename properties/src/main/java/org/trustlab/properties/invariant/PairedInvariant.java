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
    /** The attacked run judged against its twin: what the twin completed is what it judges. */
    Judgement judge(Trace attacked, Trace twin);

    /** The violations alone. */
    default List<Violation> check(Trace attacked, Trace twin) {
        return judge(attacked, twin).violations();
    }

    /** Alone, a run has nothing to be compared with: nothing to judge, so vacuous, never violated. */
    @Override
    default Judgement judge(Trace trace) {
        return new Judgement(0, List.of());
    }
}
