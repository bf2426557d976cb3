package org.trustlab.properties.campaign;

import java.util.Optional;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.scenario.InvariantOracle;
import org.trustlab.simulator.scenario.Scenario;
import org.trustlab.simulator.scenario.ScenarioRunner;
import org.trustlab.simulator.trace.Trace;

/**
 * The attacker-free twin of a run: the same scenario and run seed with the attacker (its steps, strategy and key
 * compromises) removed. Every honest device, link and fault draws from its own named stream of the run seed and
 * the attacker from its own, so the twin is the very run the attacked one would have been without it. Only a run
 * that has an attacker and a liveness phase has a twin worth running: denial is judged after the phase.
 */
public final class TwinRun {
    private final ScenarioRunner runner;

    public TwinRun(ProtocolBindings bindings) {
        this.runner = new ScenarioRunner(bindings, InvariantOracle.none());
    }

    /** The twin scenario, when the run needs one. */
    public static Optional<Scenario> twinOf(Scenario attacked) {
        if (attacked.attacker().isEmpty() || attacked.quiesce().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(attacked.withAttacker(Optional.empty()).withExpect(java.util.List.of()));
    }

    /** The twin's trace under {@code seed} (the attacked run's seed), when the run needs one. */
    public Optional<Trace> run(Scenario attacked, long seed) {
        return twinOf(attacked).map(t -> runner.execute(t, seed).trace());
    }
}
