package org.trustlab.simulator.scenario;

import java.util.List;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.world.Simulation;

/**
 * Runs scenarios: (scenario, seed) to a {@link RunResult}. The same pair always gives the same trace, byte for
 * byte, in this JVM or another. Invariant expectations are judged by the {@link InvariantOracle} the caller
 * supplies (the simulator knows no invariants).
 */
public final class ScenarioRunner {
    private final ProtocolBindings bindings;
    private final InvariantOracle oracle;

    public ScenarioRunner(ProtocolBindings bindings, InvariantOracle oracle) {
        this.bindings = bindings;
        this.oracle = oracle;
    }

    public ScenarioRunner(InvariantOracle oracle) {
        this(ProtocolBindings.standard(), oracle);
    }

    /** With the shipped protocols and no invariant oracle (invariant expectations then fail as unknown). */
    public static RunResult run(Scenario scenario, long seed) {
        return new ScenarioRunner(ProtocolBindings.standard(), InvariantOracle.none()).execute(scenario, seed);
    }

    public RunResult execute(Scenario scenario) {
        return execute(scenario, scenario.seed());
    }

    public RunResult execute(Scenario scenario, long seed) {
        ProtocolBinding<?> binding = bindings.find(scenario.protocol()).orElseThrow(() -> new ScenarioException(
                "unknown protocol '" + scenario.protocol() + "' (known: " + String.join(", ", bindings.names())
                        + ")", "/protocol"));
        return simulate(scenario, seed, binding);
    }

    private <M> RunResult simulate(Scenario scenario, long seed, ProtocolBinding<M> binding) {
        Simulation<M> sim = new Simulation<>(scenario, binding, seed);
        Trace trace = sim.run();
        return new RunResult(scenario, seed, trace, judge(scenario, seed, trace), sim.roleErrors(),
                sim.eventsFired());
    }

    /**
     * The scenario's expectations judged on a trace of its run, as {@link #execute} judges them: a run is a function
     * of (scenario, seed), so expectations changed after the run (say, mutated to see whether they can fail) are
     * judged on its trace without running it again.
     */
    public List<ExpectationResult> judge(Scenario scenario, Trace trace) {
        return judge(scenario, scenario.seed(), trace);
    }

    /** As {@link #judge(Scenario, Trace)}, for a run under {@code seed}. */
    public List<ExpectationResult> judge(Scenario scenario, long seed, Trace trace) {
        ProtocolBinding<?> binding = bindings.find(scenario.protocol()).orElseThrow();
        BindingContext ctx = scenario.bindingContext();
        Naming naming = new Naming(binding.vocabulary().matchFields(), device -> binding.aliases(device, ctx));
        InvariantOracle ofThisRun = (id, t) -> oracle.judge(id, scenario, seed, t);
        return Expectations.check(scenario.expect(), trace, ofThisRun, naming);
    }
}
