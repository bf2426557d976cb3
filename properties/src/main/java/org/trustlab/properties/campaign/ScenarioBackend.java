package org.trustlab.properties.campaign;

import java.util.Map;
import java.util.Optional;
import org.trustlab.simulator.trace.Trace;

/**
 * The campaign's view of the simulator: run a scenario given as plain data (the shape of a scenario YAML file),
 * render it and its trace as the files a user replays, and replay such a file. {@link SimulatorBackend} is the real
 * one; tests may substitute a small fake to exercise the runner alone.
 */
public interface ScenarioBackend {
    /**
     * What ran: the scenario as actually run (a backend may drop attacker steps that cannot be carried out at their
     * time, so that the scenario is one that replays) and its trace.
     */
    record Execution(Map<String, Object> scenario, Trace trace) {}

    /** Runs the scenario under its own {@code seed}; throws {@code ScenarioException} if it cannot be run. */
    Execution run(Map<String, Object> scenario);

    /** The scenario as a YAML file that loads back to the same scenario. */
    String toYaml(Map<String, Object> scenario);

    /** The trace as JSON Lines, exactly as {@code trustlab replay --trace} writes it. */
    String traceJsonLines(Trace trace);

    /** Loads a scenario file's text as {@code trustlab replay} would and runs it. */
    Trace replay(String yaml);

    /** The attacker-free twin of the scenario's run ({@link TwinRun}), when it has one; none by default. */
    default Optional<Trace> twin(Map<String, Object> scenario) {
        return Optional.empty();
    }

    /** The twin of a scenario file's run, loaded as {@link #replay} loads it. */
    default Optional<Trace> replayTwin(String yaml) {
        return Optional.empty();
    }
}
